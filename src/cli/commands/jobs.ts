import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION } from '../db-option.js';
import { n } from '../progress.js';
import { dbLocation } from '../../store/open-store.js';
import { openQueue, QueueError, type AnalysisQueue } from '../../queue/analysis-queue.js';

export const jobsCommand: Command = {
  name: 'jobs',
  summary: 'the PostgreSQL work queue: counts, failed jobs with their reasons, retry',
  help: `Usage: brink jobs [failed|retry] [options]

  brink jobs          analysis jobs and the articles they hold: queued, running, retrying (after a
                      failure), failed
  brink jobs failed   the failed list: jobs that used up their attempts, with their articles and the
                      last error (an article that failed in a job of many has a job of its own)
  brink jobs retry    puts every failed job back in the queue with fresh attempts

Options:
${DB_HELP.replace('PATH', 'URL ')}
  --limit N           failed jobs to list (default 100)
  --json              JSON output (an object for the counts, one object a line for failed jobs)
  -h, --help          show this help

Examples:
  brink jobs --db postgres://localhost/news
  brink jobs failed --json`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { ...DB_OPTION, json: { type: 'boolean' }, limit: { type: 'string' } });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    const [action = 'summary', ...extra] = positionals;
    if (!['summary', 'failed', 'retry'].includes(action)) throw new UsageError(`unknown action "${action}" (failed, retry)`);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number ≥ 1');
    const location = dbLocation(values.db as string | undefined);
    let queue: AnalysisQueue;
    try {
      queue = await openQueue(location);
    } catch (err) {
      if (err instanceof QueueError) throw new UsageError(err.message);
      process.stderr.write(`brink jobs: cannot open the work queue at ${location}: ${(err as Error).message}\n`);
      return 1;
    }
    try {
      if (action === 'summary') {
        const c = await queue.counts();
        if (values.json) process.stdout.write(JSON.stringify(c) + '\n');
        else {
          const states = ['queued', 'running', 'retrying', 'failed'] as const;
          const lines = [`  ${''.padEnd(8)}  ${'jobs'.padStart(10)}  ${'articles'.padStart(10)}`];
          for (const k of states) lines.push(`  ${k.padEnd(8)}  ${n(c[k]).padStart(10)}  ${n(c.articles[k]).padStart(10)}`);
          process.stdout.write(lines.join('\n') + '\n');
        }
      } else if (action === 'failed') {
        for (const f of await queue.failed(limit)) {
          if (values.json) process.stdout.write(JSON.stringify(f) + '\n');
          else process.stdout.write(`${f.articleIds.join(',') || '?'}\tjob ${f.jobId}\t${f.attempts} attempts\t${f.failedAt}\t${(f.lastError ?? '').split('\n')[0]}\n`);
        }
      } else {
        process.stdout.write(`${n(await queue.retryFailed())} failed jobs queued again\n`);
      }
      return 0;
    } finally {
      await queue.close();
    }
  },
};
