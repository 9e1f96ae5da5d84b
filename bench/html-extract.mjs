#!/usr/bin/env node
// HTML main-text extraction alone (no NLP), for the extraction scorer and for speed:
//   node ../shared/tools/score-extraction.mjs --dataset trafilatura --data ../shared/dev/extraction-trafilatura-en \
//     --cmd "node bench/html-extract.mjs [--plain]"
// reads {"id","url","html"} JSON lines on stdin, writes {"id","text",...} lines, and prints one result
// line on stderr: pages, ms/page for the reader (wall, and CPU time, which a busy machine distorts less). --plain skips Brink's clean-up (Readability as it is).
import { readFileSync } from 'node:fs';
import { readHtml } from '../dist/ingest/html/read-html.js';
import { loadBoilerplateRules } from '../dist/ingest/html/load-boilerplate-rules.js';

const plain = process.argv.includes('--plain');
const rules = plain ? null : loadBoilerplateRules();
const lines = readFileSync(0, 'utf8').split('\n').filter((l) => l.trim() !== '');
let ms = 0;
let cpuUs = 0;
const out = [];
for (const line of lines) {
  const rec = JSON.parse(line);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const items = readHtml(rec.html, String(rec.id), { published: null, url: rec.url ?? null, rules });
  ms += performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpuUs += c.user + c.system;
  const a = items.find((i) => i.kind === 'article')?.article;
  out.push(JSON.stringify({ id: rec.id, text: a?.text ?? '', title: a?.title ?? null, source: a?.source ?? null, published: a?.published ?? null, url: a?.url ?? null }));
}
process.stdout.write(out.join('\n') + '\n');
console.error(`html-extract${plain ? ' --plain' : ''}: ${lines.length} pages, ${(ms / lines.length).toFixed(2)} ms/page wall, ${(cpuUs / 1000 / lines.length).toFixed(2)} ms/page CPU`);
