import Database from 'better-sqlite3';
import pg from 'pg';
import { parsePostgresUrl } from '../postgres/connection.js';

// Raw row access to a store's tables, for `brink copy`: both backends hold the same tables with the
// same column names (src/store/<backend>/migrations.ts), so a copy is table by table, rowids kept,
// with only value types translated (0/1 ↔ boolean). Derived data is not copied but rebuilt by the
// target: SQLite's FTS5 tables are filled from the copied rows; PostgreSQL's tsvector columns are
// generated or set by a trigger.

export type Row = Record<string, unknown>;

/** The tables in copy order, each with the key it is read in pages by (a text key: in byte order). */
export const TABLES: Array<{ name: string; key: 'rowid' | 'article' | 'id' | 'url' }> = [
  { name: 'articles', key: 'rowid' },
  { name: 'article_bands', key: 'article' },
  { name: 'sentences', key: 'article' },
  { name: 'actors', key: 'id' },
  { name: 'entities', key: 'article' },
  { name: 'times', key: 'article' },
  { name: 'quotes', key: 'rowid' },
  { name: 'clusters', key: 'rowid' },
  { name: 'events', key: 'rowid' },
  { name: 'feeds', key: 'url' },
];

/**
 * Tables a store holds that are not copied: each store records its own migrations, and the
 * full-text tables (SQLite's FTS5 tables and their shadow tables) are rebuilt by the target. Any
 * other table the source holds and TABLES does not name stops the copy: nothing is left behind silently.
 */
export function notCopied(table: string): boolean {
  return table === 'schema_version' || /^(articles|quotes)_fts(_|$)/.test(table);
}

export interface TableIO {
  /** Every table the store holds. */
  tables(): Promise<string[]>;
  /** Columns of a table (generated and full-text columns left out). */
  columns(table: string): Promise<string[]>;
  count(table: string): Promise<number>;
  /**
   * Up to `limit` rows in key order after `after` (null: from the start). Tables keyed by article
   * are read by whole articles (so a page may hold more rows than the limit).
   */
  read(table: string, key: string, columns: string[], after: string | number | null, limit: number): Promise<Row[]>;
  /** Writes rows (values as read from the other backend) in one transaction. */
  write(table: string, columns: string[], rows: Row[]): Promise<void>;
  /** Rebuilds derived data once all rows are in (full-text indexes, identity counters). */
  finish(): Promise<void>;
  close(): Promise<void>;
}

const ident = (c: string) => `"${c}"`;

export class SqliteTableIO implements TableIO {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('busy_timeout = 10000');
  }

  async tables(): Promise<string[]> {
    const rows = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
    return rows.map((r) => r.name);
  }

  async columns(table: string): Promise<string[]> {
    const cols = this.db.prepare(`PRAGMA table_xinfo(${table})`).all() as Array<{ name: string; hidden: number }>;
    return cols.filter((c) => c.hidden === 0).map((c) => c.name);
  }

  async count(table: string): Promise<number> {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  async read(table: string, key: string, columns: string[], after: string | number | null, limit: number): Promise<Row[]> {
    const cols = columns.map(ident).join(', ');
    if (key === 'article') {
      const from = (after as number | null) ?? 0;
      // All rows of the next `limit` articles that have any.
      const last = this.db.prepare(`SELECT max(article) AS m FROM (SELECT DISTINCT article FROM ${table} WHERE article > ? ORDER BY article LIMIT ?)`).get(from, limit) as { m: number | null };
      if (last.m === null) return [];
      return this.db.prepare(`SELECT ${cols} FROM ${table} WHERE article > ? AND article <= ? ORDER BY article`).all(from, last.m) as Row[];
    }
    const where = after === null ? '' : `WHERE ${key} > ?`;
    return this.db.prepare(`SELECT ${cols} FROM ${table} ${where} ORDER BY ${key} LIMIT ?`).all(...(after === null ? [] : [after]), limit) as Row[];
  }

  async write(table: string, columns: string[], rows: Row[]): Promise<void> {
    const insert = this.db.prepare(`INSERT INTO ${table} (${columns.map(ident).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    this.db.transaction(() => {
      for (const r of rows) insert.run(...columns.map((c) => sqliteValue(r[c])));
    })();
  }

  async finish(): Promise<void> {
    // External-content FTS5 tables: rebuild from the copied rows.
    this.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild'); INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');");
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function sqliteValue(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? null;
}

export class PostgresTableIO implements TableIO {
  private readonly pool: pg.Pool;
  private readonly boolCols = new Map<string, Set<string>>();

  constructor(url: string) {
    const t = parsePostgresUrl(url);
    this.pool = new pg.Pool({
      ...t.config,
      max: 2,
      // Band keys are bigint; they stay below 2^53, so numbers are exact.
      types: { getTypeParser: ((oid: number, format?: string) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
    });
    this.pool.on('error', () => {});
  }

  async tables(): Promise<string[]> {
    const { rows } = await this.pool.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    return rows.map((r) => r.table_name);
  }

  async columns(table: string): Promise<string[]> {
    const { rows } = await this.pool.query(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' AND data_type <> 'tsvector'
       ORDER BY ordinal_position`,
      [table],
    );
    this.boolCols.set(table, new Set(rows.filter((r) => r.data_type === 'boolean').map((r) => r.column_name)));
    return rows.map((r) => r.column_name);
  }

  async count(table: string): Promise<number> {
    return (await this.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  }

  async read(table: string, key: string, columns: string[], after: string | number | null, limit: number): Promise<Row[]> {
    const cols = columns.map(ident).join(', ');
    if (key === 'article') {
      const from = (after as number | null) ?? 0;
      const { rows: [last] } = await this.pool.query(
        `SELECT max(article) AS m FROM (SELECT DISTINCT article FROM ${table} WHERE article > $1 ORDER BY article LIMIT $2) x`,
        [from, limit],
      );
      if (last.m === null) return [];
      return (await this.pool.query(`SELECT ${cols} FROM ${table} WHERE article > $1 AND article <= $2 ORDER BY article`, [from, last.m])).rows;
    }
    const order = key === 'id' || key === 'url' ? `${key} COLLATE "C"` : key;
    if (after === null) return (await this.pool.query(`SELECT ${cols} FROM ${table} ORDER BY ${order} LIMIT $1`, [limit])).rows;
    return (await this.pool.query(`SELECT ${cols} FROM ${table} WHERE ${order} > $1 ORDER BY ${order} LIMIT $2`, [after, limit])).rows;
  }

  async write(table: string, columns: string[], rows: Row[]): Promise<void> {
    if (!this.boolCols.has(table)) await this.columns(table);
    const bools = this.boolCols.get(table)!;
    const fixed = bools.size === 0 ? rows : rows.map((r) => {
      const out = { ...r };
      for (const c of bools) if (typeof out[c] === 'number') out[c] = out[c] !== 0;
      return out;
    });
    const cols = columns.map(ident).join(', ');
    await this.pool.query(
      `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${table}, $1::json)`,
      [JSON.stringify(fixed)],
    );
  }

  async finish(): Promise<void> {
    // Rows came with their rowids: move each identity counter past the largest.
    for (const t of ['articles', 'quotes', 'clusters', 'events']) {
      await this.pool.query(`SELECT setval(pg_get_serial_sequence('${t}', 'rowid'), coalesce((SELECT max(rowid) FROM ${t}), 0) + 1, false)`);
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}
