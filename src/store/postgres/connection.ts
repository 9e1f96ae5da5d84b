import type pg from 'pg';

// A PostgreSQL store is named by a URL: postgres://user@host:port/database[?schema=NAME]. The schema
// (default "public") holds the store's tables; the work queue lives beside it in "<schema>_jobs"
// (graphile_worker for the public schema), so several stores, and test runs, share one database
// without colliding.

export interface PostgresTarget {
  /** Connection settings for pg (the URL without the schema parameter). */
  config: pg.PoolConfig;
  schema: string;
  /** The work queue's schema (graphile-worker). */
  jobsSchema: string;
  /** The URL without its password, for messages. */
  location: string;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,50}$/;

/** Reads a store URL; throws on a schema name that is not a plain identifier. */
export function parsePostgresUrl(location: string): PostgresTarget {
  const url = new URL(location);
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!IDENT.test(schema)) throw new Error(`schema "${schema}" must be letters, digits and _ (starting with a letter)`);
  url.searchParams.delete('schema');
  const shown = new URL(url.toString());
  if (shown.password) shown.password = '***';
  if (schema !== 'public') shown.searchParams.set('schema', schema);
  return {
    config: {
      connectionString: url.toString(),
      // Unqualified names in the store's SQL resolve in its schema.
      options: `-c search_path=${schema}`,
    },
    schema,
    jobsSchema: schema === 'public' ? 'graphile_worker' : `${schema}_jobs`,
    location: shown.toString(),
  };
}
