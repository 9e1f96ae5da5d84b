import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchPrefixes, symbolOf, type MatchPrefixes } from './match-prefixes.js';
import { loadTimeData } from './time-lexicon.js';
import { rulesAt } from './rule-selector.js';
import { buildTimeMatcher } from './time-matcher.js';

test('prefixes of words, optional parts, classes and repeats', () => {
  const p = matchPrefixes('(?:(?<mod>early|late)\\s+)?(?<wd>monday|tuesday)|[01]?\\d:\\d\\d', 3)!;
  assert.deepEqual([...p.prefixes].sort(), ['00:', '0:0', 'ear', 'lat', 'mon', 'tue']);
  // A look-ahead consumes nothing; a whole match shorter than k stays as it is.
  assert.deepEqual([...matchPrefixes('a(?=\\s+b)|no', 3)!.prefixes].sort(), ['a', 'no']);
});

/** Whether a match can start at `at`: the text there, read as symbols, opens one of the prefixes (or is a whole match). */
function canStartAt(p: MatchPrefixes, text: string, at: number): boolean {
  let key = '';
  for (let j = 0; j < p.k && at + j < text.length; j++) {
    key += symbolOf(text[at + j]!);
    if (p.prefixes.has(key)) return true;
  }
  return false;
}

test('a position passes when the text there opens a possible match, whatever its case, digits and spaces', () => {
  const p = matchPrefixes('(?:early\\s+)?monday|\\d{1,2}\\s*p\\.m\\.', 4)!;
  const text = 'Said EARLY Monday at 5\u2009p.m. and 12 p.m.';
  const starts = [...text.matchAll(/\S+/g)].map((m) => m.index).filter((i) => canStartAt(p, text, i));
  assert.deepEqual(starts.map((i) => text.slice(i, i + 5)), ['EARLY', 'Monda', '5\u2009p.m', '12 p.']);
});

test('syntax beyond the analysis gives no filter rather than a wrong one', () => {
  assert.equal(matchPrefixes('\\w+day', 3), null);
  assert.equal(matchPrefixes('^monday', 3), null);
  // A wide class after the first k symbols costs nothing.
  assert.deepEqual([...matchPrefixes('about\\w+', 3)!.prefixes], ['abo']);
});

test('the rules of data/times have a filter, and it lets every rule example through', () => {
  const matcher = buildTimeMatcher(loadTimeData());
  assert.ok(matcher.selector.prefixes.every((p) => p !== null), 'rules.json uses syntax the analysis reads');
  const text = 'On Tuesday night, 3 1/2 weeks after the year-earlier period and a while before Christmas Eve, at 10:35 a.m.';
  matcher.regex.lastIndex = 0;
  let found = 0;
  for (let m = matcher.regex.exec(text); m; m = matcher.regex.exec(text)) {
    found++;
    const match = m;
    const rule = matcher.rules.find((r) => match[r.index] !== undefined)!;
    assert.ok(rulesAt(matcher.selector, text, m.index)?.some((r) => r.rule.id === rule.id), m[0]);
  }
  assert.ok(found >= 4, `${found} matches`);
  assert.equal(rulesAt(matcher.selector, 'said the minister', 0), null);
});
