import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, type Runner, type WorkerEvents, type WorkerUtils } from 'graphile-worker';
import { parsePostgresUrl, isPostgresUrl } from '../store/postgres/connection.js';
import { quoteIdent } from '../store/postgres/migrations.js';

// The work queue of a PostgreSQL store: graphile-worker jobs in the store's "<schema>_jobs" schema
// (see postgres/connection.ts). `brink ingest --queue` adds `analyse` jobs of up to --job-size stored
// originals each; `brink worker` runs them on any number of machines. A job of many articles, not one
// job per article: a job costs its fetch, lock and completion, and a batch is stored with a fixed
// number of statements, so per-article overhead in the database shrinks with the job size.
// graphile-worker locks each job while it runs, retries failures with exponential backoff
// (e^attempts seconds) and keeps a job that used up its attempts, with its last error, as "failed".
// What it does not do is notice a worker killed outright (SIGKILL, power loss): its jobs stay locked
// for hours. So every worker process heartbeats its worker ids into a table, and every worker
// unlocks the jobs of workers whose heartbeat stopped.

export const ANALYSE_TASK = 'analyse';
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Articles per job: a few hundred milliseconds of analysis, amortising the per-job and per-commit costs. */
export const DEFAULT_JOB_SIZE = 100;
/** Seconds without a heartbeat after which a worker counts as dead and its jobs are unlocked. */
export const DEFAULT_STALE_SECONDS = 60;

/** An analyse job's payload: article ids (`id` alone in jobs queued by earlier versions). */
export interface AnalyseJob {
  ids?: string[];
  id?: string;
}

/** The article ids of a job's payload. */
export function jobArticles(payload: AnalyseJob): string[] {
  if (Array.isArray(payload.ids)) return payload.ids.map(String);
  return typeof payload.id === 'string' ? [payload.id] : [];
}

/** The job key: one article's job is keyed by its id, a batch by a digest of its ids. */
function jobKey(ids: string[]): string {
  if (ids.length === 1) return `analyse:${ids[0]}`;
  return `analyse:${ids.length}:${createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 32)}`;
}

export interface EnqueueOptions {
  /** Articles per job (default DEFAULT_JOB_SIZE). */
  jobSize?: number;
  /** Attempts before a job lands in the failed list (default DEFAULT_MAX_ATTEMPTS). */
  maxAttempts?: number;
}

/** What a running job is told besides its articles. */
export interface JobInfo {
  id: string;
  attempts: number;
  maxAttempts: number;
}

/** graphile-worker's own log lines: warnings and errors only, one line each on stderr. */
export const quietLogger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') process.stderr.write(`worker: ${message}\n`);
});

export class QueueError extends Error {}

/** The queue's connection and schema for a store URL; throws QueueError for a SQLite path. */
export function queueTarget(location: string): { connectionString: string; jobsSchema: string } {
  if (!isPostgresUrl(location)) throw new QueueError('the work queue needs a PostgreSQL store (--db postgres://…)');
  const t = parsePostgresUrl(location);
  return { connectionString: t.config.connectionString!, jobsSchema: t.jobsSchema };
}

/** Opens the queue (creating or migrating graphile-worker's schema and the heartbeat table). */
export async function openQueue(location: string): Promise<AnalysisQueue> {
  const { connectionString, jobsSchema } = queueTarget(location);
  const utils = await makeWorkerUtils({ connectionString, schema: jobsSchema, logger: quietLogger });
  try {
    await utils.migrate();
    await utils.withPgClient((c) =>
      c.query(`CREATE TABLE IF NOT EXISTS ${quoteIdent(jobsSchema)}.brink_worker_heartbeats (
        worker_id text PRIMARY KEY, host text NOT NULL, pid integer NOT NULL, beat_at timestamptz NOT NULL DEFAULT now())`),
    );
  } catch (err) {
    await utils.release();
    throw err;
  }
  return new AnalysisQueue(utils, connectionString, jobsSchema);
}

/** Jobs by state. */
export interface JobCounts {
  /** Waiting for a first run. */
  queued: number;
  /** Locked by a worker now. */
  running: number;
  /** Failed at least once, with attempts left (waiting for their backoff). */
  retrying: number;
  /** Used up their attempts: the failed list. */
  failed: number;
}

/** Jobs by state, and the articles those jobs hold. */
export interface QueueCounts extends JobCounts {
  articles: JobCounts;
}

export interface FailedJob {
  jobId: string;
  /** The article when the job holds one (a batch's failing article is split off into a job of its own). */
  articleId: string | null;
  articleIds: string[];
  attempts: number;
  lastError: string | null;
  failedAt: string;
}

export class AnalysisQueue {
  private readonly s: string;

  constructor(
    readonly utils: WorkerUtils,
    readonly connectionString: string,
    readonly jobsSchema: string,
  ) {
    this.s = quoteIdent(jobsSchema);
  }

  /**
   * Adds analyse jobs of up to `jobSize` article ids each, in one statement. The job key (the
   * article id, or a digest of a batch's ids) makes it idempotent: enqueuing the same articles while
   * their job waits replaces that job instead of adding one.
   */
  async enqueue(ids: string[], options: EnqueueOptions = {}): Promise<number> {
    const size = options.jobSize ?? DEFAULT_JOB_SIZE;
    if (!Number.isInteger(size) || size < 1) throw new RangeError('the job size must be a whole number ≥ 1');
    if (ids.length === 0) return 0;
    const payloads: string[] = [];
    const keys: string[] = [];
    for (let i = 0; i < ids.length; i += size) {
      const batch = ids.slice(i, i + size);
      payloads.push(JSON.stringify({ ids: batch }));
      keys.push(jobKey(batch));
    }
    await this.utils.withPgClient((c) =>
      c.query(
        `SELECT count(*) FROM ${this.s}.add_jobs(ARRAY(
           SELECT ROW($1::text, p, NULL, NULL, $2::int, k, NULL, NULL)::${this.s}.job_spec
           FROM unnest($3::json[], $4::text[]) WITH ORDINALITY AS t(p, k, n) ORDER BY n))`,
        [ANALYSE_TASK, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, payloads, keys],
      ),
    );
    return payloads.length;
  }

  async counts(): Promise<QueueCounts> {
    const { rows } = await this.utils.withPgClient((c) =>
      c.query(
        `WITH j AS (
           SELECT j.locked_at, j.attempts, j.max_attempts,
             CASE WHEN json_typeof(p.payload->'ids') = 'array' THEN json_array_length(p.payload->'ids') ELSE 1 END AS n
           FROM ${this.s}.jobs j JOIN ${this.s}._private_jobs p ON p.id = j.id WHERE j.task_identifier = $1)
         SELECT
           count(*) FILTER (WHERE locked_at IS NULL AND attempts = 0)::int AS queued,
           count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
           count(*) FILTER (WHERE locked_at IS NULL AND attempts > 0 AND attempts < max_attempts)::int AS retrying,
           count(*) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts)::int AS failed,
           coalesce(sum(n) FILTER (WHERE locked_at IS NULL AND attempts = 0), 0)::int AS a_queued,
           coalesce(sum(n) FILTER (WHERE locked_at IS NOT NULL), 0)::int AS a_running,
           coalesce(sum(n) FILTER (WHERE locked_at IS NULL AND attempts > 0 AND attempts < max_attempts), 0)::int AS a_retrying,
           coalesce(sum(n) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts), 0)::int AS a_failed
         FROM j`,
        [ANALYSE_TASK],
      ),
    );
    const r = rows[0];
    return {
      queued: r.queued, running: r.running, retrying: r.retrying, failed: r.failed,
      articles: { queued: r.a_queued, running: r.a_running, retrying: r.a_retrying, failed: r.a_failed },
    };
  }

  async failed(limit: number): Promise<FailedJob[]> {
    const { rows } = await this.utils.withPgClient((c) =>
      c.query(
        `SELECT j.id::text AS job_id, p.payload, j.attempts, j.last_error, j.updated_at
         FROM ${this.s}.jobs j JOIN ${this.s}._private_jobs p ON p.id = j.id
         WHERE j.task_identifier = $1 AND j.locked_at IS NULL AND j.attempts >= j.max_attempts
         ORDER BY j.updated_at DESC, j.id DESC LIMIT $2`,
        [ANALYSE_TASK, limit],
      ),
    );
    return rows.map((r) => {
      const ids = jobArticles(r.payload ?? {});
      return {
        jobId: r.job_id,
        articleId: ids.length === 1 ? ids[0]! : null,
        articleIds: ids,
        attempts: r.attempts,
        lastError: r.last_error,
        failedAt: new Date(r.updated_at).toISOString(),
      };
    });
  }

  /** Puts failed jobs back in the queue with fresh attempts. */
  async retryFailed(): Promise<number> {
    // graphile-worker's SQL reschedule_jobs, called directly: WorkerUtils.rescheduleJobs passes
    // `attempts || null`, so it cannot reset attempts to 0.
    const { rows } = await this.utils.withPgClient((c) =>
      c.query(
        `SELECT count(*)::int AS n FROM ${this.s}.reschedule_jobs(
           ARRAY(SELECT id FROM ${this.s}.jobs WHERE task_identifier = $1 AND locked_at IS NULL AND attempts >= max_attempts),
           run_at := now(), attempts := 0)`,
        [ANALYSE_TASK],
      ),
    );
    return rows[0].n;
  }

  /**
   * Starts graphile-worker on this process: `concurrency` jobs at once, each run by `handle` with
   * its article ids.
   * Heartbeats every worker id and unlocks the jobs of workers whose heartbeat stopped.
   */
  async start(handle: (ids: string[], job: JobInfo) => Promise<void>, options: { concurrency: number; staleSeconds?: number; host: string }): Promise<RunningWorker> {
    const stale = options.staleSeconds ?? DEFAULT_STALE_SECONDS;
    const ids = new Set<string>();
    const hb = `${this.s}.brink_worker_heartbeats`;
    const beat = async () => {
      if (ids.size === 0) return;
      await this.utils.withPgClient((c) =>
        c.query(
          `INSERT INTO ${hb} (worker_id, host, pid) SELECT id, $2, $3 FROM unnest($1::text[]) id
           ON CONFLICT (worker_id) DO UPDATE SET beat_at = now()`,
          [[...ids], options.host, process.pid],
        ),
      );
    };
    const reap = async () => {
      const { rows } = await this.utils.withPgClient((c) =>
        c.query(`DELETE FROM ${hb} WHERE beat_at < now() - make_interval(secs => $1) RETURNING worker_id`, [stale]),
      );
      const dead = rows.map((r) => r.worker_id as string).filter((id) => !ids.has(id));
      if (dead.length > 0) await this.utils.forceUnlockWorkers(dead);
    };
    // Subscribed before run(): workers are created while it starts.
    const events = new EventEmitter() as WorkerEvents;
    events.on('worker:create', ({ worker }) => {
      ids.add(worker.workerId);
    });
    events.on('worker:stop', ({ worker }) => {
      ids.delete(worker.workerId);
      void this.utils.withPgClient((c) => c.query(`DELETE FROM ${hb} WHERE worker_id = $1`, [worker.workerId])).catch(() => {});
    });
    const startRunner = (): Promise<Runner> =>
      run({
        events,
        connectionString: this.connectionString,
        schema: this.jobsSchema,
        concurrency: options.concurrency,
        maxPoolSize: options.concurrency + 2,
        noHandleSignals: true,
        pollInterval: 1000,
        logger: quietLogger,
        taskList: {
          [ANALYSE_TASK]: async (payload, helpers) =>
            handle(jobArticles((payload ?? {}) as AnalyseJob), { id: helpers.job.id, attempts: helpers.job.attempts, maxAttempts: helpers.job.max_attempts }),
        },
      });
    let runner = await startRunner();
    let stopping = false;
    const tick = Math.max(0.5, Math.min(5, stale / 3)) * 1000;
    const upkeep = async () => {
      try {
        await beat();
        await reap();
      } catch {
        // The database may be briefly unreachable; the next tick tries again.
      }
    };
    await upkeep();
    const timer = setInterval(upkeep, tick);
    // graphile-worker shuts its workers down (gracefully, exit code 57) when it hears that a
    // breaking migration of its schema ran, but that notification names no schema: creating the
    // queue of another store in the same database (another ?schema=, a test run) stops every
    // worker of every store there. So when the runner stops without being asked to, this queue's
    // own schema is checked (migrate() throws if a newer graphile-worker migrated it, and then the
    // worker does stop) and a new runner takes over.
    const promise = (async () => {
      try {
        for (;;) {
          await runner.promise;
          if (stopping) return;
          await this.utils.migrate();
          if (process.exitCode === 57) process.exitCode = undefined;
          if (stopping) return;
          process.stderr.write(`worker: the queue in ${this.jobsSchema} is unchanged (another schema of the database migrated); resuming\n`);
          runner = await startRunner();
          if (stopping) await runner.stop();
        }
      } finally {
        clearInterval(timer);
      }
    })();
    return {
      promise,
      async stop() {
        stopping = true;
        clearInterval(timer);
        await runner.stop().catch(() => {
          // Already stopping on its own; the loop above sees `stopping`.
        });
        await promise.catch(() => {});
      },
    };
  }

  async close(): Promise<void> {
    await this.utils.release();
  }
}

export interface RunningWorker {
  /** Settles when the worker stops. */
  promise: Promise<void>;
  /** Graceful: running jobs finish and are completed; nothing new is taken. */
  stop(): Promise<void>;
}
