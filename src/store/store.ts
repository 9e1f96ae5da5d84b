import type { Article, ExtractRecord } from '../domain/types.js';
import type { SearchQuery } from './search-query.js';
import type { ClusterKey } from '../dedupe/cluster-key.js';
import type {
  ActorProfile, ActorQuery, ActorSummary, ArticleQuery, ArticleSummary, ClusterFact, ClusterQuery, EventQuery, Page, QuoteQuery, StoredEvent, StoredQuote,
} from './query-types.js';

// The storage seam. Every method is async so that a network database (PostgreSQL, issue 9) can
// implement the same interface; SQL dialect details (FTS5 vs tsvector, upserts, pragmas) stay inside
// each backend under src/store/<backend>/. Callers never see SQL.

/** An article to add, with what the caller computed from it (the store does no analysis). */
export interface NewArticle {
  article: Article;
  contentHash: string;
  /** ISO 639-1 code when known at ingest; analysis sets it otherwise. */
  lang: string | null;
}

/**
 * What happened to one article of an `addArticles` batch:
 * - `stored`: new, stored as an original;
 * - `duplicate`: new, stored and marked `duplicateOf` (same content as, or a near-duplicate of, a
 *   stored original); duplicates are kept (searchable, with their own origin and outlet) but not analysed;
 * - `exists`: an article with this id is already stored; nothing changed;
 * - `failed`: not stored, with the reason.
 */
export type AddOutcome =
  | { id: string; status: 'stored' }
  | { id: string; status: 'duplicate'; duplicateOf: string; exact: boolean }
  | { id: string; status: 'exists'; duplicateOf: string | null; analysedVersion: string | null }
  | { id: string; status: 'failed'; reason: string };

export interface StoredArticle extends Article {
  contentHash: string;
  lang: string | null;
  /** When it was stored (ISO timestamp). */
  ingestedAt: string;
  duplicateOf: string | null;
  /** Pipeline version (`CODER`) of the stored analysis, or null before the first analysis. */
  analysedVersion: string | null;
}

/** A page of articles waiting for analysis and the cursor of the next page (null at the end). */
export interface PendingPage {
  articles: StoredArticle[];
  next: string | null;
}

export interface SearchOptions {
  limit?: number;
  /** Marks put around matched terms in snippets. */
  highlight?: [string, string];
}

export interface ArticleHit {
  id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  origin: string;
  duplicateOf: string | null;
  /** Relevance, higher is better (SQLite: −bm25). Comparable within one result list only. */
  score: number;
  /** A short passage of the text with the matched terms highlighted. */
  snippet: string;
}

export interface QuoteHit {
  articleId: string;
  quoteId: string;
  kind: string;
  text: string;
  speaker: string | null;
  speakerActorId: string | null;
  published: string | null;
  score: number;
  snippet: string;
}

/** One event cluster: the same real-world event as reported by one or more articles. */
export interface EventCluster extends ClusterKey {
  mentions: number;
  articles: number;
  outlets: number;
}

/** Counts over the whole store; the first six keys are the contract's (`brink stats --json`). */
export interface StoreStats {
  articles: number;
  duplicates: number;
  events: number;
  clusters: number;
  quotes: number;
  actors: number;
  analysed: number;
  /** Originals not analysed by the given pipeline version. */
  pending: number;
  entities: number;
  times: number;
  sentences: number;
}

/** A watched feed's health, as `brink watch` last recorded it (one row per feed URL). */
export interface FeedState {
  url: string;
  /** When it was last polled / last read successfully (ISO timestamps). */
  lastPoll: string | null;
  lastSuccess: string | null;
  /** Why the last poll failed, or null when it succeeded. */
  lastError: string | null;
  /** HTTP status of the last response (null when no response came: refused, timed out). */
  httpStatus: number | null;
  /** Validators for the next conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** Items in the feed at the last successful read, and how many of them were new. */
  itemsSeen: number;
  itemsNew: number;
  /** New items stored from this feed over all polls. */
  itemsTotal: number;
  /** Failed polls in a row (drives the back-off); 0 after a success. */
  failures: number;
}

export interface Store {
  /** Which backend this is, for messages. */
  readonly backend: 'sqlite' | 'postgres';
  /** Where it lives (file path or URL without credentials), for messages. */
  readonly location: string;
  /**
   * Adds a batch atomically (one transaction): idempotent by article id; exact and near
   * duplicates of stored originals (MinHash LSH) are stored marked `duplicateOf`. Articles earlier in
   * the batch count as stored for later ones. When the batch cannot be committed, each article is
   * retried on its own so one bad article fails alone.
   */
  addArticles(items: NewArticle[]): Promise<AddOutcome[]>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /**
   * Originals whose stored analysis is missing or from another pipeline version, in storage order,
   * from `after` (a cursor returned earlier) on. The cursor moves past failed articles too.
   */
  pendingAnalysis(version: string, after: string | null, limit: number): Promise<PendingPage>;
  /**
   * Replaces the article's analysis (sentences, entities, actors, times, quotes, events, clusters)
   * with this record's, atomically, and marks the article analysed by `version`.
   */
  saveAnalysis(record: ExtractRecord, version: string): Promise<void>;
  /**
   * `saveAnalysis` for a batch, in one transaction: every record is stored or none is (a record for
   * an article that is not stored fails the batch). Same results as saving them one by one in order.
   */
  saveAnalyses(records: ExtractRecord[], version: string): Promise<void>;
  /** The stored analysis of an article in the contract's shape, or null when not analysed. */
  getAnalysis(id: string): Promise<ExtractRecord | null>;
  /** Full-text search over titles and texts, best first. */
  searchArticles(query: SearchQuery, options?: SearchOptions): Promise<ArticleHit[]>;
  /** Full-text search over quotation texts and speakers, best first. */
  searchQuotes(query: SearchQuery, options?: SearchOptions): Promise<QuoteHit[]>;
  /** Event clusters, most-reported first (by articles, then mentions), then by key. */
  listClusters(limit: number): Promise<EventCluster[]>;
  stats(version: string): Promise<StoreStats>;
  /** Stored events matching every given filter, newest stored first, paged (cursor). */
  listEvents(query: EventQuery): Promise<Page<StoredEvent>>;
  /** Event clusters with their countries, QuadClass, PLOVER, mean Goldstein and bucket day; paged in storage order. */
  clusterFacts(query: ClusterQuery): Promise<Page<ClusterFact>>;
  /** Articles by publication day (newest first, paged), or best first for a full-text query (one page). */
  listArticles(query: ArticleQuery): Promise<Page<ArticleSummary>>;
  /** Actors by name, most mentioned first, paged. */
  listActors(query: ActorQuery): Promise<Page<ActorSummary>>;
  /** One actor with aliases, roles over time and counts; null when unknown. */
  getActor(id: string): Promise<ActorProfile | null>;
  /** Quotations, best first for a full-text query (one page), else newest first, paged. */
  listQuotes(query: QuoteQuery): Promise<Page<StoredQuote>>;
  /** Records a watched feed's health (replaces its row). */
  saveFeedState(state: FeedState): Promise<void>;
  /** Every watched feed's health, by URL. */
  listFeeds(): Promise<FeedState[]>;
  close(): Promise<void>;
}
