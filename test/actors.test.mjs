// End to end: actors, coreference and places on the seed article pair (the brief's expected codes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brink, contractProblems, HAS_SHARED, SHARED } from './helpers/contract.mjs';

function mentions(records, text) {
  return records.flatMap((r) => r.entities.filter((e) => e.text === text));
}

function expectActor(records, text, code, country) {
  const found = mentions(records, text);
  assert.ok(found.length > 0, `no entity ${text}`);
  for (const e of found) {
    assert.ok(e.actor, `${text}: no actor`);
    assert.equal(e.actor.code, code, `${text} ${e.id}`);
    assert.equal(e.actor.country, country, `${text} ${e.id}`);
  }
}

test('seed: actor codes, coreference and places', { skip: !HAS_SHARED }, () => {
  const { status, records, stderr } = brink(['extract', '--published', '2024-08-05', join(SHARED, 'seed/000_93d19e1e76ca8afd.txt')]);
  assert.equal(status, 0, stderr);
  for (const r of records) assert.deepEqual(contractProblems(r), []);
  expectActor(records, 'Sergei Shoigu', 'RUSGOV', 'RUS');
  expectActor(records, 'Shoigu', 'RUSGOV', 'RUS');
  expectActor(records, 'Ali Akbar Ahmadian', 'IRNMIL', 'IRN');
  expectActor(records, 'Enrique Mora', 'IGOEUREEC', 'EUR');
  expectActor(records, 'Masoud Pezeshkian', 'IRNGOV', 'IRN');
  expectActor(records, 'Hamas', 'PSEHMS', 'PSE');
  expectActor(records, 'Hezbollah', 'LBNHEZ', 'LBN');
  expectActor(records, 'E3', 'EUR', 'EUR');
  expectActor(records, 'IRGC', 'IRNMIL', 'IRN');
  for (const [name, code] of [['Iran', 'IRN'], ['Russia', 'RUS'], ['Israel', 'ISR']]) {
    for (const e of mentions(records, name).filter((x) => x.type === 'GPE')) assert.equal(e.actor?.code, code, name);
  }
  for (const [name, country] of [['Tehran', 'IRN'], ['Geneva', 'CHE'], ['Beirut', 'LBN']]) {
    const found = mentions(records, name).filter((e) => e.type === 'GPE');
    assert.ok(found.length > 0, name);
    for (const e of found) assert.equal(e.geo?.country, country, name);
  }
  // Surnames point back at the full name.
  const first = records[0];
  const full = first.entities.find((e) => e.text === 'Sergei Shoigu');
  assert.equal(first.entities.find((e) => e.text === 'Shoigu').corefOf, full.id);
});

test('BRINK_ACTORS adds a user actor file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brink-actors-'));
  const file = join(dir, 'mine.tsv');
  writeFileSync(file, 'id\ttype\tcode\tcountry\tnames\norg:nor-fjord-watch\tORG\tNORNGO\tNOR\tFjordwatch Alliance\n');
  const text = 'The Fjordwatch Alliance criticised the plan on Monday.';
  const input = JSON.stringify({ id: 'u1', text }) + '\n';
  const without = brink(['extract', '--format', 'jsonl', '-'], { input });
  const withFile = brink(['extract', '--format', 'jsonl', '-'], { input, env: { BRINK_ACTORS: file } });
  assert.equal(withFile.status, 0, withFile.stderr);
  // Whatever span the tagger gives the name, the mention covering it resolves to the user's actor.
  const at = text.indexOf('Fjordwatch');
  const covering = (r) => r.entities.find((x) => x.start <= at && x.end > at);
  assert.equal(covering(withFile.records[0])?.actor?.code, 'NORNGO', JSON.stringify(withFile.records[0].entities));
  assert.notEqual(covering(without.records[0])?.actor?.code, 'NORNGO');
});
