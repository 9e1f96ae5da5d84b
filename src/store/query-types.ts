import type { ActorRef, CodedEvent } from '../domain/types.js';
import type { SearchQuery } from './search-query.js';

// Filtered, paged reads over stored analyses (the API, `brink events|quotes|export`, analytics).
// Cursors are opaque strings returned by the backend; a page with `next: null` is the last.

/** A page of a listing: the contract's list shape. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** Event filters; every given filter must hold. Dates are ISO days, inclusive. */
export interface EventQuery {
  /** An actor id, CAMEO actor code or country code on either side. */
  actor?: string;
  /** Two country codes, either direction. */
  pair?: [string, string];
  /** CAMEO code prefix ("19", "190"). */
  code?: string;
  plover?: string;
  quadclass?: number;
  /** On the event's date, else the article's publication day. */
  from?: string;
  to?: string;
  /** Location name or country code. */
  place?: string;
  /** Only counted modalities (asserted and future) unless false. */
  countedOnly?: boolean;
  after?: string | null;
  limit: number;
}

/** A stored event with where it comes from. */
export interface StoredEvent extends CodedEvent {
  articleId: string;
  articleTitle: string | null;
  articleUrl: string | null;
  published: string | null;
  /** The evidence span's text. */
  evidenceText: string;
  /** Key of its event cluster, or null. */
  cluster: string | null;
}

/** Cluster filters over the events that form them. Dates are ISO days on the cluster's bucket start. */
export interface ClusterQuery {
  /** Country code on either side. */
  country?: string;
  /** Two country codes, either direction. */
  pair?: [string, string];
  /** CAMEO root ("19"). */
  cameoRoot?: string;
  plover?: string;
  quadclass?: number;
  from?: string;
  to?: string;
  after?: string | null;
  /** Default: all. */
  limit?: number;
}

/**
 * One event cluster with what analytics needs: the countries of its two sides, QuadClass, PLOVER
 * type and mean Goldstein of its counted (asserted or future) events, and the first day of its bucket.
 */
export interface ClusterFact {
  key: string;
  sourceActor: string | null;
  targetActor: string | null;
  sourceCountry: string | null;
  targetCountry: string | null;
  cameoRoot: string;
  quadclass: number;
  plover: string | null;
  goldstein: number;
  place: string | null;
  bucket: string;
  /** First day of the bucket (ISO day). */
  day: string;
  mentions: number;
  articles: number;
  outlets: number;
}

export interface ArticleQuery {
  from?: string;
  to?: string;
  source?: string;
  /** Full-text query; results then come best first in one page. */
  search?: SearchQuery;
  /** Include duplicates (default true). */
  duplicates?: boolean;
  after?: string | null;
  limit: number;
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  duplicateOf: string | null;
  analysedVersion: string | null;
  /** Full-text search only. */
  snippet?: string;
  score?: number;
}

export interface ActorQuery {
  /** Name prefix (case-insensitive). */
  name?: string;
  country?: string;
  after?: string | null;
  limit: number;
}

export interface ActorSummary extends ActorRef {
  /** Entity mentions of this actor. */
  mentions: number;
}

export interface ActorProfile extends ActorSummary {
  /** Surface forms it was mentioned by, most frequent first. */
  aliases: Array<{ text: string; count: number }>;
  /** Actor codes it carried by month (roles over time), from its entity mentions. */
  roles: Array<{ month: string; code: string; count: number }>;
  /** Events with it as source or target. */
  events: number;
  quotes: number;
}

export interface QuoteQuery {
  search?: SearchQuery;
  /** Speaker actor id, or a name matched inside the speaker's actor name or mention text. */
  speaker?: string;
  from?: string;
  to?: string;
  after?: string | null;
  limit: number;
}

export interface StoredQuote {
  articleId: string;
  quoteId: string;
  kind: string;
  text: string;
  speaker: string | null;
  speakerActor: ActorRef | null;
  cue: string | null;
  published: string | null;
  start: number;
  end: number;
}
