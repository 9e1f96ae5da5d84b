import type { FeedState, Store } from '../store/store.js';
import { dueAt } from './backoff.js';
import { pollFeed, type PollOptions } from './poll-feed.js';

export interface WatchOptions extends PollOptions {
  /** Poll every feed once, now, and return. */
  once: boolean;
  /** Ends the watch after the polls in flight. */
  signal?: AbortSignal;
}

/**
 * Polls the feeds until stopped (or once): each feed when it is due (the interval after its last
 * poll, longer while it keeps failing), feeds in parallel so a slow one delays no other. The health
 * already stored is the starting point, so a restarted watcher keeps its validators and back-off.
 * Returns each feed's last state.
 */
export async function watchFeeds(store: Store, urls: string[], opts: WatchOptions): Promise<FeedState[]> {
  const known = new Map((await store.listFeeds()).map((f) => [f.url, f]));
  const states = new Map<string, FeedState | undefined>(urls.map((u) => [u, known.get(u)]));
  const pollSome = async (which: string[]) => {
    const done = await Promise.all(which.map((u) => pollFeed(store, u, states.get(u), opts)));
    done.forEach((s) => states.set(s.url, s));
  };
  if (opts.once) {
    await pollSome(urls);
  } else {
    while (!opts.signal?.aborted) {
      const now = Date.now();
      const due = urls.filter((u) => dueAt(states.get(u), opts.everyMs, now) <= now);
      if (due.length > 0) await pollSome(due);
      if (opts.signal?.aborted) break;
      const next = Math.min(...urls.map((u) => dueAt(states.get(u), opts.everyMs, Date.now())));
      await sleep(Math.max(0, next - Date.now()), opts.signal);
    }
  }
  return urls.map((u) => states.get(u)!).filter((s): s is FeedState => s !== undefined);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
