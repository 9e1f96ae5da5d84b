import type { Article, ExtractRecord } from '../domain/types.js';
import { readWholeDocument } from '../ingest/read-document.js';
import { contentHash } from '../pipeline/extract-article.js';
import type { FeedState, NewArticle, Store } from '../store/store.js';
import { retryDelay } from './backoff.js';
import { feedItemId } from './feed-item-id.js';
import { fetchText } from './fetch-text.js';
import { formatDuration } from './parse-duration.js';

export interface PollOptions {
  /** Per request (the feed, and each page behind an item). */
  timeoutMs: number;
  /** Fetch the page behind each new item and keep its text when it is longer than the feed's. */
  follow: boolean;
  /** Analyses a stored article (null: store only, run `brink analyze` later). */
  analyze: ((article: Article) => ExtractRecord) | null;
  /** Pipeline version stored with analyses. */
  version: string;
  /** The polling interval: used to say when a failing feed is retried. */
  everyMs: number;
  /** One line per event worth reporting (a poll's result, an error). */
  log: (line: string) => void;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

function emptyState(url: string): FeedState {
  return { url, lastPoll: null, lastSuccess: null, lastError: null, httpStatus: null, etag: null, lastModified: null, itemsSeen: 0, itemsNew: 0, itemsTotal: 0, failures: 0 };
}

/**
 * Polls one feed once: a conditional GET, then only the items not yet stored are (optionally
 * followed to their pages,) stored and analysed. Never throws: a failure of the feed, or of the
 * store while handling it, is recorded in the returned (and saved) state and logged on one line.
 */
export async function pollFeed(store: Store, url: string, previous: FeedState | undefined, opts: PollOptions): Promise<FeedState> {
  const prev = previous ?? emptyState(url);
  const lastPoll = new Date().toISOString();
  let state: FeedState;
  try {
    state = await poll(store, url, prev, lastPoll, opts);
  } catch (err) {
    state = failed(prev, lastPoll, null, `store error: ${(err as Error).message}`, opts);
  }
  try {
    await store.saveFeedState(state);
  } catch (err) {
    opts.log(`${url}: error: cannot record feed health: ${(err as Error).message}`);
  }
  return state;
}

function failed(prev: FeedState, lastPoll: string, status: number | null, error: string, opts: PollOptions): FeedState {
  const state: FeedState = { ...prev, lastPoll, lastError: error, httpStatus: status, itemsNew: 0, failures: prev.failures + 1 };
  opts.log(`${prev.url}: error: ${error} (${state.failures} in a row; next try in ${formatDuration(retryDelay(state.failures, opts.everyMs))})`);
  return state;
}

async function poll(store: Store, url: string, prev: FeedState, lastPoll: string, opts: PollOptions): Promise<FeedState> {
  const res = await fetchText(url, { timeoutMs: opts.timeoutMs, etag: prev.etag, lastModified: prev.lastModified, accept: FEED_ACCEPT });
  if (!res.ok) return failed(prev, lastPoll, res.status, res.error, opts);
  const success = { lastPoll, lastSuccess: lastPoll, lastError: null, httpStatus: res.status, failures: 0 };
  if (res.notModified) {
    opts.log(`${url}: not modified`);
    return { ...prev, ...success, etag: res.etag, lastModified: res.lastModified, itemsNew: 0 };
  }

  const read = readWholeDocument(res.text, url, 'feed', { published: null });
  const articles: Article[] = [];
  const seen = new Set<string>();
  for (const item of read) {
    if (item.kind !== 'article') continue;
    const id = feedItemId(url, item.article);
    if (seen.has(id)) continue; // the same link twice in one feed
    seen.add(id);
    articles.push({ ...item.article, id });
  }
  if (articles.length === 0) {
    const reason = read.find((i) => i.kind === 'error');
    // The validators of an unreadable response are not kept: the next poll must fetch it again.
    return failed(prev, lastPoll, res.status, reason?.kind === 'error' ? reason.reason : 'no items', opts);
  }

  const fresh: Article[] = [];
  // Stored by an earlier poll that stopped before analysing them: analysed now, not fetched again.
  const unanalysed: Article[] = [];
  for (const a of articles) {
    const stored = await store.getArticle(a.id);
    if (stored === null) fresh.push(a);
    else if (opts.analyze && stored.duplicateOf === null && stored.analysedVersion === null) unanalysed.push(stored);
  }
  let followed = 0;
  if (opts.follow) {
    for (let i = 0; i < fresh.length; i++) {
      const page = await followItem(fresh[i]!, opts);
      if (page) {
        fresh[i] = page;
        followed++;
      }
    }
  }

  const items: NewArticle[] = fresh.map((article) => ({ article, contentHash: contentHash(article.text), lang: null }));
  const outcomes = items.length > 0 ? await store.addArticles(items) : [];
  let added = 0;
  let failures = 0;
  const analyse = async (article: Article) => {
    try {
      await store.saveAnalysis(opts.analyze!(article), opts.version);
    } catch (err) {
      failures++;
      opts.log(`${url}: item ${article.url ?? article.origin}: analysis failed: ${(err as Error).message}`);
    }
  };
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    const article = fresh[i]!;
    if (o.status === 'stored' || o.status === 'duplicate') added++;
    if (o.status === 'failed') {
      failures++;
      opts.log(`${url}: item ${article.url ?? article.origin}: not stored: ${o.reason}`);
    }
    if (o.status === 'stored' && opts.analyze) await analyse(article);
  }
  for (const article of unanalysed) await analyse(article);
  opts.log(`${url}: ${articles.length} item${articles.length === 1 ? '' : 's'}, ${added} new${opts.follow ? `, ${followed} pages followed` : ''}${failures ? `, ${failures} failed` : ''}`);
  return {
    ...prev, ...success, etag: res.etag, lastModified: res.lastModified,
    itemsSeen: articles.length, itemsNew: added, itemsTotal: prev.itemsTotal + added,
  };
}

/**
 * The item with the text of the page it links to, when that page reads as a longer article than
 * the feed's (feeds often carry a teaser only); null when there is no link or the page fails
 * (logged; the feed's text is kept).
 */
async function followItem(item: Article, opts: PollOptions): Promise<Article | null> {
  if (!item.url || !/^https?:\/\//i.test(item.url)) return null;
  const res = await fetchText(item.url, { timeoutMs: opts.timeoutMs, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' });
  if (!res.ok || res.notModified) {
    opts.log(`${item.url}: error: page not fetched: ${res.ok ? 'not modified' : res.error}; keeping the feed's text`);
    return null;
  }
  const page = readWholeDocument(res.text, item.url, 'html', { published: item.published, url: item.url }).find((i) => i.kind === 'article');
  if (!page || page.kind !== 'article' || page.article.text.length <= item.text.length) return null;
  const p = page.article;
  return {
    ...item,
    text: p.text,
    title: item.title ?? p.title,
    byline: item.byline ?? p.byline ?? null,
    published: item.published ?? p.published,
    publishedAt: item.publishedAt ?? p.publishedAt ?? null,
    origin: item.url,
    format: 'html',
  };
}
