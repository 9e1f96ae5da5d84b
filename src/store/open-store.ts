import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { isPostgresUrl } from './postgres/connection.js';
import { openPostgresStore } from './postgres/postgres-store.js';

/** The database used when neither `--db` nor `BRINK_DB` names one. */
export const DEFAULT_DB = './brink.db';

/** `--db` if given, else the BRINK_DB environment variable, else ./brink.db. */
export function dbLocation(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? (env.BRINK_DB || DEFAULT_DB);
}

/**
 * Opens the store a location names: a PostgreSQL URL (`postgres://user@host/db?schema=NAME`, see
 * postgres/connection.ts) or a SQLite file path.
 */
export async function openStore(location: string): Promise<Store> {
  if (isPostgresUrl(location)) return openPostgresStore(location);
  return openSqliteStore(location);
}
