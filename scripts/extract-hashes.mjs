// For refactors meant to change nothing: one line per article with a hash of its whole extraction (JSON),
// over a fixed slice of ../shared/corpora (2,500 State Department releases, 2,500 Kremlin items and the
// Current Events items of 2015 and 2024, 7,849 articles). Two builds that extract the same write the same file:
//   node scripts/extract-hashes.mjs > before.txt   (build, change, build)   node scripts/extract-hashes.mjs | cmp before.txt -
// A developer tool (reads ../shared), run after `npm run build`.
import { createHash } from 'node:crypto';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../dist/ingest/read-inputs.js';
import { createPipeline } from '../dist/pipeline/create-pipeline.js';
import { extractArticle } from '../dist/pipeline/extract-article.js';

const corpora = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), '../shared/corpora');
const slices = ['state-department-2021-2022', 'kremlin-2021-2022', 'wikipedia-current-events/2015.jsonl', 'wikipedia-current-events/2024.jsonl'];
const PER_SLICE = 2500;

const pipeline = createPipeline();
const lines = [];
for (const slice of slices) {
  let n = 0;
  for await (const item of readInputs([join(corpora, slice)], { format: 'auto', published: null, fields: {} })) {
    if (item.kind !== 'article') continue;
    if (++n > PER_SLICE) break;
    const record = extractArticle(item.article, pipeline);
    lines.push(`${item.article.id} ${createHash('sha1').update(JSON.stringify(record)).digest('hex').slice(0, 16)}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
