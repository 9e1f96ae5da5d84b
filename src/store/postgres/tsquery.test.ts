import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearchQuery } from '../search-query.js';
import { toTsquery } from './tsquery.js';

const tsq = (q: string) => toTsquery(parseSearchQuery(q));

test('search query → tsquery: phrases, OR, exclusion, prefixes', () => {
  assert.equal(tsq('protest'), "'protest'");
  assert.equal(tsq('"diesel prices outside"'), "('diesel' <-> 'prices' <-> 'outside')");
  assert.equal(tsq('quotas OR budget'), "('quotas' | 'budget')");
  assert.equal(tsq('parliament -diesel'), "'parliament' & !'diesel'");
  assert.equal(tsq('parl*'), "'parl':*");
  assert.equal(tsq('"prime min"*'), "('prime' <-> 'min':*)");
});

test('search query → tsquery: user text never becomes tsquery syntax', () => {
  // Only letters and digits reach the string, each quoted: operators, quotes and colons are dropped.
  assert.equal(tsq("diesel's"), "('diesel' <-> 's')");
  assert.equal(tsq("a&b|c:*!d"), "('a' <-> 'b' <-> 'c' <-> 'd')");
  assert.equal(tsq("it's (war) <->"), "('it' <-> 's') & 'war'");
  assert.equal(toTsquery({ clauses: [{ any: [{ text: '!!', prefix: false }], negated: false }] }), null);
});
