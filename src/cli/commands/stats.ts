import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { n } from '../progress.js';
import { CODER } from '../../pipeline/version.js';
import type { FeedState, Store } from '../../store/store.js';

/** One watched feed's health on one line: ok or the last error, HTTP status, items, last poll and success. */
function feedLine(f: FeedState): string {
  const health = f.lastError === null ? 'ok' : `ERROR ${f.lastError} (${f.failures} in a row)`;
  return `  ${f.url}  ${health}; HTTP ${f.httpStatus ?? '-'}; ${n(f.itemsSeen)} items, ${n(f.itemsNew)} new at last poll, ${n(f.itemsTotal)} stored in all; ` +
    `polled ${f.lastPoll ?? 'never'}, last success ${f.lastSuccess ?? 'never'}`;
}

export const statsCommand: Command = {
  name: 'stats',
  summary: 'counts of what the database holds (articles, duplicates, events, clusters, quotes, actors…)',
  help: `Usage: brink stats [options]

Counts what the database holds: articles (duplicates included), duplicates, events, event clusters,
quotes, actors, and how many originals are analysed or still pending for this pipeline (${CODER});
then the health of each feed "brink watch" polls.

Options:
${DB_HELP}
  --json              one JSON object: {"articles", "duplicates", "events", "clusters", "quotes", "actors", …,
                      "feeds": [per watched feed: url, lastPoll, lastSuccess, lastError, httpStatus, …]}
  -h, --help          show this help

Examples:
  brink stats
  brink stats --db news.db --json`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { ...DB_OPTION, json: { type: 'boolean' } });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    let store: Store;
    try {
      store = await openCommandStore('stats', values.db as string | undefined, false);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    try {
      const stats = await store.stats(CODER);
      const feeds = await store.listFeeds();
      if (values.json) {
        process.stdout.write(JSON.stringify({ ...stats, feeds }) + '\n');
        return 0;
      }
      const rows = Object.entries(stats) as Array<[string, number]>;
      const width = Math.max(...rows.map(([k]) => k.length));
      process.stdout.write(`${store.location} (${store.backend})\n` + rows.map(([k, v]) => `  ${k.padEnd(width)}  ${n(v).padStart(10)}`).join('\n') + '\n');
      if (feeds.length > 0) process.stdout.write(`feeds (brink watch)\n${feeds.map(feedLine).join('\n')}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
