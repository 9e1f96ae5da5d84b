import type { FeedState } from './store.js';

// The `feeds` table has the same columns in both backends; these keep the mapping in one place.

/** Column order of the upsert's parameters (`feedParams`). */
export const FEED_COLUMNS = [
  'url', 'last_poll', 'last_success', 'last_error', 'http_status', 'etag', 'last_modified', 'items_seen', 'items_new', 'items_total', 'failures',
] as const;

export function feedParams(s: FeedState): Array<string | number | null> {
  return [s.url, s.lastPoll, s.lastSuccess, s.lastError, s.httpStatus, s.etag, s.lastModified, s.itemsSeen, s.itemsNew, s.itemsTotal, s.failures];
}

export function feedFromRow(r: Record<string, unknown>): FeedState {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    url: r.url as string,
    lastPoll: (r.last_poll as string | null) ?? null,
    lastSuccess: (r.last_success as string | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    httpStatus: num(r.http_status),
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
    itemsSeen: num(r.items_seen) ?? 0,
    itemsNew: num(r.items_new) ?? 0,
    itemsTotal: num(r.items_total) ?? 0,
    failures: num(r.failures) ?? 0,
  };
}
