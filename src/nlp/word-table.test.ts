import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWordTable } from './word-table.js';

test('a word table finds each kept word at its index and nothing else', () => {
  const words = ['talks', 'Talks', 'ceasefire', '', 'talks', 'envoy'];
  const find = createWordTable(words);
  assert.equal(find('talks'), 4, 'a word listed twice is found at its last index');
  assert.equal(find('Talks'), 1);
  assert.equal(find('ceasefire'), 2);
  assert.equal(find(''), 3);
  assert.equal(find('envoy'), 5);
  assert.equal(find('truce'), -1);
  // Many words: every one is found, collisions included.
  const many = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
  const table = createWordTable(many);
  for (let i = 0; i < many.length; i++) assert.equal(table(many[i]!), i);
  assert.equal(table('w'), -1);
});
