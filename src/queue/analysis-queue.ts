import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, type Runner, type WorkerEvents, type WorkerUtils } from 'graphile-worker';
import { parsePostgresUrl, isPostgresUrl } from '../store/postgres/connection.js';
import { quoteIdent } from '../store/postgres/migrations.js';

// The work queue of a PostgreSQL store: graphile-worker jobs in the store's "<schema>_jobs" schema
// (see postgres/connection.ts). `brink ingest --queue` adds one `analyse` job per stored original;
// `brink worker` runs them on any number of machines. graphile-worker locks each job while it runs,
// retries failures with exponential backoff (e^attempts seconds) and keeps a job that used up its
// attempts, with its last error, as "failed". What it does not do is notice a worker killed
// outright (SIGKILL, power loss): its jobs stay locked for hours. So every worker process heartbeats
// its worker ids into a table, and every worker unlocks the jobs of workers whose heartbeat stopped.

export const ANALYSE_TASK = 'analyse';
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Seconds without a heartbeat after which a worker counts as dead and its jobs are unlocked. */
export const DEFAULT_STALE_SECONDS = 60;

export interface AnalyseJob {
  id: string;
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

export interface FailedJob {
  jobId: string;
  articleId: string | null;
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
   * Adds one analyse job per article id, in one statement. The job key (the article id) makes it
   * idempotent: enqueuing an article that is already waiting replaces its job instead of adding one.
   */
  async enqueue(ids: string[], maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<void> {
    if (ids.length === 0) return;
    await this.utils.withPgClient((c) =>
      c.query(
        `SELECT count(*) FROM ${this.s}.add_jobs(ARRAY(
           SELECT ROW($1::text, json_build_object('id', id), NULL, NULL, $2::int, 'analyse:' || id, NULL, NULL)::${this.s}.job_spec
           FROM unnest($3::text[]) WITH ORDINALITY AS t(id, n) ORDER BY n))`,
        [ANALYSE_TASK, maxAttempts, ids],
      ),
    );
  }

  async counts(): Promise<JobCounts> {
    const { rows } = await this.utils.withPgClient((c) =>
      c.query(
        `SELECT
           count(*) FILTER (WHERE locked_at IS NULL AND attempts = 0)::int AS queued,
           count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
           count(*) FILTER (WHERE locked_at IS NULL AND attempts > 0 AND attempts < max_attempts)::int AS retrying,
           count(*) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts)::int AS failed
         FROM ${this.s}.jobs WHERE task_identifier = $1`,
        [ANALYSE_TASK],
      ),
    );
    return rows[0] as JobCounts;
  }

  async failed(limit: number): Promise<FailedJob[]> {
    const { rows } = await this.utils.withPgClient((c) =>
      c.query(
        `SELECT j.id::text AS job_id, p.payload->>'id' AS article_id, j.attempts, j.last_error, j.updated_at
         FROM ${this.s}.jobs j JOIN ${this.s}._private_jobs p ON p.id = j.id
         WHERE j.task_identifier = $1 AND j.locked_at IS NULL AND j.attempts >= j.max_attempts
         ORDER BY j.updated_at DESC, j.id DESC LIMIT $2`,
        [ANALYSE_TASK, limit],
      ),
    );
    return rows.map((r) => ({
      jobId: r.job_id,
      articleId: r.article_id,
      attempts: r.attempts,
      lastError: r.last_error,
      failedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  /** Puts failed jobs back in the queue with fresh attempts. */
  async retryFailed(): Promise<number> {
    const { rows } = await this.utils.withPgClient((c) =>
      c.query(`SELECT id::text FROM ${this.s}.jobs WHERE task_identifier = $1 AND locked_at IS NULL AND attempts >= max_attempts`, [ANALYSE_TASK]),
    );
    if (rows.length === 0) return 0;
    const done = await this.utils.rescheduleJobs(rows.map((r) => r.id), { attempts: 0, runAt: new Date() });
    return done.length;
  }

  /**
   * Starts graphile-worker on this process: `concurrency` jobs at once, each run by `handle`.
   * Heartbeats every worker id and unlocks the jobs of workers whose heartbeat stopped.
   */
  async start(handle: (job: AnalyseJob) => Promise<void>, options: { concurrency: number; staleSeconds?: number; host: string }): Promise<RunningWorker> {
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
    const runner: Runner = await run({
      events,
      connectionString: this.connectionString,
      schema: this.jobsSchema,
      concurrency: options.concurrency,
      maxPoolSize: options.concurrency + 2,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: quietLogger,
      taskList: {
        [ANALYSE_TASK]: async (payload) => handle(payload as AnalyseJob),
      },
    });
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
    return {
      promise: runner.promise,
      async stop() {
        clearInterval(timer);
        await runner.stop();
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
