import pg from 'pg';
import { randomBytes } from 'node:crypto';

// The real PostgreSQL the tests run against (never a mock): 127.0.0.1:5432, database `test`, trust
// auth, or BRINK_TEST_PG. Each test store gets its own schema, dropped when the process ends, so
// parallel runs (and CI jobs sharing a server) never see each other's rows.

export const TEST_PG_URL = process.env.BRINK_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether the test database answers. When it does not: under CI (CI=true) throws, so a missing
 * server fails the run loudly; elsewhere returns the reason, for a skip message.
 */
export async function testDatabaseProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    const reason = `PostgreSQL at ${TEST_PG_URL} is unreachable: ${(err as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: the PostgreSQL tests must run)`);
    return reason;
  } finally {
    await client.end().catch(() => {});
  }
}

const created: string[] = [];
const runTag = `brink_test_${process.pid}_${randomBytes(4).toString('hex')}`;

/** A store URL in a fresh schema of the test database (the schema is created by the store's migration). */
export function freshSchemaUrl(): string {
  const schema = `${runTag}_${created.length}`;
  created.push(schema);
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Drops every schema this process created (with its work-queue schema). */
export async function dropTestSchemas(): Promise<void> {
  if (created.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    for (const s of created.splice(0)) {
      await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS "${s}_jobs" CASCADE`);
    }
  } finally {
    await client.end();
  }
}
