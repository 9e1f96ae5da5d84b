// Development runner for the event coder: JSONL articles on stdin ({id,text,published}) → extract JSONL.
// Uses the full pipeline when it loads; when another stage's model is missing (work in progress), runs the
// events stage alone so the coder can be scored: node scripts/events-dev.mjs < articles.jsonl
import { createInterface } from 'node:readline';
import { createPipeline } from '../dist/pipeline/create-pipeline.js';
import { createEventStage } from '../dist/coding/create-event-stage.js';
import { extractArticle } from '../dist/pipeline/extract-article.js';

let pipeline;
try {
  pipeline = createPipeline();
} catch (e) {
  process.stderr.write(`events-dev: full pipeline unavailable (${String(e.message).split('\n')[0]}); events stage only\n`);
  pipeline = { stages: [createEventStage()] };
}
const out = [];
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  const article = { id: String(r.id), url: null, source: null, title: r.title ?? null, published: r.published ?? null,
    publishedAt: null, publishedEstimated: false, text: r.text, origin: 'stdin', format: 'jsonl' };
  out.push(JSON.stringify(extractArticle(article, pipeline)));
}
process.stdout.write(out.join('\n') + '\n');
