import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActorRef, CodedEvent, ExtractRecord } from '../domain/types.js';
import { contentHash } from '../pipeline/extract-article.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createApp } from './create-app.js';
import { OPENAPI } from './openapi.js';

// The API over a small store built from records written here: 70 days of background events
// between made-up countries, then a sudden conflict between Rurland (RRR) and Ulvia (UUU).

const dir = mkdtempSync(join(tmpdir(), 'brink-api-'));
let store: Store;
let app: ReturnType<typeof createApp>;

const actor = (c: string): ActorRef => ({ id: `country-${c.toLowerCase()}`, name: `Land ${c}`, code: `${c}GOV`, country: c });
const DAY = 86_400_000;
const dayAt = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * DAY).toISOString().slice(0, 10);

function event(id: string, text: string, src: string, tgt: string, cameo: string, quadclass: number, extra: Partial<CodedEvent> = {}): CodedEvent {
  const s = text.indexOf(`Land ${src}`);
  const t = text.indexOf(`Land ${tgt}`, s + 1);
  const plover: Record<string, string> = { '04': 'CONSULT', '19': 'ASSAULT', '11': 'ACCUSE', '05': 'COOPERATE' };
  return {
    id, sentence: 0, evidence: { start: 0, end: text.length }, trigger: { start: s + 7, end: s + 12, text: text.slice(s + 7, s + 12) },
    source: { start: s, end: s + 6, text: `Land ${src}`, actor: actor(src) }, target: { start: t, end: t + 6, text: `Land ${tgt}`, actor: actor(tgt) },
    cameo, plover: plover[cameo.slice(0, 2)] ?? null, mode: null, context: [], goldstein: quadclass >= 3 ? -9 : 3, quadclass,
    modality: 'asserted', reported: false, date: null, datePrecision: null, location: null, size: null, rule: `test.${cameo}`, coder: 'brink-test', confidence: 0.9,
    ...extra,
  };
}

async function addArticle(id: string, published: string, text: string, events: CodedEvent[], title: string | null = null): Promise<void> {
  const article = { id, text, url: `https://news.example/${id}`, source: 'Example News', title, published, publishedAt: null, publishedEstimated: false, origin: `api-test:${id}`, format: 'jsonl' as const };
  await store.addArticles([{ article, contentHash: contentHash(text), lang: 'en' }]);
  const record: ExtractRecord = {
    schema: 1, id, contentHash: contentHash(text), url: article.url, source: article.source, title, published, publishedAt: null,
    publishedEstimated: false, lang: 'en', text, sentences: [{ start: 0, end: text.length }],
    entities: events.flatMap((v) => [v.source!, v.target!]).map((a, i) => ({ id: `e${i + 1}`, start: a.start, end: a.end, text: a.text, type: 'GPE' as const, actor: a.actor, geo: null })),
    times: [],
    quotes: [{ id: 'q1', kind: 'direct', start: 0, end: 10, text: `${id} quote about the border`, parts: [{ start: 0, end: 10 }], cue: null, speaker: { start: 0, end: 6, text: 'Land AAA', actor: actor('AAA') } }],
    events, duplicateOf: null,
  };
  await store.saveAnalysis(record, 'brink-test');
}

before(async () => {
  store = openSqliteStore(join(dir, 'api.db'));
  const bg = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
  for (let i = 0; i < 70; i++) {
    for (let k = 0; k < 2; k++) {
      const a = bg[(i + k) % 5]!;
      const b = bg[(i + k + 1 + (i % 3)) % 5]!;
      const text = `Land ${a} met Land ${b} for talks on trade, and both sides spoke of progress (${i}/${k}).`;
      const coop = (i + k) % 4 !== 0;
      await addArticle(`bg-${i}-${k}`, dayAt(i), text, [event('v1', text, a, b, coop ? '040' : '112', coop ? 1 : 3)]);
    }
  }
  for (const [i, n] of [[66, 3], [67, 2], [68, 2]] as const) {
    for (let k = 0; k < n; k++) {
      const text = `Land RRR shelled Land UUU border posts overnight, killing soldiers (${i}/${k}).`;
      await addArticle(`crisis-${i}-${k}`, dayAt(i), text, [event('v1', text, 'RRR', 'UUU', k === 0 ? '195' : '190', 4, { cameo: k === 0 ? '195' : `19${k}` })], `Shelling ${i}`);
    }
  }
  app = createApp({ store, ingestToken: 'sesame', version: 'brink-test', staticRoot: null });
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(url: string, status = 200): Promise<any> {
  const res = await app.request(url);
  const body = res.headers.get('content-type')?.startsWith('application/json') ? await res.json() : await res.text();
  assert.equal(res.status, status, `${url}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

async function bad(url: string, pattern: RegExp, status = 400): Promise<void> {
  const body = await get(url, status);
  assert.equal(typeof body.error?.code, 'string');
  assert.match(body.error.message, pattern);
}

test('stats', async () => {
  const s = await get('/api/stats');
  assert.equal(s.articles, 147);
  assert.equal(s.events, 147);
  assert.ok(s.clusters > 0);
});

test('articles: list, paging, filters, search, one article with annotations', async () => {
  const first = await get('/api/articles?limit=5');
  assert.equal(first.items.length, 5);
  assert.ok(first.next);
  const second = await get(`/api/articles?limit=5&cursor=${first.next}`);
  assert.equal(second.items.length, 5);
  assert.notEqual(second.items[0].id, first.items[0].id);
  assert.deepEqual((await get(`/api/articles?from=${dayAt(68)}`)).items.map((a: any) => a.id).sort(), ['bg-68-0', 'bg-68-1', 'bg-69-0', 'bg-69-1', 'crisis-68-0', 'crisis-68-1']);
  const found = await get('/api/articles?q=shelled');
  assert.equal(found.items.length, 7);
  assert.equal(found.next, null);
  const one = await get('/api/articles/crisis-66-0');
  assert.equal(one.events[0].cameo, '195');
  assert.equal(one.quotes.length, 1);
  assert.equal(one.entities.length, 2);
  assert.equal(one.origin, 'api-test:crisis-66-0');
  await bad('/api/articles/nope', /no article/, 404);
  await bad('/api/articles?limit=0', /limit/);
  await bad('/api/articles?limit=501', /limit/);
  await bad('/api/articles?limit=abc', /limit/);
  await bad('/api/articles?from=2024-13-45', /from/);
  await bad('/api/articles?from=2024-02-01&to=2024-01-01', /after/);
  await bad('/api/articles?cursor=%27;drop', /cursor/);
  await bad('/api/articles?cursor=-5', /cursor/);
  await bad('/api/articles?q=%22%22', /q/);
});

test('events: filters, evidence, rule, pagination; clusters', async () => {
  const crisis = await get('/api/events?pair=UUU,RRR&limit=3');
  assert.equal(crisis.items.length, 3);
  assert.ok(crisis.next);
  const rest = await get(`/api/events?pair=UUU,RRR&limit=10&cursor=${crisis.next}`);
  assert.equal(rest.items.length, 4);
  assert.equal(rest.next, null);
  const e = crisis.items[0];
  assert.match(e.evidenceText, /^Land RRR shelled Land UUU/);
  assert.match(e.rule, /^test\.19/);
  assert.equal((await get('/api/events?code=195')).items.length, 3);
  assert.equal((await get('/api/events?plover=assault&limit=100')).items.length, 7);
  assert.equal((await get('/api/events?quadclass=4')).items.length, 7);
  assert.equal((await get('/api/events?actor=RRR')).items.length, 7);
  assert.equal((await get(`/api/events?actor=country-rrr&from=${dayAt(67)}&to=${dayAt(67)}`)).items.length, 2);
  assert.equal((await get('/api/events?place=Nowhere')).items.length, 0);
  await bad('/api/events?pair=RUS', /two country codes/);
  await bad('/api/events?pair=RUSSIA,UKR', /three-letter/);
  await bad('/api/events?code=x9', /CAMEO/);
  await bad('/api/events?plover=FIGHT', /plover/);
  await bad('/api/events?quadclass=5', /quadclass/);
  await bad('/api/events?modality=maybe', /modality/);
  const clusters = await get('/api/clusters?pair=RRR,UUU');
  assert.deepEqual(clusters.items.map((c: any) => c.day), [dayAt(66), dayAt(67), dayAt(68)]);
  assert.equal(clusters.items[0].mentions, 3);
  assert.equal((await get('/api/clusters?code=19&quadclass=4')).items.length, 3);
  const paged = await get('/api/clusters?limit=2');
  assert.equal(paged.items.length, 2);
  assert.ok(paged.next);
  await bad('/api/clusters?code=190', /root/);
});

test('pairs, series and countries', async () => {
  const pairs = await get('/api/pairs?limit=100');
  assert.ok(pairs.items.some((p: any) => p.pair.join() === 'RRR,UUU' && p.clusters === 3 && p.conflict === 3));
  assert.ok((await get('/api/pairs?country=RRR')).items.every((p: any) => p.pair.includes('RRR')));
  const s = await get('/api/pairs/UUU/RRR/series?by=day');
  assert.deepEqual(s.pair, ['RRR', 'UUU']);
  assert.equal(s.by, 'day');
  assert.deepEqual(s.points.map((p: any) => p.clusters), [1, 1, 1]);
  assert.deepEqual(s.points[0].quadclass, [0, 0, 0, 1]);
  assert.equal(s.points[0].goldsteinMean, -9);
  assert.ok(s.points[0].corpusClusters >= 3);
  const weekly = await get(`/api/pairs/AAA/BBB/series?by=month&from=${dayAt(0)}&to=${dayAt(69)}`);
  assert.deepEqual(weekly.points.map((p: any) => p.period), ['2024-01', '2024-02', '2024-03']);
  assert.ok(weekly.totals.clusters > 0);
  await bad('/api/pairs/AAA/AAA/series', /two different/);
  await bad('/api/pairs/AAA/BBB/series?by=year', /by must be one of/);
  await bad('/api/pairs/AAAA/BBB/series', /three-letter/);
  const countries = await get('/api/countries');
  const rrr = countries.items.find((c: any) => c.country === 'RRR');
  assert.deepEqual([rrr.clusters, rrr.conflict, rrr.balance], [3, 3, -1]);
  const cs = await get('/api/countries/rrr/series?by=week');
  assert.equal(cs.country, 'RRR');
  assert.equal(cs.totals.clusters, 3);
});

test('actors, profile, network', async () => {
  const list = await get('/api/actors?limit=3');
  assert.equal(list.items.length, 3);
  assert.ok(list.next);
  assert.deepEqual((await get('/api/actors?name=Land%20R')).items.map((a: any) => a.id), ['country-rrr']);
  assert.deepEqual((await get('/api/actors?country=uuu')).items.map((a: any) => a.id), ['country-uuu']);
  const rrr = await get('/api/actors/country-rrr');
  assert.equal(rrr.code, 'RRRGOV');
  assert.deepEqual(rrr.aliases, [{ text: 'Land RRR', count: 7 }]);
  assert.deepEqual(rrr.roles, [{ month: '2024-03', code: 'RRRGOV', count: 7 }]);
  assert.equal(rrr.events, 7);
  await bad('/api/actors/nobody', /no actor/, 404);
  const net = await get('/api/actors/country-rrr/network');
  assert.deepEqual(net.edges.map((e: any) => [e.source, e.target, e.clusters, e.sign]), [['country-rrr', 'country-uuu', 3, -1]]);
  const all = await get('/api/network?limit=50');
  assert.ok(all.edges.length >= 5);
  assert.ok(all.edges.every((e: any) => e.sign >= -1 && e.sign <= 1));
  const byActor = await get(`/api/network?by=actor&from=${dayAt(66)}`);
  assert.ok(byActor.nodes.some((n: any) => n.id === 'country-uuu'));
  await bad('/api/network?by=planet', /by must be one of/);
});

test('quotes', async () => {
  const q = await get('/api/quotes?q=border&limit=5');
  assert.equal(q.items.length, 5);
  assert.equal(q.next, null);
  assert.equal((await get('/api/quotes?q=crisis&speaker=country-aaa')).items.length, 7);
  const paged = await get(`/api/quotes?speaker=Land%20AAA&limit=100&from=${dayAt(60)}`);
  assert.equal(paged.items.length, 27);
  assert.equal((await get('/api/quotes?speaker=nobody')).items.length, 0);
});

test('alerts: the sudden conflict raises one, in the contract shape; Atom feed', async () => {
  const { items: alerts, next } = await get('/api/alerts');
  assert.ok(Array.isArray(alerts));
  assert.equal(next, null);
  const a = alerts.find((x: any) => x.pair.join() === 'RRR,UUU');
  assert.ok(a, JSON.stringify(alerts));
  assert.deepEqual(Object.keys(a).sort(), ['end', 'events', 'pair', 'peak', 'score', 'start']);
  assert.equal(a.start, dayAt(66));
  assert.equal(a.peak, dayAt(66));
  assert.equal(a.events, 3);
  assert.equal(a.end, null, 'still running at the end of the data');
  assert.deepEqual(await get(`/api/alerts?to=${dayAt(10)}`), { items: [], next: null });
  assert.equal((await get('/api/alerts?pair=UUU,RRR')).items.length, 1);
  await bad('/api/alerts?from=yesterday', /from/);
  await bad('/api/alerts?cursor=-3', /cursor/);
  await bad('/api/alerts?limit=0', /limit/);
  const res = await app.request('/api/alerts.atom');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /atom\+xml/);
  const atom = await res.text();
  assert.match(atom, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  assert.match(atom, /<title>Escalation RRR–UUU from 2024-03-07<\/title>/);
});

test('exports: CSV, JSONL, GDELT TSV, PLOVER JSON, streamed with filters', async () => {
  const csv = await get('/api/export?format=csv&pair=RRR,UUU');
  const rows = csv.trim().split('\n');
  assert.equal(rows.length, 8);
  assert.match(rows[0], /^article_id,event_id,date/);
  assert.match(rows[1], /,"Land RRR shelled Land UUU border posts overnight, killing soldiers \(68\/1\)\."$/);
  const jsonl = (await get('/api/export?format=jsonl&quadclass=4')).trim().split('\n').map((l: string) => JSON.parse(l));
  assert.equal(jsonl.length, 7);
  assert.equal(jsonl[0].source.actor.country, 'RRR');
  const tsv = (await get('/api/export?format=gdelt&code=195')).trim().split('\n');
  assert.equal(tsv.length, 4);
  const cols = tsv[1].split('\t');
  assert.equal(cols[tsv[0].split('\t').indexOf('EventRootCode')], '19');
  assert.equal(cols[1], dayAt(68).replace(/-/g, ''));
  assert.match(cols[cols.length - 1], /^https:\/\/news\.example\/crisis-/);
  const plover = await get('/api/export?format=plover&actor=RRR');
  assert.equal(plover.length, 7);
  assert.equal(plover[0].event, 'ASSAULT');
  assert.equal(plover[0].actor_country, 'RRR');
  assert.deepEqual(await get('/api/export?format=plover&actor=ZZZ'), []);
  const all = (await get('/api/export?format=jsonl&limit=100')).trim().split('\n');
  assert.equal(all.length, 100);
  const everything = (await get('/api/export?format=jsonl&modality=all')).trim().split('\n');
  assert.equal(everything.length, 147);
  await bad('/api/export?format=xml', /format/);
});

test('ingest: 403 without a configured token, 401 without the right one, then stored', async () => {
  const readOnly = createApp({ store, version: 'brink-test' });
  const body = JSON.stringify({ id: 'posted-1', title: 'Posted', published: '2024-03-10', text: 'The council of Land AAA met on Sunday to plan the harvest fair.' });
  let res = await readOnly.request('/api/ingest', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 403);
  assert.equal(((await res.json()) as any).error.code, 'forbidden');
  res = await app.request('/api/ingest', { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' } });
  assert.equal(res.status, 401);
  res = await app.request('/api/ingest', { method: 'POST', body: '{broken', headers: { authorization: 'Bearer sesame' } });
  assert.equal(res.status, 400);
  const lines = body + '\n' + JSON.stringify({ id: 'posted-2', text: 'Farmers in Land BBB brought in a record crop this autumn.' }) + '\n' + JSON.stringify({ id: 'posted-3' });
  res = await app.request('/api/ingest', { method: 'POST', body: lines, headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer sesame' } });
  assert.equal(res.status, 200);
  const out = (await res.json()) as any;
  assert.deepEqual(out.items.map((o: any) => [o.id, o.status]), [['posted-1', 'stored'], ['posted-2', 'stored']]);
  assert.equal(out.errors.length, 1);
  assert.match(out.errors[0].error, /no text/);
  assert.equal((await get('/api/articles/posted-1')).title, 'Posted');
  assert.equal((await get('/api/stats')).articles, 149, 'the ingest refreshed the cached stats');
  res = await app.request('/api/ingest', { method: 'GET' });
  assert.equal(res.status, 404);
});

test('unknown routes are JSON 404s; the OpenAPI document lists every route', async () => {
  await bad('/api/nothing', /no route/, 404);
  const doc = await get('/api/openapi.json');
  assert.equal(doc.openapi, '3.1.0');
  const served = new Set(
    app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
  );
  const listed = new Set(Object.entries(OPENAPI.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
  assert.deepEqual([...served].sort(), [...listed].sort());
});

test('the dashboard hook serves web files when built, and the API still wins under /api', async () => {
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Brink</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  const withWeb = createApp({ store, version: 'brink-test', staticRoot: web });
  assert.match(await (await withWeb.request('/')).text(), /<title>Brink/);
  assert.match(await (await withWeb.request('/assets/app.js')).text(), /console/);
  assert.match(await (await withWeb.request('/pairs/RRR/UUU')).text(), /<title>Brink/, 'client-side routes get index.html');
  assert.equal((await withWeb.request('/api/stats')).status, 200);
  assert.equal((await withWeb.request('/api/nothing')).status, 404);
});
