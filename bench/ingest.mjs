// bench/ingest: every Wikipedia Current Events item (113,314, ../shared/corpora/wikipedia-current-events)
// through `brink ingest --no-analyze` into a fresh database, pinned to one core when taskset exists.
// Prints one result line: items/s (over the child's whole wall time, start-up included; and per
// CPU-second, which a machine shared with other jobs cannot inflate), peak RSS of the child, and the
// database size. Usage: node bench/ingest.mjs   (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '../shared/corpora/wikipedia-current-events');
const files = readdirSync(corpus).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(corpus, f));
const dir = mkdtempSync(join(tmpdir(), 'brink-bench-ingest-'));
const db = join(dir, 'bench.db');

const brink = [join(root, 'dist/cli/main.js'), 'ingest', '--no-analyze', '--report-rss', '--db', db, ...files];
let cmd = process.execPath;
let args = brink;
const timeV = existsSync('/usr/bin/time');
if (timeV) [cmd, args] = ['/usr/bin/time', ['-v', process.execPath, ...brink]];
if (existsSync('/usr/bin/taskset')) [cmd, args] = ['/usr/bin/taskset', ['-c', '0', cmd, ...args]];

const t0 = performance.now();
const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
const seconds = (performance.now() - t0) / 1000;
const err = r.stderr ?? '';
const summary = err.split('\n').find((l) => /^ingest: [\d,]+ read.* in [\d.]+ s /.test(l));
if (r.status !== 0 || !summary) {
  console.error(err.slice(-3000));
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}
const num = (re) => Number((re.exec(summary)?.[1] ?? 'NaN').replace(/,/g, ''));
const read = num(/([\d,]+) read/);
const stored = num(/([\d,]+) stored/);
const duplicates = num(/([\d,]+) duplicates/);
const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
const selfRss = /peak RSS (\d+) MB/.exec(err);
const user = /User time \(seconds\): ([\d.]+)/.exec(err);
const sys = /System time \(seconds\): ([\d.]+)/.exec(err);
const cpu = user && sys ? Number(user[1]) + Number(sys[1]) : null;
const rssMb = timeRss ? Number(timeRss[1]) / 1024 : Number(selfRss?.[1]);
let dbBytes = 0;
for (const f of readdirSync(dir)) dbBytes += statSync(join(dir, f)).size;
rmSync(dir, { recursive: true, force: true });
console.log(
  `bench/ingest: ${read.toLocaleString('en-US')} items (${stored.toLocaleString('en-US')} stored, ${duplicates.toLocaleString('en-US')} marked duplicate) ` +
    `in ${seconds.toFixed(1)} s = ${Math.round(read / seconds).toLocaleString('en-US')} items/s` +
    (cpu ? ` (CPU ${cpu.toFixed(1)} s = ${Math.round(read / cpu).toLocaleString('en-US')} items per CPU-second)` : '') + '; ' +
    `peak RSS ${rssMb.toFixed(0)} MB; database ${(dbBytes / 1048576).toFixed(1)} MB`,
);
