// bench/ner: tagging speed of the named-entity tagger alone (features + Viterbi + spans), on one core,
// over the State Department releases in ../shared/corpora (base layer computed beforehand, not timed).
// Usage: node bench/ner.mjs [--limit N]   (run `npm run build` first)
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../dist/ingest/read-inputs.js';
import { analyzeBase } from '../dist/nlp/analyze-base.js';
import { loadNerModel } from '../dist/nlp/ner/load-ner-model.js';
import { tagEntities } from '../dist/nlp/ner/tag-entities.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '../shared/corpora/state-department-2021-2022');
const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : 500;

const t0 = performance.now();
const model = loadNerModel();
const loadMs = performance.now() - t0;
const docs = [];
for await (const item of readInputs([corpus], { format: 'auto', published: null, fields: {} })) {
  if (item.kind === 'article' && docs.length < limit) docs.push(analyzeBase(item.article.text));
}
const tokens = docs.reduce((a, d) => a + d.tokens.length, 0);
for (const d of docs.slice(0, 50)) tagEntities(d, model); // warm up the JIT
let found = 0;
const start = performance.now();
const cpu0 = process.cpuUsage();
for (const d of docs) found += tagEntities(d, model).length;
const seconds = (performance.now() - start) / 1000;
// CPU time of this process as well: on a shared, busy machine wall time mostly measures the others.
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `bench/ner: ${docs.length} articles, ${tokens} tokens in ${seconds.toFixed(2)} s = ${Math.round(tokens / seconds)} tokens/s ` +
    `(${((seconds * 1000) / docs.length).toFixed(3)} ms/article); CPU time ${cpuSeconds.toFixed(2)} s = ` +
    `${Math.round(tokens / cpuSeconds)} tokens/s (${((cpuSeconds * 1000) / docs.length).toFixed(3)} ms/article); ` +
    `load ${loadMs.toFixed(0)} ms; ${found} entities`,
);
