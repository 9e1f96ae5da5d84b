// Finds lexicon pattern matches in one sentence and keeps the most specific non-overlapping ones.
import type { Token } from '../domain/types.js';
import type { EventLexicon, EventPattern, PatternItem } from './event-lexicon.js';

export interface PatternHit {
  pattern: EventPattern;
  /** Token index of each non-gap item, in order. */
  positions: number[];
  /** Token index of the trigger. */
  trigger: number;
}

const CLAUSE_STOP = new Set([';', ':', '.', '?', '!']);
const TIME_SKIP = new Set(['today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const ADJUNCT_START = new Set(['after', 'before', 'since', 'until', 'during', 'despite', 'amid', 'following', 'without', 'unlike', 'than', 'throughout', 'because']);

/** Lower-cased lemma, without allocating when it is lower case already (the usual case). */
function lemmaKey(t: Token): string {
  const l = t.lemma;
  if (!l || l === t.normal) return t.normal;
  const c = l.charCodeAt(0);
  return c >= 65 && c <= 90 ? l.toLowerCase() : l;
}

const has = (item: PatternItem, t: Token): boolean =>
  !item.gap && (item.forms.has(t.normal) || item.forms.has(lemmaKey(t))) && (item.pos === null || item.pos.has(t.pos));

/** Whether the item's word is the object of the adjunct word at j ("after | the war"). */
function insideAdjunct(item: PatternItem, tokens: Token[], j: number, limit: number): boolean {
  for (let k = j + 1; k <= limit && k <= j + 2; k++) if (has(item, tokens[k]!)) return true;
  return false;
}

/** Regular stems of an inflected word: "abducted" → abduct, abducte; "seizing" → seiz, seize; "carries" → carry. */
function regularBases(word: string): string[] {
  if (word.length < 5) return [];
  if (word.endsWith('ied')) return [`${word.slice(0, -3)}y`];
  if (word.endsWith('ed')) return [word.slice(0, -2), word.slice(0, -1)];
  if (word.endsWith('ing')) return [word.slice(0, -3), `${word.slice(0, -3)}e`];
  if (word.endsWith('ies')) return [`${word.slice(0, -3)}y`];
  if (word.endsWith('s') && !word.endsWith('ss')) return [word.slice(0, -1)];
  return [];
}

/** Per lexicon, per word: the pattern lists of its regular stems (most words have none). */
const stemMemo = new WeakMap<EventLexicon, Map<string, EventPattern[][]>>();
/** Words whose stems are remembered at most; past it the memory starts over (a long-running worker stays bounded). */
const STEM_MEMO_LIMIT = 50_000;
const NO_PATTERNS: EventPattern[][] = [];

/** The pattern lists keyed by the regular stems of `word`, in stem order; remembered per word. */
function stemPatterns(lexicon: EventLexicon, word: string): EventPattern[][] {
  let memo = stemMemo.get(lexicon);
  if (memo === undefined) {
    memo = new Map();
    stemMemo.set(lexicon, memo);
  }
  let lists = memo.get(word);
  if (lists === undefined) {
    if (memo.size >= STEM_MEMO_LIMIT) memo.clear();
    const found = regularBases(word)
      .map((base) => lexicon.byFirst.get(base))
      .filter((list): list is EventPattern[] => list !== undefined);
    lists = found.length === 0 ? NO_PATTERNS : found;
    memo.set(word, lists);
  }
  return lists;
}

function matchAt(p: EventPattern, tokens: Token[], i: number, end: number): number[] | null {
  const positions = [i];
  let pos = i;
  let gap = false;
  for (let k = 1; k < p.items.length; k++) {
    const item = p.items[k]!;
    if (item.gap) {
      gap = true;
      continue;
    }
    // "opened its ports yesterday to", "its demand Friday that": a bare time word may sit between two items.
    const skip = !gap && pos + 2 < end && TIME_SKIP.has(tokens[pos + 1]!.normal) ? 1 : 0;
    const limit = Math.min(end - 1, pos + 1 + (gap ? p.gap : skip));
    // A gap does not reach into an adjunct of time or cause: "began rebuilding after the war" starts no war
    // ("opened the pass after six months to allow the delivery", "flew to Oslo for talks" do reach).
    let found = -1;
    for (let j = pos + 1; j <= limit; j++) {
      // "a strike on Monday": "on" before a day dates the act, it names no target.
      if (has(item, tokens[j]!) && !(tokens[j]!.normal === 'on' && TIME_SKIP.has(tokens[j + 1]?.normal ?? ''))) {
        found = j;
        break;
      }
      if (CLAUSE_STOP.has(tokens[j]!.text)) break;
      if (gap && ADJUNCT_START.has(tokens[j]!.normal) && insideAdjunct(item, tokens, j, limit)) break;
    }
    if (found < 0) return null;
    positions.push(found);
    pos = found;
    gap = false;
  }
  return positions;
}

/** Matches in tokens [from, to): longer patterns first, then lexicon order; no token serves two hits. */
export function matchPatterns(lexicon: EventLexicon, tokens: Token[], from: number, to: number): PatternHit[] {
  const candidates: PatternHit[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const a = lexicon.byFirst.get(t.normal);
    if (a) addMatches(a, tokens, i, to, candidates);
    const lemma = lemmaKey(t);
    if (lemma !== t.normal) {
      const b = lexicon.byFirst.get(lemma);
      if (b) addMatches(b, tokens, i, to, candidates);
    } else if (!a && t.pos !== 'PROPN' && t.text.charCodeAt(0) >= 97 && tokens[i - 1]?.pos !== 'DET') {
      // A verb the tagger does not know keeps its ending as its lemma ("abducted"): try the regular stems (not
      // after an article, "the signing of", nor in a name, "United States").
      for (const c of stemPatterns(lexicon, t.normal)) addMatches(c, tokens, i, to, candidates);
    }
  }
  if (candidates.length === 0) return candidates;
  if (candidates.length === 1) return candidates;
  // More items first; then the tighter match ("withdraw its inspectors from" → the inspectors pattern); then lexicon order.
  const span = (h: PatternHit): number => h.positions[h.positions.length - 1]! - h.positions[0]!;
  // A verb pattern beats a noun pattern of the same length: "reimposed sanctions on Iran" is one act, by its verb.
  const noun = (h: PatternHit): number => (h.pattern.nominal ? 1 : 0);
  candidates.sort((x, y) => y.positions.length - x.positions.length || noun(x) - noun(y) || span(x) - span(y) || x.pattern.order - y.pattern.order);
  const used = new Set<number>();
  const hits: PatternHit[] = [];
  for (const c of candidates) {
    if (c.positions.some((p) => used.has(p))) continue;
    for (const p of c.positions) used.add(p);
    hits.push(c);
  }
  return hits.sort((x, y) => x.trigger - y.trigger);
}

function addMatches(list: EventPattern[], tokens: Token[], i: number, to: number, out: PatternHit[]): void {
  for (const p of list) {
    const first = p.items[0]!;
    if (!first.gap && first.pos !== null && !first.pos.has(tokens[i]!.pos)) continue;
    const positions = matchAt(p, tokens, i, to);
    if (!positions) continue;
    const trigger = positions[p.triggerPosition]!;
    // A noun pattern does not fire on the verb of the same form ("demanded that" is the verb's pattern).
    if (p.nominal && tokens[trigger]!.pos === 'VERB') continue;
    out.push({ pattern: p, positions, trigger });
  }
}
