import type { Command } from '../command.js';
import { isoDayOption, parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import type { EventQuery, StoredEvent } from '../../store/query-types.js';

export const EVENT_FILTER_OPTIONS = {
  actor: { type: 'string' }, pair: { type: 'string' }, code: { type: 'string' }, plover: { type: 'string' }, quadclass: { type: 'string' },
  place: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, all: { type: 'boolean' },
} as const;

export const EVENT_FILTER_HELP = `  --actor X           actor id, CAMEO actor code or country code on either side
  --pair A,B          two country codes, either direction
  --code 19           CAMEO code prefix
  --plover TYPE       PLOVER type (ASSAULT, CONSULT…)
  --quadclass N       QuadClass 1–4
  --place NAME        location name or country code
  --from/--to DAY     event date (else publication day) from/to, YYYY-MM-DD
  --all               also negated and hypothetical events (default: asserted and future only)`;

/** Event filters from parsed options; bad values are usage errors. */
export function eventFiltersFrom(values: Record<string, unknown>): Omit<EventQuery, 'limit'> {
  const f: Omit<EventQuery, 'limit'> = { countedOnly: !values.all };
  if (values.actor) f.actor = String(values.actor);
  if (values.pair) {
    const parts = String(values.pair).toUpperCase().split(',');
    if (parts.length !== 2 || !parts.every((p) => /^[A-Z]{3}$/.test(p))) throw new UsageError('--pair must be two country codes like RUS,UKR');
    f.pair = [parts[0]!, parts[1]!];
  }
  if (values.code) {
    if (!/^\d{2,4}$/.test(String(values.code))) throw new UsageError('--code must be a CAMEO code of 2 to 4 digits');
    f.code = String(values.code);
  }
  if (values.plover) f.plover = String(values.plover).toUpperCase();
  if (values.quadclass) {
    if (!/^[1-4]$/.test(String(values.quadclass))) throw new UsageError('--quadclass must be 1, 2, 3 or 4');
    f.quadclass = Number(values.quadclass);
  }
  if (values.place) f.place = String(values.place);
  const from = isoDayOption('from', values.from as string | undefined);
  const to = isoDayOption('to', values.to as string | undefined);
  if (from) f.from = from;
  if (to) f.to = to;
  return f;
}

function line(e: StoredEvent): string {
  const side = (a: StoredEvent['source']) => (a ? `${a.actor?.name ?? a.text}${a.actor?.code ? ` [${a.actor.code}]` : ''}` : '–');
  const when = e.date ?? e.published ?? 'undated';
  const head = `${when}  ${side(e.source)} → ${side(e.target)}  ${e.cameo}${e.plover ? ` ${e.plover}` : ''} q${e.quadclass} g${e.goldstein}${e.modality !== 'asserted' ? ` (${e.modality})` : ''}`;
  return `${head}\n   "${e.evidenceText.replace(/\s+/g, ' ')}"\n   rule ${e.rule} · ${e.articleId}/${e.id}`;
}

export const eventsCommand: Command = {
  name: 'events',
  summary: 'list stored events with their evidence sentence and the rule that coded them',
  help: `Usage: brink events [options]

Lists stored events, newest stored first: date, source → target, CAMEO code, PLOVER type,
QuadClass and Goldstein, the evidence sentence and the rule that fired.

Options:
${DB_HELP}
${EVENT_FILTER_HELP}
  --limit N           at most N events (default 20)
  --json              JSON Lines, one event a line (the contract's event plus articleId, evidenceText…)
  -h, --help          show this help

Examples:
  brink events --pair RUS,UKR --code 19 --from 2022-02-20
  brink events --actor IRN --plover THREATEN --json`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { ...DB_OPTION, ...EVENT_FILTER_OPTIONS, limit: { type: 'string' }, json: { type: 'boolean' } });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number ≥ 1');
    const filters = eventFiltersFrom(values);
    let store;
    try {
      store = await openCommandStore('events', values.db as string | undefined, false);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    try {
      let after: string | null = null;
      let shown = 0;
      do {
        const page = await store.listEvents({ ...filters, after, limit: Math.min(500, limit - shown) });
        const out = page.items.map((e) => (values.json ? JSON.stringify(e) : line(e)));
        if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
        shown += page.items.length;
        after = page.next;
      } while (after !== null && shown < limit);
      if (shown === 0 && !values.json) process.stderr.write('no events\n');
      return 0;
    } finally {
      await store.close();
    }
  },
};
