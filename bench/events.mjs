// bench/events: the events stage alone, over states the rest of the pipeline prepared for a slice of the
// State Department releases (../shared/corpora). On a shared machine the whole-pipeline bench swings with
// load; here the events stage is timed several times over the same states next to the base layer, so
// the ratio events/base is stable. Usage: node bench/events.mjs [--limit N] [--rounds R]  (build first)
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../dist/ingest/read-inputs.js';
import { createPipeline } from '../dist/pipeline/create-pipeline.js';
import { extractArticle } from '../dist/pipeline/extract-article.js';
import { analyzeBase } from '../dist/nlp/analyze-base.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '../shared/corpora/state-department-2021-2022');
const arg = (name, dflt) => (process.argv.indexOf(name) > 0 ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const limit = arg('--limit', 300);
const rounds = arg('--rounds', 5);

const pipeline = createPipeline();
const events = pipeline.stages.find((s) => s.name === 'events');
const states = [];
// Keep each article's state as the events stage sees it.
pipeline.stages = pipeline.stages.map((s) => (s === events ? { name: 'events', run: (state) => { states.push(state); s.run(state); } } : s));
const articles = [];
for await (const item of readInputs([corpus], { format: 'auto', published: null, fields: {} })) {
  if (item.kind === 'article' && articles.length < limit) articles.push(item.article);
}
for (const a of articles) extractArticle(a, pipeline);

let t = performance.now();
for (const a of articles) analyzeBase(a.text);
const baseMs = (performance.now() - t) / articles.length;
let best = Infinity;
let count = 0;
for (let r = 0; r < rounds; r++) {
  t = performance.now();
  count = 0;
  for (const s of states) {
    events.run(s);
    count += s.events.length;
  }
  best = Math.min(best, (performance.now() - t) / states.length);
}
console.log(`bench/events: ${states.length} articles, ${count} events; events=${best.toFixed(3)} ms/article (best of ${rounds}), ` +
  `base=${baseMs.toFixed(3)} ms/article; events/base=${(best / baseMs).toFixed(2)}`);
