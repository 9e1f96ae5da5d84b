import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { n } from '../progress.js';
import { CODER } from '../../pipeline/version.js';
import type { Store } from '../../store/store.js';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'counts of what the database holds (articles, duplicates, events, clusters, quotes, actors…)',
  help: `Usage: brink stats [options]

Counts what the database holds: articles (duplicates included), duplicates, events, event clusters,
quotes, actors, and how many originals are analysed or still pending for this pipeline (${CODER}).

Options:
${DB_HELP}
  --json              one JSON object: {"articles", "duplicates", "events", "clusters", "quotes", "actors", …}
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
      if (values.json) {
        process.stdout.write(JSON.stringify(stats) + '\n');
        return 0;
      }
      const rows = Object.entries(stats) as Array<[string, number]>;
      const width = Math.max(...rows.map(([k]) => k.length));
      process.stdout.write(`${store.location} (${store.backend})\n` + rows.map(([k, v]) => `  ${k.padEnd(width)}  ${n(v).padStart(10)}`).join('\n') + '\n');
      return 0;
    } finally {
      await store.close();
    }
  },
};
