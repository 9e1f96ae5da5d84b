import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { storeContract } from '../store.contract.test.js';
import { openStore } from '../open-store.js';
import { openPostgresStore } from './postgres-store.js';
import { MIGRATIONS } from './migrations.js';
import { dropTestSchemas, freshSchemaUrl, TEST_PG_URL, testDatabaseProblem } from './test-database.js';

const problem = await testDatabaseProblem();
if (problem) {
  test('postgres store', { skip: `${problem} — set CI=true to make this a failure` }, () => {});
} else {
  after(dropTestSchemas);

  storeContract('postgres', () => openPostgresStore(freshSchemaUrl()));

  test('postgres: --db/BRINK_DB URLs open the PostgreSQL backend, without the password in messages', async () => {
    const url = new URL(freshSchemaUrl());
    url.password = 'secret';
    const store = await openStore(url.toString());
    try {
      assert.equal(store.backend, 'postgres');
      assert.ok(!store.location.includes('secret'));
    } finally {
      await store.close();
    }
  });

  test('postgres: migrations are recorded once, even when many processes open a new store at once', async () => {
    const url = freshSchemaUrl();
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(url, 1)));
    await Promise.all(stores.map((s) => s.close()));
    const schema = new URL(url).searchParams.get('schema')!;
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT version FROM "${schema}".schema_version ORDER BY version`);
      assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
      await client.query(`INSERT INTO "${schema}".schema_version VALUES (999, 'future', 'x')`);
    } finally {
      await client.end();
    }
    await assert.rejects(openPostgresStore(url), /newer than this brink/);
  });
}
