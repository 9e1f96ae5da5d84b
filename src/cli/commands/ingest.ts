import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { INPUT_HELP, INPUT_OPTIONS, readOptionsFrom } from '../input-options.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { n, Progress } from '../progress.js';
import { readInputs } from '../../ingest/read-inputs.js';
import type { Article } from '../../domain/types.js';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { contentHash, extractArticle, type Pipeline } from '../../pipeline/extract-article.js';
import { CODER } from '../../pipeline/version.js';
import type { NewArticle, Store } from '../../store/store.js';
import { dbLocation } from '../../store/open-store.js';
import { DEFAULT_JOB_SIZE, DEFAULT_MAX_ATTEMPTS, openQueue, QueueError, type AnalysisQueue } from '../../queue/analysis-queue.js';
import { analyseAndSave } from '../../queue/analyse-batch.js';

/** Articles per transaction: large enough to amortise commits, small enough that a kill loses little work. */
const DEFAULT_BATCH = 500;

/** The input files in the order readInputs reads them (for the progress bar only). */
function inputFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (!st.isDirectory()) {
      out.push(p);
      return;
    }
    const names = readdirSync(p).filter((x) => !x.startsWith('.')).sort((a, b) => (a < b ? -1 : 1));
    for (const name of names) walk(join(p, name));
  };
  for (const p of paths) if (p !== '-') walk(p);
  return out;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'read articles into the database (idempotent; near-duplicates marked), analysed unless --no-analyze',
  help: `Usage: brink ingest [options] PATH|- ...

Reads files, folders (recursively) or stdin (-) with the same readers as "brink extract" and stores
each article once: an article already stored (same id) is skipped, an exact or near duplicate of a
stored article (MinHash over 5-word shingles) is stored marked as a duplicate of it and not analysed.
Then runs the analysis pipeline and stores its results, unless --no-analyze. Articles are committed
in batches, so an interrupted ingest can simply be run again.

Options:
${INPUT_HELP}
${DB_HELP}
  --no-analyze        store the articles only; run "brink analyze" later
  --queue             store the articles and queue their analysis for "brink worker" (PostgreSQL only)
  --job-size N        with --queue: articles per analysis job (default ${DEFAULT_JOB_SIZE})
  --attempts N        with --queue: attempts per job before it is listed as failed (default ${DEFAULT_MAX_ATTEMPTS})
  --batch N           articles per transaction (default ${DEFAULT_BATCH})
  -h, --help          show this help

Progress goes to stderr (a bar on a terminal, a counts line every few seconds otherwise), then a
summary: read, stored, duplicates, already stored, failed. Exit codes: 0 all went well; 1 some input
was unreadable or some article could not be stored or analysed (one line each on stderr); 2 bad usage.

Examples:
  brink ingest examples/
  brink ingest --db news.db --no-analyze archive/2024/*.jsonl.gz
  curl -s https://example.org/feed.xml | brink ingest --format feed -
  BRINK_DB=news.db brink ingest --published 2024-08-05 dump.txt`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      ...INPUT_OPTIONS,
      ...DB_OPTION,
      'no-analyze': { type: 'boolean' },
      queue: { type: 'boolean' },
      batch: { type: 'string' },
      'job-size': { type: 'string' },
      attempts: { type: 'string' },
      // Hidden: prints the peak resident memory for bench/ingest.
      'report-rss': { type: 'boolean' },
    });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    const readOptions = readOptionsFrom(values);
    if (positionals.length === 0) throw new UsageError('no input: give one or more paths, or - for stdin');
    const batchSize = values.batch === undefined ? DEFAULT_BATCH : Number(values.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError('--batch must be a whole number ≥ 1');
    const analyze = !values['no-analyze'] && !values.queue;
    const whole = (name: 'job-size' | 'attempts', fallback: number) => {
      if (values[name] === undefined) return fallback;
      if (!values.queue) throw new UsageError(`--${name} goes with --queue`);
      const v = Number(values[name]);
      if (!Number.isInteger(v) || v < 1) throw new UsageError(`--${name} must be a whole number ≥ 1`);
      return v;
    };
    const jobSize = whole('job-size', DEFAULT_JOB_SIZE);
    const maxAttempts = whole('attempts', DEFAULT_MAX_ATTEMPTS);
    let queue: AnalysisQueue | null = null;
    if (values.queue) {
      try {
        queue = await openQueue(dbLocation(values.db as string | undefined));
      } catch (err) {
        if (err instanceof QueueError) throw new UsageError(err.message);
        process.stderr.write(`brink ingest: cannot open the work queue: ${(err as Error).message}\n`);
        return 1;
      }
    }

    let store: Store;
    try {
      store = await openCommandStore('ingest', values.db as string | undefined, true);
    } catch (err) {
      await queue?.close();
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    const pipeline: Pipeline | null = analyze ? createPipeline() : null;
    const files = inputFiles(positionals);
    let fileIndex = 0;
    const progress = new Progress('ingest');
    const c = { read: 0, stored: 0, duplicates: 0, exists: 0, failed: 0, analysed: 0, queued: 0, jobs: 0 };
    const problem = (line: string) => {
      progress.clear();
      process.stderr.write(line + '\n');
    };
    const counts = () =>
      `${n(c.read)} read, ${n(c.stored)} stored, ${n(c.duplicates)} duplicates, ${n(c.exists)} already stored, ${n(c.failed)} failed` +
      (analyze ? `, ${n(c.analysed)} analysed` : '') +
      (queue ? `, ${n(c.queued)} queued for analysis in ${n(c.jobs)} jobs` : '');
    const show = (force = false) => {
      const fraction = files.length > 0 ? Math.min(1, fileIndex / files.length) : null;
      progress.update(c.read, counts(), fraction, force);
    };

    // The analyses of a store batch are saved in one transaction (an article the batch cannot be
    // saved with fails alone).
    const analyse = async (articles: Article[]) => {
      const saved = await analyseAndSave(store, articles, (article) => extractArticle(article, pipeline!), CODER);
      c.analysed += saved.analysed;
      c.failed += saved.failed.length;
      for (const f of saved.failed) problem(f.reason);
    };

    // Ids waiting to fill a job (a job spans store batches when --batch is smaller than --job-size).
    let toQueue: string[] = [];
    const enqueue = async (all: boolean) => {
      const take = all ? toQueue.length : toQueue.length - (toQueue.length % jobSize);
      if (!queue || take === 0) return;
      const ids = toQueue.slice(0, take);
      c.jobs += await queue.enqueue(ids, { jobSize, maxAttempts });
      toQueue = toQueue.slice(take);
      c.queued += ids.length;
    };
    let batch: NewArticle[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const items = batch;
      batch = [];
      const outcomes = await store.addArticles(items);
      const toAnalyse: Article[] = [];
      for (let i = 0; i < outcomes.length; i++) {
        const o = outcomes[i]!;
        const article = items[i]!.article;
        if (o.status === 'stored') c.stored++;
        else if (o.status === 'duplicate') c.duplicates++;
        else if (o.status === 'exists') c.exists++;
        else {
          c.failed++;
          problem(`${article.origin}: not stored: ${o.reason}`);
        }
        // An article stored by an earlier, interrupted run may still lack its analysis.
        const needsAnalysis = o.status === 'stored' || (o.status === 'exists' && o.duplicateOf === null && o.analysedVersion !== CODER);
        if (analyze && needsAnalysis) toAnalyse.push(article);
        if (queue && needsAnalysis) toQueue.push(article.id);
      }
      if (toAnalyse.length > 0) await analyse(toAnalyse);
      await enqueue(false);
      show();
    };

    try {
      for await (const item of readInputs(positionals, readOptions)) {
        if (item.kind === 'error') {
          c.failed++;
          problem(`${item.where}: ${item.reason}`);
          continue;
        }
        const article = item.article;
        c.read++;
        while (fileIndex < files.length && !article.origin.startsWith(files[fileIndex]!)) fileIndex++;
        // The language is set by the analysis (it detects it first); --no-analyze leaves it unknown for now.
        batch.push({ article, contentHash: contentHash(article.text), lang: null });
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      await enqueue(true);
    } finally {
      await store.close();
      await queue?.close();
    }
    progress.clear();
    fileIndex = files.length;
    const seconds = progress.elapsedSeconds();
    process.stderr.write(
      `ingest: ${counts()} in ${seconds.toFixed(1)} s (${n(Math.round(progress.rate(c.read)))} articles/s) into ${store.location}\n`,
    );
    if (values['report-rss']) process.stderr.write(`ingest: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
    return c.failed > 0 ? 1 : 0;
  },
};
