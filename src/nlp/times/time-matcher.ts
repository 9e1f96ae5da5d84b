import type { TimeData, TimeLexicon, TimeRule } from './time-lexicon.js';

/** The rules compiled into one regular expression: one scan of the text finds every candidate. */
export interface TimeMatcher {
  regex: RegExp;
  rules: CompiledRule[];
  lexicon: TimeLexicon;
}

export interface CompiledRule extends TimeRule {
  /** Index of the rule's wrapper group in a match, and of each of its named groups (names kept for recipes). */
  index: number;
  groups: Array<[name: string, index: number]>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Alternation of phrases, longest first so the regex prefers "christmas eve" over "christmas"; spaces match any whitespace. */
function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|');
}

/** Abbreviations ("Aug", "Tues") need a period, except a month before a day number ("Aug 5"); full names stand alone. */
function calendarNames(table: Record<string, number>, full: (w: string) => boolean, bareBeforeDigit: boolean): string {
  const parts: string[] = [];
  const longFirst = Object.keys(table).sort((a, b) => b.length - a.length);
  for (const w of longFirst) {
    if (full(w)) parts.push(escape(w));
    else parts.push(`${escape(w)}\\.${bareBeforeDigit ? `|${escape(w)}(?=\\s+\\d)` : ''}`);
  }
  return parts.join('|');
}

export function macros(lex: TimeLexicon): Record<string, string> {
  const fullMonth = (w: string): boolean => w.length > 4 || w === 'may' || w === 'june' || w === 'july';
  const fullDay = (w: string): boolean => w.endsWith('day');
  return {
    MONTH: calendarNames(lex.months, fullMonth, true),
    WEEKDAY: calendarNames(lex.weekdays, fullDay, false),
    NUM: alternation(Object.keys(lex.numbers)),
    ORD: alternation(Object.keys(lex.ordinals)),
    UNIT: alternation(Object.keys(lex.units)),
    SEASON: alternation(Object.keys(lex.seasons)),
    POD: alternation(Object.keys(lex.partsOfDay)),
    REF: alternation(Object.keys(lex.references)),
    HOLIDAY: alternation(Object.keys(lex.holidays)).replace(/'/g, "['’]"),
    SETWORD: alternation(Object.keys(lex.setWords)),
    MOD: alternation(Object.keys(lex.modifiers)),
    TZ: alternation(lex.timeZones),
  };
}

/**
 * Compiles the rules once (at load): macros expanded, all rules alternated in order in one regular expression.
 * Named groups become plain numbered ones (a match then builds no `groups` object, which cost more than the scan);
 * each rule keeps the numbers of its wrapper and of its named groups.
 */
export function buildTimeMatcher(data: TimeData): TimeMatcher {
  const m = macros(data.lexicon);
  const rules: CompiledRule[] = [];
  const parts: string[] = [];
  let next = 1;
  for (const rule of data.rules) {
    let source = rule.pattern.replace(/\{([A-Z]+)\}/g, (_, name: string) => {
      const body = m[name];
      if (body === undefined) throw new Error(`data/times/rules.json: rule ${rule.id} uses unknown macro {${name}}`);
      return `(?:${body})`;
    });
    try {
      new RegExp(source, 'i');
    } catch (e) {
      throw new Error(`data/times/rules.json: rule ${rule.id} does not compile: ${(e as Error).message}`);
    }
    const index = next++;
    const groups: Array<[string, number]> = [];
    let out = '';
    for (let i = 0; i < source.length; i++) {
      const c = source[i]!;
      if (c === '\\') {
        out += c + (source[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '(') {
        const named = /^\(\?<([A-Za-z]\w*)>/.exec(source.slice(i, i + 40));
        if (named) {
          groups.push([named[1]!, next++]);
          out += '(';
          i += named[0].length - 1;
          continue;
        }
        if (source[i + 1] !== '?') throw new Error(`data/times/rules.json: rule ${rule.id}: use (?:…) or a named group, not a bare (…)`);
      }
      out += c;
    }
    source = out;
    rules.push({ ...rule, index, groups });
    parts.push(`(${source})`);
  }
  // A match starts at a word start and ends at a word end (a final period, as in "a.m.", is its own end), never
  // inside a hyphenated word ("a year-earlier loss", "6-year-old", "1990-91").
  // The leading \b is redundant with the look-behind but lets the engine skip mid-word positions fast (~30%).
  const regex = new RegExp(`\\b(?<![\\w'’.,-])(?:${parts.join('|')})(?![\\w]|-\\w)`, 'gi');
  return { regex, rules, lexicon: data.lexicon };
}
