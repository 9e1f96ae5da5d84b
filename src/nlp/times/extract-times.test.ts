import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBase } from '../analyze-base.js';
import { extractTimes } from './extract-times.js';
import { loadTimeData } from './time-lexicon.js';
import { buildTimeMatcher } from './time-matcher.js';

const matcher = buildTimeMatcher(loadTimeData());

/** The times of one text as "extent=value" strings, in order. */
function times(text: string, published: string | null): string[] {
  return extractTimes(analyzeBase(text), published, matcher).map((t) => `${t.text}=${t.value}`);
}

// 2025-01-14 is a Tuesday; 2024-08-05 a Monday.
test('weekdays lie on or before the publication date in the past, after it in the future', () => {
  assert.deepEqual(times('The ministers met in Oslo on Monday.', '2025-01-14'), ['Monday=2025-01-13']);
  assert.deepEqual(times('The ministers will meet again on Monday.', '2025-01-14'), ['Monday=2025-01-20']);
  assert.deepEqual(times('The envoy arrived on Monday.', '2024-08-05'), ['Monday=2024-08-05']);
  assert.deepEqual(times('The talks are scheduled for Thursday.', '2025-01-14'), ['Thursday=2025-01-16']);
  assert.deepEqual(times('The summit opened last Friday.', '2024-08-05'), ['last Friday=2024-08-02']);
  assert.deepEqual(times('The vote is set for next Wednesday.', '2025-01-14'), ['next Wednesday=2025-01-15']);
});

test('months without a year follow the tense; named years and full dates stand', () => {
  assert.deepEqual(times('The council was formed in May.', '2024-08-05'), ['May=2024-05']);
  assert.deepEqual(times('The agency reported in February that stocks fell.', '2024-08-05'), ['February=2024-02']);
  assert.deepEqual(times('Elections will be held in March.', '2024-08-05'), ['March=2025-03']);
  assert.deepEqual(times('Last December, the envoy resigned.', '2025-01-14'), ['Last December=2024-12']);
  assert.deepEqual(times('They first met last November.', '2025-01-14'), ['last November=2024-11']);
  assert.deepEqual(times('The report came out early last month.', '2025-01-14'), ['early last month=2024-12']);
  assert.deepEqual(times('The treaty was signed on March 3, 2019.', '2024-08-05'), ['March 3, 2019=2019-03-03']);
  assert.deepEqual(times('The treaty was signed on 3 March 2019.', null), ['3 March 2019=2019-03-03']);
  assert.deepEqual(times('Prices rose in June 2021.', '2024-08-05'), ['June 2021=2021-06']);
  assert.deepEqual(times('The deadline is Jan. 20.', '2025-01-14'), ['Jan. 20=2025-01-20']);
});

test('a lower-case "may" or "march" is not a month', () => {
  assert.deepEqual(times('Protesters may march on the capital.', '2024-08-05'), []);
});

test('bare years, but not counts', () => {
  assert.deepEqual(times('In 2018, the government left the 2015 accord.', '2025-01-14'), ['2018=2018', '2015=2015']);
  assert.deepEqual(times('The army sent 2000 troops to the border.', '2025-01-14'), []);
  assert.deepEqual(times('It costs $2000 a month.', '2025-01-14'), []); // a price and a rate, not a year or a duration
});

test('weeks, quarters, seasons, decades', () => {
  assert.deepEqual(times('The strike began last week.', '2024-08-05'), ['last week=2024-W31']);
  assert.deepEqual(times('Exports fell in the third quarter.', '2024-11-20'), ['the third quarter=2024-Q3']);
  assert.deepEqual(times('Profits rose in the fourth quarter.', '2025-01-14'), ['the fourth quarter=2024-Q4']);
  assert.deepEqual(times('The offensive stalled last summer.', '2025-01-14'), ['last summer=2024-SU']);
  assert.deepEqual(times('The dam was built in the 1990s.', '2025-01-14'), ['the 1990s=199']);
  assert.deepEqual(times('Sales a year earlier had been weaker.', '2024-08-05'), ['a year earlier=2023']);
  assert.deepEqual(times('Sales rose in the quarter ended Sept. 30.', '2024-10-24'), ['the quarter=2024-Q3', 'Sept. 30=2024-09-30']);
  assert.deepEqual(times('Profit fell in the third quarter from a year ago.', '2024-10-24'), ['the third quarter=2024-Q3', 'a year ago=2023-Q3']);
});

test('relative days, times of day, and anchored offsets', () => {
  assert.deepEqual(times('The minister resigned yesterday.', '2024-08-05'), ['yesterday=2024-08-04']);
  assert.deepEqual(times('The result is due tomorrow.', '2024-08-05'), ['tomorrow=2024-08-06']);
  assert.deepEqual(times('He will speak tonight.', '2024-08-05'), ['tonight=2024-08-05TNI']);
  assert.deepEqual(times('The blast hit at 10:35 a.m. Friday.', '2024-08-05'), ['10:35 a.m. Friday=2024-08-02T10:35']);
  assert.deepEqual(times('The border closed two years ago.', '2024-08-05'), ['two years ago=2022']);
  assert.deepEqual(times('The ceasefire ended three days ago.', '2024-08-05'), ['three days ago=2024-08-02']);
});

test('anaphoric expressions refer to the date the text last named', () => {
  assert.deepEqual(times('The plant opened in 2019. That year, output doubled.', '2024-08-05'), ['2019=2019', 'That year=2019']);
  assert.deepEqual(times('The treaty was signed on March 3, 2019 and ratified the following day.', '2024-08-05'), [
    'March 3, 2019=2019-03-03',
    'the following day=2019-03-04',
  ]);
  assert.deepEqual(times('Output doubled that year.', '2024-08-05'), []); // nothing to refer to
  assert.deepEqual(times('Exports recovered earlier this year.', '2024-08-05'), ['earlier this year=2024']);
});

test('durations, sets and references', () => {
  assert.deepEqual(times('The war has lasted three years.', '2024-08-05'), ['three years=P3Y']);
  assert.deepEqual(times('Tension grew over the past decade.', '2024-08-05'), ['the past decade=P10Y']);
  assert.deepEqual(times('Talks lasted 2 1/2 hours.', '2024-08-05'), ['2 1/2 hours=PT2H30M']);
  assert.deepEqual(times('The council meets every Monday.', '2024-08-05'), ['every Monday=XXXX-WXX-1']);
  assert.deepEqual(times('The index is published weekly.', '2024-08-05'), ['weekly=P1W']);
  assert.deepEqual(times('Prices are now higher than they were recently.', '2024-08-05'), ['now=PRESENT_REF', 'recently=PAST_REF']);
  assert.deepEqual(times('Peace may come in the future.', '2024-08-05'), ['the future=FUTURE_REF']);
});

test('expressions anchored to another event are not resolved against the publication date', () => {
  assert.deepEqual(times('They met a week before the new president takes office.', '2025-01-14'), ['a week=P1W']);
});

test('extents carry no leading preposition and spans index the text', () => {
  const text = 'Since May, the two sides have met in Geneva on Monday.';
  const found = extractTimes(analyzeBase(text), '2025-01-14', matcher);
  assert.deepEqual(found.map((t) => t.text), ['May', 'Monday']);
  for (const t of found) {
    assert.equal(text.slice(t.start, t.end), t.text);
    assert.ok(t.rule && t.id.startsWith('t'));
  }
});

test('without a publication date relative values stay unresolved', () => {
  assert.deepEqual(times('The envoy arrived on Monday and left in May.', null), ['Monday=XXXX-WXX-1', 'May=XXXX-05']);
});

// 1989-10-27 is a Friday.
test('words that point forward put a date after the publication date whatever the tense', () => {
  assert.deepEqual(times('The board declared a dividend, payable Dec. 7.', '1989-10-27'), ['Dec. 7=1989-12-07']);
  assert.deepEqual(times('The offer was extended to Nov. 16.', '1989-10-27'), ['Nov. 16=1989-11-16']);
  assert.deepEqual(times('The rule was adopted, effective Feb. 1.', '1989-10-27'), ['Feb. 1=1990-02-01']);
  assert.deepEqual(times('Officials postponed until Tuesday any decision.', '1989-10-27'), ['Tuesday=1989-10-31']);
  assert.deepEqual(times('Only on Tuesday did the governor comment.', '1989-10-27'), ['Tuesday=1989-10-24']);
});

test('a plan verb after the date dates the plan being made, not the plan', () => {
  assert.deepEqual(times('The president on Wednesday vowed to rebuild the bridge.', '1989-10-27'), ['Wednesday=1989-10-25']);
  assert.deepEqual(times('On Thursday, the council planned to vote.', '1989-10-27'), ['Thursday=1989-10-26']);
  assert.deepEqual(times('The mayor could not be reached Wednesday.', '1989-10-27'), ['Wednesday=1989-10-25']);
});

test('spoken years, months of a relative year, fiscal years given by their end', () => {
  assert.deepEqual(times('The mill closed in nineteen ninety-one.', '1998-02-05'), ['nineteen ninety-one=1991']);
  assert.deepEqual(times('The plan runs to the year two thousand.', '1998-02-05'), ['the year two thousand=2000']);
  assert.deepEqual(times('The mayor resigned in June last year.', '1998-02-05'), ['June last year=1997-06']);
  assert.deepEqual(times('Sales for the year rose.', '1989-10-27'), ['the year=1989']);
  assert.deepEqual(times('Sales in the year ended March 31 rose.', '1989-10-27'), ['the year=P1Y', 'March 31=1989-03-31']);
});

test('"three days later" and "a day earlier" count from another event: a duration', () => {
  assert.deepEqual(times('Three days later, the rebels withdrew.', '1989-10-27'), ['Three days later=P3D']);
  assert.deepEqual(times('Two years earlier, the rebels had withdrawn.', '1989-10-27'), ['Two years earlier=1987']);
});

test('"the latest period" of a quarterly report is its quarter; "the current quarter" is the publication date\'s', () => {
  assert.deepEqual(times('Profit rose in the third quarter. Sales in the latest period were flat.', '1989-10-27'), [
    'the third quarter=1989-Q3',
    'the latest period=1989-Q3',
  ]);
  assert.deepEqual(times('Profit rose in the third quarter, and the current quarter began well.', '1989-10-27'), [
    'the third quarter=1989-Q3',
    'the current quarter=1989-Q4',
  ]);
  assert.deepEqual(times('The latest period of calm ended.', '1989-10-27'), []);
});

test('the quarter being reported stays the reference past a coming or an older quarter named in passing', () => {
  assert.deepEqual(
    times('Profit rose in the third quarter. A fourth-quarter charge is expected. Profit was lower a year ago.', '1989-11-02'),
    ['the third quarter=1989-Q3', 'fourth-quarter=1989-Q4', 'a year ago=1988-Q3'],
  );
  assert.deepEqual(
    times('Net rose in the third quarter after a flat second quarter. In the year-earlier period, net fell.', '1989-11-01'),
    ['the third quarter=1989-Q3', 'second quarter=1989-Q2', 'the year-earlier period=1988-Q3'],
  );
  // A fiscal quarter may be the current calendar one, and is then the reference.
  assert.deepEqual(times('Net fell in the fourth quarter ended Sept. 30 from a year earlier.', '1989-11-02'), [
    'the fourth quarter=1989-Q4',
    'Sept. 30=1989-09-30',
    'a year earlier=1988-Q4',
  ]);
});

test('halves: "the last half of", "the first two quarters of"; not "the last half hour"', () => {
  assert.deepEqual(times('Earnings will be lower for the last half of 1989.', '1989-10-26'), ['the last half of 1989=1989-H2']);
  assert.deepEqual(times('Losses will run through the first two quarters of 1990.', '1989-10-26'), ['the first two quarters of 1990=1990-H1']);
  assert.deepEqual(times('He waited for the last half hour.', '1989-10-26'), []);
});

test('year-ago quarters and periods of an earnings report', () => {
  assert.deepEqual(
    times('Profit rose in the third quarter. In the year-earlier third quarter, it fell. For the quarter a year ago, it fell.', '1989-10-30'),
    ['the third quarter=1989-Q3', 'the year-earlier third quarter=1988-Q3', 'the quarter a year ago=1988-Q3'],
  );
  assert.deepEqual(
    times('Net rose in the third quarter. Sales for last year\'s quarter and for the corresponding period last year fell.', '1989-10-30'),
    ['the third quarter=1989-Q3', "last year's quarter=1988-Q3", 'the corresponding period last year=1988-Q3'],
  );
  assert.deepEqual(times('Net for the year-earlier nine months included a gain.', '1989-10-30'), ['the year-earlier nine months=P9M']);
  // A fiscal quarter is the calendar quarter holding most of its months (May to July: the second).
  assert.deepEqual(times('In the quarter ended July 31, sales fell.', '1989-10-30'), ['the quarter=1989-Q2', 'July 31=1989-07-31']);
});

// 2000-03-29 is a Wednesday.
test('plans, schedules and dates that name a thing', () => {
  assert.deepEqual(times('The alliance has decided to admit the three states in early March.', '1999-02-10'), ['early March=1999-03']);
  assert.deepEqual(times('The hearings, which are meant to end by May, reopened.', '1998-03-22'), ['May=1998-05']);
  assert.deepEqual(times('They will fight on when the appeal is heard in May.', '2000-03-29'), ['May=2000-05']);
  assert.deepEqual(times('The lease had been due to lapse Friday.', '2000-03-29'), ['Friday=2000-03-24']);
  assert.deepEqual(times('Nobody explained the Jan. 14 cutoff.', '2000-01-05'), ['Jan. 14=2000-01-14']);
  assert.deepEqual(times('The agency gave its reasons on Jan. 14.', '2000-01-05'), ['Jan. 14=1999-01-14']);
});

// 1998-03-06 is a Friday.
test('parts of a day: with a deictic word, after a preposition, and clock times beside them', () => {
  assert.deepEqual(times('Talks resume later this afternoon.', '1998-03-06'), ['later this afternoon=1998-03-06TAF']);
  assert.deepEqual(times('Shares rose at mid-afternoon yesterday.', '1998-03-06'), ['mid-afternoon yesterday=1998-03-05TAF']);
  assert.deepEqual(times('By mid afternoon, the police had left.', '1998-03-06'), ['mid afternoon=1998-03-06TAF']);
  // "in the morning" is a part of the day the text last named.
  assert.deepEqual(times('Stocks fell on Wednesday. Dealers sold in the morning.', '1998-03-06'), [
    'Wednesday=1998-03-04',
    'the morning=1998-03-04TMO',
  ]);
  assert.deepEqual(times('The morning session was calm.', '1998-03-06'), []);
  assert.deepEqual(times('The convoy will set off at 5 in the morning.', '1998-03-06'), ['5 in the morning=1998-03-06T05:00']);
  assert.deepEqual(times('The team scored 3 in the morning session.', '1998-03-06'), []);
  assert.deepEqual(times('The quake struck at 11:20 a.m. (0820 GMT) Thursday.', '1998-03-06'), [
    '11:20 a.m.=1998-03-05T11:20',
    'Thursday=1998-03-05',
  ]);
});

test('year-end, centuries and decades in words', () => {
  assert.deepEqual(times('The firms hope to close the deal by year-end.', '1989-11-02'), ['year-end=1989']);
  assert.deepEqual(times('The index has risen 9% since year-end.', '1989-11-02'), ['year-end=1988']);
  assert.deepEqual(times('It was among the great events of the 20th century.', '1989-11-02'), ['the 20th century=19']);
  assert.deepEqual(times('Crime fell through the nineties.', '1998-03-03'), ['the nineties=199']);
  assert.deepEqual(times('The senator, in his sixties, retired.', '1998-03-03'), []);
  assert.deepEqual(times('The city was ruled from abroad for centuries.', '1998-03-03'), ['centuries=PXY']);
  assert.deepEqual(times('They made the late-November trip.', '2000-01-28'), ['late-November=1999-11']);
});

test('months before a noun, weeks named by a day, titles and idioms that are no times', () => {
  assert.deepEqual(times('The firm sold itself under a June agreement.', '1989-10-27'), ['June=1989-06']);
  assert.deepEqual(times('The hearing is set for the week of March 6.', '2000-02-24'), ['the week of March 6=2000-W10']);
  assert.deepEqual(times('Baker spoke on the programme "This Week" about it.', '2000-02-24'), []);
  assert.deepEqual(times('For the old guard, high noon is here at last.', '1999-03-12'), []);
});

test('a rate is a set; a modal looks ahead unless "have" follows', () => {
  assert.deepEqual(times('The cuts save $500 million a year.', '1989-10-30'), ['a year=P1Y']);
  assert.equal(extractTimes(analyzeBase('The airline flies four flights a week.'), '1989-10-30', matcher)[0]?.type, 'SET');
  assert.deepEqual(times('The talks may resume on Monday.', '2025-01-14'), ['Monday=2025-01-20']);
  assert.deepEqual(times('The envoy may have left on Monday.', '2025-01-14'), ['Monday=2025-01-13']);
});

test('indefinite and compound durations, Election Day, and "the previous Friday" from the day last named', () => {
  assert.deepEqual(times('The village will have to manage without power for a while.', '1998-01-11'), ['a while=PXX']);
  assert.deepEqual(times('It happened some time ago.', '1998-01-11'), []);
  assert.deepEqual(times('The family left their third day-long meeting.', '2000-04-03'), ['day-long=P1D']);
  assert.deepEqual(times('It was a decades-long battle.', '2000-04-03'), ['decades-long=PXY']);
  assert.deepEqual(times('The race runs to Election Day.', '2022-10-20'), ['Election Day=2022-11-08']);
  assert.deepEqual(times('Bond yields ended higher on Friday, up slightly from the previous Friday.', '1989-10-30'), [
    'Friday=1989-10-27',
    'previous Friday=1989-10-20',
  ]);
});

test('a future auxiliary far back governs a long verb phrase, unless a subordinate clause intervenes', () => {
  assert.deepEqual(times('The engineer will be appointed head of the new northern rail project for its opening in December.', '1998-03-04'), [
    'December=1998-12',
  ]);
  assert.deepEqual(times('The refugees will remain in the camp for at least two more weeks even after a judge on Thursday ruled.', '2000-06-02'), [
    'at least two more weeks=P2W',
    'Thursday=2000-06-01',
  ]);
});

test('a capitalised set word after a name is part of the name', () => {
  assert.deepEqual(times('Police raided the offices of Apple Daily on Thursday.', '2021-06-18'), ['Thursday=2021-06-17']);
  assert.deepEqual(times('The ministry publishes daily reports.', '2021-06-18'), ['daily=P1D']);
});

test('compound number words count as one number', () => {
  assert.deepEqual(times('In the last twenty four hours, rainfall doubled.', '1998-01-08'), ['the last twenty four hours=PT24H']);
  assert.deepEqual(times('The mine closed thirty-six years ago.', '1998-01-08'), ['thirty-six years ago=1962']);
});

test('"the past year" is the year before the publication year; "the past decade" stays a span', () => {
  assert.deepEqual(times('Hate crimes rose sharply over the past year.', '1998-03-03'), ['the past year=1997']);
  assert.deepEqual(times('Inquiries multiplied in the last year.', '1998-03-03'), ['the last year=1997']);
  assert.deepEqual(times('Tension grew over the past decade.', '1998-03-03'), ['the past decade=P10Y']);
});

test('an earnings sentence about nine months compares "a year earlier" with that span: the year', () => {
  assert.deepEqual(
    times('Profit rose in the third quarter. For the nine months, net fell from a year earlier.', '1989-10-26'),
    ['the third quarter=1989-Q3', 'the nine months=P9M', 'a year earlier=1988'],
  );
  assert.deepEqual(times('Revenue grew in the third quarter. For the first nine months, earnings slipped from the 1988 period.', '1989-10-26'), [
    'the third quarter=1989-Q3',
    'the first nine months=P9M',
    'the 1988 period=1988',
  ]);
  // The quarter itself is still compared with the year-ago quarter.
  assert.deepEqual(times('Profit rose in the third quarter. Sales fell from a year earlier.', '1989-10-26'), [
    'the third quarter=1989-Q3',
    'a year earlier=1988-Q3',
  ]);
});

// 2000-01-07 is a Friday.
test('a weekday that names a thing lies in the past whatever the tense around it', () => {
  assert.deepEqual(times("Lawyers said they would appeal against Wednesday's verdict.", '2000-01-07'), ['Wednesday=2000-01-05']);
  assert.deepEqual(times('They said they would appeal on Wednesday.', '2000-01-07'), ['Wednesday=2000-01-12']);
  assert.deepEqual(times('Hundreds came to a Sunday memorial service that will be repeated.', '2000-01-07'), ['Sunday=2000-01-02']);
});

test('half of a decade, halves after a unit, and "the next day" after a named day', () => {
  assert.deepEqual(times("Wages stagnated during the last half of the '80s.", '1989-10-26'), ["the last half of the '80s=198"]);
  assert.deepEqual(times('The talks lasted a year and a half.', '1998-01-14'), ['a year and a half=P1Y6M']);
  assert.deepEqual(times('A minute and a half later, the alarm stopped.', '1998-01-14'), ['A minute and a half=PT1M30S']);
  assert.deepEqual(times('The treaty was signed on March 3, 2019 and ratified the next day.', '2024-08-05'), [
    'March 3, 2019=2019-03-03',
    'the next day=2019-03-04',
  ]);
  assert.deepEqual(times('Talks will resume within the next day.', '2024-08-05'), ['the next day=P1D']);
});

test('"Now," opening a sentence, "today\'s world" and "the people of tomorrow" are no times', () => {
  assert.deepEqual(times('Now, he says, the West wants war.', '1991-02-25'), []);
  assert.deepEqual(times('Now the court has ruled.', '1991-02-25'), ['Now=PRESENT_REF']);
  assert.deepEqual(times("Such rules make no sense in today's world.", '1998-04-24'), []);
  assert.deepEqual(times('I would choose the people of tomorrow.', '1989-11-02'), []);
  assert.deepEqual(times("Today's vote was close.", '1998-04-24'), ['Today=1998-04-24']);
});

test('"soon" looks ahead only in a clause that does', () => {
  assert.deepEqual(times('The firm will soon begin selling boxes.', '1989-10-30'), ['soon=FUTURE_REF']);
  assert.deepEqual(times('They want to leave as soon as possible.', '1989-10-30'), ['as soon as possible=FUTURE_REF']);
  assert.deepEqual(times('He died soon after his capture.', '1989-10-30'), []);
  assert.deepEqual(times('The trickle of cash soon became a flood.', '1989-10-30'), []);
});

test('bare plurals in idioms that measure no span', () => {
  assert.deepEqual(times('The two bombs went off minutes apart.', '1998-08-08'), []);
  assert.deepEqual(times('It is a matter of days before he leaves.', '1998-08-08'), []);
  assert.deepEqual(times('They have fought for years.', '1998-08-08'), ['years=PXY']);
});

test('a season of a spoken year; "one day" after a modal is some day to come', () => {
  assert.deepEqual(times('The river froze in the winter of nineteen eighty-seven.', '1998-02-23'), ['the winter of nineteen eighty-seven=1987-WI']);
  assert.deepEqual(times('The town will one day be a regional hub.', '1998-03-03'), ['one day=FUTURE_REF']);
  assert.deepEqual(times('The strike lasted one day.', '1998-03-03'), ['one day=P1D']);
});

test('"last" before a month and day puts the day in the past; a month before a noun takes no tense from its clause', () => {
  assert.deepEqual(times('The mayor, who was elected last Nov. 8, is stepping down.', '2025-01-14'), ['Nov. 8=2024-11-08']);
  // "is continuing" reads as a coming event, but "a June agreement" was made: the nearest June, not next year's.
  assert.deepEqual(times('The firm is continuing its search under a June agreement with investors.', '2024-10-20'), ['June=2024-06']);
});

test('a weekday beside a month and day picks the year; a weekday with a plural part of the day recurs', () => {
  // The past clause alone puts June 2 in 2024, a Sunday; Monday, June 2 is the coming one, in 2025.
  assert.deepEqual(times('Delegates prepared the agenda for the summit of June 2.', '2025-01-14'), ['June 2=2024-06-02']);
  assert.deepEqual(times('Delegates prepared the agenda for the summit of Monday, June 2.', '2025-01-14'), ['Monday, June 2=2025-06-02']);
  assert.deepEqual(times('The ferry sails on Friday nights.', '2025-01-14'), ['Friday nights=XXXX-WXX-5TNI']);
});

test('"that same day" is the day the text last named', () => {
  assert.deepEqual(times('The envoy landed on March 3, 2024, and met the king that same day.', '2024-03-10'), [
    'March 3, 2024=2024-03-03',
    'that same day=2024-03-03',
  ]);
});

test('"then current" looks back from the publication date; "current" alone does not', () => {
  assert.deepEqual(times('Holders could buy shares at half the then-current price.', '2024-08-05'), ['then-current=PAST_REF']);
  assert.deepEqual(times('Holders could buy shares at half the then current price.', '2024-08-05'), ['then current=PAST_REF']);
  assert.deepEqual(times('Holders can buy shares at half the current price.', '2024-08-05'), ['current=PRESENT_REF']);
});
