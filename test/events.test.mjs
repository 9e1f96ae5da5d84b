// End-to-end checks of the event coder on the seed dump (../shared/seed): its two articles are read as the
// text reader reads them, then fed to `brink extract --format jsonl -` as JSONL, each with its own
// publication date (first 2024-08-05, second 2025-01-14), so that event dates can be asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readInputs } from '../dist/ingest/read-inputs.js';
import { brink, contractProblems, HAS_SHARED, SHARED } from './helpers/contract.mjs';

const SEED = join(SHARED, 'seed/000_93d19e1e76ca8afd.txt');
const PUBLISHED = ['2024-08-05', '2025-01-14'];

async function seedRecords() {
  const lines = [];
  for await (const item of readInputs([SEED], { format: 'auto', published: null, fields: {} })) {
    if (item.kind !== 'article') continue;
    const n = lines.length;
    lines.push(JSON.stringify({ id: `seed-${n + 1}`, title: item.article.title, text: item.article.text, published: PUBLISHED[n] }));
  }
  const { status, records, stderr } = brink(['extract', '--format', 'jsonl', '-'], { input: lines.join('\n') + '\n' });
  assert.equal(status, 0, stderr);
  return records;
}

const country = (arg) => arg?.actor?.country ?? null;
const counted = (e) => e.modality === 'asserted' || e.modality === 'future';
const find = (events, plover, src, tgt, extra = () => true) =>
  events.filter((e) => e.plover === plover && (src === null || country(e.source) === src) &&
    (tgt === null || country(e.target) === tgt) && counted(e) && extra(e));
const sentenceOf = (r, e) => r.text.slice(e.evidence.start, e.evidence.end);
const show = (r) => r.events.map((e) => `${e.plover ?? e.cameo} ${country(e.source)}>${country(e.target)} ${e.date} ${e.modality} "${e.trigger.text}"`).join('\n');

test('seed: the coded events of both articles, with their dates', { skip: !HAS_SHARED }, async () => {
  const [a, b] = await seedRecords();
  assert.ok(a && b);
  for (const r of [a, b]) assert.deepEqual(contractProblems(r), []);

  // Article 1 (published Monday 2024-08-05).
  const consult = find(a.events, 'CONSULT', 'RUS', 'IRN', (e) => e.date === '2024-08-05' && e.datePrecision === 'day');
  assert.ok(consult.length > 0, `Russia–Iran talks on 2024-08-05\n${show(a)}`);
  assert.ok(consult.some((e) => /Putin/.test(e.source.text) || /Shoigu/.test(e.source.text)), 'the source is the Putin ally (Shoigu)');
  assert.ok(a.events.some((e) => e.plover === 'CONSULT' && e.location?.country === 'IRN'), 'talks in Tehran');
  assert.ok(find(a.events, 'ACCUSE', 'RUS', null).length > 0, 'Russia condemns the killing');
  assert.ok(find(a.events, 'REQUEST', 'RUS', null).length > 0, 'Russia calls on all parties');
  assert.ok(find(a.events, 'ACCUSE', 'IRN', 'ISR').length > 0, `Iran blames Israel\n${show(a)}`);
  assert.ok(find(a.events, 'THREATEN', 'IRN', 'ISR').length > 0, 'Iran will punish Israel');
  assert.ok(find(a.events, 'ASSAULT', 'ISR', 'LBN', (e) => e.date === '2024-W31' && e.datePrecision === 'week').length > 0,
    `Israeli strike on Hezbollah last week (2024-W31)\n${show(a)}`);
  assert.ok(find(a.events, 'AID', 'IRN', 'RUS', (e) => e.date === '2024-02' && e.datePrecision === 'month').length > 0,
    `Iran sent missiles to Russia in February\n${show(a)}`);
  assert.ok(a.events.some((e) => e.plover === 'CONSULT' && e.modality === 'future'), 'Shoigu will meet Pezeshkian');
  const negated = a.events.find((e) => e.trigger.text === 'claimed');
  assert.equal(negated?.modality, 'negated', 'Israel has not claimed responsibility');

  // Article 2 (published Tuesday 2025-01-14).
  const talks = (src, tgt) => find(b.events, 'CONSULT', src, tgt, (e) => e.date === '2025-01-13' && e.location?.country === 'CHE');
  assert.ok(talks('IRN', 'EUR').length > 0 && talks('EUR', 'IRN').length > 0, `Iran–E3 talks in Geneva on Monday, both ways\n${show(b)}`);
  assert.ok(find(b.events, 'SANCTION', 'USA', 'IRN', (e) => e.date === '2018' && e.datePrecision === 'year').length > 0,
    `the US reimposed sanctions on Iran in 2018\n${show(b)}`);
  assert.ok(find(b.events, 'THREATEN', 'IRN', null, (e) => e.date === '2024-12').length > 0, `Iran warned in December\n${show(b)}`);
  assert.ok(find(b.events, 'THREATEN', 'EUR', null, (e) => e.date === '2024-12').length > 0, `the E3 warned in December\n${show(b)}`);

  // No event from the photo captions, and every event carries the contract's fields.
  for (const r of [a, b]) {
    for (const e of r.events) {
      assert.doesNotMatch(sentenceOf(r, e), /attends a meeting with graduates|briefs Iran|\((AFP|Reuters|AP)\)/);
      assert.match(e.id, /^v\d+$/);
      assert.match(e.cameo, /^\d{2,4}$/);
      assert.match(e.coder, /^brink-/);
      assert.ok(e.rule.includes('.'));
      assert.ok(e.date, 'every event has a date');
    }
  }
});
