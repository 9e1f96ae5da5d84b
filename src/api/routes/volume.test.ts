import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedEvent, ExtractRecord } from '../../domain/types.js';
import { contentHash } from '../../pipeline/extract-article.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { createApp } from '../create-app.js';

// /api/volume over a store of three one-event articles written here: two in one ISO week, one
// three weeks later, so the series must hold the two empty weeks between them as zeros.

const dir = mkdtempSync(join(tmpdir(), 'brink-volume-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function record(id: string, published: string, text: string, cameo: string): ExtractRecord {
  const side = (name: string, c: string) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name, actor: { id: `country:${c}`, name, code: c, country: c } };
  };
  const event: CodedEvent = {
    id: 'v1', sentence: 0, evidence: { start: 0, end: text.length }, trigger: { start: 8, end: 12, text: text.slice(8, 12) },
    source: side('Norland', 'NOR'), target: side('Sweland', 'SWE'), cameo, plover: null, mode: null, context: [], goldstein: 1, quadclass: 1,
    modality: 'asserted', reported: false, date: published, datePrecision: 'day', location: null, size: null, rule: 'test.rule', coder: 'test', confidence: 1,
  };
  return {
    schema: 1, id, contentHash: contentHash(text), url: null, source: null, title: null, published, publishedAt: null, publishedEstimated: false,
    lang: 'en', text, sentences: [{ start: 0, end: text.length }], entities: [], times: [], quotes: [], events: [event], duplicateOf: null,
  };
}

test('/api/volume: corpus clusters by period with empty periods kept, bad parameters are 400s', async () => {
  const store = openSqliteStore(join(dir, 'v.db'));
  const rows = [
    record('a', '2024-03-04', 'Norland pays Sweland a visit on Monday.', '042'),
    record('b', '2024-03-06', 'Norland asks Sweland for more grain on Wednesday.', '020'),
    record('c', '2024-03-27', 'Norland thanks Sweland for the help it sent.', '051'),
  ];
  for (const r of rows) {
    const article = { id: r.id, url: null, source: null, title: null, published: r.published, publishedAt: null, publishedEstimated: false, text: r.text, origin: `t:${r.id}`, format: 'jsonl' as const };
    await store.addArticles([{ article, contentHash: r.contentHash, lang: 'en' }]);
    await store.saveAnalysis(r, 'test');
  }
  const app = createApp({ store, version: 'test' });
  const weeks = (await (await app.request('/api/volume')).json()) as { by: string; points: Array<{ period: string; clusters: number }> };
  assert.equal(weeks.by, 'week');
  assert.deepEqual(weeks.points, [
    { period: '2024-W10', clusters: 2 },
    { period: '2024-W11', clusters: 0 },
    { period: '2024-W12', clusters: 0 },
    { period: '2024-W13', clusters: 1 },
  ]);
  const months = (await (await app.request('/api/volume?by=month&from=2024-03-05')).json()) as { points: Array<{ period: string; clusters: number }> };
  assert.deepEqual(months.points, [{ period: '2024-03', clusters: 2 }]);
  assert.equal((await app.request('/api/volume?by=year')).status, 400);
  assert.equal((await app.request('/api/volume?from=2024-13-01')).status, 400);
  await store.close();
});
