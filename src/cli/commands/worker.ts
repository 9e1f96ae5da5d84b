import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION } from '../db-option.js';
import { openPostgresStore, type PostgresStore } from '../../store/postgres/postgres-store.js';
import { n } from '../progress.js';
import { dbLocation } from '../../store/open-store.js';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { extractArticle } from '../../pipeline/extract-article.js';
import { CODER } from '../../pipeline/version.js';
import { DEFAULT_STALE_SECONDS, openQueue, QueueError, type AnalysisQueue, type JobInfo } from '../../queue/analysis-queue.js';
import { analyseBatch } from '../../queue/analyse-batch.js';

/**
 * Jobs in flight per process: while one job's batch is written (the database's CPU, this process
 * waits), the other's articles are analysed (this process's CPU). Each job holds up to --job-size
 * articles, so two keep both busy; more would only hold more jobs locked.
 */
const JOBS_PER_PROCESS = 2;
const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));

/**
 * Node flags of worker processes that take every core. V8 compiles hot code again on background
 * threads, and in the analysis that is about a third of a process's CPU time: a lone worker gets it
 * from an otherwise idle core, but with a process on every core those threads only take turns with
 * the other workers. Each process then keeps to one thread (two processes on two cores analysing
 * 20,000 items each: 12.5 s instead of 14.6 s).
 */
function workerProcessFlags(processes: number, cores = availableParallelism()): string[] {
  return processes >= cores ? ['--single-threaded'] : [];
}

/** Analysis is CPU-bound JavaScript: N at once means N processes, one per core. */
async function runProcesses(count: number, argv: string[]): Promise<number> {
  const children: ChildProcess[] = [];
  const rest = argv.filter((_, i) => argv[i] !== '--concurrency' && argv[i - 1] !== '--concurrency' && !argv[i]!.startsWith('--concurrency='));
  const flags = workerProcessFlags(count);
  for (let i = 0; i < count; i++) {
    children.push(spawn(process.execPath, [...flags, MAIN, 'worker', ...rest, '--concurrency', '1'], { stdio: 'inherit' }));
  }
  const forward = (signal: NodeJS.Signals) => {
    for (const c of children) if (c.exitCode === null) c.kill(signal);
  };
  process.on('SIGTERM', forward);
  process.on('SIGINT', forward);
  const codes = await Promise.all(children.map((c) => new Promise<number>((resolve) => c.on('exit', (code) => resolve(code ?? 1)))));
  process.off('SIGTERM', forward);
  process.off('SIGINT', forward);
  return Math.max(...codes);
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'analyse queued articles (PostgreSQL work queue; run on as many machines as you like)',
  help: `Usage: brink worker [options]

Takes analysis jobs queued by "brink ingest --queue" from the PostgreSQL store's work queue and
runs the pipeline (${CODER}) on each of a job's articles; their results replace the articles'
previous ones in one transaction per job. Start workers on any number of machines against the same
--db. A failing job is retried with exponential backoff; an article that fails within a job of many
is split off into a job of its own (the others are stored), and after its last attempt it lands in
"brink jobs failed" with the reason.

SIGTERM or Ctrl-C stops gracefully: running jobs finish, nothing new is taken. A worker killed
outright leaves no partial article; its jobs are unlocked and retried by the other workers once its
heartbeat has been silent for --stale-seconds.

Options:
${DB_HELP.replace('PATH', 'URL ')}
  --concurrency N     worker processes on this machine (default 1; analysis uses one core each)
  --stale-seconds S   unlock the jobs of a worker silent this long (default ${DEFAULT_STALE_SECONDS})
  -h, --help          show this help

Examples:
  brink worker --db postgres://brink@db.example.org/news --concurrency 8
  BRINK_DB=postgres://localhost/news brink worker`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      ...DB_OPTION,
      concurrency: { type: 'string' },
      'stale-seconds': { type: 'string' },
    });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency must be a whole number ≥ 1');
    const stale = values['stale-seconds'] === undefined ? DEFAULT_STALE_SECONDS : Number(values['stale-seconds']);
    if (!(stale > 0)) throw new UsageError('--stale-seconds must be a positive number');
    if (concurrency > 1) return runProcesses(concurrency, argv);

    const location = dbLocation(values.db as string | undefined);
    let store: PostgresStore;
    let queue: AnalysisQueue;
    try {
      queue = await openQueue(location);
    } catch (err) {
      if (err instanceof QueueError) throw new UsageError(err.message);
      process.stderr.write(`brink worker: cannot open the work queue at ${location}: ${(err as Error).message}\n`);
      return 1;
    }
    try {
      store = await openPostgresStore(location, JOBS_PER_PROCESS + 2);
    } catch (err) {
      await queue.close();
      process.stderr.write(`brink worker: cannot open database ${location}: ${(err as Error).message}\n`);
      return 1;
    }
    const pipeline = createPipeline();
    let analysed = 0;
    let skipped = 0;
    let failures = 0;
    const handle = async (ids: string[], job: JobInfo) => {
      const outcome = await analyseBatch(store, ids, (article) => extractArticle(article, pipeline), CODER);
      analysed += outcome.analysed;
      skipped += outcome.skipped;
      if (outcome.failed.length === 0) return;
      failures += outcome.failed.length;
      // A job of one article fails (and is retried, then listed); a batch stores the others and
      // hands each failing article on to a job of its own.
      if (ids.length === 1) throw new Error(outcome.failed[0]!.reason);
      await queue.enqueue(outcome.failed.map((f) => f.id), { jobSize: 1, maxAttempts: job.maxAttempts });
      for (const f of outcome.failed) process.stderr.write(`worker ${process.pid}: job ${job.id}: ${f.reason}; retried as a job of its own\n`);
    };
    const started = Date.now();
    const report = () => {
      const cpu = process.cpuUsage();
      return `worker ${process.pid}: ${n(analysed)} analysed, ${n(skipped)} skipped, ${n(failures)} failed in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`;
    };
    const running = await queue.start(handle, { concurrency: JOBS_PER_PROCESS, staleSeconds: stale, host: hostname() });
    process.stderr.write(`worker ${process.pid}: analysing queued articles of ${store.location} (${CODER})\n`);
    const progress = setInterval(() => process.stderr.write(report() + '\n'), 30000);
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second signal: leave now; the transaction of a running job rolls back, its job is retried.
        process.stderr.write(`worker ${process.pid}: ${signal} again, exiting at once\n`);
        process.exit(130);
      }
      stopping = true;
      process.stderr.write(`worker ${process.pid}: ${signal}, finishing running jobs\n`);
      void running.stop();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    try {
      await running.promise;
    } finally {
      clearInterval(progress);
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      await queue.close();
      await store.close();
    }
    process.stderr.write(report() + '\n');
    return 0;
  },
};
