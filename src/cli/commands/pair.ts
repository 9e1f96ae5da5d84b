import type { Command } from '../command.js';
import { isoDayOption, parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { buildSeries, volumeByDay } from '../../analytics/build-series.js';
import { GRANULARITIES, type Granularity } from '../../analytics/period.js';

export const pairCommand: Command = {
  name: 'pair',
  summary: 'event clusters between two countries by day, week or month, with the escalation index',
  help: `Usage: brink pair [options] A B

Prints the series of event clusters between countries A and B (three-letter codes, either order):
clusters by QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict), Goldstein sum and mean, conflict clusters per 1,000 of the whole corpus, and the
escalation index (that rate over the pair's own long-run rate: 1 is its usual level).

Options:
${DB_HELP}
  --by day|week|month period (default week)
  --from YYYY-MM-DD   first day
  --to YYYY-MM-DD     last day
  --json              one JSON object {pair, by, points, totals}
  -h, --help          show this help

Examples:
  brink pair RUS UKR --by month
  brink pair ISR LBN --from 2024-01-01 --json`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { ...DB_OPTION, by: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length !== 2) throw new UsageError('give two country codes, like: brink pair RUS UKR');
    const [a, b] = positionals.map((p) => p.toUpperCase()) as [string, string];
    for (const c of [a, b]) if (!/^[A-Z]{3}$/.test(c)) throw new UsageError(`"${c}" is not a three-letter country code`);
    if (a === b) throw new UsageError('the two countries must differ');
    const by = (values.by ?? 'week') as Granularity;
    if (!GRANULARITIES.includes(by)) throw new UsageError(`--by must be day, week or month, got "${values.by}"`);
    const from = isoDayOption('from', values.from as string | undefined);
    const to = isoDayOption('to', values.to as string | undefined);
    let store;
    try {
      store = await openCommandStore('pair', values.db as string | undefined, false);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    try {
      const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const [pairFacts, all] = await Promise.all([store.clusterFacts({ pair: [a, b], ...range }), store.clusterFacts(range)]);
      const series = buildSeries(pairFacts.items, volumeByDay(all.items), by, range);
      const pair = a < b ? [a, b] : [b, a];
      if (values.json) {
        process.stdout.write(JSON.stringify({ pair, ...series }) + '\n');
        return 0;
      }
      if (series.points.length === 0) {
        process.stderr.write(`no event clusters between ${pair.join(' and ')}\n`);
        return 0;
      }
      const head = `${'period'.padEnd(10)}  clusters   q1   q2   q3   q4  goldstein(sum/mean)  conflict‰  index`;
      const rows = series.points.map((p) =>
        [
          p.period.padEnd(10), String(p.clusters).padStart(8), ...p.quadclass.map((q) => String(q).padStart(4)),
          `${p.goldsteinSum.toFixed(1).padStart(9)} / ${p.goldsteinMean === null ? '    –' : p.goldsteinMean.toFixed(2).padStart(5)}`.padStart(19),
          (p.conflictRate === null ? '–' : p.conflictRate.toFixed(1)).padStart(9), (p.escalation === null ? '–' : p.escalation.toFixed(2)).padStart(6),
        ].join(' '),
      );
      const t = series.totals;
      process.stdout.write(`${pair.join('–')} by ${by}: ${t.clusters} clusters (${t.cooperation} cooperation, ${t.conflict} conflict), mean Goldstein ${t.goldsteinMean ?? '–'}\n${head}\n${rows.join('\n')}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
