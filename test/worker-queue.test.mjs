// The PostgreSQL work queue for real: brink ingest --queue in jobs of several articles, a worker
// SIGKILLed in the middle of its jobs, a second worker that unlocks and finishes them, a poison
// article inside a batch that ends alone in the failed list while the rest of its batch is stored, a
// poison job, a worker that carries on when another store's queue is created in the same database,
// and (once the poison is gone and the failed jobs retried) results identical to the SQLite path on
// the same input. Runs against the PostgreSQL test
// database in a schema of its own (see src/store/postgres/test-database.ts).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brink, CLI, SHARED } from './helpers/contract.mjs';
import { openStore } from '../dist/store/open-store.js';
import { openQueue } from '../dist/queue/analysis-queue.js';
import { dropTestSchemas, freshSchemaUrl, testDatabaseProblem } from '../dist/store/postgres/test-database.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-queue-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const SLICE = 60;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, check, timeoutMs, pollMs = 250) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(pollMs);
  }
}

// Every worker this file starts, killed when the test ends however it ends (a failed wait must not
// leave a worker running, which would keep the test process alive).
const workers = [];
process.on('exit', () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
});

function startWorker(url, extra = []) {
  const child = spawn(process.execPath, [CLI, 'worker', '--db', url, '--stale-seconds', '2', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  workers.push(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

const problem = await testDatabaseProblem();
const input = join(SHARED, 'corpora/wikipedia-current-events/2012.jsonl');

const JOB_SIZE = 5;

test('work queue: batch jobs, SIGKILL mid-job, retry on another worker, poison article split off, failed list, same results as SQLite', { skip: problem ?? false, timeout: 300000 }, async () => {
  after(dropTestSchemas);
  const slice = join(dir, 'slice.jsonl');
  const lines = readFileSync(input, 'utf8').split('\n').slice(0, SLICE);
  writeFileSync(slice, lines.join('\n') + '\n');

  // The reference: the same input through the SQLite path (ingest analyses in-process).
  const sqlite = join(dir, 'ref.db');
  const ref = brink(['ingest', '--db', sqlite, slice]);
  assert.equal(ref.status, 0, ref.stderr);
  const want = JSON.parse(brink(['stats', '--json', '--db', sqlite]).stdout);
  const originals = want.articles - want.duplicates;

  const url = freshSchemaUrl();
  const schema = new URL(url).searchParams.get('schema');
  const queued = brink(['ingest', '--queue', '--job-size', String(JOB_SIZE), '--attempts', '2', '--db', url, slice]);
  assert.equal(queued.status, 0, queued.stderr);
  const jobs = Math.ceil(originals / JOB_SIZE);
  assert.match(queued.stderr, new RegExp(`${originals} queued for analysis in ${jobs} jobs`));
  const counted = JSON.parse(brink(['jobs', '--json', '--db', url]).stdout);
  assert.deepEqual([counted.queued, counted.articles.queued], [jobs, originals], 'jobs and the articles they hold');

  const store = await openStore(url);
  const queue = await openQueue(url);
  const one = async (sql, params = []) => (await store.pool.query(sql, params)).rows[0];
  try {
    assert.equal((await store.stats('x')).analysed, 0, '--queue does not analyse in-process');
    // A poison article: the database refuses its sentences (a trigger written for this test), so its
    // batch cannot be stored whole; it must end alone in the failed list while the rest is stored.
    // In the last job, so the SIGKILLed worker below has not reached it: every job it committed is whole.
    const poison = lines.map((l) => JSON.parse(l).id)[SLICE - 2];
    const { rowid } = await one('SELECT rowid FROM articles WHERE id = $1 AND duplicate_of IS NULL', [poison]);
    await store.pool.query(`CREATE FUNCTION "${schema}".refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await store.pool.query(`CREATE TRIGGER poison BEFORE INSERT ON "${schema}".sentences FOR EACH ROW
      WHEN (NEW.article = ${Number(rowid)}) EXECUTE FUNCTION "${schema}".refuse()`);

    const a = startWorker(url);
    // Killed as soon as it has committed something: on any machine it still holds jobs then.
    await until('the first worker to analyse an article', async () => (await store.stats('x')).analysed >= 1, 120000, 20);
    a.child.kill('SIGKILL');
    const killed = await a.exited;
    assert.equal(killed.signal, 'SIGKILL');
    const atKill = await queue.counts();
    assert.ok(atKill.running >= 1, `the killed worker held jobs: ${JSON.stringify(atKill)}`);
    // No partial article: every article has all of its analysis or none of it.
    const partial = await one(`SELECT count(*)::int AS n FROM articles a WHERE (a.analysed_version IS NULL) = EXISTS (SELECT 1 FROM sentences s WHERE s.article = a.rowid)`);
    assert.equal(partial.n, 0, 'articles with sentences but no analysis mark, or the reverse');
    assert.equal((await store.stats('x')).analysed % JOB_SIZE, 0, 'whole jobs were committed');

    // A poison job: its article does not exist, so each attempt fails; two attempts, then the failed list.
    await queue.enqueue(['no-such-article'], { maxAttempts: 2 });

    const b = startWorker(url);
    const analysedAtKill = (await store.stats('x')).analysed;
    await until('the second worker to take jobs', async () => (await store.stats('x')).analysed > analysedAtKill, 120000, 20);
    // Another store's queue created in the same database: graphile-worker's migration notice names no
    // schema, and would stop this worker; it must carry on.
    const elsewhere = await openQueue(freshSchemaUrl());
    await elsewhere.close();
    const settled = (failed) => async () => {
      const c = await queue.counts();
      return c.queued + c.running + c.retrying === 0 && c.failed === failed;
    };
    await until('the second worker to finish every job', settled(2), 180000);
    b.child.kill('SIGTERM');
    const stopped = await b.exited;
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stderr, /SIGTERM, finishing running jobs/);
    assert.match(stopped.stderr, /another schema of the database migrated\); resuming/);
    assert.match(stopped.stderr, new RegExp(`${poison}\\): refused for the test; retried as a job of its own`));

    let got = await store.stats('x');
    assert.equal(got.analysed, want.analysed - 1, 'every article but the poison one');
    const failed = brink(['jobs', 'failed', '--json', '--db', url]);
    assert.equal(failed.status, 0, failed.stderr);
    const rows = failed.stdout.trim().split('\n').map((l) => JSON.parse(l)).sort((x, y) => (x.articleId < y.articleId ? -1 : 1));
    assert.deepEqual(rows.map((r) => [r.articleId, r.attempts]), [[poison, 2], ['no-such-article', 2]].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
    assert.match(rows.find((r) => r.articleId === poison).lastError, /refused for the test/);
    assert.match(rows.find((r) => r.articleId === 'no-such-article').lastError, /not stored/);

    // The poison gone, the failed jobs retried: the poison article is stored, the missing one fails again.
    await store.pool.query(`DROP TRIGGER poison ON "${schema}".sentences`);
    const retried = brink(['jobs', 'retry', '--db', url]);
    assert.match(retried.stdout, /^2 failed jobs queued again/);
    const c = startWorker(url);
    await until('the third worker to finish the retried jobs', settled(1), 120000);
    c.child.kill('SIGTERM');
    assert.equal((await c.exited).code, 0);

    got = await store.stats('x');
    for (const k of ['articles', 'duplicates', 'analysed', 'events', 'clusters', 'quotes', 'actors', 'entities', 'times', 'sentences']) {
      assert.equal(got[k], want[k], `${k}: PostgreSQL via the queue vs SQLite`);
    }
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await queue.close();
    await store.close();
  }
});
