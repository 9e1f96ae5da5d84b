import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearchQuery, SearchQueryError } from './search-query.js';
import { toFts5 } from './sqlite/fts5-query.js';

test('search query: words, phrases, OR, exclusion, prefixes', () => {
  assert.deepEqual(parseSearchQuery('Iran "nuclear talks" -Vienna sanc*'), {
    clauses: [
      { any: [{ text: 'Iran', prefix: false }], negated: false },
      { any: [{ text: 'nuclear talks', prefix: false }], negated: false },
      { any: [{ text: 'Vienna', prefix: false }], negated: true },
      { any: [{ text: 'sanc', prefix: true }], negated: false },
    ],
  });
  assert.deepEqual(parseSearchQuery('ceasefire OR truce').clauses, [{ any: [{ text: 'ceasefire', prefix: false }, { text: 'truce', prefix: false }], negated: false }]);
  // Punctuation-only tokens are dropped; a query of nothing searchable is refused.
  assert.equal(parseSearchQuery('Gaza - & ceasefire').clauses.length, 2);
  assert.throws(() => parseSearchQuery('  '), SearchQueryError);
  assert.throws(() => parseSearchQuery('-Vienna'), SearchQueryError);
});

test('search query → FTS5: user text is always quoted, never read as FTS5 syntax', () => {
  assert.equal(toFts5(parseSearchQuery('Iran "nuclear talks" -Vienna')), '("Iran" AND "nuclear talks") NOT "Vienna"');
  assert.equal(toFts5(parseSearchQuery('a OR b c*')), '("a" OR "b") AND "c" *');
  assert.equal(toFts5(parseSearchQuery('NEAR(x y) AND "say ""hi"')), '"NEAR(x" AND "y)" AND "AND" AND "say " AND "hi"');
});
