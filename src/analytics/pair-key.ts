import type { ClusterFact } from '../store/query-types.js';

// Pairs are unordered: escalation between two countries is the same story whoever acts first.
// Clusters inside one country (RUS→RUS) or with an unknown side belong to no pair.

/** The two countries of a cluster in alphabetical order, or null when it has no distinct pair. */
export function pairOf(f: Pick<ClusterFact, 'sourceCountry' | 'targetCountry'>): [string, string] | null {
  const a = f.sourceCountry;
  const b = f.targetCountry;
  if (!a || !b || a === b) return null;
  return a < b ? [a, b] : [b, a];
}

export function pairKey(pair: [string, string]): string {
  return `${pair[0]}-${pair[1]}`;
}

/** Conflict (QuadClass 3 verbal, 4 material) versus cooperation (1, 2). */
export function isConflict(quadclass: number): boolean {
  return quadclass >= 3;
}
