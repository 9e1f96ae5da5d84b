import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brink } from './helpers/contract.mjs';

test('brink actors lists the registry and shows one actor with aliases and roles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brink-actors-'));
  const db = join(dir, 'a.db');
  const input = join(dir, 'in.jsonl');
  const text =
    'Chilean Foreign Minister Alberto van Klaveren met Peruvian officials in Lima on Monday.\n\n' +
    'Van Klaveren said the two governments would sign a fisheries agreement next month.';
  writeFileSync(input, JSON.stringify({ id: 'a1', published: '2025-03-04', text }) + '\n');
  assert.equal(brink(['ingest', '--db', db, input]).status, 0);
  const list = brink(['actors', '--db', db, '--json', '--limit', '100']);
  assert.equal(list.status, 0, list.stderr);
  const actors = list.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const person = actors.find((a) => a.name === 'Alberto van Klaveren');
  assert.ok(person, `actors: ${actors.map((a) => a.name).join(', ')}`);
  assert.equal(person.country, 'CHL');
  assert.ok(actors.some((a) => a.country === 'PER'));
  const byName = brink(['actors', 'Alberto', '--db', db]);
  assert.match(byName.stdout, /Alberto van Klaveren/);
  const show = brink(['actors', 'show', person.id, '--db', db, '--json']);
  assert.equal(show.status, 0, show.stderr);
  const profile = JSON.parse(show.stdout);
  assert.ok(profile.mentions >= 2, 'the surname mention is the same actor');
  assert.ok(profile.aliases.some((a) => a.text === 'Van Klaveren'));
  assert.deepEqual(profile.roles.map((r) => [r.month, r.code]), [['2025-03', 'CHLGOV']]);
  const missing = brink(['actors', 'show', 'person:nobody', '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no actor with id/);
  assert.equal(brink(['actors', 'show', '--db', db]).status, 2);
});
