import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brink, contractProblems, HAS_SHARED, ROOT, SHARED } from './helpers/contract.mjs';

function assertValid(records) {
  for (const r of records) assert.deepEqual(contractProblems(r), [], `record ${r.id}`);
}

test('seed dump: two articles, titles kept, captions/logo/repeated title dropped', { skip: !HAS_SHARED }, () => {
  const { status, records, stderr } = brink(['extract', '--published', '2024-08-05', join(SHARED, 'seed/000_93d19e1e76ca8afd.txt')]);
  assert.equal(status, 0, stderr);
  assert.equal(records.length, 2);
  assert.ok(records[0].text.startsWith('A senior ally of President Vladimir Putin'));
  assert.ok(records[1].text.startsWith('Talks between Iran and European powers'));
  assert.equal(records[0].title, 'Putin Ally Holds Talks in Iran as Middle East Teeters on Brink of Wider War');
  assert.match(records[1].title, /^Iran, European Countries Hold/);
  for (const r of records) {
    assert.doesNotMatch(r.text, /attends a meeting with graduates|briefs Iran’s National Security Committee/);
    assert.doesNotMatch(r.text, /^TT$/m);
    assert.ok(!r.text.includes(r.title), 'repeated title removed from body');
    assert.equal(r.published, '2024-08-05');
    assert.equal(r.lang, 'en');
    assert.ok(r.sentences.length >= 10);
  }
  // A newline always ends a sentence.
  for (const r of records) for (const s of r.sentences) assert.ok(!r.text.slice(s.start, s.end).includes('\n'));
  assertValid(records);
  // Ids are stable between runs.
  const again = brink(['extract', join(SHARED, 'seed/000_93d19e1e76ca8afd.txt')]);
  assert.deepEqual(again.records.map((r) => r.id), records.map((r) => r.id));
});

test('examples: every bundled example validates against the schema', () => {
  const { status, records, stderr } = brink(['extract', join(ROOT, 'examples')]);
  assert.equal(status, 0, stderr);
  const files = readdirSync(join(ROOT, 'examples'));
  assert.ok(files.length >= 3);
  assert.ok(records.length >= 7, `got ${records.length} records`);
  assertValid(records);
  const csv = records.find((r) => r.id === 'ex-101');
  assert.ok(csv);
  assert.equal(csv.published, '2023-11-15');
  assert.ok(csv.text.includes('"cannot carry the burden alone."'), 'doubled CSV quotes unescaped, text verbatim');
});

test('jsonl text is taken verbatim and offsets index it', () => {
  const text = '  Two  spaces\tand a tab.\r\nA second line. ';
  const { records } = brink(['extract', '--format', 'jsonl', '-'], { input: JSON.stringify({ id: 'v1', text }) + '\n' });
  assert.equal(records[0].text, text);
  assert.equal(records[0].sentences.length, 2);
  assertValid(records);
});

test('non-English articles pass through unanalysed', () => {
  const fr = "Le président a rencontré les ministres à Paris pour discuter de la situation dans la région et des mesures qui seront prises.";
  const { records } = brink(['extract', '--format', 'jsonl', '-'], { input: JSON.stringify({ id: 'fr', text: fr }) + '\n' });
  assert.equal(records[0].lang, 'fr');
  assert.deepEqual(records[0].sentences, []);
  assert.deepEqual(records[0].entities, []);
});

for (const [name, files] of [
  ['wikinews corpus', ['corpora/wikinews-2019-2020/wikinews_2019.csv', 'corpora/wikinews-2019-2020/wikinews_2020.csv']],
  ['state department corpus', ['corpora/state-department-2021-2022']],
]) {
  test(`${name}: every article validates`, { skip: !HAS_SHARED, timeout: 600_000 }, () => {
    const { status, records, stderr } = brink(['extract', ...files.map((f) => join(SHARED, f))]);
    assert.equal(status, 0, stderr);
    assert.ok(records.length > 250);
    assertValid(records);
  });
}
