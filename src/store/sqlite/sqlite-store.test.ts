import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeContract } from '../store.contract.test.js';
import { openSqliteStore } from './sqlite-store.js';
import { MIGRATIONS } from './migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-store-'));
let n = 0;
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite', async () => openSqliteStore(join(dir, `contract-${n++}.db`)));

test('sqlite: migrations are recorded once, in WAL mode, and reopening keeps the data', async () => {
  const path = join(dir, 'reopen.db');
  const store = openSqliteStore(path);
  await store.close();
  const again = openSqliteStore(path);
  await again.close();
  const db = new Database(path, { readonly: true });
  const versions = db.prepare('SELECT version FROM schema_version ORDER BY version').all() as Array<{ version: number }>;
  assert.deepEqual(versions.map((v) => v.version), MIGRATIONS.map((m) => m.version));
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
});

test('sqlite: a database from a newer brink is refused', async () => {
  const path = join(dir, 'newer.db');
  const db = new Database(path);
  db.exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_version VALUES (999, 'future', 'x')");
  db.close();
  assert.throws(() => openSqliteStore(path), /newer than this brink/);
});
