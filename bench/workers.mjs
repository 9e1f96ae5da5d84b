// bench/workers: Wikipedia Current Events items (../shared/corpora/wikipedia-current-events; all
// 113,314 by default, `--limit N` for the first N) through the PostgreSQL work queue with 1 and with
// 2 worker processes: `brink ingest --queue` into a fresh schema (jobs of --job-size articles), then
// `brink worker --concurrency W` until the queue is empty. Prints items/s for each (steady rate: from
// the first analysed item to the last, so model loading is left out; wall rate with start-up in
// brackets), the ratio, CPU time per item of the workers and (when the server runs on this machine
// and its processes can be read) of PostgreSQL, and the event and cluster counts next to the SQLite
// path's (`brink ingest` analysing in-process) on the same input. The machine is shared: CPU per
// item is steadier than items/s when others run things too.
// Usage: node bench/workers.mjs [--limit N] [--job-size N] [--pg postgres://…]   (npm run build first; PostgreSQL up)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'dist/cli/main.js');
const { values } = parseArgs({ options: { limit: { type: 'string' }, pg: { type: 'string' }, 'job-size': { type: 'string' } } });
const limit = values.limit ? Number(values.limit) : Infinity;
const base = values.pg ?? process.env.BRINK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const corpus = join(root, '../shared/corpora/wikipedia-current-events');
const dir = mkdtempSync(join(tmpdir(), 'brink-bench-workers-'));
const input = join(dir, 'items.jsonl');
let items = 0;
{
  const out = [];
  for (const f of readdirSync(corpus).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(corpus, f), 'utf8').split('\n')) {
      if (!line.trim() || items >= limit) continue;
      out.push(line);
      items++;
    }
    if (items >= limit) break;
  }
  writeFileSync(input, out.join('\n') + '\n');
}

/** CPU seconds of the local PostgreSQL server (postmaster, its live children, its reaped ones), or null. */
function postgresCpu(pid) {
  if (pid === null) return null;
  const ticks = (stat, fields) => {
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.reduce((sum, i) => sum + Number(f[i]), 0);
  };
  try {
    let t = ticks(readFileSync(`/proc/${pid}/stat`, 'utf8'), [11, 12, 13, 14]);
    for (const p of readdirSync('/proc')) {
      if (!/^\d+$/.test(p)) continue;
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) t += ticks(stat, [11, 12, 13, 14]);
      } catch {
        // gone meanwhile
      }
    }
    return t / 100;
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const schemas = [];
const client = new pg.Client({ connectionString: base });
await client.connect();
let postmaster = null;
try {
  const dir = (await client.query('SHOW data_directory')).rows[0].data_directory;
  postmaster = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  if (postgresCpu(postmaster) === null) postmaster = null;
} catch {
  // Not a superuser, or the server runs elsewhere: no PostgreSQL CPU figure.
}
const jobSize = values['job-size'] ?? null;

function cli(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`brink ${args[0]} failed:\n${r.stderr.slice(-3000)}`);
  return r;
}
const statsOf = (db) => JSON.parse(cli(['stats', '--json', '--db', db]).stdout);

async function viaQueue(workers) {
  const schema = `brink_bench_${process.pid}_${workers}`;
  schemas.push(schema);
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  const db = url.toString();
  cli(['ingest', '--queue', '--db', db, ...(jobSize ? ['--job-size', jobSize] : []), input]);
  const pending = async () =>
    (await client.query(`SELECT count(*)::int AS n FROM "${schema}_jobs".jobs WHERE attempts < max_attempts OR locked_at IS NOT NULL`)).rows[0].n;
  const analysed = async () => (await client.query(`SELECT count(*)::int AS n FROM "${schema}".articles WHERE analysed_version IS NOT NULL`)).rows[0].n;
  const log = createWriteStream(join(dir, `worker-${workers}.log`));
  const pg0 = postgresCpu(postmaster);
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'worker', '--db', db, '--concurrency', String(workers)], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.pipe(log);
  let first = null;
  let firstCount = 0;
  for (;;) {
    await sleep(200);
    if (first === null) {
      const a = await analysed();
      if (a > 0) [first, firstCount] = [performance.now(), a];
    }
    if ((await pending()) === 0) break;
    if (child.exitCode !== null) {
      await new Promise((r) => log.end(r));
      throw new Error(`worker exited early (${child.exitCode}):\n${readFileSync(join(dir, `worker-${workers}.log`), 'utf8').slice(-3000)}`);
    }
  }
  const t1 = performance.now();
  const pg1 = postgresCpu(postmaster);
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  await new Promise((r) => log.end(r));
  const done = await analysed();
  const steady = (done - firstCount) / ((t1 - first) / 1000);
  const wall = done / ((t1 - t0) / 1000);
  // Each worker process's last line says its CPU time (model loading included).
  const workerCpu = readFileSync(join(dir, `worker-${workers}.log`), 'utf8')
    .split('\n')
    .reduce((last, line) => {
      const m = /^worker (\d+): .* \(CPU ([\d.]+) s\)$/.exec(line);
      if (m) last.set(m[1], Number(m[2]));
      return last;
    }, new Map());
  const ms = (s) => (s === null ? null : (s * 1000) / done);
  return {
    steady, wall, stats: statsOf(db),
    workerMs: ms([...workerCpu.values()].reduce((a, b) => a + b, 0)),
    pgMs: pg0 === null || pg1 === null ? null : ms(pg1 - pg0),
  };
}

try {
  const sqliteDb = join(dir, 'ref.db');
  const t0 = performance.now();
  cli(['ingest', '--db', sqliteDb, input]);
  const sqliteRate = items / ((performance.now() - t0) / 1000);
  const ref = statsOf(sqliteDb);
  const one = await viaQueue(1);
  const two = await viaQueue(2);
  // The SQLite path again: if the build changed during the bench (a rebuild while developing), the
  // two references differ and the comparison says so instead of blaming the queue.
  rmSync(sqliteDb, { force: true });
  cli(['ingest', '--db', sqliteDb, input]);
  const ref2 = statsOf(sqliteDb);
  const same = (s) => s.events === ref.events && s.clusters === ref.clusters && s.analysed === ref.analysed;
  const stable = ref2.events === ref.events && ref2.clusters === ref.clusters;
  const cpu = (r) => `${r.workerMs.toFixed(2)} ms` + (r.pgMs === null ? '' : ` + PostgreSQL ${r.pgMs.toFixed(2)} ms`);
  console.log(
    `bench/workers: ${fmt(items)} items (${fmt(ref.articles - ref.duplicates)} originals) on PostgreSQL${jobSize ? `, jobs of ${jobSize}` : ''}: ` +
      `1 worker ${fmt(one.steady)} items/s (${fmt(one.wall)} with start-up), 2 workers ${fmt(two.steady)} items/s (${fmt(two.wall)}), ` +
      `ratio ${(two.steady / one.steady).toFixed(2)}x; CPU per item: 1 worker ${cpu(one)}, 2 workers ${cpu(two)}; events/clusters: SQLite ${fmt(ref.events)}/${fmt(ref.clusters)} ` +
      `(in-process ${fmt(sqliteRate)} items/s), 1 worker ${fmt(one.stats.events)}/${fmt(one.stats.clusters)}, ` +
      `2 workers ${fmt(two.stats.events)}/${fmt(two.stats.clusters)} — ${same(one.stats) && same(two.stats) ? 'identical' : 'DIFFERENT'}` +
      (stable ? '' : ` (the build changed during the bench: SQLite gave ${fmt(ref2.events)}/${fmt(ref2.clusters)} at the end)`),
  );
} finally {
  for (const s of schemas) {
    await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS "${s}_jobs" CASCADE`);
  }
  await client.end();
  rmSync(dir, { recursive: true, force: true });
}
