import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTimeData } from './time-lexicon.js';
import { buildTimeMatcher, findMatch, type TimeMatch, type TimeMatcher } from './time-matcher.js';
import { nextTrigger } from './trigger-words.js';

const matcher = buildTimeMatcher(loadTimeData());

/** One sentence or more for every rule, with long lead-ins before the first trigger word. */
const SENTENCES = [
  'The blast came at 10:35 a.m. EDT Friday, and a second at 14:20 GMT; by 9 o\'clock the streets were empty.',
  'The offer expires at midnight Friday, or at noon on Dec. 1, the company said on October 5, 1989.',
  'The accord of 5 March 2019 replaced the one of 2018-03-01 and the draft of 3/4/17.',
  'The mill closed in nineteen ninety-one and the plan ran to the year two thousand.',
  'It happened more than a couple of months ago, roughly two years earlier, and about three weeks from now.',
  'Margins in the year-earlier third quarter of fiscal 1988 shrank, like last year\'s quarter and the 1988 period.',
  'They fought for more than the better part of the next twenty to thirty consecutive days and the next few weeks.',
  'They stayed for a while after their day-long meeting ended the decades-long feud, and for the past year.',
  'After years of talks and months to come, the end of the month and year-end loomed.',
  'That year, the following day and later that week were quiet; in the early part of this past week it rained.',
  'Trading was brisk later this afternoon, by mid-afternoon yesterday, and in the morning.',
  'They met today, yesterday and tonight, in June 2021, in June last year, on Jan. 14, and on the 5th of May.',
  'Sales rose on Christmas Eve 2019, in the late 1980s, in the nineties, in the 20th century, and last winter.',
  'In the latest quarter, which ended Sept. 30, sales rose; year-ago results and the year-earlier period fell.',
  'The court will sit the week of March 6, for the week, over the weekend, on Mondays and on Tuesday night.',
  'In early March and in 1998 it met every two weeks, twice a month, and published weekly reports.',
  'Talks have lasted for days in recent years, and are now currently stalled; recently they were held in the foreseeable future.',
  'The senator will speak in the last half of 1990 and the first two quarters of 1991.',
];

function plainScan(m: TimeMatcher, text: string): string[] {
  const out: string[] = [];
  m.regex.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = m.regex.exec(text)) !== null) out.push(`${r.index}:${r[0]}`);
  return out;
}

/** The full pattern's match at `at`, if it has one there. */
function plainMatchAt(at: number, text: string): RegExpExecArray | null {
  const sticky = new RegExp(matcher.regex.source, 'iy');
  sticky.lastIndex = at;
  return sticky.exec(text);
}

function triggeredScan(m: TimeMatcher, text: string): string[] {
  const out: string[] = [];
  const cursor = { from: 0, tried: 0 };
  let found: TimeMatch | null;
  while ((found = findMatch(m, text, cursor)) !== null) {
    const r = found.match;
    out.push(`${r.index}:${r[0]}`);
    cursor.from = r.index + r[0].length;
  }
  return out;
}

test('the scan near trigger words finds what a scan of every position finds', () => {
  for (const text of SENTENCES) assert.deepEqual(triggeredScan(matcher, text), plainScan(matcher, text), text);
  // Also when matches are refused and the scan resumes one character on, as extractTimes does.
  for (const text of SENTENCES) {
    const plain: string[] = [];
    matcher.regex.lastIndex = 0;
    let r: RegExpExecArray | null;
    while ((r = matcher.regex.exec(text)) !== null) {
      plain.push(`${r.index}:${r[0]}`);
      matcher.regex.lastIndex = r.index + 1;
    }
    const triggered: string[] = [];
    const cursor = { from: 0, tried: 0 };
    let found: TimeMatch | null;
    while ((found = findMatch(matcher, text, cursor)) !== null) {
      triggered.push(`${found.match.index}:${found.match[0]}`);
      // The rule found is the one the full pattern's groups name.
      assert.equal(found.rule.id, matcher.rules.find((x) => plainMatchAt(found!.match.index, text)?.[x.index] !== undefined)?.id, text);
      cursor.from = found.match.index + 1;
    }
    assert.deepEqual(triggered, plain, text);
  }
});

test('every rule matches in the sentences above (so the comparison covers it)', () => {
  const fired = new Set<string>();
  for (const text of SENTENCES) {
    matcher.regex.lastIndex = 0;
    let r: RegExpExecArray | null;
    while ((r = matcher.regex.exec(text)) !== null) {
      const match = r;
      const rule = matcher.rules.find((x) => match[x.index] !== undefined);
      if (rule) fired.add(rule.id);
      matcher.regex.lastIndex = r.index + 1;
    }
  }
  assert.deepEqual(matcher.rules.map((x) => x.id).filter((id) => !fired.has(id)), []);
});

test('the trigger trie finds what the trigger expression finds, from any position', () => {
  assert.ok(matcher.triggerTrie, 'the trigger words of data/times fit the trie');
  const text = `${SENTENCES.join(' ')} In MID-2019, covid19 and a 24-hour, year-end twenty-first-century Sept. review.`;
  for (let from = 0; from < text.length; from++) {
    matcher.trigger.lastIndex = from;
    const r = matcher.trigger.exec(text);
    const hit = nextTrigger(matcher.triggerTrie!, text, from);
    assert.deepEqual(hit, r ? { index: r.index, end: r.index + r[0].length } : null, `from ${from}`);
  }
});
