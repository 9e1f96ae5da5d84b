import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBase } from '../analyze-base.js';
import { dateForSpan, datePrecisionOf } from './date-for-span.js';
import { extractTimes } from './extract-times.js';
import { findPublished } from './find-published.js';
import { loadTimeData } from './time-lexicon.js';
import { buildTimeMatcher } from './time-matcher.js';

const matcher = buildTimeMatcher(loadTimeData());

/** The event date of the first token equal to `trigger` in a one-sentence text. */
function dateOf(text: string, trigger: string, published: string | null) {
  const doc = analyzeBase(text);
  const times = extractTimes(doc, published, matcher);
  const i = doc.tokens.findIndex((t) => t.text === trigger);
  assert.ok(i >= 0, `trigger ${trigger} not found`);
  const r = dateForSpan(times, doc, doc.tokens[i]!.sentence, i, published);
  return { date: r.date, precision: r.precision };
}

test('the time expression of the clause dates the event, with its precision', () => {
  assert.deepEqual(dateOf('The envoy arrived in Oslo on Monday for talks.', 'arrived', '2025-01-14'), { date: '2025-01-13', precision: 'day' });
  assert.deepEqual(dateOf('The rebels seized the town last week.', 'seized', '2024-08-05'), { date: '2024-W31', precision: 'week' });
  assert.deepEqual(dateOf('The agency reported in February that exports fell.', 'reported', '2024-08-05'), { date: '2024-02', precision: 'month' });
  assert.deepEqual(dateOf('In 2018, the government left the accord.', 'left', '2025-01-14'), { date: '2018', precision: 'year' });
});

test('a time in another clause, or one naming a thing, does not date the event', () => {
  // "in May" dates the relative clause; "arrived" has no time of its own: the publication date.
  assert.deepEqual(dateOf('The minister, who was appointed in May, arrived yesterday.', 'arrived', '2024-08-05'), { date: '2024-08-04', precision: 'day' });
  assert.deepEqual(dateOf('The minister, who was appointed in May, resigned.', 'resigned', '2024-08-05'), { date: '2024-08-05', precision: 'day' });
  // "the 2015 deal" is a name, not when the withdrawal happened.
  assert.deepEqual(dateOf('The government abandoned the 2015 deal.', 'abandoned', '2025-01-14'), { date: '2025-01-14', precision: 'day' });
  // So is a year before a gerund used as a noun ("the 2011 stabbing").
  assert.deepEqual(dateOf('A jury convicted the guard over the 2011 stabbing of a prisoner.', 'convicted', '2013-11-22'), { date: '2013-11-22', precision: 'day' });
});

test('without any time or publication date the event date is unknown', () => {
  assert.deepEqual(dateOf('The government abandoned the deal.', 'abandoned', null), { date: null, precision: null });
});

test('calendar reading of TimeML values', () => {
  assert.deepEqual(datePrecisionOf('2024-08-05T10:35'), { date: '2024-08-05', precision: 'day' });
  assert.deepEqual(datePrecisionOf('2024-W31-WE'), { date: '2024-W31', precision: 'week' });
  assert.deepEqual(datePrecisionOf('2024-Q3'), { date: '2024', precision: 'year' });
  assert.equal(datePrecisionOf('PRESENT_REF'), null);
  assert.equal(datePrecisionOf('XXXX-WXX-1'), null);
  assert.equal(datePrecisionOf('P3Y'), null);
});

test('publication date: a dateline wins; else the latest full date, estimated', () => {
  const guess = (text: string) => findPublished(text, extractTimes(analyzeBase(text), null, matcher));
  assert.deepEqual(guess('Friday, January 4, 2019\nThe council met on Thursday.'), { published: '2019-01-04', estimated: false });
  assert.deepEqual(guess('The pact of March 1, 2020 was replaced on May 5, 2021.'), { published: '2021-05-05', estimated: true });
  assert.deepEqual(guess('BERGEN, June 7 (Wire) - Ministers met in 2022 and again this week.'), { published: '2022-06-07', estimated: true });
  assert.equal(guess('The council met on Thursday.'), null);
});
