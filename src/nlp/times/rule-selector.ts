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
  matchers: Array<RuleMatcher<R>>;
  /** Symbol key at a position → the rules that can match there, in order (null: none). */
  byKey: Map<string, Array<RuleMatcher<R>> | null>;
}

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
  return { k, prefixes, matchers, byKey: new Map() };
}

/** The rules that can match at `at`, in order, or null when none can. */
export function rulesAt<R extends NumberedRule>(sel: RuleSelector<R>, text: string, at: number): Array<RuleMatcher<R>> | null {
  let key = '';
  const end = Math.min(at + sel.k, text.length);
  for (let j = at; j < end; j++) key += symbolOf(text[j]!);
  let chosen = sel.byKey.get(key);
  if (chosen === undefined) {
    chosen = chooseRules(sel, key);
    if (sel.byKey.size >= MAX_KEYS) sel.byKey.clear();
    sel.byKey.set(key, chosen);
  }
  return chosen;
}

/**
 * Rules that can match text opening with `key`: those with `key` among their prefixes, or a shorter start of it that
 * is a whole match (as `canStartAt` reads a prefix set).
 */
function chooseRules<R extends NumberedRule>(sel: RuleSelector<R>, key: string): Array<RuleMatcher<R>> | null {
  const chosen: Array<RuleMatcher<R>> = [];
  for (let r = 0; r < sel.matchers.length; r++) {
    const set = sel.prefixes[r];
    let can = set === null || set.has(key);
    for (let n = 1; !can && n < sel.k && n < key.length; n++) can = set!.has(key.slice(0, n));
    if (can) chosen.push(sel.matchers[r]!);
  }
  return chosen.length > 0 ? chosen : null;
}
