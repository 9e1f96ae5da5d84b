import { existsSync } from 'node:fs';
import { dbLocation, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

export const DB_OPTION = { db: { type: 'string' } } as const;
export const DB_HELP = `  --db PATH           database (default: $BRINK_DB, else ./brink.db)`;

/** An error already explained to the user on stderr. */
export class ReportedError extends Error {}

/**
 * Opens the store for a command. Commands that only read refuse to create a new, empty
 * database at a mistyped path.
 */
export async function openCommandStore(command: string, option: string | undefined, create: boolean): Promise<Store> {
  const location = dbLocation(option);
  const isUrl = /^[a-z]+:\/\//i.test(location);
  if (!create && !isUrl && location !== ':memory:' && !existsSync(location)) {
    process.stderr.write(`brink ${command}: no database at ${location} (create one with "brink ingest", or choose one with --db)\n`);
    throw new ReportedError();
  }
  try {
    return await openStore(location);
  } catch (err) {
    process.stderr.write(`brink ${command}: cannot open database ${location}: ${(err as Error).message}\n`);
    throw new ReportedError();
  }
}
