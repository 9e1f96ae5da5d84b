import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { EVENT_FILTER_HELP, EVENT_FILTER_OPTIONS, eventFiltersFrom } from './events.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../api/export-formats.js';
import { exportLines } from '../../api/routes/exports.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write stored events as CSV, JSON Lines, GDELT-style TSV or PLOVER JSON',
  help: `Usage: brink export --format csv|jsonl|gdelt|plover [options]

Writes every stored event matching the filters, streamed (any size): csv (one row per event with
its evidence and rule), jsonl (the contract's event plus its article), gdelt (tab-separated GDELT
1.0 event columns Brink can fill), plover (a JSON array of PLOVER records; public statements,
which have no PLOVER type, are left out).

Options:
${DB_HELP}
  --format F          csv, jsonl, gdelt or plover (required)
  --out FILE          write to FILE instead of stdout
${EVENT_FILTER_HELP}
  -h, --help          show this help

Examples:
  brink export --format csv --out events.csv
  brink export --format plover --pair RUS,UKR --from 2022-02-01 > rus-ukr.json`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { ...DB_OPTION, ...EVENT_FILTER_OPTIONS, format: { type: 'string' }, out: { type: 'string' } });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    const filters = eventFiltersFrom(values);
    let store;
    try {
      store = await openCommandStore('export', values.db as string | undefined, false);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    const out: Writable = values.out ? createWriteStream(values.out as string) : process.stdout;
    try {
      for await (const chunk of exportLines(store, format, filters)) {
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } finally {
      await store.close();
      if (values.out) {
        out.end();
        await once(out, 'finish');
      }
    }
    return 0;
  },
};
