import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { isoDayOption, parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { dbLocation } from '../../store/open-store.js';
import { detectAlerts, type Alert } from '../../analytics/detect-alerts.js';
import { alertsBetween } from '../../analytics/alerts-between.js';

/** An alert's identity for the webhook: the pair and the start day (its end and score may still move). */
const alertId = (a: Alert) => `${a.pair[0]}-${a.pair[1]}@${a.start}`;

export const alertsCommand: Command = {
  name: 'alerts',
  summary: 'escalation alerts: actor pairs breaking sharply from their own baseline',
  help: `Usage: brink alerts [options]

Lists escalation alerts over the stored event clusters, ordered by start: a pair of countries whose
conflict clusters (QuadClass 3–4) in a 7-day window are far above what its own trailing 60-day
share of the news predicts (score: −log10 of the Poisson probability; an alert opens at 4).

Options:
${DB_HELP}
  --from YYYY-MM-DD   only alerts running on or after this day
  --to YYYY-MM-DD     only alerts starting on or before this day
  --json              a JSON array of {pair, start, peak, end, score, events}
  --webhook URL       POST alerts not sent before (a JSON array) to URL; remembers what was sent
  --state FILE        where sent alerts are remembered (default: <database>.alerts-sent.json)
  -h, --help          show this help

Examples:
  brink alerts --from 2022-01-01
  brink alerts --json | jq '.[] | select(.score > 10)'
  brink alerts --webhook https://hooks.example.org/brink`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      ...DB_OPTION, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, webhook: { type: 'string' }, state: { type: 'string' },
    });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const from = isoDayOption('from', values.from as string | undefined);
    const to = isoDayOption('to', values.to as string | undefined);
    const webhook = values.webhook as string | undefined;
    if (webhook !== undefined && !/^https?:\/\/\S+$/.test(webhook)) throw new UsageError(`--webhook must be an http(s) URL, got "${webhook}"`);
    let store;
    try {
      store = await openCommandStore('alerts', values.db as string | undefined, false);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    let alerts: Alert[];
    try {
      alerts = alertsBetween(detectAlerts((await store.clusterFacts({})).items), from, to);
    } finally {
      await store.close();
    }
    if (webhook !== undefined) {
      const statePath = (values.state as string | undefined) ?? `${dbLocation(values.db as string | undefined)}.alerts-sent.json`;
      const sent = new Set<string>(existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as string[]) : []);
      const fresh = alerts.filter((a) => !sent.has(alertId(a)));
      if (fresh.length > 0) {
        let res: Response;
        try {
          res = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fresh) });
        } catch (err) {
          process.stderr.write(`brink alerts: webhook ${webhook} failed: ${(err as Error).message}\n`);
          return 1;
        }
        if (!res.ok) {
          process.stderr.write(`brink alerts: webhook ${webhook} answered ${res.status}; the alerts will be sent again next time\n`);
          return 1;
        }
        for (const a of fresh) sent.add(alertId(a));
        writeFileSync(statePath, JSON.stringify([...sent].sort()) + '\n');
      }
      process.stderr.write(`alerts: ${fresh.length} new alert(s) posted to ${webhook}\n`);
    }
    if (values.json) {
      process.stdout.write(JSON.stringify(alerts) + '\n');
      return 0;
    }
    if (alerts.length === 0) {
      process.stderr.write('no alerts\n');
      return 0;
    }
    const lines = alerts.map((a) => `${a.start}  ${a.pair.join('–').padEnd(8)}  peak ${a.peak}  end ${(a.end ?? 'ongoing').padEnd(10)}  score ${String(a.score).padStart(6)}  ${a.events} conflict clusters`);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
