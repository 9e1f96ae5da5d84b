import { matchPrefixes, symbolOf } from './match-prefixes.js';

/** What the selector needs of a compiled rule: its wrapper group and named groups, numbered in the full pattern. */
export interface NumberedRule {
  index: number;
  groups: Array<[name: string, index: number]>;
}

/** One rule in a sticky expression of its own (wrapped as the full pattern wraps the alternation). */
export interface RuleMatcher<R extends NumberedRule> {
  sticky: RegExp;
  /** A copy of the rule with the group numbers of `sticky`. */
  rule: R;
}

/**
 * Chooses, from the first k characters at a position, the rules that can match there (see `matchPrefixes`), to try
 * only those, one by one in their order: one regular expression of all the rules spends most of a failed try on
 * rules that cannot start with what is there ("the " opens few of them). Trying the alternatives of
 * `(?:A|B|…)(?!…)` one by one, each with the look-ahead, finds the match the alternation finds (it too tries A with
 * all its backtracking before B); a rule that cannot match at a position changes nothing by being left out.
 * One expression per rule also compiles once, where one per set of rules would compile the same rules many times.
 */
export interface RuleSelector<R extends NumberedRule> {
  k: number;
  /** Per rule, the symbol strings that can open its matches; null when any position may (syntax beyond the analysis). */
  prefixes: Array<Set<string> | null>;
  /** Each prefix string → the rules that have it; the rules without a filter. */
  byPrefix: Map<string, number[]>;
  anywhere: number[];
  matchers: Array<RuleMatcher<R>>;
  /**
   * Per UTF-16 code unit, a number for its symbol: 1… for the symbols the prefixes hold, `base - 1` for all others
   * (they open no match, so one number serves them all), 0 for none (past the end of the text); filled as met.
   */
  codeOf: Uint16Array;
  numbers: Map<string, number>;
  base: number;
  /** The k symbol numbers at a position, read as one number in `base` → the rules that can match there, in order (null: none). */
  byKey: Map<number, Array<RuleMatcher<R>> | null>;
}

/** A code unit whose number is not known yet. */
const UNSEEN = 0xffff;

/** Distinct keys kept before the key cache starts again (text keys are mostly the openings of ordinary words). */
const MAX_KEYS = 20000;

/** `parts[i]` is the source of `rules[i]`, `(…)` with the group numbers of the full pattern; `wrap` makes a whole pattern of an alternation. */
export function buildRuleSelector<R extends NumberedRule>(rules: R[], parts: string[], wrap: (alternation: string) => string, k = 4): RuleSelector<R> {
  const prefixes = parts.map((p) => {
    const set = matchPrefixes(p, k)?.prefixes ?? null;
    // A rule that could match the empty string is tried everywhere (none does: a match holds a word character).
    return set && !set.has('') ? set : null;
  });
  const matchers = rules.map((rule, r) => {
    // Group numbers shift so that the rule's wrapper group is 1.
    const shift = 1 - rule.index;
    const own: R = { ...rule, index: 1, groups: rule.groups.map(([name, i]) => [name, i + shift]) };
    return { sticky: new RegExp(wrap(parts[r]!), 'iy'), rule: own };
  });
  const numbers = new Map<string, number>();
  for (const set of prefixes) for (const prefix of set ?? []) for (const sym of prefix) if (!numbers.has(sym)) numbers.set(sym, numbers.size + 1);
  const base = numbers.size + 2;
  const byPrefix = new Map<string, number[]>();
  const anywhere: number[] = [];
  for (const [r, set] of prefixes.entries()) {
    if (set === null) anywhere.push(r);
    for (const prefix of set ?? []) byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), r]);
  }
  return { k, prefixes, byPrefix, anywhere, matchers, codeOf: new Uint16Array(0x10000).fill(UNSEEN), numbers, base, byKey: new Map() };
}

/** The rules that can match at `at`, in order, or null when none can. */
export function rulesAt<R extends NumberedRule>(sel: RuleSelector<R>, text: string, at: number): Array<RuleMatcher<R>> | null {
  // A number rather than a string of symbols: building and hashing a new string at every candidate cost more than the rest.
  let key = 0;
  for (let i = at; i < at + sel.k; i++) key = key * sel.base + (i < text.length ? codeOf(sel, text.charCodeAt(i)) : 0);
  let chosen = sel.byKey.get(key);
  if (chosen === undefined) {
    let symbols = '';
    const end = Math.min(at + sel.k, text.length);
    for (let j = at; j < end; j++) symbols += symbolOf(text[j]!);
    chosen = chooseRules(sel, symbols);
    if (sel.byKey.size >= MAX_KEYS) sel.byKey.clear();
    sel.byKey.set(key, chosen);
  }
  return chosen;
}

function codeOf<R extends NumberedRule>(sel: RuleSelector<R>, unit: number): number {
  let code = sel.codeOf[unit]!;
  if (code === UNSEEN) {
    code = sel.numbers.get(symbolOf(String.fromCharCode(unit))) ?? sel.base - 1;
    sel.codeOf[unit] = code;
  }
  return code;
}

/**
 * Rules that can match text opening with `key`: those with `key` among their prefixes, or a shorter start of it that
 * is a whole match.
 */
function chooseRules<R extends NumberedRule>(sel: RuleSelector<R>, key: string): Array<RuleMatcher<R>> | null {
  const can = new Set(sel.anywhere);
  for (const r of sel.byPrefix.get(key) ?? []) can.add(r);
  for (let n = 1; n < sel.k && n < key.length; n++) for (const r of sel.byPrefix.get(key.slice(0, n)) ?? []) can.add(r);
  if (can.size === 0) return null;
  return [...can].sort((a, b) => a - b).map((r) => sel.matchers[r]!);
}
