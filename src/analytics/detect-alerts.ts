import type { ClusterFact } from '../store/query-types.js';
import { isConflict, pairKey, pairOf } from './pair-key.js';
import { poissonSurprise } from './poisson-surprise.js';
import { dayNumber, dayOf } from './period.js';

// Escalation alerts: a pair's conflict clusters (QuadClass 3–4) in a short recent window, compared
// with what its own trailing baseline predicts for the corpus volume of that window. The expected
// count is λ = (corpus clusters in the window) × (pair conflict + prior) / (corpus clusters in the
// baseline), so the test is about the pair's share of the news, not raw counts: more coverage does not
// raise it, a gap in the sources does not lower the baseline. The score is the Poisson surprise
// −log10 P(X ≥ observed | λ); a pair with no history that suddenly has three conflict clusters in a
// few days already scores high, so a crisis reported in only a few items still shows.

export interface Alert {
  pair: [string, string];
  start: string;
  peak: string;
  /** Last hot day, or null while the alert is still running at the end of the data. */
  end: string | null;
  score: number;
  /** Conflict clusters of the pair from start to end. */
  events: number;
}

export interface AlertOptions {
  /** Days in the recent window (default 7). */
  window: number;
  /** Days of trailing baseline before the window (default 60). */
  baseline: number;
  /** Pseudo-count of conflict clusters added to the baseline (default 0.5). */
  prior: number;
  /** Score that opens an alert (default 4). */
  threshold: number;
  /** Score that keeps it open (default 2). */
  keep: number;
  /** Days below `keep` that close it (default 7). */
  quiet: number;
  /** Conflict clusters needed in the window (default 3). */
  minEvents: number;
  /**
   * Days before the alarm searched for its start (default 3): the alert starts at the first conflict
   * day of this short stretch, not at faint precursors earlier in the window.
   */
  onset: number;
  /** Corpus clusters the baseline needs before a pair can alert (default 50): the start of a corpus has no baseline. */
  minBaselineVolume: number;
}

export const DEFAULT_ALERT_OPTIONS: AlertOptions = {
  window: 7, baseline: 60, prior: 0.5, threshold: 4, keep: 2, quiet: 7, minEvents: 3, onset: 3, minBaselineVolume: 50,
};

/** Prefix sums over day numbers [first, last]: sum(a, b) of the values on days a..b. */
class DaySums {
  private readonly prefix: Float64Array;
  constructor(readonly first: number, last: number, values: Iterable<[number, number]>) {
    const counts = new Float64Array(last - first + 1);
    for (const [d, v] of values) if (d >= first && d <= last) counts[d - first]! += v;
    this.prefix = new Float64Array(counts.length + 1);
    for (let i = 0; i < counts.length; i++) this.prefix[i + 1] = this.prefix[i]! + counts[i]!;
  }
  sum(a: number, b: number): number {
    const lo = Math.max(a - this.first, 0);
    const hi = Math.min(b - this.first + 1, this.prefix.length - 1);
    return hi <= lo ? 0 : this.prefix[hi]! - this.prefix[lo]!;
  }
}

/** The same over a pair's few active days: sorted days and cumulative counts, binary-searched. */
class SparseDaySums {
  private readonly days: number[];
  private readonly cumulative: number[];
  constructor(values: Map<number, number>) {
    this.days = [...values.keys()].sort((a, b) => a - b);
    this.cumulative = [0];
    for (const d of this.days) this.cumulative.push(this.cumulative[this.cumulative.length - 1]! + values.get(d)!);
  }
  /** Number of active days before day d. */
  private rank(d: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.days[mid]! < d) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  sum(a: number, b: number): number {
    return b < a ? 0 : this.cumulative[this.rank(b + 1)]! - this.cumulative[this.rank(a)]!;
  }
}

/** Alerts over all pairs, ordered by start (then pair). `facts` are the corpus's clusters. */
export function detectAlerts(facts: readonly ClusterFact[], options: Partial<AlertOptions> = {}): Alert[] {
  const o = { ...DEFAULT_ALERT_OPTIONS, ...options };
  if (facts.length === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  const volume = new Map<number, number>();
  const byPair = new Map<string, { pair: [string, string]; days: Map<number, number>; all: Map<number, number> }>();
  for (const f of facts) {
    const d = dayNumber(f.day);
    if (Number.isNaN(d)) continue;
    if (d < first) first = d;
    if (d > last) last = d;
    volume.set(d, (volume.get(d) ?? 0) + 1);
    const pair = pairOf(f);
    if (!pair) continue;
    const key = pairKey(pair);
    let p = byPair.get(key);
    if (!p) byPair.set(key, (p = { pair, days: new Map(), all: new Map() }));
    p.all.set(d, (p.all.get(d) ?? 0) + 1);
    if (isConflict(f.quadclass)) p.days.set(d, (p.days.get(d) ?? 0) + 1);
  }
  if (first === Infinity) return [];
  const corpus = new DaySums(first, last, volume);
  const alerts: Alert[] = [];
  for (const { pair, days, all } of byPair.values()) {
    if (days.size === 0) continue;
    const own = new SparseDaySums(days);
    // The volume a pair is measured against leaves the pair out: a crisis that fills the news must
    // not raise its own expected count.
    const ownAll = new SparseDaySums(all);
    const others = (a: number, b: number) => corpus.sum(a, b) - ownAll.sum(a, b);
    // Only days whose window holds a conflict cluster can score above zero.
    const candidates = new Set<number>();
    for (const d of days.keys()) for (let i = 0; i < o.window; i++) if (d + i <= last) candidates.add(d + i);
    const ordered = [...candidates].sort((a, b) => a - b);
    let open: { start: number; lastHot: number; score: number } | null = null;
    const close = (endDay: number | null) => {
      const a = open!;
      const to = endDay ?? last;
      let peak = a.start;
      let events = 0;
      for (let d = a.start; d <= to; d++) {
        const n = days.get(d) ?? 0;
        events += n;
        if (n > (days.get(peak) ?? 0)) peak = d;
      }
      alerts.push({ pair, start: dayOf(a.start), peak: dayOf(peak), end: endDay === null ? null : dayOf(endDay), score: Math.round(a.score * 10) / 10, events });
      open = null;
    };
    for (const t of ordered) {
      if (open !== null && t - (open as { lastHot: number }).lastHot > o.quiet) close((open as { lastHot: number }).lastHot);
      const w0 = t - o.window + 1;
      const observed = own.sum(w0, t);
      const baseVolume = others(w0 - o.baseline, w0 - 1);
      if (baseVolume < o.minBaselineVolume) continue;
      const lambda = (Math.max(others(w0, t), 1) * (own.sum(w0 - o.baseline, w0 - 1) + o.prior)) / baseVolume;
      // At or below the expectation the surprise is under 0.4, below any threshold: skip the tail sum.
      const score = observed > lambda ? poissonSurprise(observed, lambda) : 0;
      if (open === null) {
        if (score >= o.threshold && observed >= o.minEvents) {
          let start = Math.max(w0, t - o.onset + 1);
          while (!days.has(start) && start < t) start++;
          open = { start, lastHot: t, score };
        }
      } else if (score >= o.keep) {
        open.lastHot = t;
        if (score > open.score) open.score = score;
      }
    }
    if (open !== null) close(last - (open as { lastHot: number }).lastHot > o.quiet ? (open as { lastHot: number }).lastHot : null);
  }
  return alerts.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : pairKey(a.pair) < pairKey(b.pair) ? -1 : 1));
}
