// brink copy: a small analysed SQLite store into PostgreSQL and back, compared record by record.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brink, SHARED } from './helpers/contract.mjs';
import { openStore } from '../dist/store/open-store.js';
import { parseSearchQuery } from '../dist/store/search-query.js';
import { dropTestSchemas, freshSchemaUrl, testDatabaseProblem } from '../dist/store/postgres/test-database.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-copy-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const problem = await testDatabaseProblem();

// Two articles written for this test: one story and a copy of it from another outlet (a duplicate).
const STORY =
  'The harbour authority of the island republic suspended all ferry crossings to the mainland on Thursday after ' +
  'a storm damaged the northern pier, and said repairs would take at least two weeks while engineers inspect the breakwater.';

async function compare(a, b, ids) {
  const sa = await a.stats('x');
  const sb = await b.stats('x');
  assert.deepEqual(sb, sa, 'every count');
  for (const id of ids) {
    assert.deepEqual(await b.getArticle(id), await a.getArticle(id), `article ${id}`);
    assert.deepEqual(await b.getAnalysis(id), await a.getAnalysis(id), `analysis of ${id}`);
  }
  assert.deepEqual(await b.listClusters(50), await a.listClusters(50), 'clusters');
  const events = async (s) => (await s.listEvents({ limit: 30, countedOnly: false })).items;
  assert.deepEqual(await events(b), await events(a), 'events, newest first');
  const hits = async (s) => (await s.searchArticles(parseSearchQuery('killed OR storm'), { limit: 100 })).map((h) => h.id).sort();
  assert.deepEqual(await hits(b), await hits(a), 'full-text search finds the same articles');
  assert.deepEqual(await b.getActor((await a.listActors({ limit: 1 })).items[0].id), await a.getActor((await a.listActors({ limit: 1 })).items[0].id));
}

test('copy: SQLite → PostgreSQL → SQLite keeps every article, analysis, actor and cluster', { skip: problem ?? false, timeout: 180000 }, async () => {
  after(dropTestSchemas);
  const slice = join(dir, 'slice.jsonl');
  const lines = readFileSync(join(SHARED, 'corpora/wikipedia-current-events/2014.jsonl'), 'utf8').split('\n').slice(0, 80);
  lines.push(JSON.stringify({ id: 'storm-1', published: '2024-02-01', source: 'Island Times', text: STORY }));
  lines.push(JSON.stringify({ id: 'storm-2', published: '2024-02-01', url: 'https://www.example.org/a', text: STORY }));
  writeFileSync(slice, lines.join('\n') + '\n');
  const sqlite = join(dir, 'source.db');
  const ingest = brink(['ingest', '--db', sqlite, slice]);
  assert.equal(ingest.status, 0, ingest.stderr);

  const url = freshSchemaUrl();
  const up = brink(['copy', '--from', sqlite, '--to', url, '--batch', '7']);
  assert.equal(up.status, 0, up.stderr);
  assert.match(up.stderr, /82 articles/);
  const again = brink(['copy', '--from', sqlite, '--to', url]);
  assert.equal(again.status, 1, 'a non-empty target is refused');
  assert.match(again.stderr, /not empty/);

  // brink export gives the same bytes from the SQLite store and from its PostgreSQL copy.
  for (const format of ['jsonl', 'csv']) {
    const fromSqlite = brink(['export', '--format', format, '--db', sqlite]);
    const fromPostgres = brink(['export', '--format', format, '--db', url]);
    assert.equal(fromSqlite.status, 0, fromSqlite.stderr);
    assert.equal(fromPostgres.status, 0, fromPostgres.stderr);
    assert.ok(fromSqlite.stdout.split('\n').length > 10, `${format}: events to compare`);
    assert.equal(fromPostgres.stdout, fromSqlite.stdout, `brink export --format ${format}`);
  }

  const back = join(dir, 'back.db');
  const down = brink(['copy', '--from', url, '--to', back]);
  assert.equal(down.status, 0, down.stderr);

  const ids = JSON.parse('[' + lines.filter(Boolean).map((l) => JSON.stringify(JSON.parse(l).id)).join(',') + ']').filter((_, i) => i % 7 === 0 || i >= 80);
  const a = await openStore(sqlite);
  const b = await openStore(url);
  const c = await openStore(back);
  try {
    assert.equal((await b.getArticle('storm-2')).duplicateOf, 'storm-1');
    assert.ok((await a.stats('x')).events > 10, 'the slice has events to compare');
    await compare(a, b, ids);
    await compare(a, c, ids);
    // The copy is a working store: new articles get fresh rowids, and near-duplicates of copied ones are found.
    const more = await b.addArticles([{ article: { ...(await a.getArticle('storm-1')), id: 'storm-3' }, contentHash: 'h', lang: 'en' }]);
    assert.equal(more[0].status, 'duplicate');
  } finally {
    await a.close();
    await b.close();
    await c.close();
  }
});
