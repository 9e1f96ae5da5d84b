import type { FeedState } from '../store/store.js';

/** The longest wait between polls of a failing feed, whatever the interval. */
const MAX_BACKOFF_MS = 6 * 3_600_000;

/**
 * How long to wait before polling a feed again: the interval after a success; after failures the
 * interval doubled per failure in a row (capped), so a feed that is down is not hammered.
 */
export function retryDelay(failures: number, everyMs: number): number {
  if (failures <= 0) return everyMs;
  return Math.min(everyMs * 2 ** Math.min(failures, 20), Math.max(MAX_BACKOFF_MS, everyMs));
}

/** When a feed is next due (ms since the epoch); now when it was never polled. */
export function dueAt(state: FeedState | undefined, everyMs: number, now: number): number {
  if (!state?.lastPoll) return now;
  const last = Date.parse(state.lastPoll);
  return Number.isNaN(last) ? now : last + retryDelay(state.failures, everyMs);
}
