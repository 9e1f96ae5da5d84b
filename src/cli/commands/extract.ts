import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { writeLine } from '../write-lines.js';
import { INPUT_HELP, INPUT_OPTIONS, readOptionsFrom } from '../input-options.js';
import { readInputs } from '../../ingest/read-inputs.js';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { extractArticle } from '../../pipeline/extract-article.js';
import { NearDuplicateIndex } from '../../dedupe/near-duplicate-index.js';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'analyse articles and write the extraction contract as JSON Lines (no database)',
  help: `Usage: brink extract [options] [PATH|- ...]

Reads files, folders (recursively) or stdin (-) and writes one JSON object per article
(schema 1 of the extraction contract) to stdout. Needs no database and no network.

Options:
${INPUT_HELP}
  --out FILE          write to FILE instead of stdout
  -h, --help          show this help

Exit codes: 0 all input read; 1 some input unreadable (one line per problem on stderr); 2 bad usage.

Examples:
  brink extract examples/
  brink extract --published 2024-08-05 article.txt
  cat articles.jsonl | brink extract --format jsonl - > out.jsonl`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      ...INPUT_OPTIONS,
      out: { type: 'string' },
    });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    const readOptions = readOptionsFrom(values);
    if (positionals.length === 0) throw new UsageError('no input: give one or more paths, or - for stdin');
    const out: Writable = values.out ? createWriteStream(values.out as string) : process.stdout;
    const pipeline = createPipeline();
    let failed = 0;
    // Near-duplicates of an earlier article of this run get its id in `duplicateOf` (still analysed in full).
    const duplicates = new NearDuplicateIndex();
    for await (const item of readInputs(positionals, readOptions)) {
      if (item.kind === 'error') {
        failed++;
        process.stderr.write(`${item.where}: ${item.reason}\n`);
        continue;
      }
      let line: string;
      try {
        const record = extractArticle(item.article, pipeline);
        record.duplicateOf = duplicates.checkAndAdd(record.id, record.text, record.contentHash);
        line = JSON.stringify(record);
      } catch (err) {
        failed++;
        process.stderr.write(`${item.article.origin}: analysis failed: ${(err as Error).message}\n`);
        continue;
      }
      await writeLine(out, line);
    }
    if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve));
    return failed > 0 ? 1 : 0;
  },
};
