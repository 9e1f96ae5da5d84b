import type { ClusterFact } from '../store/query-types.js';
import { isConflict } from './pair-key.js';
import { periodOf, periodsBetween, type Granularity } from './period.js';

// Series of event clusters (not raw mentions: one event reported by ten outlets counts once) for a
// pair or a country, by period. The escalation index divides the pair's conflict count by the whole
// corpus's cluster count in the same period and compares it with the pair's own long-run level, so
// growing coverage or a gap in the sources does not read as escalation.

export interface SeriesPoint {
  period: string;
  clusters: number;
  /** Clusters by QuadClass 1–4 (index 0 is QuadClass 1). */
  quadclass: [number, number, number, number];
  plover: Record<string, number>;
  goldsteinSum: number;
  /** Mean Goldstein of the period's clusters, null when there are none. */
  goldsteinMean: number | null;
  /** Every cluster of the corpus in this period (the denominator). */
  corpusClusters: number;
  /** Conflict clusters (QuadClass 3–4) per 1,000 corpus clusters. */
  conflictRate: number | null;
  /** conflictRate over the pair's own rate across the whole series: 1 is its usual level. */
  escalation: number | null;
}

export interface Series {
  by: Granularity;
  points: SeriesPoint[];
  totals: { clusters: number; conflict: number; cooperation: number; goldsteinMean: number | null };
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Clusters of the whole corpus by day: the volume every series is normalised by. */
export function volumeByDay(all: Iterable<ClusterFact>): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of all) out.set(f.day, (out.get(f.day) ?? 0) + 1);
  return out;
}

/**
 * Builds the series of the given clusters (already selected for a pair or a country) by period,
 * from the first to the last period that holds either a cluster or, when `range` is given, the range.
 */
export function buildSeries(
  facts: readonly ClusterFact[],
  volume: ReadonlyMap<string, number>,
  by: Granularity,
  range: { from?: string; to?: string } = {},
): Series {
  const days = facts.map((f) => f.day).sort();
  const first = range.from ?? days[0];
  const last = range.to ?? days[days.length - 1];
  const empty: Series = { by, points: [], totals: { clusters: 0, conflict: 0, cooperation: 0, goldsteinMean: null } };
  if (first === undefined || last === undefined || first > last) return empty;
  const points = new Map<string, SeriesPoint>();
  for (const period of periodsBetween(first, last, by)) {
    points.set(period, {
      period, clusters: 0, quadclass: [0, 0, 0, 0], plover: {}, goldsteinSum: 0, goldsteinMean: null,
      corpusClusters: 0, conflictRate: null, escalation: null,
    });
  }
  for (const [day, n] of volume) {
    const p = points.get(periodOf(day, by));
    if (p) p.corpusClusters += n;
  }
  let conflict = 0;
  let cooperation = 0;
  let gSum = 0;
  for (const f of facts) {
    const p = points.get(periodOf(f.day, by));
    if (!p) continue;
    p.clusters++;
    if (f.quadclass >= 1 && f.quadclass <= 4) p.quadclass[f.quadclass - 1]++;
    if (f.plover) p.plover[f.plover] = (p.plover[f.plover] ?? 0) + 1;
    p.goldsteinSum += f.goldstein;
    gSum += f.goldstein;
    if (isConflict(f.quadclass)) conflict++;
    else cooperation++;
  }
  let corpus = 0;
  for (const p of points.values()) corpus += p.corpusClusters;
  // The pair's own long-run conflict rate; the index says how far each period is above it.
  const baseline = corpus > 0 ? conflict / corpus : 0;
  for (const p of points.values()) {
    p.goldsteinSum = round(p.goldsteinSum, 2);
    p.goldsteinMean = p.clusters > 0 ? round(p.goldsteinSum / p.clusters, 2) : null;
    if (p.corpusClusters > 0) {
      const share = (p.quadclass[2] + p.quadclass[3]) / p.corpusClusters;
      p.conflictRate = round(share * 1000);
      p.escalation = baseline > 0 ? round(share / baseline) : null;
    }
  }
  const n = conflict + cooperation;
  return { by, points: [...points.values()], totals: { clusters: n, conflict, cooperation, goldsteinMean: n > 0 ? round(gSum / n, 2) : null } };
}
