// Real history as the test of the alerts: Wikipedia's Current Events from November 2021 to
// March 2022 (the months before the invasion are the baseline), ingested with full analysis.
// Russia–Ukraine must raise an alert within a week of 2022-02-24, the highest-scoring one of those
// starting in February 2022. Then the CLI's alert outputs: the webhook, pair series, events,
// quotes and exports on the same database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, HAS_SHARED, SHARED } from './helpers/contract.mjs';

const dir = mkdtempSync(join(tmpdir(), 'brink-alerts-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const CURRENT = join(SHARED, 'corpora/wikipedia-current-events');
const DB = join(dir, 'history.db');

/** Runs the CLI without blocking this process (the webhook server below must answer meanwhile). */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let ingested = null;
async function history() {
  if (ingested) return ingested;
  const lines = [];
  for (const year of ['2021', '2022']) {
    for (const line of readFileSync(join(CURRENT, `${year}.jsonl`), 'utf8').split('\n')) {
      const m = /"published": "(\d{4}-\d{2})/.exec(line);
      if (m && m[1] >= '2021-11' && m[1] <= '2022-03') lines.push(line);
    }
  }
  const input = join(dir, 'slice.jsonl');
  writeFileSync(input, lines.join('\n') + '\n');
  const t0 = Date.now();
  const r = await run(['ingest', '--db', DB, input]);
  assert.equal(r.status, 0, r.stderr);
  ingested = { items: lines.length, seconds: (Date.now() - t0) / 1000 };
  return ingested;
}

test('alerts over Current Events Nov 2021 – Mar 2022: Russia–Ukraine within a week of the invasion, top of February', { skip: !HAS_SHARED, timeout: 600000 }, async () => {
  const { items, seconds } = await history();
  process.stderr.write(`alerts-history: ingested ${items} items with full analysis in ${seconds.toFixed(1)} s\n`);
  const r = await run(['alerts', '--json', '--db', DB]);
  assert.equal(r.status, 0, r.stderr);
  const alerts = JSON.parse(r.stdout);
  for (const a of alerts) {
    assert.deepEqual(Object.keys(a).sort(), ['end', 'events', 'pair', 'peak', 'score', 'start']);
    assert.deepEqual([...a.pair].sort(), a.pair);
  }
  assert.deepEqual(alerts.map((a) => a.start), alerts.map((a) => a.start).sort(), 'ordered by start');
  const invasion = alerts.find((a) => a.pair.join() === 'RUS,UKR' && a.start >= '2022-02-17' && a.start <= '2022-03-03');
  assert.ok(invasion, `no RUS–UKR alert near 2022-02-24: ${JSON.stringify(alerts)}`);
  const february = alerts.filter((a) => a.start.startsWith('2022-02'));
  const top = february.reduce((x, y) => (y.score > x.score ? y : x));
  assert.deepEqual(top.pair, ['RUS', 'UKR'], JSON.stringify(february));
  assert.ok(invasion.peak >= '2022-02-20' && invasion.peak <= '2022-03-03');
  // --from/--to select alerts by their span.
  const march = JSON.parse((await run(['alerts', '--json', '--db', DB, '--from', '2022-03-20'])).stdout);
  assert.ok(march.every((a) => a.end === null || a.end >= '2022-03-20'));
});

test('alerts --webhook POSTs new alerts once to a local server; pair, events, quotes and export read the same database', { skip: !HAS_SHARED, timeout: 600000 }, async () => {
  await history();
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) });
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/hook`;
  try {
    const state = join(dir, 'sent.json');
    const first = await run(['alerts', '--db', DB, '--webhook', url, '--state', state, '--json']);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(received.length, 1);
    assert.equal(received[0].method, 'POST');
    assert.equal(received[0].type, 'application/json');
    assert.deepEqual(received[0].body, JSON.parse(first.stdout));
    assert.ok(existsSync(state));
    const second = await run(['alerts', '--db', DB, '--webhook', url, '--state', state]);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(received.length, 1, 'nothing new, nothing posted');
    assert.match(second.stderr, /0 new alert/);
  } finally {
    server.close();
  }
  const refused = await run(['alerts', '--db', DB, '--webhook', 'http://127.0.0.1:9/none', '--state', join(dir, 'other.json')]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /webhook/);

  const pair = JSON.parse((await run(['pair', 'UKR', 'RUS', '--by', 'month', '--json', '--db', DB])).stdout);
  assert.deepEqual(pair.pair, ['RUS', 'UKR']);
  const feb = pair.points.find((p) => p.period === '2022-02');
  const dec = pair.points.find((p) => p.period === '2021-12');
  assert.ok(feb.quadclass[3] > dec.quadclass[3], 'more material conflict in February than December');
  assert.ok(feb.escalation > 1);
  assert.match((await run(['pair', 'RUS', 'UKR', '--db', DB])).stdout, /^RUS–UKR by week/);
  assert.equal((await run(['pair', 'RUS', '--db', DB])).status, 2);

  const events = await run(['events', '--pair', 'RUS,UKR', '--code', '19', '--from', '2022-02-24', '--to', '2022-02-28', '--limit', '5', '--db', DB]);
  assert.equal(events.status, 0, events.stderr);
  assert.match(events.stdout, /→/);
  assert.match(events.stdout, /\n {3}rule \S+ · wce-2022-02-2\d#\d+\/v\d+/);
  const ej = (await run(['events', '--pair', 'RUS,UKR', '--json', '--limit', '3', '--db', DB])).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(ej.length, 3);
  assert.ok(ej.every((e) => typeof e.evidenceText === 'string' && typeof e.rule === 'string'));
  assert.equal((await run(['events', '--quadclass', '7', '--db', DB])).status, 2);

  const quotes = JSON.parse((await run(['quotes', '--json', '--limit', '5', '--from', '2022-02-01', '--to', '2022-02-28', '--db', DB])).stdout);
  assert.ok(quotes.length > 0);
  assert.ok(quotes.every((q) => q.published >= '2022-02-01' && q.published <= '2022-02-28'));

  const out = join(dir, 'rus-ukr.csv');
  const exp = await run(['export', '--format', 'csv', '--pair', 'RUS,UKR', '--out', out, '--db', DB]);
  assert.equal(exp.status, 0, exp.stderr);
  const rows = readFileSync(out, 'utf8').trim().split('\n');
  assert.ok(rows.length > 20);
  assert.match(rows[0], /^article_id,event_id,/);
  const plover = JSON.parse((await run(['export', '--format', 'plover', '--plover', 'ASSAULT', '--db', DB])).stdout);
  assert.ok(plover.length > 0 && plover.every((p) => p.event === 'ASSAULT'));
  assert.equal((await run(['export', '--format', 'xml', '--db', DB])).status, 2);
});
