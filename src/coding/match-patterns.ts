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

/** How many tokens a "..." may skip. */
const GAP = 6;
const CLAUSE_STOP = new Set([';', ':', '.', '?', '!']);

const has = (item: PatternItem, t: Token): boolean =>
  !item.gap && (item.forms.has(t.normal) || item.forms.has((t.lemma ?? t.normal).toLowerCase()));

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
    const limit = Math.min(end - 1, pos + 1 + (gap ? GAP : 0));
    let found = -1;
    for (let j = pos + 1; j <= limit; j++) {
      if (has(item, tokens[j]!)) {
        found = j;
        break;
      }
      if (CLAUSE_STOP.has(tokens[j]!.text)) break;
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
    const lemma = (t.lemma ?? t.normal).toLowerCase();
    const b = lemma !== t.normal ? lexicon.byFirst.get(lemma) : undefined;
    for (const list of [a, b]) {
      if (!list) continue;
      for (const p of list) {
        const positions = matchAt(p, tokens, i, to);
        if (positions) candidates.push({ pattern: p, positions, trigger: positions[countTrigger(p)]! });
      }
    }
  }
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

/** Index among the non-gap items of the pattern's trigger item. */
function countTrigger(p: EventPattern): number {
  let n = 0;
  for (let k = 0; k < p.trigger; k++) if (!p.items[k]!.gap) n++;
  return n;
}
