import { isPostgresUrl } from '../postgres/connection.js';
import { openStore } from '../open-store.js';
import { notCopied, PostgresTableIO, SqliteTableIO, TABLES, type TableIO } from './table-io.js';

// Moves a whole store between backends (SQLite → PostgreSQL to scale out, or back): every table,
// rowids kept, so articles, their analyses, actors, clusters and watched feeds arrive exactly as they
// were. A table the copy does not know stops it before anything is written.

export interface CopyProgress {
  table: string;
  copied: number;
  total: number;
}

export interface CopyOptions {
  /** Rows per transaction (article-keyed tables: articles per page). */
  batch?: number;
  onProgress?: (p: CopyProgress) => void;
}

function tableIO(location: string): TableIO {
  return isPostgresUrl(location) ? new PostgresTableIO(location) : new SqliteTableIO(location);
}

export class CopyError extends Error {}

/** Copies every table of `from` into `to`, which is created and migrated when needed and must be empty. */
export async function copyStore(from: string, to: string, options: CopyOptions = {}): Promise<Record<string, number>> {
  const batch = options.batch ?? 500;
  // Opening through the Store creates and migrates both to the current schema.
  for (const [where, loc] of [['source', from], ['target', to]] as const) {
    const store = await openStore(loc);
    try {
      const stats = await store.stats('');
      if (where === 'target' && stats.articles + stats.actors + (await store.listFeeds()).length > 0) {
        throw new CopyError(`the target ${store.location} is not empty (${stats.articles} articles); copy into a new database or schema`);
      }
    } finally {
      await store.close();
    }
  }
  const src = tableIO(from);
  const dst = tableIO(to);
  const copied: Record<string, number> = {};
  try {
    const known = new Set(TABLES.map((t) => t.name));
    const unknown = (await src.tables()).filter((t) => !known.has(t) && !notCopied(t));
    if (unknown.length > 0) throw new CopyError(`the source holds tables this brink cannot copy: ${unknown.join(', ')}`);
    for (const { name, key } of TABLES) {
      const srcCols = await src.columns(name);
      const dstCols = new Set(await dst.columns(name));
      const missing = srcCols.filter((c) => !dstCols.has(c));
      if (missing.length > 0) throw new CopyError(`the target's ${name} table lacks ${missing.join(', ')}: is it an older brink?`);
      const total = await src.count(name);
      let after: string | number | null = null;
      let n = 0;
      options.onProgress?.({ table: name, copied: 0, total });
      for (;;) {
        const rows = await src.read(name, key, srcCols, after, batch);
        if (rows.length === 0) break;
        await dst.write(name, srcCols, rows);
        n += rows.length;
        after = rows[rows.length - 1]![key] as string | number;
        options.onProgress?.({ table: name, copied: n, total });
      }
      copied[name] = n;
    }
    await dst.finish();
  } finally {
    await src.close();
    await dst.close();
  }
  return copied;
}
