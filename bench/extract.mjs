// bench/extract: the whole extraction pipeline over a pinned slice of ../shared/corpora
// (the 2,032 State Department releases, 2021–22). Prints one result line:
// articles/s, peak RSS, and milliseconds per article for each pipeline stage.
// Usage: node bench/extract.mjs [--limit N]   (run `npm run build` first)
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../dist/ingest/read-inputs.js';
import { createPipeline } from '../dist/pipeline/create-pipeline.js';
import { extractArticle } from '../dist/pipeline/extract-article.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '../shared/corpora/state-department-2021-2022');
const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;

const t0 = performance.now();
const pipeline = createPipeline();
const loadMs = performance.now() - t0;
const articles = [];
for await (const item of readInputs([corpus], { format: 'auto', published: null, fields: {} })) {
  if (item.kind === 'article' && articles.length < limit) articles.push(item.article);
}
const timings = new Map();
let chars = 0;
let entities = 0, times = 0, quotes = 0, events = 0;
const start = performance.now();
const cpuStart = process.cpuUsage();
// The second half's rate too: the first articles also pay for V8 compiling the analysis code, which a long
// run spreads thin.
const half = Math.floor(articles.length / 2);
let halfStart = start;
for (const [k, a] of articles.entries()) {
  if (k === half) halfStart = performance.now();
  const r = extractArticle(a, pipeline, timings);
  chars += a.text.length;
  entities += r.entities.length;
  times += r.times.length;
  quotes += r.quotes.length;
  events += r.events.length;
  JSON.stringify(r);
}
const end = performance.now();
const seconds = (end - start) / 1000;
const secondHalf = (articles.length - half) / ((end - halfStart) / 1000);
const cpu = process.cpuUsage(cpuStart);
// CPU time too: on a shared machine wall time includes waiting for the core (GC threads count in both).
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const perStage = [...timings].map(([k, v]) => `${k}=${(v / articles.length).toFixed(2)}`).join(' ');
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `bench/extract: ${articles.length} articles (${(chars / 1e6).toFixed(1)} M chars) in ${seconds.toFixed(1)} s = ${(articles.length / seconds).toFixed(0)} articles/s ` +
    `(CPU ${cpuSeconds.toFixed(1)} s = ${(articles.length / cpuSeconds).toFixed(0)} articles per CPU-second; ` +
    `second half ${secondHalf.toFixed(0)} articles/s); ` +
    `peak RSS ${rssMb.toFixed(0)} MB; load ${loadMs.toFixed(0)} ms; ms/article: ${perStage}; ` +
    `found ${entities} entities, ${times} times, ${quotes} quotes, ${events} events`,
);
