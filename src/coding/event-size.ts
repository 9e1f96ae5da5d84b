// Casualty and crowd counts stated with an event ("killed at least 12 civilians" → dead 12).
import type { EventSize, Token } from '../domain/types.js';

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12, dozens: 24,
  hundreds: 200, thousands: 2000,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6 };
const DEAD = new Set(['kill', 'killed', 'dead', 'die', 'died', 'death', 'deaths', 'massacre', 'slay', 'murder']);
const INJURED = new Set(['wound', 'wounded', 'injure', 'injured', 'injury', 'hurt']);
const ARRESTED = new Set(['arrest', 'arrested', 'detain', 'detained', 'jail', 'jailed', 'round']);
const PARTICIPANTS = new Set(['demonstrator', 'demonstrators', 'protester', 'protesters', 'marcher', 'marchers', 'demonstrate', 'protest', 'rally', 'march', 'strike', 'riot']);

function numberAt(tokens: Token[], i: number): number | null {
  const t = tokens[i]!;
  const c = t.text.charCodeAt(0);
  let value: number | null;
  if (c >= 48 && c <= 57) {
    const n = Number(t.text.indexOf(',') >= 0 ? t.text.replace(/,/g, '') : t.text);
    value = Number.isFinite(n) ? n : null;
  } else value = Object.hasOwn(WORDS, t.normal) ? WORDS[t.normal]! : null;
  if (value === null) return null;
  const next = tokens[i + 1];
  if (next && Object.hasOwn(SCALE, next.normal)) value *= SCALE[next.normal]!;
  return value;
}

const QUANTIFIED_SKIP = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Counts of places and spans of time: "in 10 cities", "for 3 days" count no victims. */
const NOT_VICTIMS = new Set(['city', 'cities', 'town', 'towns', 'village', 'villages', 'province', 'provinces', 'region', 'regions',
  'district', 'districts', 'state', 'states', 'country', 'countries', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year',
  'years', 'hour', 'hours', 'minute', 'minutes', 'time', 'times', 'km', 'kilometres', 'kilometers', 'miles']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Words between a count and its kind word that start another clause or list item ("3 killed and 4 wounded"). */
const SEPARATOR = new Set([',', 'and', 'but', 'while', 'whereas', ';', '(', ')']);

/**
 * The head noun of the phrase a count opens ("12 Hamas military posts" → posts, "thousands of protesters"): its
 * first noun naming people, else its last noun; null when no noun follows. The phrase ends at another count
 * ("five others three days earlier").
 */
function quantifiedHead(tokens: Token[], i: number, to: number, people: (t: Token) => boolean): Token | null {
  let k = i + 1;
  if (tokens[k]?.normal === 'of' && tokens[i]!.pos !== 'NUM') k++;
  let head: Token | null = null;
  for (; k < to && k <= i + 5 && QUANTIFIED_SKIP.has(tokens[k]!.pos); k++) {
    const tok = tokens[k]!;
    if (tok.pos === 'NUM') {
      if (head !== null) break;
      continue;
    }
    if (tok.pos === 'NOUN' && people(tok)) return tok;
    if (tok.pos !== 'ADJ') head = tok;
  }
  return head;
}

/** Whether a separator lies strictly between tokens a and b. */
function separated(tokens: Token[], a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) if (SEPARATOR.has(tokens[k]!.normal)) return true;
  return false;
}

/**
 * Counts in the sentence tokens [from, to) tied to a kind by casualty, arrest or crowd words: nearest pairs first,
 * so that in "kill 20 people, 12 civilians and 8 soldiers, and injure 70 others" 70 is the injured, not 8. A crowd
 * counts people: "strikes against three posts" states no participants. `people` tells a noun that names people.
 */
export function findEventSize(tokens: Token[], from: number, to: number, people: (t: Token) => boolean): EventSize | null {
  const pairs: Array<{ d: number; i: number; value: number; kind: keyof EventSize }> = [];
  for (let i = from; i < to; i++) {
    const value = numberAt(tokens, i);
    // People are counted in whole numbers: 6.3 is a magnitude, 2.5 a percentage or a price.
    if (value === null || value < 1 || !Number.isInteger(value)) continue;
    // A year or a date is not a count.
    if (/^(1[89]|20)\d\d$/.test(tokens[i]!.text) || tokens[i + 1]?.normal === 'percent') continue;
    if (MONTHS.has(tokens[i - 1]?.normal ?? '') || MONTHS.has(tokens[i + 1]?.normal ?? '')) continue;
    // An age: "an 18-year-old man".
    if (tokens[i + 1]?.text === '-' && /^(year|month|week|day)s?$/.test(tokens[i + 2]?.normal ?? '')) continue;
    if (/^\d+-(year|month)/.test(tokens[i]!.text)) continue;
    const head = quantifiedHead(tokens, i, to, people);
    if (head !== null && NOT_VICTIMS.has(head.normal)) continue;
    // Each count goes with its nearest kind word in its own clause ("3 killed and 4 wounded": 4 is the wounded),
    // else with the nearest verb before it whose list it is in ("killing him and three members of his family").
    let best: (typeof pairs)[number] | null = null;
    let fallback: (typeof pairs)[number] | null = null;
    for (let j = Math.max(from, i - 4); j < Math.min(to, i + 6); j++) {
      const w = tokens[j]!;
      const lemma = (w.lemma ?? w.normal).toLowerCase();
      const has = (set: Set<string>): boolean => set.has(w.normal) || set.has(lemma);
      const kind: keyof EventSize | null = has(DEAD) ? 'dead' : has(INJURED) ? 'injured' : has(ARRESTED) ? 'arrested' : has(PARTICIPANTS) ? 'participants' : null;
      if (kind === null) continue;
      // A crowd is of people: "thousands protested", "5,000 demonstrators", not "strikes against three posts".
      if (kind === 'participants' && j !== i + 1 && (head === null ? tokens[i]!.pos === 'NUM' && /\d/.test(tokens[i]!.text) : !people(head))) continue;
      const pair = { d: Math.abs(j - i), i, value, kind };
      if (!separated(tokens, i, j)) {
        if (best === null || pair.d < best.d) best = pair;
      } else if (j < i && (fallback === null || pair.d < fallback.d)) fallback = pair;
    }
    best ??= fallback;
    if (best) pairs.push(best);
  }
  pairs.sort((a, b) => a.d - b.d || a.i - b.i);
  const size: EventSize = {};
  for (const p of pairs) if (size[p.kind] === undefined) size[p.kind] = p.value;
  return Object.keys(size).length > 0 ? size : null;
}
