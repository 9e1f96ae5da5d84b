// End-to-end: the `times` of `brink extract` on the seed's two articles (each given its own publication date)
// and publication dates found in the text. Seed text stays in ../shared; the other fixtures are written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brink, contractProblems, HAS_SHARED, SHARED } from './helpers/contract.mjs';

const SEED = join(SHARED, 'seed/000_93d19e1e76ca8afd.txt');
const pairs = (r) => r.times.map((t) => `${t.text}=${t.value}`);

test('seed article 1 (published Monday 2024-08-05): every date expression resolved', { skip: !HAS_SHARED }, () => {
  const { status, records, stderr } = brink(['extract', '--published', '2024-08-05', SEED]);
  assert.equal(status, 0, stderr);
  const r = records[0];
  assert.deepEqual(contractProblems(r), []);
  assert.deepEqual(pairs(r), [
    'Monday=2024-08-05',
    'last week=2024-W31',
    'May=2024-05',
    'last week=2024-W31',
    'February=2024-02',
    'June=2024-06',
    'last Friday=2024-08-02',
  ]);
  for (const t of r.times) {
    assert.ok(t.rule, `time ${t.id} carries its rule`);
    assert.doesNotMatch(t.text, /^(on|in|at|since|during) /i, 'no leading preposition');
  }
});

test('seed article 2 (published Tuesday 2025-01-14): every date expression resolved', { skip: !HAS_SHARED }, () => {
  const { status, records, stderr } = brink(['extract', '--published', '2025-01-14', SEED]);
  assert.equal(status, 0, stderr);
  const r = records[1];
  assert.deepEqual(contractProblems(r), []);
  const got = pairs(r);
  for (const want of ['Monday=2025-01-13', 'last November=2024-11', '2018=2018', '2015=2015', 'Last December=2024-12']) {
    assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
  }
  assert.equal(got.filter((p) => p === 'Monday=2025-01-13').length, 2, 'both Mondays');
  assert.equal(got.filter((p) => p === '2015=2015').length, 2, 'the 2015 deal and the 2015 pact');
  // "a week before Trump takes office" is anchored on another event: a duration, not a date.
  const week = r.times.find((t) => /a week$/.test(t.text));
  assert.equal(week?.value, 'P1W');
  // Nothing else is resolved to a calendar date outside what the text says.
  for (const t of r.times) if (/^\d{4}-\d\d-\d\d$/.test(t.value)) assert.equal(t.value, '2025-01-13');
});

test('seed caption, given verbatim as JSON Lines: "early last month" in January 2025 is 2024-12', { skip: !HAS_SHARED }, () => {
  const line = readFileSync(SEED, 'utf8').split('\n').find((l) => l.includes('early last month'));
  const input = JSON.stringify({ id: 'caption', text: line, published: '2025-01-14' }) + '\n';
  const { status, records, stderr } = brink(['extract', '--format', 'jsonl', '-'], { input });
  assert.equal(status, 0, stderr);
  assert.ok(pairs(records[0]).includes('early last month=2024-12'), pairs(records[0]).join(', '));
});

test('publication date from a dateline, else estimated from the content, else null', () => {
  const input = [
    { id: 'headed', text: 'Friday, January 4, 2019\nThe council met on Thursday to discuss the budget.' },
    { id: 'wire', text: 'OSLO, Mar 3 (Wire) - The ministers met on Monday. The accord of 2021 still holds.' },
    { id: 'content', text: 'The treaty was signed on June 2, 2020. Talks resumed on Tuesday.' },
    { id: 'none', text: 'The ministers met on Monday to discuss the budget.' },
  ].map((o) => JSON.stringify(o)).join('\n') + '\n';
  const { status, records, stderr } = brink(['extract', '--format', 'jsonl', '-'], { input });
  assert.equal(status, 0, stderr);
  const [headed, wire, content, none] = records;
  assert.equal(headed.published, '2019-01-04');
  assert.equal(headed.publishedEstimated, false);
  assert.ok(pairs(headed).includes('Thursday=2019-01-03'), pairs(headed).join(', '));
  assert.equal(wire.published, '2021-03-03');
  assert.equal(content.published, '2020-06-02');
  assert.equal(content.publishedEstimated, true);
  assert.ok(pairs(content).includes('Tuesday=2020-06-02'), pairs(content).join(', '));
  assert.equal(none.published, null);
  assert.ok(pairs(none).includes('Monday=XXXX-WXX-1'));
  for (const r of records) assert.deepEqual(contractProblems(r), []);
});
