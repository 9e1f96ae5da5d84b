// bench/ingest-history: all 24 years of Wikipedia Current Events (113,314 items,
// ../shared/corpora/wikipedia-current-events) through `brink ingest` WITH full analysis into a fresh
// database, then the alerts they raise. Prints one result line (items/s, events and clusters stored,
// database size, peak RSS) and, with --report, alerts per month per year and the pairs that top them.
// Usage: node bench/ingest-history.mjs [--years 2021,2022] [--report] [--keep DB]   (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/main.js');
const corpus = join(root, '../shared/corpora/wikipedia-current-events');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const years = arg('--years')?.split(',');
const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.jsonl') && (!years || years.includes(f.slice(0, 4))))
  .sort()
  .map((f) => join(corpus, f));
const keep = arg('--keep');
const dir = keep ? dirname(resolve(keep)) : mkdtempSync(join(tmpdir(), 'brink-bench-history-'));
const db = keep ? resolve(keep) : join(dir, 'history.db');

const ingest = [cli, 'ingest', '--report-rss', '--db', db, ...files];
const [cmd, args] = existsSync('/usr/bin/time') ? ['/usr/bin/time', ['-v', process.execPath, ...ingest]] : [process.execPath, ingest];
const t0 = performance.now();
const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
const seconds = (performance.now() - t0) / 1000;
const err = r.stderr ?? '';
if (r.status !== 0) {
  console.error(err.slice(-3000));
  process.exit(1);
}
const run = (...a) => JSON.parse(spawnSync(process.execPath, [cli, ...a, '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout);
const stats = run('stats');
const alerts = run('alerts');
const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
const selfRss = /peak RSS (\d+) MB/.exec(err);
const rssMb = timeRss ? Number(timeRss[1]) / 1024 : Number(selfRss?.[1]);
const dbName = basename(db);
const dbBytes = readdirSync(dir).filter((f) => f.startsWith(dbName)).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(
  `bench/ingest-history: ${fmt(stats.articles)} items (${files.length} yearly files) analysed in ${seconds.toFixed(0)} s = ${(stats.articles / seconds).toFixed(0)} items/s; ` +
    `${fmt(stats.events)} events, ${fmt(stats.clusters)} clusters, ${fmt(stats.quotes)} quotes, ${fmt(stats.actors)} actors; ` +
    `${alerts.length} alerts; database ${(dbBytes / 1048576).toFixed(0)} MB; peak RSS ${rssMb.toFixed(0)} MB`,
);
if (process.argv.includes('--report')) {
  // Alerts per month, by year of their start, and the pairs that score highest each year.
  const byYear = new Map();
  for (const a of alerts) {
    const y = a.start.slice(0, 4);
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y).push(a);
  }
  for (const [y, list] of [...byYear].sort()) {
    const top = [...list].sort((a, b) => b.score - a.score).slice(0, 3).map((a) => `${a.pair.join('–')} ${a.start} (${a.score})`);
    console.log(`  ${y}: ${list.length} alerts = ${(list.length / 12).toFixed(1)}/month; top: ${top.join('; ')}`);
  }
}
if (!keep) rmSync(dir, { recursive: true, force: true });
