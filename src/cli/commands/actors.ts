import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import type { ActorProfile, ActorSummary } from '../../store/query-types.js';
import type { Store } from '../../store/store.js';

function summaryLine(a: ActorSummary): string {
  return `${a.id}  ${a.name}  [${a.code || '–'}${a.country ? `, ${a.country}` : ''}]  ${a.mentions} mention${a.mentions === 1 ? '' : 's'}`;
}

function profileText(p: ActorProfile): string {
  const lines = [`${p.name}  (${p.id})`, `  code ${p.code || '–'}, country ${p.country ?? '–'}`, `  ${p.mentions} mentions, ${p.events} events, ${p.quotes} quotes`];
  if (p.aliases.length > 0) lines.push(`  aliases: ${p.aliases.map((a) => `${a.text} (${a.count})`).join(', ')}`);
  if (p.roles.length > 0) {
    lines.push('  roles over time:');
    for (const r of p.roles) lines.push(`    ${r.month}  ${r.code}  (${r.count})`);
  }
  return lines.join('\n');
}

async function list(store: Store, name: string | undefined, country: string | undefined, limit: number, json: boolean): Promise<number> {
  let after: string | null = null;
  let shown = 0;
  do {
    const page = await store.listActors({ ...(name ? { name } : {}), ...(country ? { country } : {}), after, limit: Math.min(500, limit - shown) });
    const out = page.items.map((a) => (json ? JSON.stringify(a) : summaryLine(a)));
    if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
    shown += page.items.length;
    after = page.next;
  } while (after !== null && shown < limit);
  if (shown === 0 && !json) process.stderr.write('no actors\n');
  return 0;
}

export const actorsCommand: Command = {
  name: 'actors',
  summary: 'the actor registry: actors by name, and one actor with aliases and roles over time',
  help: `Usage: brink actors [QUERY] [options]
       brink actors show ID [options]

Lists the actors found in stored articles (persons, organisations, countries, groups) with their
registry id, name, CAMEO code and country, in id order; QUERY matches the start of a name.
"show ID" prints one actor: the names it was mentioned by, its codes by month (roles over time,
e.g. a minister who moved to another post), and its event and quote counts.

Options:
${DB_HELP}
  --country C         only actors of this country code (RUS, IGO…)
  --limit N           at most N actors (default 20)
  --json              JSON (one actor a line for lists)
  -h, --help          show this help

Examples:
  brink actors Shoigu
  brink actors --country IRN --limit 50
  brink actors show person:rus:sergei-shoigu`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { ...DB_OPTION, country: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number ≥ 1');
    const showing = positionals[0] === 'show';
    if (showing && positionals.length !== 2) throw new UsageError('usage: brink actors show ID');
    if (!showing && positionals.length > 1) throw new UsageError('give one QUERY (quote a name with spaces)');
    let store: Store;
    try {
      store = await openCommandStore('actors', values.db as string | undefined, false);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    try {
      if (!showing) return await list(store, positionals[0], (values.country as string | undefined)?.toUpperCase(), limit, Boolean(values.json));
      const profile = await store.getActor(positionals[1]!);
      if (!profile) {
        process.stderr.write(`brink actors: no actor with id "${positionals[1]}" (find ids with "brink actors NAME")\n`);
        return 1;
      }
      console.log(values.json ? JSON.stringify(profile) : profileText(profile));
      return 0;
    } finally {
      await store.close();
    }
  },
};
