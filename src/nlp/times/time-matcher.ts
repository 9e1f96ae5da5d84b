import { buildRuleSelector, rulesAt, type RuleSelector } from './rule-selector.js';
import { buildTriggerTrie, nextTrigger, type TriggerHit, type TriggerTrie } from './trigger-words.js';
import type { TimeData, TimeLexicon, TimeRule } from './time-lexicon.js';

/**
 * The rules compiled into one regular expression, tried only near trigger words (digits, calendar words): every
 * match holds one within a few words of its start, so positions far from any are never tried.
 */
export interface TimeMatcher {
  /** All rules alternated, global: a plain scan (`regex.exec` from lastIndex) finds the same matches as `findMatch`. */
  regex: RegExp;
  /** Digits and the words of which every match holds one. */
  trigger: RegExp;
  /** The same words in a trie, which finds them faster (null when a word has characters it does not handle). */
  triggerTrie: TriggerTrie | null;
  /**
   * The rules that can match at a position, from the first characters there, each in a sticky pattern of its own:
   * most word starts near a trigger are skipped without trying a regex, the others try only the rules that fit.
   */
  selector: RuleSelector<CompiledRule>;
  rules: CompiledRule[];
  lexicon: TimeLexicon;
}

/**
 * Most words a match can hold before its first trigger word ("more than the better part of a couple of … days").
 * Candidates are the word starts this many words back from each trigger.
 */
const WORDS_BEFORE_TRIGGER = 8;

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
  const words = triggerWords(data);
  const wrap = (alternation: string): string => `\\b(?<![\\w'’.,-])(?:${alternation})(?![\\w]|-\\w)`;
  return {
    regex: new RegExp(wrap(parts.join('|')), 'gi'),
    trigger: triggerRegex(words),
    triggerTrie: buildTriggerTrie(words),
    selector: buildRuleSelector(rules, parts, wrap),
    rules,
    lexicon: data.lexicon,
  };
}

/** Digits, or a word starting with a trigger word: the lexicon's calendar words, the last words of its phrases, rules.json "triggers". */
function triggerWords(data: TimeData): Set<string> {
  const lex = data.lexicon;
  const last = (phrase: string): string => phrase.split(/\s+/).pop()!;
  return new Set([
    ...Object.keys(lex.months), ...Object.keys(lex.weekdays), ...Object.keys(lex.units), ...Object.keys(lex.seasons),
    ...Object.keys(lex.partsOfDay), ...Object.keys(lex.setWords), ...Object.keys(lex.ordinals),
    ...Object.keys(lex.references).map(last), ...Object.keys(lex.holidays).map(last), ...data.triggers,
    ...Object.keys(lex.numbers).flatMap((phrase) => phrase.split(/\s+/)).filter((w) => w.length > 2 && w !== 'of'),
  ]);
}

function triggerRegex(words: Set<string>): RegExp {
  return new RegExp(`\\d+|\\b(?:${alternation(words).replace(/'/g, "['’]")})`, 'gi');
}

/** The first trigger at or after `from`: by the trie when the words allow one, else by the regular expression. */
function findTrigger(matcher: TimeMatcher, text: string, from: number): TriggerHit | null {
  if (matcher.triggerTrie) return nextTrigger(matcher.triggerTrie, text, from);
  matcher.trigger.lastIndex = from;
  const t = matcher.trigger.exec(text);
  return t ? { index: t.index, end: t.index + t[0].length } : null;
}

/** `\w` of a non-Unicode regular expression: [A-Za-z0-9_]. */
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/** A match never starts right after these (`(?<![\w'’.,-])` in the pattern). */
const isNoStartAfter = (c: number): boolean => isWordCode(c) || c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 45;
const isSpaceCode = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;

/** Where a scan stands: matches start at or after `from`; positions before `tried` have been tried already. */
export interface ScanCursor {
  from: number;
  tried: number;
}

/** A match and the rule that made it. */
export interface TimeMatch {
  /** The match, with the group numbers of `rule` (not those of `matcher.regex`). */
  match: RegExpExecArray;
  rule: CompiledRule;
}

/**
 * The first match starting at or after cursor.from — what `matcher.regex` would find from there — trying the
 * rules only at the word starts within WORDS_BEFORE_TRIGGER words before each trigger word.
 */
export function findMatch(matcher: TimeMatcher, text: string, cursor: ScanCursor): TimeMatch | null {
  const { selector } = matcher;
  let t: TriggerHit | null;
  for (let from = cursor.from; (t = findTrigger(matcher, text, from)) !== null; from = t.end) {
    // Positions before `floor` have been tried (or lie before the cursor): walk back no further than it.
    const floor = Math.max(cursor.from, cursor.tried);
    let c = t.index;
    let words = 0;
    while (c > floor && words < WORDS_BEFORE_TRIGGER) {
      c--;
      // (c > 0: charCodeAt(-1) is NaN, but reading before the string throws the optimized code away.)
      if (c > 0 && isSpaceCode(text.charCodeAt(c - 1)) && !isSpaceCode(text.charCodeAt(c))) words++;
    }
    for (; c <= t.index; c++) {
      if (!isWordCode(text.charCodeAt(c)) || (c > 0 && isNoStartAfter(text.charCodeAt(c - 1)))) continue;
      const candidates = rulesAt(selector, text, c);
      if (candidates === null) continue;
      for (const { sticky, rule } of candidates) {
        sticky.lastIndex = c;
        const m = sticky.exec(text);
        if (m) {
          cursor.tried = c + 1;
          return { match: m, rule };
        }
      }
    }
    cursor.tried = t.index + 1;
  }
  return null;
}
