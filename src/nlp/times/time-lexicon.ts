import { readFileSync } from 'node:fs';

/** The words of dates and times (data/times/lexicon.json), keyed by lower-case word or phrase. */
export interface TimeLexicon {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  /** Cardinal words; "X" for vague quantities ("several"). */
  numbers: Record<string, number | 'X'>;
  ordinals: Record<string, number>;
  /** Unit word → TimeML duration unit ("Y", "M", "W", "D", "H", "Q", "10Y" for a decade). */
  units: Record<string, string>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  /** PRESENT_REF / PAST_REF / FUTURE_REF words. */
  references: Record<string, string>;
  /** Holiday → "MM-DD", or "MM-Wn-d" (n-th weekday d of month MM), optionally "+k" days after it. */
  holidays: Record<string, string>;
  setWords: Record<string, string>;
  modifiers: Record<string, string>;
  timeZones: string[];
  /** Words that put a clause in the future on their own ("scheduled", "planned", "will"). */
  futureCues: string[];
  /** Verbs that do so only before "to" ("set to meet", "agreed to meet"). */
  futureCuesWithTo: string[];
}

/** A pattern of data/times/rules.json: a regular expression with {SECTION} macros and a value recipe. */
export interface TimeRule {
  id: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  recipe: string;
  pattern: string;
}

export interface TimeData {
  lexicon: TimeLexicon;
  rules: TimeRule[];
  /** Words of which every match holds one, besides digits and the lexicon's calendar words (rules.json "triggers"). */
  triggers: string[];
}

const RECORD_SECTIONS = [
  'months', 'weekdays', 'numbers', 'ordinals', 'units', 'seasons', 'partsOfDay', 'references', 'holidays', 'setWords',
  'modifiers',
] as const;

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../data/times/${name}`, import.meta.url), 'utf8'));
}

/** Checks the shape of the time data; throws with the section at fault so a bad edit fails at start-up. */
export function validateTimeData(lexicon: unknown, rules: unknown): TimeData {
  const lex = lexicon as Record<string, unknown>;
  for (const section of RECORD_SECTIONS) {
    const value = lex[section];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`data/times/lexicon.json: section "${section}" must be an object`);
    }
    for (const [k, v] of Object.entries(value)) {
      if (k !== k.toLowerCase()) throw new Error(`data/times/lexicon.json: ${section} key "${k}" must be lower case`);
      if (typeof v !== 'number' && typeof v !== 'string') throw new Error(`data/times/lexicon.json: ${section}.${k} has a bad value`);
    }
  }
  for (const section of ['timeZones', 'futureCues', 'futureCuesWithTo'] as const) {
    if (!Array.isArray(lex[section])) throw new Error(`data/times/lexicon.json: "${section}" must be an array`);
  }
  const list = (rules as { rules?: unknown }).rules;
  if (!Array.isArray(list)) throw new Error('data/times/rules.json: "rules" must be an array');
  const ids = new Set<string>();
  for (const r of list as TimeRule[]) {
    if (typeof r.id !== 'string' || typeof r.pattern !== 'string' || typeof r.recipe !== 'string') {
      throw new Error(`data/times/rules.json: rule ${JSON.stringify(r.id)} needs id, recipe and pattern`);
    }
    if (!['DATE', 'TIME', 'DURATION', 'SET'].includes(r.type)) throw new Error(`data/times/rules.json: rule ${r.id} has bad type`);
    if (ids.has(r.id)) throw new Error(`data/times/rules.json: duplicate rule id ${r.id}`);
    ids.add(r.id);
  }
  const triggers = (rules as { triggers?: unknown }).triggers;
  if (!Array.isArray(triggers) || triggers.some((w) => typeof w !== 'string' || w !== w.toLowerCase())) {
    throw new Error('data/times/rules.json: "triggers" must be an array of lower-case words');
  }
  return { lexicon: lexicon as TimeLexicon, rules: list as TimeRule[], triggers: triggers as string[] };
}

/** Reads and validates data/times (the only I/O of the times stage; call once, at the edge). */
export function loadTimeData(): TimeData {
  return validateTimeData(readJson('lexicon.json'), readJson('rules.json'));
}
