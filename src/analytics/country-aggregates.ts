import type { ClusterFact } from '../store/query-types.js';
import { isConflict } from './pair-key.js';

// Per-country figures for the world map: each cluster counts once for every country on either
// of its sides (once when both sides are the same country).

export interface CountryAggregate {
  country: string;
  clusters: number;
  cooperation: number;
  conflict: number;
  goldsteinMean: number;
  /** (cooperation − conflict) / clusters, in [−1, 1]: the map's shade. */
  balance: number;
}

export function countryAggregates(facts: readonly ClusterFact[]): CountryAggregate[] {
  const by = new Map<string, { clusters: number; cooperation: number; conflict: number; g: number }>();
  for (const f of facts) {
    const sides = new Set([f.sourceCountry, f.targetCountry].filter((c): c is string => Boolean(c)));
    for (const c of sides) {
      let a = by.get(c);
      if (!a) by.set(c, (a = { clusters: 0, cooperation: 0, conflict: 0, g: 0 }));
      a.clusters++;
      if (isConflict(f.quadclass)) a.conflict++;
      else a.cooperation++;
      a.g += f.goldstein;
    }
  }
  return [...by]
    .map(([country, a]) => ({
      country,
      clusters: a.clusters,
      cooperation: a.cooperation,
      conflict: a.conflict,
      goldsteinMean: Math.round((a.g / a.clusters) * 100) / 100,
      balance: Math.round(((a.cooperation - a.conflict) / a.clusters) * 1000) / 1000,
    }))
    .sort((x, y) => y.clusters - x.clusters || (x.country < y.country ? -1 : 1));
}
