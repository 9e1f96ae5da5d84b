import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { n, Progress } from '../progress.js';
import { copyStore, CopyError } from '../../store/copy/copy-store.js';

export const copyCommand: Command = {
  name: 'copy',
  summary: 'copy a whole database between backends (SQLite file ⇄ PostgreSQL), without loss',
  help: `Usage: brink copy --from DB --to DB [options]

Copies every article (duplicates, origins, ingest times), every analysis (sentences, entities,
times, quotes, events), the actors, the event clusters and the watched feeds' health from one
database to another, in batches: a SQLite file to PostgreSQL to move up to many workers, or back.
The target is created when missing and must be empty. Full-text indexes are rebuilt on the target.

Options:
  --from DB           source: a SQLite file path or postgres://user@host/db[?schema=NAME]
  --to DB             target, the same forms
  --batch N           rows per transaction (default 500)
  -h, --help          show this help

Examples:
  brink copy --from ./brink.db --to postgres://brink@db.example.org/news
  brink copy --from postgres://localhost/news --to ./snapshot.db`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' } });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.from || !values.to) throw new UsageError('give both --from and --to');
    if (values.from === values.to) throw new UsageError('--from and --to name the same database');
    const batch = values.batch === undefined ? 500 : Number(values.batch);
    if (!Number.isInteger(batch) || batch < 1) throw new UsageError('--batch must be a whole number ≥ 1');
    const progress = new Progress('copy');
    try {
      const copied = await copyStore(values.from, values.to, {
        batch,
        onProgress: (p) => progress.update(p.copied, `${p.table}: ${n(p.copied)} of ${n(p.total)}`, p.total > 0 ? p.copied / p.total : null),
      });
      progress.clear();
      process.stderr.write(
        `copy: ${Object.entries(copied).map(([t, c]) => `${n(c)} ${t}`).join(', ')} in ${progress.elapsedSeconds().toFixed(1)} s\n`,
      );
      return 0;
    } catch (err) {
      progress.clear();
      if (err instanceof CopyError) {
        process.stderr.write(`brink copy: ${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
};
