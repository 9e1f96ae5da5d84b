// The dashboard's pure helpers (plain ESM under web/src): licence credits, safe links, chart periods.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditFor } from '../web/src/credit-for.js';
import { safeUrl } from '../web/src/safe-url.js';
import { periodRange } from '../web/src/period.js';
import { denseStart } from '../web/src/components/dense-start.js';

test('credit lines for Wikipedia Current Events and Wikinews, none for other hosts', () => {
  const wce = creditFor('https://en.wikipedia.org/wiki/Portal:Current_events/2022_February_24');
  assert.equal(wce.text, 'Wikipedia contributors, Portal:Current events');
  assert.equal(wce.licence, 'CC BY-SA 4.0');
  assert.equal(wce.link, 'https://en.wikipedia.org/wiki/Portal:Current_events/2022_February_24');
  assert.equal(creditFor('https://en.wikipedia.org/wiki/Kyiv').text, 'Wikipedia contributors');
  const wn = creditFor('https://en.wikinews.org//wiki/Some_story');
  assert.equal(wn.text, 'Wikinews');
  assert.equal(wn.licence, 'CC BY 2.5');
  assert.equal(creditFor('https://example.org/wikipedia.org/x'), null);
  assert.equal(creditFor('https://notwikipedia.org/x'), null);
  assert.equal(creditFor(null), null);
});

test('only http(s) urls become links', () => {
  assert.equal(safeUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
  assert.equal(safeUrl('javascript:alert(1)'), null);
  assert.equal(safeUrl(' JavaScript:alert(1)'), null);
  assert.equal(safeUrl('data:text/html,<script>alert(1)</script>'), null);
  assert.equal(safeUrl('not a url'), null);
  assert.equal(safeUrl(undefined), null);
});

test('series periods as day ranges: day, ISO week (also across a year end), month', () => {
  assert.deepEqual(periodRange('2022-02-24'), { from: '2022-02-24', to: '2022-02-24' });
  assert.deepEqual(periodRange('2022-W08'), { from: '2022-02-21', to: '2022-02-27' });
  assert.deepEqual(periodRange('2021-W52'), { from: '2021-12-27', to: '2022-01-02' });
  assert.deepEqual(periodRange('2020-W01'), { from: '2019-12-30', to: '2020-01-05' });
  assert.deepEqual(periodRange('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(periodRange('nonsense'), {});
});

test('a long series opens where its data starts, not at a stray early year', () => {
  const values = [1, ...Array(100).fill(0), 50, 60, 70];
  assert.equal(denseStart(values), 100);
  assert.equal(denseStart([5, 5, 5]), 0);
  assert.equal(denseStart([0, 0]), 0);
});

test('no dashboard source writes HTML from strings', async () => {
  const { readdirSync, readFileSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const root = new URL('../web/src', import.meta.url).pathname;
  const files = [];
  const walk = (d) => readdirSync(d).forEach((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : files.push(join(d, n))));
  walk(root);
  assert.ok(files.length > 10);
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|new Function|\beval\(/, f);
  }
});
