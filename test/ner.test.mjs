import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { brink, contractProblems, HAS_SHARED, SHARED } from './helpers/contract.mjs';

// The seed articles (read from ../shared, never copied here): the names an analyst needs, with their types.
const EXPECTED = [
  ['Sergei Shoigu', 'PERSON'],
  ['Masoud Pezeshkian', 'PERSON'],
  ['Ismail Haniyeh', 'PERSON'],
  ['Vladimir Putin', 'PERSON'],
  ['Enrique Mora', 'PERSON'],
  ['Kazem Gharibabadi', 'PERSON'],
  ['Hamas', 'ORG'],
  ['Hezbollah', 'ORG'],
  ['European Union', 'ORG'],
  ['Tehran', 'GPE'],
  ['Beirut', 'GPE'],
  ['Geneva', 'GPE'],
];

test('seed: key persons, organisations and places found with the right type', { skip: !HAS_SHARED }, () => {
  const { status, records, stderr } = brink(['extract', '--published', '2024-08-05', join(SHARED, 'seed/000_93d19e1e76ca8afd.txt')]);
  assert.equal(status, 0, stderr);
  const found = new Set(records.flatMap((r) => r.entities.map((e) => `${e.type}:${e.text}`)));
  const missing = EXPECTED.filter(([name, type]) => !found.has(`${type}:${name}`));
  assert.deepEqual(missing, [], `found: ${[...found].join(' | ')}`);
  // No span starts with a title or an article.
  for (const r of records) {
    for (const e of r.entities) {
      assert.doesNotMatch(e.text, /^(?:the|President|Mr\.|Minister|Foreign Minister) /i, e.text);
    }
    assert.deepEqual(contractProblems(r), []);
  }
});

test('jsonl input: entity offsets index the given text exactly', () => {
  const text = 'Kenyan President William Ruto flew to Addis Ababa for a World Health Organization meeting.';
  const { status, records, stderr } = brink(['extract', '--format', 'jsonl', '-'], { input: JSON.stringify({ id: 'a1', text }) + '\n' });
  assert.equal(status, 0, stderr);
  const found = records[0].entities.map((e) => `${e.type}:${e.text}`);
  assert.ok(found.includes('PERSON:William Ruto'), found.join(' | '));
  assert.ok(found.includes('ORG:World Health Organization'), found.join(' | '));
  assert.ok(found.includes('GPE:Addis Ababa'), found.join(' | '));
  for (const e of records[0].entities) assert.equal(text.slice(e.start, e.end), e.text);
});
