import type { Store, StoreStats } from '../store/store.js';
import { volumeByDay } from '../analytics/build-series.js';
import { detectAlerts, type Alert } from '../analytics/detect-alerts.js';
import { actorNetwork, type Network } from '../analytics/actor-network.js';
import { countryAggregates, type CountryAggregate } from '../analytics/country-aggregates.js';
import { pairOf, pairKey } from '../analytics/pair-key.js';

// Summaries over the whole corpus (volume by day, alerts, the country network, map figures, pair
// totals) are computed together from one read of every cluster and kept until new data arrives
// (the API's own ingest invalidates them) or `ttlMs` passes (another process may be writing): then
// they are refreshed in the background. Summary endpoints answer from memory.

export interface CorpusSummary {
  volume: Map<string, number>;
  alerts: Alert[];
  network: Network;
  countries: CountryAggregate[];
  pairs: Array<{ pair: [string, string]; clusters: number; conflict: number }>;
  computedAt: string;
}

export class AnalyticsCache {
  private summary: Promise<CorpusSummary> | null = null;
  private summaryAt = 0;
  private refreshing: Promise<CorpusSummary> | null = null;
  private statsValue: Promise<StoreStats> | null = null;
  private statsAt = 0;
  private statsRefreshing: Promise<StoreStats> | null = null;
  /** Bumped by invalidate(): a refresh begun before new data arrived is dropped. */
  private generation = 0;

  constructor(private readonly store: Store, private readonly version: string, private readonly ttlMs = 60_000) {}

  /** New data from this process: the next request recomputes (and waits for it). */
  invalidate(): void {
    this.summary = null;
    this.statsValue = null;
    this.refreshing = null;
    this.statsRefreshing = null;
    this.generation++;
  }

  // Once stale, the old value keeps being served while one refresh runs: a slow recomputation over a
  // large store never stalls the summary endpoints.

  stats(): Promise<StoreStats> {
    if (this.statsValue === null) {
      this.statsAt = Date.now();
      this.statsValue = this.store.stats(this.version);
      this.statsValue.catch(() => (this.statsValue = null));
    } else if (Date.now() - this.statsAt > this.ttlMs && this.statsRefreshing === null) {
      const next = this.store.stats(this.version);
      const generation = this.generation;
      this.statsRefreshing = next;
      next.then(
        () => {
          if (generation !== this.generation) return;
          this.statsValue = next;
          this.statsAt = Date.now();
          this.statsRefreshing = null;
        },
        () => (this.statsRefreshing = null),
      );
    }
    return this.statsValue;
  }

  corpus(): Promise<CorpusSummary> {
    if (this.summary === null) {
      this.summaryAt = Date.now();
      this.summary = this.compute();
      this.summary.catch(() => (this.summary = null));
    } else if (Date.now() - this.summaryAt > this.ttlMs && this.refreshing === null) {
      const next = this.compute();
      const generation = this.generation;
      this.refreshing = next;
      next.then(
        () => {
          if (generation !== this.generation) return;
          this.summary = next;
          this.summaryAt = Date.now();
          this.refreshing = null;
        },
        () => (this.refreshing = null),
      );
    }
    return this.summary;
  }

  private async compute(): Promise<CorpusSummary> {
    const { items } = await this.store.clusterFacts({});
    const pairs = new Map<string, { pair: [string, string]; clusters: number; conflict: number }>();
    for (const f of items) {
      const pair = pairOf(f);
      if (!pair) continue;
      const k = pairKey(pair);
      let p = pairs.get(k);
      if (!p) pairs.set(k, (p = { pair, clusters: 0, conflict: 0 }));
      p.clusters++;
      if (f.quadclass >= 3) p.conflict++;
    }
    const alerts = detectAlerts(items);
    return {
      volume: volumeByDay(items),
      alerts,
      network: actorNetwork(items),
      countries: countryAggregates(items),
      pairs: [...pairs.values()].sort((a, b) => b.clusters - a.clusters || (pairKey(a.pair) < pairKey(b.pair) ? -1 : 1)),
      computedAt: new Date().toISOString(),
    };
  }
}
