// End-to-end tests of the store commands: brink ingest, analyze, search, stats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { brink, CLI, HAS_SHARED, SHARED } from './helpers/contract.mjs';
import { readInputs } from '../dist/ingest/read-inputs.js';
import { openSqliteStore } from '../dist/store/sqlite/sqlite-store.js';
import { parseSearchQuery } from '../dist/store/search-query.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-ingest-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const CURRENT = join(SHARED, 'corpora/wikipedia-current-events');

// Articles written for these tests: an original, an exact copy, a lightly edited copy, and unrelated ones.
const ORIGINAL =
  'Delegations from the two river states signed a water-sharing accord in the old customs house on Saturday, ' +
  'ending a dispute that had closed the upper dam for most of the dry season. The accord sets monthly release ' +
  'quotas, creates a joint commission to measure the flow, and lets farmers on both banks draw water again next week.';
const FIXTURE = [
  { id: 'w-1', title: 'River states sign water accord', published: '2024-05-04', source: 'Valley Post', text: ORIGINAL },
  { id: 'w-2', title: 'Water accord signed', published: '2024-05-04', source: 'Delta Herald', text: ORIGINAL },
  { id: 'w-3', published: '2024-05-05', source: 'Plains Daily', text: ORIGINAL.replace('next week', 'within days') },
  { id: 'w-4', published: '2024-05-05', text: 'The national football team lost its opening match of the tournament after a late penalty in heavy rain.' },
  { id: 'w-5', published: '2024-05-06', text: 'Police in the capital arrested twelve people after a protest against fuel prices turned violent near the ministry.' },
];

function writeFixture(name, rows) {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

function statsOf(db) {
  const r = brink(['stats', '--json', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** A phrase of up to `size` words from the middle of a text, as the search tokenizer splits words. */
function phraseOf(text, size = 8) {
  const words = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const from = Math.max(0, Math.floor((words.length - size) / 2));
  return words.slice(from, from + size).join(' ');
}

test('ingest: Wikinews and a Current Events slice, every article found by a phrase from its body', { skip: !HAS_SHARED }, async () => {
  const slice = join(dir, 'current-slice.jsonl');
  writeFileSync(slice, readFileSync(join(CURRENT, '2020.jsonl'), 'utf8').split('\n').slice(0, 2000).join('\n') + '\n');
  const inputs = [join(SHARED, 'corpora/wikinews-2019-2020'), slice];
  const db = join(dir, 'corpus.db');
  const first = brink(['ingest', '--no-analyze', '--db', db, ...inputs]);
  assert.equal(first.status, 0, first.stderr);
  const articles = [];
  for await (const item of readInputs(inputs, { format: 'auto', published: null, fields: {} })) if (item.kind === 'article') articles.push(item.article);
  assert.ok(articles.length > 2200, `read ${articles.length}`);
  const summary = first.stderr.trim().split('\n').at(-1);
  assert.match(summary, new RegExp(`^ingest: ${articles.length.toLocaleString('en-US')} read, [\\d,]+ stored, [\\d,]+ duplicates, 0 already stored, 0 failed`));
  const stats = statsOf(db);
  assert.equal(stats.articles, articles.length);

  const store = openSqliteStore(db);
  try {
    const missing = [];
    for (const a of articles) {
      const phrase = phraseOf(a.text);
      const hits = await store.searchArticles(parseSearchQuery(`"${phrase}"`), { limit: 500 });
      if (!hits.some((h) => h.id === a.id)) missing.push(`${a.id}: "${phrase}"`);
    }
    assert.deepEqual(missing, []);
    const one = await store.getArticle(articles[0].id);
    assert.equal(one.text, articles[0].text);
    assert.equal(one.origin, articles[0].origin, 'the raw input reference is kept');
  } finally {
    await store.close();
  }

  // Idempotent: the same input again stores nothing new.
  const again = brink(['ingest', '--no-analyze', '--db', db, ...inputs]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, new RegExp(`0 stored, 0 duplicates, ${articles.length.toLocaleString('en-US')} already stored, 0 failed`));
  assert.deepEqual(statsOf(db), stats);
});

test('ingest: exact and near duplicates are marked; extract reports them too', async () => {
  const file = writeFixture('dups.jsonl', FIXTURE);
  const db = join(dir, 'dups.db');
  const r = brink(['ingest', '--no-analyze', '--db', db, file]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /5 read, 3 stored, 2 duplicates, 0 already stored, 0 failed/);
  const stats = statsOf(db);
  assert.equal(stats.articles, 5);
  assert.equal(stats.duplicates, 2);
  const sql = new Database(db, { readonly: true });
  const rows = sql.prepare('SELECT id, duplicate_of FROM articles ORDER BY id').all();
  sql.close();
  assert.deepEqual(rows, [
    { id: 'w-1', duplicate_of: null },
    { id: 'w-2', duplicate_of: 'w-1' },
    { id: 'w-3', duplicate_of: 'w-1' },
    { id: 'w-4', duplicate_of: null },
    { id: 'w-5', duplicate_of: null },
  ]);
  const ex = brink(['extract', file]);
  assert.equal(ex.status, 0, ex.stderr);
  assert.deepEqual(ex.records.map((x) => x.duplicateOf), [null, 'w-1', 'w-1', null, null]);
});

test('stats, search and analyze on a small store', async () => {
  const file = writeFixture('small.jsonl', FIXTURE);
  const db = join(dir, 'small.db');
  assert.equal(brink(['ingest', '--no-analyze', '--db', db, file]).status, 0);
  const stats = statsOf(db);
  for (const key of ['articles', 'duplicates', 'events', 'clusters', 'quotes', 'actors']) assert.equal(typeof stats[key], 'number', key);
  assert.equal(stats.pending, 3);

  const text = brink(['search', '--db', db, 'penalty']);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /\[w-4\]/);
  assert.match(text.stdout, /\*\*penalty\*\*/);
  const json = brink(['search', '--json', '--db', db, '"water-sharing accord" -football']);
  assert.equal(json.status, 0, json.stderr);
  const hits = JSON.parse(json.stdout);
  assert.deepEqual(hits.map((h) => h.id).sort(), ['w-1', 'w-2', 'w-3']);
  const ranked = JSON.parse(brink(['search', '--json', '--db', db, 'accord']).stdout);
  assert.deepEqual(ranked.slice(0, 2).map((h) => h.id).sort(), ['w-1', 'w-2'], 'a title match ranks first');
  assert.deepEqual(JSON.parse(brink(['search', '--json', '--db', db, 'zeppelin']).stdout), []);
  assert.equal(brink(['search', '--db', db, '---']).status, 2, 'a query with no words is a usage error');
  assert.equal(brink(['search', '--db', join(dir, 'absent.db'), 'water']).status, 1, 'no database is an error, not a new file');
  assert.equal(brink(['stats', '--db', join(dir, 'absent.db')]).status, 1);

  // BRINK_DB selects the database when --db is absent.
  const viaEnv = brink(['stats', '--json'], { env: { BRINK_DB: db } });
  assert.deepEqual(JSON.parse(viaEnv.stdout), stats);

  const an = brink(['analyze', '--db', db]);
  assert.equal(an.status, 0, an.stderr);
  assert.match(an.stderr, /analyze: 3 analysed, 0 failed/);
  const after = statsOf(db);
  assert.equal(after.pending, 0);
  assert.equal(after.analysed, 3);
  assert.ok(after.sentences >= 4);
  assert.match(brink(['analyze', '--db', db]).stderr, /analyze: 0 analysed, 0 failed/, 'nothing left to analyse');

  // Ingest with analysis (the default) stores the results at once.
  const db2 = join(dir, 'small-analysed.db');
  const ing = brink(['ingest', '--db', db2, file]);
  assert.equal(ing.status, 0, ing.stderr);
  assert.match(ing.stderr, /3 analysed/);
  const s2 = statsOf(db2);
  assert.equal(s2.pending, 0);
  assert.equal(s2.events, after.events);
  assert.equal(s2.quotes, after.quotes);
});

test('every store command has --help with examples', () => {
  for (const cmd of ['ingest', 'analyze', 'search', 'stats']) {
    const r = brink([cmd, '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Usage: brink /);
    assert.match(r.stdout, /Examples:\n  brink /);
  }
});

test('ingest: bad input is reported per item, the rest is stored, exit 1', () => {
  const path = join(dir, 'mixed.jsonl');
  writeFileSync(path, [JSON.stringify(FIXTURE[3]), '{not json', JSON.stringify({ id: 'x', title: 'no text' }), JSON.stringify(FIXTURE[4])].join('\n') + '\n');
  const db = join(dir, 'mixed.db');
  const r = brink(['ingest', '--no-analyze', '--db', db, path, join(dir, 'does-not-exist.txt')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /mixed\.jsonl:2: invalid JSON/);
  assert.match(r.stderr, /mixed\.jsonl:3: no text field/);
  assert.match(r.stderr, /does-not-exist\.txt: no such file/);
  assert.match(r.stderr, /2 read, 2 stored, 0 duplicates, 0 already stored, 3 failed/);
});

test('ingest survives SIGKILL: a rerun leaves every article stored exactly once', { skip: !HAS_SHARED, timeout: 240000 }, async () => {
  const files = ['2010.jsonl', '2011.jsonl'].map((f) => join(CURRENT, f));
  const ids = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).id));
  const db = join(dir, 'killed.db');
  const child = spawn(process.execPath, [CLI, 'ingest', '--no-analyze', '--batch', '200', '--db', db, ...files], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal)));
  // Kill it once some batches are committed.
  let seen = 0;
  for (let i = 0; i < 3000 && seen < 1000; i++) {
    await new Promise((r) => setTimeout(r, 20));
    try {
      const probe = new Database(db, { readonly: true, fileMustExist: true });
      seen = probe.prepare('SELECT count(*) AS n FROM articles').get().n;
      probe.close();
    } catch {
      // Not created or migrated yet.
    }
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  const sql = () => new Database(db, { readonly: true });
  let probe = sql();
  const atKill = probe.prepare('SELECT count(*) AS n FROM articles').get().n;
  probe.close();
  assert.ok(atKill > 0 && atKill < ids.length, `killed mid-run (${atKill} of ${ids.length} stored)`);

  const rerun = brink(['ingest', '--no-analyze', '--db', db, ...files]);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stderr, new RegExp(`${atKill.toLocaleString('en-US')} already stored, 0 failed`));
  probe = sql();
  const stored = probe.prepare('SELECT id FROM articles').all().map((r) => r.id);
  probe.close();
  assert.equal(stored.length, ids.length);
  assert.deepEqual(new Set(stored), new Set(ids), 'no id missing, none extra');
  // The full-text index matches the articles table exactly.
  const rw = new Database(db);
  assert.doesNotThrow(() => rw.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)").run());
  assert.equal(rw.prepare('SELECT count(*) AS n FROM articles_fts').get().n, ids.length);
  rw.close();
});
