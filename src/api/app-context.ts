import type { Article, ExtractRecord } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { AnalyticsCache } from './analytics-cache.js';

/** What every route module gets. */
export interface AppContext {
  store: Store;
  cache: AnalyticsCache;
  ingestToken: string | null;
  /** The analysis pipeline for POST /api/ingest (created lazily: loading models takes seconds). */
  analyze: ((article: Article) => ExtractRecord) | null;
  version: string;
}
