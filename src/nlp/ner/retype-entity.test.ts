import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retypeEntity, type RetypeRule } from './retype-entity.js';

const rules: RetypeRule[] = [
  { id: 't.loc', from: 'GPE', to: 'LOC', firstWords: new Set(['lake']), lastWords: new Set(['sea']) },
  { id: 't.law', from: 'MISC', to: 'LAW', firstWords: new Set(), lastWords: new Set(['treaty']) },
];

test('retypes by the last or first word of a multi-word name', () => {
  assert.equal(retypeEntity('GPE', 'Red Sea', rules), 'LOC');
  assert.equal(retypeEntity('GPE', 'Lake Victoria', rules), 'LOC');
  assert.equal(retypeEntity('MISC', 'Nuclear Non-Proliferation Treaty', rules), 'LAW');
});

test('leaves one-word names and other types alone', () => {
  assert.equal(retypeEntity('GPE', 'Sea', rules), 'GPE');
  assert.equal(retypeEntity('ORG', 'Red Sea', rules), 'ORG');
  assert.equal(retypeEntity('GPE', 'Tehran', rules), 'GPE');
});
