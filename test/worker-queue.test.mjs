// The PostgreSQL work queue for real: brink ingest --queue, a worker SIGKILLed in the middle of its
// jobs, a second worker that unlocks and finishes them, a poison job that ends in the failed list,
// and results identical to the SQLite path on the same input. Runs against the PostgreSQL test
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

function startWorker(url, extra = []) {
  const child = spawn(process.execPath, [CLI, 'worker', '--db', url, '--stale-seconds', '2', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

const problem = await testDatabaseProblem();
const input = join(SHARED, 'corpora/wikipedia-current-events/2012.jsonl');

test('work queue: SIGKILL mid-job, retry on another worker, failed list, same results as SQLite', { skip: problem ?? false, timeout: 300000 }, async () => {
  after(dropTestSchemas);
  const slice = join(dir, 'slice.jsonl');
  writeFileSync(slice, readFileSync(input, 'utf8').split('\n').slice(0, SLICE).join('\n') + '\n');

  // The reference: the same input through the SQLite path (ingest analyses in-process).
  const sqlite = join(dir, 'ref.db');
  const ref = brink(['ingest', '--db', sqlite, slice]);
  assert.equal(ref.status, 0, ref.stderr);
  const want = JSON.parse(brink(['stats', '--json', '--db', sqlite]).stdout);

  const url = freshSchemaUrl();
  const queued = brink(['ingest', '--queue', '--db', url, slice]);
  assert.equal(queued.status, 0, queued.stderr);
  assert.match(queued.stderr, new RegExp(`${want.articles - want.duplicates} queued for analysis`));
  const store = await openStore(url);
  const queue = await openQueue(url);
  try {
    assert.equal((await store.stats('x')).analysed, 0, '--queue does not analyse in-process');

    const a = startWorker(url);
    // Killed as soon as it has committed something: on any machine it still holds jobs then.
    await until('the first worker to analyse an article', async () => (await store.stats('x')).analysed >= 1, 120000, 20);
    a.child.kill('SIGKILL');
    const killed = await a.exited;
    assert.equal(killed.signal, 'SIGKILL');
    const atKill = await queue.counts();
    assert.ok(atKill.running >= 1, `the killed worker held jobs: ${JSON.stringify(atKill)}`);

    // A poison job: its article does not exist, so each attempt fails; two attempts, then the failed list.
    await queue.enqueue(['no-such-article'], 2);

    const b = startWorker(url);
    await until(
      'the second worker to finish every job',
      async () => {
        const c = await queue.counts();
        return c.queued + c.running + c.retrying === 0 && c.failed === 1;
      },
      180000,
    );
    b.child.kill('SIGTERM');
    const stopped = await b.exited;
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stderr, /SIGTERM, finishing running jobs/);

    const got = await store.stats('x');
    for (const k of ['articles', 'duplicates', 'analysed', 'events', 'clusters', 'quotes', 'actors', 'entities', 'times', 'sentences']) {
      assert.equal(got[k], want[k], `${k}: PostgreSQL via the queue vs SQLite`);
    }
    const failed = brink(['jobs', 'failed', '--json', '--db', url]);
    assert.equal(failed.status, 0, failed.stderr);
    const rows = failed.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].articleId, 'no-such-article');
    assert.equal(rows[0].attempts, 2);
    assert.match(rows[0].lastError, /not stored/);
  } finally {
    await queue.close();
    await store.close();
  }
});
