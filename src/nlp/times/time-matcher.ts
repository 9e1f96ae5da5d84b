import type { TimeData, TimeLexicon, TimeRule } from './time-lexicon.js';

/** The rules compiled into one regular expression: one scan of the text finds every candidate. */
export interface TimeMatcher {
  regex: RegExp;
  rules: CompiledRule[];
  lexicon: TimeLexicon;
}

export interface CompiledRule extends TimeRule {
  /** Group name of the rule's wrapper (`r3`) and its inner group names (unprefixed). */
  key: string;
  groups: string[];
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

/** Compiles the rules once (at load): macros expanded, inner groups prefixed per rule, all rules alternated in order. */
export function buildTimeMatcher(data: TimeData): TimeMatcher {
  const m = macros(data.lexicon);
  const rules: CompiledRule[] = [];
  const parts: string[] = [];
  data.rules.forEach((rule, i) => {
    const key = `r${i}`;
    const groups: string[] = [];
    let source = rule.pattern.replace(/\{([A-Z]+)\}/g, (_, name: string) => {
      const body = m[name];
      if (body === undefined) throw new Error(`data/times/rules.json: rule ${rule.id} uses unknown macro {${name}}`);
      return `(?:${body})`;
    });
    source = source.replace(/\(\?<([A-Za-z]\w*)>/g, (_, name: string) => {
      groups.push(name);
      return `(?<${key}_${name}>`;
    });
    try {
      new RegExp(source, 'i');
    } catch (e) {
      throw new Error(`data/times/rules.json: rule ${rule.id} does not compile: ${(e as Error).message}`);
    }
    rules.push({ ...rule, key, groups });
    parts.push(`(?<${key}>${source})`);
  });
  // A match starts at a word start and ends at a word end (a final period, as in "a.m.", is its own end).
  const regex = new RegExp(`(?<![\\w'’-])(?:${parts.join('|')})(?![\\w]|-\\d)`, 'gi');
  return { regex, rules, lexicon: data.lexicon };
}
