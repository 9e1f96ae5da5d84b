import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { n, Progress } from '../progress.js';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { extractArticle } from '../../pipeline/extract-article.js';
import { CODER } from '../../pipeline/version.js';
import type { Store } from '../../store/store.js';

const DEFAULT_BATCH = 200;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'run the current pipeline over stored articles not yet analysed by this version',
  help: `Usage: brink analyze [options]

Runs the analysis pipeline (${CODER}) over every stored original article that has no analysis yet
or was analysed by another pipeline version (re-coding: event series never mix rule sets).
Each article's results replace its previous ones in one transaction, so an interrupted run can
simply be run again. Duplicates are not analysed.

Options:
${DB_HELP}
  --batch N           articles fetched per round (default ${DEFAULT_BATCH})
  --limit N           analyse at most N articles
  -h, --help          show this help

Exit codes: 0 all analysed; 1 some article failed (one line each on stderr); 2 bad usage.

Examples:
  brink ingest --no-analyze archive/ && brink analyze
  brink analyze --db news.db --limit 1000`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      ...DB_OPTION,
      batch: { type: 'string' },
      limit: { type: 'string' },
    });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const batch = values.batch === undefined ? DEFAULT_BATCH : Number(values.batch);
    const limit = values.limit === undefined ? Infinity : Number(values.limit);
    if (!Number.isInteger(batch) || batch < 1) throw new UsageError('--batch must be a whole number ≥ 1');
    if (limit !== Infinity && (!Number.isInteger(limit) || limit < 0)) throw new UsageError('--limit must be a whole number ≥ 0');
    let store: Store;
    try {
      store = await openCommandStore('analyze', values.db as string | undefined, false);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    const progress = new Progress('analyze');
    let analysed = 0;
    let failed = 0;
    try {
      const total = Math.min(limit, (await store.stats(CODER)).pending);
      // Loading the models takes seconds: not worth it when nothing is pending.
      const pipeline = total > 0 ? createPipeline() : null;
      let cursor: string | null = null;
      let seen = 0;
      while (pipeline !== null && seen < limit) {
        const page = await store.pendingAnalysis(CODER, cursor, Math.min(batch, limit - seen));
        cursor = page.next;
        for (const article of page.articles) {
          seen++;
          try {
            await store.saveAnalysis(extractArticle(article, pipeline), CODER);
            analysed++;
          } catch (err) {
            failed++;
            progress.clear();
            process.stderr.write(`${article.origin} (${article.id}): analysis failed: ${(err as Error).message}\n`);
          }
          progress.update(seen, `${n(analysed)} analysed, ${n(failed)} failed of ${n(total)}`, total > 0 ? seen / total : null);
        }
        if (cursor === null) break;
      }
    } finally {
      await store.close();
    }
    progress.clear();
    process.stderr.write(
      `analyze: ${n(analysed)} analysed, ${n(failed)} failed in ${progress.elapsedSeconds().toFixed(1)} s ` +
        `(${n(Math.round(progress.rate(analysed + failed)))} articles/s) by ${CODER}\n`,
    );
    return failed > 0 ? 1 : 0;
  },
};
