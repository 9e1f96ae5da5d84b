import type { TimeType, Token } from '../../domain/types.js';
import type { Tense } from './clause-tense.js';
import type { TimeLexicon } from './time-lexicon.js';
import {
  addDays, addMonths, compareDays, formatDay, formatMonth, formatWeek, isoWeekday, quarterOf, shiftQuarter,
  weekdayFrom, yearOfMonth, yearOfSeason, type Day,
} from './resolve-relative.js';

/** What a recipe sees of one match besides its groups. */
export interface RecipeContext {
  lex: TimeLexicon;
  /** Publication date the relative expressions are resolved against; null when unknown. */
  anchor: Day | null;
  /** Tense of the clause around the match (computed on demand: most matches never ask). */
  tense(): Tense;
  /** Lower-cased word just before the match ("in", "since", "$"...). */
  before: string;
  /** The character just before the match ('"' before a quoted title). */
  charBefore: string;
  /** The two lower-cased words before the match, space-separated ("extended to"). */
  beforeTwo: string;
  /** The text of the match's sentence before the match. */
  sentenceBefore: string;
  /** Text just after the match (a few characters). */
  after: string;
  /** The token just before the match in its sentence. */
  tokenBefore(): Token | undefined;
  /** True when the token after the match is a common noun ("the Jan. 14 deadline"), or a plural one ("2000 troops"). */
  nounAfter(plural?: boolean): boolean;
  /** The latest quarter mentioned earlier in the article ("the third quarter" → "a year ago" is that quarter, a year back). */
  lastQuarter: { y: number; q: number } | null;
  /** The latest calendar date named outright earlier in the article ("that year", "the following day" refer to it). */
  lastDate: Day | null;
  /** Its granularity: a day, a month or a year. */
  lastDateUnit: 'day' | 'month' | 'year' | null;
}

export interface RecipeResult {
  value: string;
  type?: TimeType;
  /** True when the value was computed from the publication date. */
  anchored?: boolean;
}

type Groups = Record<string, string | undefined>;
export type Recipe = (g: Groups, ctx: RecipeContext) => RecipeResult | null;

const lower = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ').replace(/[’]/g, "'");
const word = (s: string | undefined): string => lower(s).replace(/\.$/, '');
const pad2 = (n: number): string => String(n).padStart(2, '0');
/** Calendar names are proper nouns: "may" and "march" in lower case are a verb and a noun. */
const capitalised = (s: string | undefined): boolean => !!s && s[0] !== s[0]!.toLowerCase();

const PREPOSITIONS = new Set([
  'in', 'since', 'until', 'till', 'by', 'of', 'from', 'to', 'through', 'during', 'before', 'after', 'between', 'and',
  'or', 'on', 'early', 'late', 'mid', 'last', 'this', 'next', 'throughout', 'into', 'over', 'around', 'as', 'for',
]);
const YEAR_LEADS = new Set([
  'the', 'in', 'since', 'until', 'till', 'by', 'from', 'to', 'through', 'during', 'before', 'after', 'between', 'and',
  "'s", 'of', 'for', 'around', 'year', 'early', 'late', 'mid', 'fiscal', 'its', 'his', 'her', 'their', 'a', 'our',
]);
const NOT_YEAR_LEADS = new Set(['$', '€', '£', 'no', 'no.', 'number', 'about', 'some', 'nearly', 'over', 'than', 'almost', 'roughly', 'approximately', 'only', 'just', 'least']);

function count(lex: TimeLexicon, n: string | undefined): number | 'X' | null {
  const w = lower(n);
  if (w === '') return 1;
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  const v = lex.numbers[w];
  if (v !== undefined) return v;
  // Compound number words: "twenty four", "thirty-six".
  const parts = w.split(/[\s-]+/).map((p) => lex.numbers[p]);
  if (parts.length === 2 && typeof parts[0] === 'number' && typeof parts[1] === 'number') return parts[0] + parts[1];
  return null;
}

/** "$500 million a year", "four flights a week", "24 hours a day": an amount or a counted plural before "a <unit>" makes a rate. */
function isRateBase(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.pos === 'NUM' || /^(million|billion|thousand|hundred|percent|%)$/.test(t.normal)) return true;
  return t.pos === 'NOUN' && t.normal !== t.lemma && t.normal.endsWith('s');
}

/** Unit word (any case, plural) → lexicon unit code. */
function unitOf(lex: TimeLexicon, u: string | undefined): string | null {
  const w = lower(u);
  return lex.units[w] ?? lex.units[w.replace(/(ie)?s$/, (m, ie: string | undefined) => (ie ? 'y' : ''))] ?? lex.units[w.replace(/s$/, '')] ?? null;
}

/** TimeML duration of n units: P3Y, P10Y (decade), PT2H, PXW. */
const HALF_OF: Record<string, string> = { Y: '6M', M: '15D', D: 'T12H', TH: '30M', TM: '30S' };

function duration(n: number | 'X', unit: string, half = false): string {
  const m = /^(\d*)(T?)([A-Z]+)$/.exec(unit);
  if (!m) return 'PX' + unit;
  const factor = m[1] ? Number(m[1]) : 1;
  const amount = n === 'X' ? 'X' : String(+(n * factor).toFixed(2));
  // "2 1/2 years" → P2Y6M; "5 1/2 hours" → PT5H30M.
  const extra = half && n !== 'X' && factor === 1 ? HALF_OF[m[2] + m[3]] ?? '' : '';
  return `P${m[2]}${amount}${m[3]}${extra}`;
}

/** Words before a date that look forward ("by Jan. 14", "until May", "effective Feb. 1") or back ("since May"). */
const LOOKS_FORWARD = new Set(['by', 'until', 'till', 'through', 'effective', 'payable', 'due', 'starting']);
/**
 * Words that name a coming date whatever the tense of the clause: a dividend "was declared, payable Dec. 7", a rule
 * "was adopted, effective Feb. 1", an offer "was extended to Nov. 20", a deadline "postponed until Tuesday".
 */
const POINTS_FORWARD = new Set(['effective', 'payable', 'due']);
const MOVED_TO = /^(?:extended|postponed|delayed|deferred|moved|pushed back|put off|adjourned) (?:to|until|till)$/;

function tensed(ctx: RecipeContext): Tense {
  if (ctx.before === 'since') return 'past';
  if (POINTS_FORWARD.has(ctx.before) || MOVED_TO.test(ctx.beforeTwo)) return 'future';
  // "given until Tuesday to sign" looks forward; "not until Tuesday", "up until Thursday" and a fronted
  // "Until Thursday, they had…" look back from the date.
  if ((ctx.before === 'until' || ctx.before === 'till') && !/^(?:up|not) /.test(ctx.beforeTwo) && !/^\s*,/.test(ctx.after)) return 'future';
  const tense = ctx.tense();
  // "until Thursday, they had described…" stays past; "payable Dec. 7", "by Jan. 14" with no verb look forward.
  return tense === 'unknown' && LOOKS_FORWARD.has(ctx.before) ? 'future' : tense;
}

/**
 * A weekday that names a thing ("Wednesday's ruling", "a Sunday memorial service") takes no tense from the clause
 * around it ("they would look for ways around Wednesday's ruling"): news names such things once they have happened.
 */
function weekdayTense(ctx: RecipeContext): Tense {
  if (/^['’]s\b/.test(ctx.after) || (/^(a|an)$/.test(ctx.before) && ctx.nounAfter())) return 'unknown';
  return tensed(ctx);
}

function resolveWeekday(ctx: RecipeContext, wd: number, rel?: string): RecipeResult {
  const a = ctx.anchor;
  if (!a) return { value: `XXXX-WXX-${wd}` };
  let day: Day;
  if (rel === 'last' || rel === 'past' || rel === 'previous' || rel === 'this past') day = weekdayFrom(a, wd, 'before');
  else if (rel === 'next' || rel === 'coming' || rel === 'this coming') day = weekdayFrom(a, wd, 'after');
  else if (rel === 'this') day = tensed(ctx) === 'future' ? weekdayFrom(a, wd, 'after') : weekdayFrom(a, wd, 'sameWeek');
  else day = weekdayTense(ctx) === 'future' ? weekdayFrom(a, wd, 'after') : weekdayFrom(a, wd, 'onOrBefore');
  return { value: formatDay(day), anchored: true };
}

function withPartOfDay(r: RecipeResult, ctx: RecipeContext, pod: string | undefined): RecipeResult {
  if (!pod) return r;
  const code = ctx.lex.partsOfDay[lower(pod).replace(/s$/, '')];
  return code ? { ...r, value: `${r.value}T${code}`, type: 'TIME' } : r;
}

function monthNumber(ctx: RecipeContext, mon: string | undefined): number | null {
  return ctx.lex.months[word(mon)] ?? null;
}

function weekdayNumber(ctx: RecipeContext, wd: string | undefined): number | null {
  return ctx.lex.weekdays[word(wd)] ?? null;
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A date before a noun after an article ("the Jan. 14 deadline", "a June agreement") names a thing. */
function namesThing(ctx: RecipeContext): boolean {
  return /^(the|a|an)$/.test(ctx.before) && ctx.nounAfter();
}

/**
 * Year of an unyeared month-day. A past clause puts it on or before the publication date, a future clause on or
 * after it (a week's slack either way: datelines and reports lag); an undecided one within about four months
 * ahead or eight back — news names coming dates near at hand and past ones further away.
 */
function yearOfMonthDay(ctx: RecipeContext, m: number, d: number): number | null {
  const a = ctx.anchor;
  if (!a) return null;
  const diff = (m - a.m) * 30.5 + (d - a.d);
  // A date that names a thing ("the Jan. 14 deadline", "a Feb. 1 vote") takes no tense from the clause around it;
  // "last Oct. 23" and "next March 3" say their side of the publication date outright.
  const tense = ctx.before === 'last' ? 'past' : ctx.before === 'next' ? 'future' : namesThing(ctx) ? 'unknown' : tensed(ctx);
  const ahead = tense === 'past' ? 7 : tense === 'future' ? 358 : 120;
  if (diff > ahead) return a.y - 1;
  if (diff < ahead - 365) return a.y + 1;
  return a.y;
}

function dayOrWeekday(ctx: RecipeContext, g: Groups): string | null {
  if (g.wd) {
    const wd = weekdayNumber(ctx, g.wd);
    if (wd === null || !capitalised(g.wd)) return null;
    return resolveWeekday(ctx, wd).value;
  }
  if (g.mon && g.d) {
    const m = monthNumber(ctx, g.mon);
    if (m === null) return null;
    const y = yearOfMonthDay(ctx, m, Number(g.d));
    return `${y === null ? 'XXXX' : String(y)}-${pad2(m)}-${pad2(Number(g.d))}`;
  }
  // "at 11:20 a.m. (0820 GMT) Friday", "at 5 in the morning (5 a.m. EDT Thursday)": the weekday beyond a parenthesis.
  const beyond = PAREN_WEEKDAY.exec(ctx.after);
  const wd = beyond ? weekdayNumber(ctx, beyond[1] ?? beyond[2]) : null;
  if (wd !== null) return resolveWeekday(ctx, wd).value;
  return ctx.anchor ? formatDay(ctx.anchor) : 'XXXX-XX-XX';
}
const PAREN_WEEKDAY = /^\s*\([^()]{1,20}\)\s*,?\s*(?:on\s+)?([A-Z][a-z]+day)\b|^\s*\([^()]{0,20}?\b([A-Z][a-z]+day)\)/;

function holidayDay(spec: string, y: number): Day | null {
  const fixed = /^(\d\d)-(\d\d)$/.exec(spec);
  if (fixed) return { y, m: Number(fixed[1]), d: Number(fixed[2]) };
  // "MM-Wn-d": the n-th weekday d of the month; "+k" days after it (US Election Day: the Tuesday after the first Monday).
  const nth = /^(\d\d)-W(\d)-(\d)(?:\+(\d))?$/.exec(spec);
  if (!nth) return null;
  const m = Number(nth[1]);
  const first: Day = { y, m, d: 1 };
  const offset = (Number(nth[3]) - isoWeekday(first) + 7) % 7;
  return addDays(first, offset + 7 * (Number(nth[2]) - 1) + Number(nth[4] ?? 0));
}

/**
 * An earnings sentence about a span longer than a quarter ("For the nine months, …", "in the first half"): its "a year
 * earlier", "year-ago" and "the 1988 period" compare with that span of the earlier year, so their value is the year.
 */
const LONGER_PERIOD = /\b(?:nine|six|9|6)[\s-]+months\b|\b(?:first|1st)\s+half\b|\byear[\s-]+to[\s-]+date\b/i;
/** The quarter under report, unless the sentence is about a longer span (then null: the year is meant). */
function reportedQuarter(ctx: RecipeContext): { y: number; q: number } | null {
  return ctx.lastQuarter && !LONGER_PERIOD.test(ctx.sentenceBefore) ? ctx.lastQuarter : null;
}

/** "1980s", "1980's", "'80s" → "198" (a two-digit decade is the twentieth century's). */
function decadeValue(dec: string): string {
  const m = /^(\d{3})0/.exec(dec) ?? /^['’](\d)0/.exec(dec);
  return m![1]!.length === 3 ? m![1]! : `19${m![1]}`;
}

/** Nouns of an age after "today's" ("today's world", "today's young people"). */
const GENERIC_AGE = /^['’]s\s+(?:world|youth|society|generations?|young|children|kids)\b/i;

/** A year spelt out in groups c (century word), t (tens) and o (ones): "nineteen ninety-four" → 1994. */
function spokenYear(ctx: RecipeContext, g: Groups): number | null {
  const tens = ctx.lex.numbers[lower(g.t)];
  const ones = g.o ? ctx.lex.numbers[lower(g.o)] : 0;
  if (typeof tens !== 'number' || typeof ones !== 'number' || (ones && (tens < 20 || tens % 10))) return null;
  return (lower(g.c) === 'nineteen' ? 1900 : 2000) + tens + ones;
}

function previousQuarter(a: Day): { y: number; q: number } {
  return shiftQuarter(a.y, quarterOf(a.m), -1);
}

export const RECIPES: Record<string, Recipe> = {
  clock(g, ctx) {
    let h = Number(g.h);
    let ap = lower(g.ap).replace(/[.\s]/g, '');
    // "at 4 in the morning", "until 10 at night": only after a preposition of time ("won 3 in the morning session").
    if (ap.length > 2) {
      if (g.mi === undefined && !/^(at|by|until|till|around|about|after|before|from|to|since)$/.test(ctx.before)) return null;
      ap = ap === 'inthemorning' ? 'am' : 'pm';
    }
    if (ap === 'pm' && h < 12) h += 12;
    if (ap === 'am' && h === 12) h = 0;
    if (h > 24) return null;
    const day = dayOrWeekday(ctx, g);
    if (day === null) return null;
    return { value: `${day}T${pad2(h)}:${g.mi ?? '00'}`, anchored: !!ctx.anchor };
  },

  noon(g, ctx) {
    if (ctx.before === 'high') return null; // "high noon" is a showdown, not a time
    const day = dayOrWeekday(ctx, g);
    if (day === null) return null;
    return { value: `${day}T${lower(g.w) === 'midnight' ? '24:00' : '12:00'}`, anchored: !!ctx.anchor };
  },

  fullDate(g, ctx) {
    const m = g.mon ? monthNumber(ctx, g.mon) : Number(g.m);
    if (m === null || (g.mon && !capitalised(g.mon))) return null;
    let y = Number(g.y);
    if (g.y!.length === 2) y += y < 50 ? 2000 : 1900;
    const d = Number(g.d);
    if (!validDay(y, m, d)) return null;
    return { value: `${y}-${pad2(m)}-${pad2(d)}` };
  },

  ago(g, ctx) {
    const n = count(ctx.lex, g.n);
    const unit = unitOf(ctx.lex, g.u);
    if (n === null || unit === null) return null;
    const dir = lower(g.dir);
    const sign = dir === 'ago' || dir === 'earlier' ? -1 : 1;
    const a = ctx.anchor;
    // "three days later", "a day earlier", "an hour later" count from another event, not from the publication date:
    // TimeML gives them the duration only (P3D). Years and months keep their date ("a year earlier" = that year).
    if ((dir === 'earlier' || dir === 'later') && /^T|^\d*[DW]$/.test(unit)) return { value: duration(n, unit), type: 'DURATION' };
    if (n === 'X' || !Number.isInteger(n) || !a) return { value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
    const k = sign * n;
    switch (unit) {
      case 'D':
        return { value: formatDay(addDays(a, k)), anchored: true };
      case 'W':
        return { value: formatWeek(addDays(a, 7 * k)), anchored: true };
      case '2W':
        return { value: formatWeek(addDays(a, 14 * k)), anchored: true };
      case 'M':
        return { value: formatMonth(addMonths(a, k).y, addMonths(a, k).m), anchored: true };
      case 'Q': {
        const q = shiftQuarter(a.y, quarterOf(a.m), k);
        return { value: `${q.y}-Q${q.q}`, anchored: true };
      }
      case 'Y':
        // Financial news compares with the same quarter of an earlier year: "the third quarter … a year earlier".
        if (n === 1) {
          const q = reportedQuarter(ctx);
          if (q) return { value: `${q.y - 1}-Q${q.q}`, anchored: true };
        }
        return { value: String(a.y + k), anchored: true };
      case '10Y':
        return { value: String(a.y + 10 * k), anchored: true };
      default:
        return { value: formatDay(a), anchored: true };
    }
  },

  quarter(g, ctx) {
    // "the last half of 1989" is its second half; "the first two quarters of 1990" its first half.
    const pair = lower(g.two);
    const ord = g.lh ? 2 : pair ? (pair === 'first' ? 1 : 2) : ctx.lex.ordinals[lower(g.ord)];
    if (ord === undefined || ord > 4) return null;
    const half = lower(g.qh) === 'half' || !!g.lh || !!pair;
    if (half && ord > 2) return null;
    // "the last half of the '80s": a part of a decade, which TimeML values as the decade ("198").
    if (g.dec) return half ? { value: decadeValue(g.dec) } : null;
    const a = ctx.anchor;
    let y: number | null = g.y ? Number(g.y) : g.yr ? Number(g.yr) : null;
    const rel = lower(g.tyr || g.yrel);
    if (y === null && a) {
      y = rel === 'last' ? a.y - 1 : rel === 'next' ? a.y + 1 : a.y;
      // A past quarter not yet reached this year is last year's ("fourth-quarter results" in a January report).
      if (!rel && !half && ord > quarterOf(a.m) && tensed(ctx) === 'past') y--;
    }
    if (g.ago && y !== null) y--; // "the year-earlier third quarter"
    const value = `${y === null ? 'XXXX' : y}-${half ? 'H' : 'Q'}${ord}`;
    return { value, anchored: !g.y && !g.yr };
  },

  duration(g, ctx) {
    if (g.n === undefined && /s$/i.test(g.u ?? '')) return RECIPES.vagueDuration!(g, ctx); // "decades-long"
    const n = count(ctx.lex, g.n);
    const unit = unitOf(ctx.lex, g.u);
    if (n === null || unit === null) return null;
    const w = lower(g.n);
    const single = w === 'a' || w === 'an';
    // "once a week", "$5 a day", "twice a year": frequencies and rates, not durations.
    if (single && !g.rel && !g.q && /^(once|twice|thrice|times|per|\$|\d)/.test(ctx.before)) return null;
    // "$500 million a year", "700 seats a week": a rate, which TimeML reads as a set (P1Y).
    if (single && !g.rel && !g.q && !g.half && !g.half2 && isRateBase(ctx.tokenBefore())) return { value: duration(1, unit), type: 'SET' };
    // "Islam will one day be …", "he hopes to one day follow …": "one day" is some day to come, not a day's span.
    if (w === 'one' && unit === 'D' && !g.rel && !g.q && !/s$/i.test(g.u ?? '') && /^(will|would|could|might|may|can|shall|to|'ll)$/.test(ctx.before)) {
      return { value: 'FUTURE_REF', type: 'DATE' };
    }
    const half = !!g.half || !!g.half2; // "2 1/2 years", "two and a half years", "a year and a half"
    if (single && unit.startsWith('T') && unit !== 'TH' && !half) return null; // "a second term", "a minute's silence"
    if ((w === 'some' || w === 'many') && !/s$/i.test(g.u ?? '')) return null;
    if (/^-?\s?old\b/i.test(ctx.after)) return null; // ages ("a 6-year-old boy") are not tagged as durations
    if (unit === 'Q' && (/^\s+of\b/i.test(ctx.after) || /quarters$/i.test(g.u ?? '') && /-/.test(g.n ?? ''))) return null; // "a quarter of", "three-quarters
    return { value: duration(n, unit, half) };
  },

  vagueDuration(g, ctx) {
    const unit = unitOf(ctx.lex, g.u);
    return unit ? { value: duration('X', unit.replace(/^\d+/, '')) } : null;
  },

  indefinite(_g, ctx) {
    // "for a while", "for some time", "after a long period": a duration of unknown length.
    if (!/^(for|in|after|within|over)$/.test(ctx.before)) return null;
    return { value: 'PXX' };
  },

  barePlural(g, ctx) {
    if (/^(-|\s+)(old|of age)\b/i.test(ctx.after)) return null;
    // Idioms that measure no span of their own: "minutes apart", "a matter of days", "the early hours of Thursday".
    if (/^\s+apart\b/i.test(ctx.after) || ctx.beforeTwo === 'matter of' || (/^(early|small|wee)$/.test(ctx.before) && /^\s+of\b/i.test(ctx.after))) return null;
    return RECIPES.vagueDuration!(g, ctx);
  },

  theUnit(g, ctx) {
    // "for the year", "the whole year": a span of a year; otherwise the year (or week) the article is about.
    const unit = word(g.u);
    // "the year ended March 31" is a fiscal year given by its end: a span; "sales for the year", "a high for the
    // year" are the current year (a week "for the week" stays a span).
    const span = /^\s+(?:ended|ending)\b/i.test(ctx.after) || /^(entire|whole)$/.test(lower(g.which)) || (unit === 'week' && ctx.before === 'for');
    if (span) return { value: unit === 'week' ? 'P1W' : 'P1Y', type: 'DURATION' };
    const a = ctx.anchor;
    if (!a) return { value: unit === 'week' ? 'XXXX-WXX' : 'XXXX' };
    return { value: unit === 'week' ? formatWeek(a) : String(a.y), anchored: true };
  },

  unitDuration(g, ctx) {
    const unit = unitOf(ctx.lex, g.u);
    // TimeBank dates "the past year" and "the last year" like "last year": the year before the publication year
    // (news reports a year that is over); other units stay spans ("the past decade", "the next week").
    if (unit === 'Y' && /^(past|last)$/.test(lower(g.rel)) && ctx.anchor) return { value: String(ctx.anchor.y - 1), type: 'DATE', anchored: true };
    // "the next day" after a day the text named is the day after it ("signed on March 3 and ratified the next day").
    if (unit === 'D' && lower(g.rel) === 'next' && ctx.lastDateUnit === 'day' && ctx.lastDate) {
      return { value: formatDay(addDays(ctx.lastDate, 1)), type: 'DATE' };
    }
    return unit ? { value: duration(1, unit) } : null;
  },

  weekOf(g, ctx) {
    // "the week of March 6": the ISO week holding that day.
    const m = monthNumber(ctx, g.mon);
    const d = Number(g.d);
    if (m === null || !capitalised(g.mon) || !validDay(2000, m, d)) return null;
    const y = g.y ? Number(g.y) : yearOfMonthDay(ctx, m, d);
    if (y === null) return { value: 'XXXX-WXX' };
    return { value: formatWeek({ y, m, d }), anchored: !g.y };
  },

  modThe(g, ctx) {
    return RECIPES.relative!({ rel: 'this', u: g.u }, ctx);
  },

  relative(g, ctx) {
    // A quoted title in capitals ('ABC's "This Week"') names a programme, not a week.
    if (/^(week|month|year)$/.test(lower(g.u)) && capitalised(g.u) && /["“']/.test(ctx.charBefore)) return null;
    const rel = lower(g.rel);
    const u = word(g.u);
    const k = /^(last|past|previous|this past)$/.test(rel) ? -1 : /^(next|coming|this coming)$/.test(rel) ? 1 : 0;
    const a = ctx.anchor;
    const wd = ctx.lex.weekdays[u];
    if (wd !== undefined) {
      if (!capitalised(g.u)) return null;
      // "the previous Friday" counts back from the day the text last named ("from Friday's close and from the
      // previous Friday"), not from the publication date.
      if (rel === 'previous' && ctx.lastDateUnit === 'day' && ctx.lastDate) {
        return withPartOfDay({ value: formatDay(weekdayFrom(ctx.lastDate, wd, 'before')) }, ctx, g.pod);
      }
      return withPartOfDay(resolveWeekday(ctx, wd, rel), ctx, g.pod);
    }
    const mon = ctx.lex.months[u];
    if (mon !== undefined) {
      if (!capitalised(g.u)) return null;
      if (!a) return { value: `XXXX-${pad2(mon)}` };
      const y = k < 0 ? yearOfMonth(a, mon, 'before') : k > 0 ? yearOfMonth(a, mon, 'after') : a.y;
      return { value: formatMonth(y, mon), anchored: true };
    }
    const season = ctx.lex.seasons[u];
    if (season !== undefined) {
      if (!a) return { value: `XXXX-${season}` };
      const y = yearOfSeason(a, season, k < 0 ? 'last' : k > 0 ? 'next' : 'this');
      return { value: `${y}-${season}`, anchored: true };
    }
    if (!a) {
      const unknown: Record<string, string> = { week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', month: 'XXXX-XX', year: 'XXXX', quarter: 'XXXX-QX' };
      return { value: unknown[u] ?? (k < 0 ? 'PAST_REF' : k > 0 ? 'FUTURE_REF' : 'PRESENT_REF') };
    }
    let value: string;
    switch (u) {
      case 'week':
        value = formatWeek(addDays(a, 7 * k));
        break;
      case 'weekend':
        value = `${formatWeek(addDays(a, 7 * k))}-WE`;
        break;
      case 'month': {
        const m = addMonths({ ...a, d: 1 }, k);
        value = formatMonth(m.y, m.m);
        break;
      }
      case 'year':
        value = String(a.y + k);
        break;
      case 'quarter': {
        const q = shiftQuarter(a.y, quarterOf(a.m), k);
        value = `${q.y}-Q${q.q}`;
        break;
      }
      case 'decade':
        value = String(Math.floor(a.y / 10) + k);
        break;
      case 'century':
        value = String(Math.floor(a.y / 100) + k);
        break;
      default:
        return null;
    }
    return withPartOfDay({ value, anchored: true }, ctx, g.pod);
  },

  relativePod(g, ctx) {
    const rel = lower(g.rel || g.rel2);
    const a = ctx.anchor;
    const code = ctx.lex.partsOfDay[lower(g.pod || g.pod2)];
    if (!code) return null;
    if (!a) return { value: `XXXX-XX-XXT${code}`, type: 'TIME' };
    const k = rel === 'yesterday' || (rel === 'last' && code === 'NI') ? -1 : rel === 'tomorrow' ? 1 : 0;
    if (rel === 'last' && code !== 'NI') return null; // "last morning" is not said; "last evening" is rare
    return { value: `${formatDay(addDays(a, k))}T${code}`, type: 'TIME', anchored: true };
  },

  dayPart(g, ctx) {
    // "in the morning", "by mid-afternoon": a part of the day the text is about — the day it last named, else the
    // publication date. Without "mid-", "early" or "late" it must follow a preposition ("the morning session" is no time).
    if (!g.mod && !/^(in|during|by|until|till|through|throughout|since|from|all)$/.test(ctx.before)) return null;
    if (!g.mod && !g.the) return null;
    const code = ctx.lex.partsOfDay[lower(g.pod)];
    if (!code) return null;
    const day = ctx.lastDateUnit === 'day' && ctx.lastDate ? ctx.lastDate : ctx.anchor;
    if (!day) return { value: `XXXX-XX-XXT${code}` };
    return { value: `${formatDay(day)}T${code}`, anchored: day === ctx.anchor };
  },

  deictic(g, ctx) {
    const w = lower(g.deic);
    // "today's world", "today's youth", "the people of tomorrow": the present or the future age, not a day.
    if ((w === 'today' || w === 'tomorrow') && !g.mod && (GENERIC_AGE.test(ctx.after) || (ctx.before === 'of' && !/^['’]s\b/.test(ctx.after)))) {
      return null;
    }
    const a = ctx.anchor;
    if (!a) return { value: w === 'today' ? 'PRESENT_REF' : 'XXXX-XX-XX' };
    switch (w) {
      case 'today':
        return { value: formatDay(a), anchored: true };
      case 'yesterday':
        return { value: formatDay(addDays(a, -1)), anchored: true };
      case 'tomorrow':
        return { value: formatDay(addDays(a, 1)), anchored: true };
      default:
        return { value: `${formatDay(a)}TNI`, type: 'TIME', anchored: true };
    }
  },

  spokenYear(g, ctx) {
    // Broadcast transcripts spell years out: "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand".
    if (g.k) return { value: '2000' };
    const y = spokenYear(ctx, g);
    if (y === null) return null;
    if (!g.mon) return { value: String(y) };
    const m = monthNumber(ctx, g.mon);
    return m !== null && capitalised(g.mon) ? { value: formatMonth(y, m) } : null;
  },

  monthRelYear(g, ctx) {
    // "June last year", "January this year": the month in the year named relative to the publication date.
    const m = monthNumber(ctx, g.mon);
    if (m === null || !capitalised(g.mon)) return null;
    const a = ctx.anchor;
    if (!a) return { value: `XXXX-${pad2(m)}` };
    const rel = lower(g.rel);
    return { value: formatMonth(a.y + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0), m), anchored: true };
  },

  monthYear(g, ctx) {
    const m = monthNumber(ctx, g.mon);
    if (m === null || !capitalised(g.mon)) return null;
    return { value: formatMonth(Number(g.y), m) };
  },

  monthDay(g, ctx) {
    const m = monthNumber(ctx, g.mon);
    const d = Number(g.d);
    if (m === null || !capitalised(g.mon) || !validDay(2000, m, d)) return null;
    if (g.wd && !capitalised(g.wd)) return null;
    // "May 5" is safe, but a bare "may" + number is a modal verb in lower case (already refused) — and
    // "March 20" after a number word is a count ("the March 20 deadline" stays a date).
    let y = yearOfMonthDay(ctx, m, d);
    // "Monday, Oct. 26": the weekday says which year, when the year next to the guessed one has it and this one not.
    const wd = g.wd ? weekdayNumber(ctx, g.wd) : null;
    if (y !== null && wd !== null && validDay(y, m, d) && isoWeekday({ y, m, d }) !== wd) {
      y = [y - 1, y + 1].find((c) => validDay(c, m, d) && isoWeekday({ y: c, m, d }) === wd) ?? y;
    }
    return { value: `${y === null ? 'XXXX' : y}-${pad2(m)}-${pad2(d)}`, anchored: y !== null };
  },

  holiday(g, ctx) {
    const spec = ctx.lex.holidays[lower(g.hol)];
    if (!spec || !capitalised(g.hol)) return null;
    const a = ctx.anchor;
    let y = g.y ? Number(g.y) : null;
    if (y === null && a) {
      y = a.y;
      const day = holidayDay(spec, y);
      if (day && tensed(ctx) === 'past' && compareDays(day, a) > 0) y--;
      if (day && tensed(ctx) === 'future' && compareDays(day, a) < 0) y++;
    }
    if (y === null) return { value: /^\d\d-\d\d$/.test(spec) ? `XXXX-${spec}` : 'XXXX-XX-XX' };
    const day = holidayDay(spec, y);
    return day ? { value: formatDay(day), anchored: !g.y } : null;
  },

  decade(g, ctx) {
    if (g.dec) return { value: g.dec };
    // "the nineties": the decade of the century the text is about (the twentieth when it names none).
    const tens = g.dw ? ctx.lex.numbers[lower(g.dw).replace(/ies$/, 'y')] : undefined;
    if (typeof tens === 'number') return { value: `19${tens / 10}` };
    return g.dd ? { value: `19${g.dd}` } : null;
  },

  century(g, ctx) {
    // "the 20th century" is the 1900s: TimeML writes a century by its first two digits, "19".
    const n = g.cn ? Number(g.cn) : ctx.lex.ordinals[lower(g.cw)];
    return n ? { value: pad2(n - 1) } : null;
  },

  yearEnd(_g, ctx) {
    // "by year-end" is the end of the current year; "since year-end" (a past clause) the last one.
    const a = ctx.anchor;
    if (!a) return { value: 'XXXX' };
    const past = ctx.before === 'since' || (ctx.before !== 'by' && tensed(ctx) === 'past');
    return { value: String(past ? a.y - 1 : a.y), anchored: true };
  },

  season(g, ctx) {
    const s = ctx.lex.seasons[lower(g.s)];
    if (!s) return null;
    if (g.c) {
      // "the winter of nineteen eighty-seven"
      const y = spokenYear(ctx, g);
      return y === null ? null : { value: `${y}-${s}` };
    }
    if (!g.y) {
      if (/^\s+of\b/i.test(ctx.after)) return null; // "the fall of Kabul", "the spring of discontent"
      const hasThe = g.the !== undefined;
      if (!hasThe && !g.mod && !/^(in|during|by|until|since|through|over|this|last|next|early|late)$/.test(ctx.before)) return null;
    }
    if (g.y) return { value: `${g.y}-${s}` };
    const a = ctx.anchor;
    if (!a) return { value: `XXXX-${s}` };
    const y = yearOfSeason(a, s, tensed(ctx) === 'future' ? 'onOrAfter' : 'onOrBefore');
    return { value: `${y}-${s}`, anchored: true };
  },

  theQuarter(g, ctx) {
    const which = lower(g.which);
    const a = ctx.anchor;
    // "the quarter ended Sept. 30": the calendar quarter holding that day, in its latest year up to the anchor.
    const ended = /^\s+(?:ended|ending)\s+([A-Za-z]+)\.?\s+\d/.exec(ctx.after);
    const month = ended ? monthNumber(ctx, ended[1]) : null;
    // A fiscal quarter is named after the calendar quarter holding most of its months: its middle month's.
    if (month !== null && a) {
      const middle = month === 1 ? 12 : month - 1;
      return { value: `${month <= a.m ? a.y : a.y - 1}-Q${quarterOf(middle)}`, anchored: true };
    }
    // "the latest period" is a quarter only in a report that has named one; otherwise it is too vague to tag.
    if (g.per && !g.ago && (!ctx.lastQuarter || !which || which === 'same' || which === 'past' || which === 'last' || which === 'recent')) return null;
    // "the current quarter" is the publication date's, whatever quarter the report was about.
    let q = which === 'current' && a ? { y: a.y, q: quarterOf(a.m) } : ctx.lastQuarter ?? (a ? previousQuarter(a) : null);
    if (!q) return { value: 'XXXX-QX' };
    // "the year-earlier period", "the comparable year-ago quarter", "the quarter a year ago", "last year's quarter".
    if (/year-(?:earlier|ago)$/.test(which) || g.ago) q = { y: q.y - 1, q: q.q };
    return { value: `${q.y}-Q${q.q}`, anchored: true };
  },

  anaphoric(g, ctx) {
    // "that year", "the following day": relative to the date the text last named, not to the publication date.
    const last = ctx.lastDate;
    const u = word(g.u);
    if (!last || !ctx.lastDateUnit) return null;
    const rel = lower(g.rel);
    const k = rel === 'the following' ? 1 : rel === 'the previous' || rel === 'the preceding' ? -1 : 0;
    if (u === 'year') return { value: String(last.y + k) };
    if (u === 'month' && ctx.lastDateUnit !== 'year') {
      const m = addMonths({ ...last, d: 1 }, k);
      return { value: formatMonth(m.y, m.m) };
    }
    if (u === 'week' && ctx.lastDateUnit === 'day') return { value: formatWeek(addDays(last, 7 * k)) };
    if (u === 'day' && ctx.lastDateUnit === 'day') return { value: formatDay(addDays(last, k)) };
    return null;
  },

  yearPeriod(g, ctx) {
    // "the 1988 quarter", "the 1988 period": the quarter under discussion, in that year.
    const q = reportedQuarter(ctx);
    return { value: q ? `${g.y}-Q${q.q}` : g.y! };
  },

  yearEarlier(g, ctx) {
    const a = ctx.anchor;
    const q = reportedQuarter(ctx);
    if (q && lower(g.u) === 'year') return { value: `${q.y - 1}-Q${q.q}`, anchored: true };
    if (!a) return { value: 'PAST_REF' };
    if (lower(g.u) === 'month') {
      const m = addMonths(a, -1);
      return { value: formatMonth(m.y, m.m), anchored: true };
    }
    return { value: String(a.y - 1), anchored: true };
  },

  weekend(_g, ctx) {
    const a = ctx.anchor;
    if (!a) return { value: 'XXXX-WXX-WE' };
    const wd = isoWeekday(a);
    const future = tensed(ctx) === 'future';
    const k = future ? 0 : wd >= 6 ? 0 : -1;
    return { value: `${formatWeek(addDays(a, 7 * k))}-WE`, anchored: true };
  },

  weekdays(g, ctx) {
    const wd = weekdayNumber(ctx, g.wd);
    if (wd === null || !capitalised(g.wd)) return null;
    return withPartOfDay({ value: `XXXX-WXX-${wd}` }, ctx, g.pod ?? g.pods);
  },

  weekday(g, ctx) {
    const wd = weekdayNumber(ctx, g.wd);
    if (wd === null || !capitalised(g.wd)) return null;
    return withPartOfDay(resolveWeekday(ctx, wd), ctx, g.pod);
  },

  month(g, ctx) {
    const m = monthNumber(ctx, g.mon);
    if (m === null || !capitalised(g.mon)) return null;
    const name = word(g.mon);
    // A bare month name must read as a date: after a preposition or modifier ("in May", "since March", "early June").
    // Before a noun it may also follow a determiner: "under a June agreement", "the March accession".
    const determiner = /^(the|a|an|its|their|his|her|our)$/.test(ctx.before);
    if (!g.mod && !PREPOSITIONS.has(ctx.before) && !(ctx.before === 'the' && name !== 'may' && name !== 'march') && !(determiner && ctx.nounAfter())) {
      return null;
    }
    if (name.length <= 4 && name !== 'may' && name !== 'june' && name !== 'july' && !g.mon!.endsWith('.')) return null;
    const a = ctx.anchor;
    if (!a) return { value: `XXXX-${pad2(m)}` };
    // Past clause: on or before the publication month; future: on or after; undecided: up to four months ahead.
    // A month that names a thing ("under a June agreement") takes no tense from the clause around it.
    const tense = namesThing(ctx) ? 'unknown' : tensed(ctx);
    const ahead = tense === 'past' ? 0 : tense === 'future' ? 11 : 4;
    const diff = m - a.m;
    const y = diff > ahead ? a.y - 1 : diff < ahead - 11 ? a.y + 1 : a.y;
    return { value: formatMonth(y, m), anchored: true };
  },

  year(g, ctx) {
    if (!g.mod && !g.fy && !/^the\s+year/i.test(g.y ?? '')) {
      if (NOT_YEAR_LEADS.has(ctx.before)) return null;
      if (ctx.nounAfter(true) && !YEAR_LEADS.has(ctx.before)) return null;
    }
    return { value: g.y! };
  },

  every(g, ctx) {
    const u = word(g.u);
    const wd = ctx.lex.weekdays[u];
    if (wd !== undefined) return { value: `XXXX-WXX-${wd}` };
    const mon = ctx.lex.months[u];
    if (mon !== undefined) return { value: `XXXX-${pad2(mon)}` };
    const season = ctx.lex.seasons[u];
    if (season !== undefined) return { value: `XXXX-${season}` };
    const pod = ctx.lex.partsOfDay[u];
    if (pod !== undefined && u !== 'night') return { value: `XXXX-XX-XXT${pod}` };
    const unit = unitOf(ctx.lex, g.u);
    if (!unit) return null;
    const n = lower(g.n) === 'other' ? 2 : count(ctx.lex, g.n);
    if (n === null) return null;
    return { value: duration(n, unit) };
  },

  frequency(g, ctx) {
    const unit = unitOf(ctx.lex, g.u);
    return unit ? { value: duration(1, unit) } : null;
  },

  setWord(g, ctx) {
    // "Apple Daily", "the Weekly Standard": a capitalised set word after a name is part of the name.
    const prev = ctx.tokenBefore();
    if (capitalised(g.sw) && g.sw !== g.sw!.toUpperCase() && prev && prev.pos === 'PROPN' && capitalised(prev.text)) return null;
    const v = ctx.lex.setWords[lower(g.sw)];
    return v ? { value: v } : null;
  },

  reference(g, ctx) {
    const ref = lower(g.ref);
    // "Now, he says, …" opening a sentence is a discourse marker (turning to the next point), not a time.
    if (ref === 'now' && /^\s*,/.test(ctx.after) && /^[\s"“'‘`]*$/.test(ctx.sentenceBefore)) return null;
    // "soon" looks ahead from the publication date only in a clause that does: not "soon after the war", not "as soon
    // as they land", not a past narrative ("the trickle soon became a flood").
    if (ref === 'soon' && (ctx.before === 'as' || /^\s+(?:after|afterwards?|before|thereafter|enough)\b/i.test(ctx.after) || ctx.tense() === 'past')) return null;
    const v = ctx.lex.references[ref];
    return v ? { value: v } : null;
  },
};
