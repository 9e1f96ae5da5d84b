import type { NlpDoc, TimeExpr, Token } from '../../domain/types.js';
import { clauseTense, tokenAt, tokenOf, type FutureCues, type Tense } from './clause-tense.js';
import { RECIPES, type RecipeContext } from './recipes.js';
import { parseDay, type Day } from './resolve-relative.js';
import type { TimeLexicon } from './time-lexicon.js';
import { findMatch, type ScanCursor, type TimeMatch, type TimeMatcher } from './time-matcher.js';

const WORD_BEFORE = /([\w'’$€£.-]+)\s*$/;
const TWO_WORDS_BEFORE = /([\w'’]+\s+[\w'’]+)\s*$/;

/**
 * Finds the temporal expressions of a text and gives each its TimeML type and value, resolving relative ones
 * ("last week", "on Monday", "in May") against `published` and the tense of their clause.
 * Pure: one regular-expression scan (all rules alternated, first rule wins at a position; tried only near trigger
 * words, see `findMatch`), then per match a
 * recipe from `recipes.ts` that may refuse it (a lower-case "may", "2000 troops").
 */
export function extractTimes(doc: NlpDoc, published: string | null, matcher: TimeMatcher): TimeExpr[] {
  const text = doc.text;
  const anchor = parseDay(published);
  const futureCues = futureCueSet(matcher);
  const out: TimeExpr[] = [];
  let lastQuarter: { y: number; q: number } | null = null;
  let lastDate: Day | null = null;
  let lastDateUnit: 'day' | 'month' | 'year' | null = null;
  const cursor: ScanCursor = { from: 0, tried: 0 };
  let found: TimeMatch | null;
  while ((found = findMatch(matcher, text, cursor)) !== null) {
    const { match: m, rule } = found;
    const groups: Record<string, string | undefined> = {};
    for (const [name, index] of rule.groups) groups[name] = m[index];
    const start = m.index;
    const end = start + m[0].length;
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 24), start))?.[1]?.toLowerCase().replace(/’/g, "'") ?? '';
    const ctx = new MatchContext(doc, start, end, futureCues, matcher.lexicon, anchor, before.length > 1 ? before.replace(/\.$/, '') : before);
    ctx.lastQuarter = lastQuarter;
    ctx.lastDate = lastDate;
    ctx.lastDateUnit = lastDateUnit;
    const recipe = RECIPES[rule.recipe];
    const result = recipe ? recipe(groups, ctx) : null;
    if (!result) {
      // Refused: let a shorter reading start one character on (the next word start).
      cursor.from = start + 1;
      continue;
    }
    // Only a quarter named outright sets the reference quarter ("a year earlier" must not chain back a year each time).
    const q = rule.recipe === 'quarter' ? /^(\d{4})-Q(\d)$/.exec(result.value) : null;
    if (q) {
      const named = { y: Number(q[1]), q: Number(q[2]) };
      if (isReportedQuarter(named, lastQuarter, anchor)) lastQuarter = named;
    }
    const cal = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/.exec(result.value);
    if (cal && result.type !== 'DURATION' && rule.type === 'DATE') {
      lastDate = { y: Number(cal[1]), m: Number(cal[2] ?? 1), d: Number(cal[3] ?? 1) };
      lastDateUnit = cal[3] ? 'day' : cal[2] ? 'month' : 'year';
    }
    const expr: TimeExpr = {
      id: `t${out.length + 1}`,
      start,
      end,
      text: m[0],
      type: result.type ?? rule.type,
      value: result.value,
      rule: rule.id,
    };
    if (result.anchored) expr.anchored = true;
    out.push(expr);
    cursor.from = end;
  }
  return out;
}

/** What a recipe sees of one match (a class: an object literal with getters cost more to build than most recipes take). */
class MatchContext implements RecipeContext {
  readonly charBefore: string;
  readonly after: string;
  lastQuarter: { y: number; q: number } | null = null;
  lastDate: Day | null = null;
  lastDateUnit: 'day' | 'month' | 'year' | null = null;
  private tenseMemo: Tense | null = null;

  constructor(
    private readonly doc: NlpDoc,
    private readonly start: number,
    private readonly end: number,
    private readonly futureCues: FutureCues,
    readonly lex: TimeLexicon,
    readonly anchor: Day | null,
    readonly before: string,
  ) {
    this.charBefore = start > 0 ? doc.text[start - 1]! : '';
    this.after = doc.text.slice(end, end + 32);
  }

  tense(): Tense {
    return (this.tenseMemo ??= clauseTense(this.doc, this.start, this.end, this.futureCues));
  }

  get sentenceBefore(): string {
    const t = tokenOf(this.doc, tokenAt(this.doc, this.start));
    const sentence = t ? this.doc.sentences[t.sentence] : undefined;
    return sentence && sentence.start <= this.start ? this.doc.text.slice(sentence.start, this.start) : '';
  }

  get beforeTwo(): string {
    return (TWO_WORDS_BEFORE.exec(this.doc.text.slice(Math.max(0, this.start - 32), this.start))?.[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
  }

  tokenBefore(): Token | undefined {
    const i = tokenAt(this.doc, this.start) - 1;
    const t = tokenOf(this.doc, i);
    return t && t.end <= this.start && t.sentence === tokenOf(this.doc, i + 1)?.sentence ? t : undefined;
  }

  nounAfter(plural?: boolean): boolean {
    const t = tokenOf(this.doc, tokenAt(this.doc, this.end));
    return !!t && t.start >= this.end && t.pos === 'NOUN' && (!plural || (t.normal !== t.lemma && t.normal.endsWith('s')));
  }
}

const cueCache = new WeakMap<TimeMatcher, FutureCues>();
function futureCueSet(matcher: TimeMatcher): FutureCues {
  let cues = cueCache.get(matcher);
  if (!cues) {
    cues = { alone: new Set(matcher.lexicon.futureCues), withTo: new Set(matcher.lexicon.futureCuesWithTo) };
    cueCache.set(matcher, cues);
  }
  return cues;
}

/**
 * Whether a quarter named outright becomes the article's reference quarter (the one "a year ago", "the latest
 * period" and "the year-earlier quarter" refer to). Earnings news reports a completed quarter and names others in
 * passing: a coming quarter ("a fourth-quarter charge" in November, once a quarter is being reported) or an older
 * one ("after a flat second quarter") does not replace the quarter being reported; a later completed one
 * ("Separately, X reported third-quarter profit" after a fiscal first quarter) does. The first quarter named may be
 * the current one: fiscal quarters run ahead of the calendar ("its fourth quarter ended Sept. 30").
 */
function isReportedQuarter(q: { y: number; q: number }, current: { y: number; q: number } | null, anchor: Day | null): boolean {
  const index = q.y * 4 + q.q;
  const now = anchor ? anchor.y * 4 + Math.floor((anchor.m - 1) / 3) + 1 : Infinity;
  if (index > now) return false;
  if (!current) return true;
  return index < now && index >= current.y * 4 + current.q;
}
