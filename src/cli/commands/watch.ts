import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import type { Article, ExtractRecord } from '../../domain/types.js';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { extractArticle } from '../../pipeline/extract-article.js';
import { CODER } from '../../pipeline/version.js';
import type { Store } from '../../store/store.js';
import { parseDuration } from '../../watch/parse-duration.js';
import { watchFeeds } from '../../watch/watch-feeds.js';

const DEFAULT_EVERY = '15m';
const DEFAULT_TIMEOUT = '30s';

export const watchCommand: Command = {
  name: 'watch',
  summary: 'poll RSS/Atom feeds (conditional GET), store and analyse new items, record each feed’s health',
  help: `Usage: brink watch [options] FEED_URL ...

Polls each feed every interval with a conditional GET (ETag / If-Modified-Since), stores the items
not stored before (an item's id is a hash of its link, so it is stored once however often it is seen)
and analyses them, unless --no-analyze. A feed that is down or returns something unreadable is
reported on one line and retried later, waiting twice as long after each failure in a row (at most
6 h); the other feeds are polled as usual. Each feed's health (last poll, last success, last error,
HTTP status, items seen and new, validators) is kept in the database: see "brink stats" and
GET /api/feeds. Stop with Ctrl-C (or SIGTERM): polls in flight finish first.

Options:
${DB_HELP}
  --every DURATION    interval between polls of a feed: 90s, 15m, 2h (default ${DEFAULT_EVERY})
  --follow            fetch the page behind each new item and keep its text when longer than the feed's
  --once              poll every feed once, now, and exit (for cron and tests)
  --timeout DURATION  per request (default ${DEFAULT_TIMEOUT})
  --no-analyze        store the items only; run "brink analyze" later
  -h, --help          show this help

One line per feed and poll goes to stderr. Exit codes (--once): 0 every feed was read; 1 some feed
failed; 2 bad usage.

Examples:
  brink watch https://example.org/feed.xml https://example.com/rss --every 10m
  brink watch --once --follow --db news.db https://example.org/atom.xml`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      ...DB_OPTION,
      every: { type: 'string' },
      follow: { type: 'boolean' },
      once: { type: 'boolean' },
      timeout: { type: 'string' },
      'no-analyze': { type: 'boolean' },
    });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('no feed: give one or more feed URLs');
    for (const url of positionals) {
      if (!/^https?:\/\/[^/]/i.test(url)) throw new UsageError(`not an http(s) URL: "${url}"`);
    }
    const urls = [...new Set(positionals)];
    const everyMs = parseDuration((values.every as string | undefined) ?? DEFAULT_EVERY);
    if (everyMs === null) throw new UsageError(`--every must be a duration like 90s, 15m or 2h, got "${values.every}"`);
    const timeoutMs = parseDuration((values.timeout as string | undefined) ?? DEFAULT_TIMEOUT);
    if (timeoutMs === null) throw new UsageError(`--timeout must be a duration like 10s, got "${values.timeout}"`);

    let store: Store;
    try {
      store = await openCommandStore('watch', values.db as string | undefined, true);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    let analyze: ((article: Article) => ExtractRecord) | null = null;
    if (!values['no-analyze']) {
      const pipeline = createPipeline();
      analyze = (article) => extractArticle(article, pipeline);
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const states = await watchFeeds(store, urls, {
        once: !!values.once,
        signal: stop.signal,
        everyMs,
        timeoutMs,
        follow: !!values.follow,
        analyze,
        version: CODER,
        log: (line) => process.stderr.write(`watch: ${line}\n`),
      });
      return states.some((s) => s.lastError !== null) ? 1 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await store.close();
    }
  },
};
