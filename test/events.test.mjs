// End-to-end checks of the event coder on the seed dump (../shared/seed, read as the text reader reads it).
// Dates are asserted only where the times stage is present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../dist/ingest/read-inputs.js';
import { createPipeline } from '../dist/pipeline/create-pipeline.js';
import { createEventStage } from '../dist/coding/create-event-stage.js';
import { extractArticle } from '../dist/pipeline/extract-article.js';

const seed = new URL('../../shared/seed/000_93d19e1e76ca8afd.txt', import.meta.url).pathname;

async function seedRecords() {
  let pipeline;
  try {
    pipeline = createPipeline();
  } catch {
    // Another stage's model is not built here: the coder still runs on the base layer and its own names.
    pipeline = { stages: [createEventStage()] };
  }
  const out = [];
  for await (const item of readInputs([seed], { format: 'auto', published: '2024-08-05', fields: {} })) {
    if (item.kind === 'article') out.push(extractArticle(item.article, pipeline));
  }
  return out;
}

const country = (arg) => arg?.actor?.country ?? null;
const has = (events, plover, src, tgt) =>
  events.some((e) => e.plover === plover && (src === null || country(e.source) === src) && (tgt === null || country(e.target) === tgt) &&
    (e.modality === 'asserted' || e.modality === 'future'));

test('seed: the coded events of both articles', async () => {
  const [a, b] = await seedRecords();
  assert.ok(a && b);
  assert.ok(has(a.events, 'ACCUSE', 'RUS', null), 'Russia condemns the killing');
  assert.ok(has(a.events, 'REQUEST', 'RUS', null), 'Russia calls on all parties');
  assert.ok(has(a.events, 'ACCUSE', 'IRN', 'ISR'), 'Iran blames Israel');
  assert.ok(has(a.events, 'THREATEN', 'IRN', 'ISR'), 'Iran will punish Israel');
  assert.ok(has(a.events, 'ASSAULT', 'ISR', 'LBN'), 'Israeli strike kills a Hezbollah commander');
  assert.ok(has(a.events, 'AID', 'IRN', 'RUS'), 'Iran provided Russia with missiles');
  assert.ok(a.events.some((e) => e.plover === 'CONSULT' && e.modality === 'future'), 'Shoigu will meet Pezeshkian');
  assert.ok(has(b.events, 'CONSULT', 'IRN', 'EUR') && has(b.events, 'CONSULT', 'EUR', 'IRN'), 'Iran–E3 talks, both ways');
  assert.ok(b.events.some((e) => e.plover === 'CONSULT' && e.location?.name === 'Geneva'), 'talks in Geneva');
  assert.ok(has(b.events, 'SANCTION', 'USA', 'IRN'), 'the US reimposed sanctions on Iran');
  assert.ok(has(b.events, 'THREATEN', 'IRN', null), 'Iran warned it would leave the NPT');
  const negated = a.events.find((e) => e.trigger.text === 'claimed');
  assert.equal(negated?.modality, 'negated');
  // No event from the photo captions: every event's sentence is in the body, after the title.
  for (const r of [a, b]) for (const e of r.events) assert.ok(!/attends a meeting with graduates|briefs Iran/.test(r.text.slice(e.evidence.start, e.evidence.end)));
  for (const r of [a, b]) for (const e of r.events) {
    assert.match(e.id, /^v\d+$/);
    assert.match(e.cameo, /^\d{2,4}$/);
    assert.match(e.coder, /^brink-/);
    assert.ok(e.rule.includes('.'));
  }
  if (a.times.length > 0) {
    assert.ok(a.events.some((e) => e.plover === 'ASSAULT' && country(e.source) === 'ISR' && /^2024-(W31|07-2\d|07-3\d|08-0\d)/.test(e.date ?? '')));
    assert.ok(b.events.some((e) => e.plover === 'SANCTION' && e.date?.startsWith('2018')));
  }
});
