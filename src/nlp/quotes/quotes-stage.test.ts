import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Quote } from '../../domain/types.js';
import type { AnalysisState } from '../../pipeline/analysis-state.js';
import { analyzeBase } from '../analyze-base.js';
import { loadCueLexicon, parseCueLexicon } from './cue-lexicon.js';
import { findQuoteMarks } from './find-quote-marks.js';
import { createQuotesStage } from './quotes-stage.js';

// Every sentence here was written for these tests. The stage runs without entities (no NER, no actors):
// it must still find quotes, cues and speaker mentions, and resolve pronouns to earlier speakers by name.
const stage = createQuotesStage(loadCueLexicon());

function quotes(text: string): Quote[] {
  const article: Article = { id: 't', url: null, source: null, title: null, published: '2025-01-01', publishedAt: null, publishedEstimated: false, text, origin: 't', format: 'jsonl' };
  const state: AnalysisState = { article, doc: analyzeBase(text), entities: [], times: [], quotes: [], events: [] };
  stage.run(state);
  for (const q of state.quotes) {
    // Offsets index the text exactly.
    assert.equal(q.text, text.slice(q.start, q.end));
    if (q.cue) assert.equal(q.cue.text, text.slice(q.cue.start, q.cue.end));
    if (q.speaker) assert.equal(q.speaker.text, text.slice(q.speaker.start, q.speaker.end));
  }
  return state.quotes;
}

const partsText = (text: string, q: Quote): string[] => q.parts.map((p) => text.slice(p.start, p.end));

function only(text: string): Quote {
  const found = quotes(text);
  assert.equal(found.length, 1, JSON.stringify(found.map((q) => q.text)));
  return found[0]!;
}

test('direct quotes in every quotation style', () => {
  const styles: Array<[string, string]> = [
    ['“The bridge will reopen in May,” the mayor said.', 'The bridge will reopen in May'],
    ['"The bridge will reopen in May," the mayor said.', 'The bridge will reopen in May'],
    ['«The bridge will reopen in May», the mayor said.', 'The bridge will reopen in May'],
    ["''The bridge will reopen in May,'' the mayor said.", 'The bridge will reopen in May'],
    ["``The bridge will reopen in May,'' the mayor said.", 'The bridge will reopen in May'],
    ['„The bridge will reopen in May“, the mayor said.', 'The bridge will reopen in May'],
  ];
  for (const [text, words] of styles) {
    const q = only(text);
    assert.equal(q.kind, 'direct', text);
    assert.equal(q.text, words, text);
    assert.equal(q.speaker?.text, 'the mayor', text);
    assert.equal(q.cue?.text, 'said', text);
  }
});

test('single quotes inside double quotes belong to the outer quotation', () => {
  const text = '“They keep calling it ‘a pause’ but it is a retreat,” the senator told reporters.';
  const q = only(text);
  assert.equal(q.text, 'They keep calling it ‘a pause’ but it is a retreat');
  assert.equal(q.speaker?.text, 'the senator');
  assert.equal(q.cue?.text, 'told');
});

test('apostrophes and stray marks open no quotation', () => {
  assert.deepEqual(findQuoteMarks('The ministers’ plan didn’t pass. He is 6\' tall and a " stray mark.'), []);
});

test('a quotation over several paragraphs is one quote with a part per paragraph', () => {
  const text = 'The governor spoke for an hour.\n\n“We will rebuild the port first.\n\n“Then we will rebuild the schools,” she said.';
  const q = quotes(text).find((x) => x.kind === 'direct')!;
  assert.deepEqual(partsText(text, q), ['We will rebuild the port first.', 'Then we will rebuild the schools']);
  assert.equal(q.speaker?.text, 'she');
});

test('a quotation split by its attribution is one quote with two parts', () => {
  const text = '“The talks were useful,” the envoy said, “but nothing was agreed.”';
  const q = only(text);
  assert.equal(q.kind, 'direct');
  assert.deepEqual(partsText(text, q), ['The talks were useful', 'but nothing was agreed.']);
  assert.equal(q.speaker?.text, 'the envoy');
});

test('speaker before the quotation: "X said in a post, “…”" and "Said X: “…”"', () => {
  let text = 'Marta Kowalski said in a post on her blog, “The vote was rigged.”';
  let q = only(text);
  assert.equal(q.kind, 'direct');
  assert.equal(q.text, 'The vote was rigged.');
  assert.equal(q.speaker?.text, 'Marta Kowalski');
  text = 'Said Kowalski: “Nobody asked us.”';
  q = only(text);
  assert.equal(q.text, 'Nobody asked us.');
  assert.equal(q.speaker?.text, 'Kowalski');
});

test('a quoted fragment inside reported speech makes a mixed quote; unattributed scare quotes make none', () => {
  const text = 'The union called the offer “an insult” on Tuesday.';
  const q = only(text);
  assert.equal(q.kind, 'mixed');
  assert.ok(q.text.includes('“an insult”'));
  assert.equal(q.speaker?.text, 'The union');
  assert.deepEqual(quotes('The so-called “peace train” left the station at noon.'), []);
  assert.deepEqual(quotes('She starred in “The Long Winter” in 1998.'), []);
});

test('indirect speech: said (that), told X, warned, posted on X that, according to', () => {
  const cases: Array<[string, string, string, string]> = [
    ['The finance minister said that the budget would be cut.', 'that the budget would be cut', 'The finance minister', 'said'],
    ['The finance minister said the budget would be cut.', 'the budget would be cut', 'The finance minister', 'said'],
    ['A senior army officer told Reuters the convoy had been attacked.', 'the convoy had been attacked', 'A senior army officer', 'told'],
    ['The coast guard warned that the storm could reach the island tonight.', 'that the storm could reach the island tonight', 'The coast guard', 'warned'],
    ['Lopez posted on X that he would not run again.', 'that he would not run again', 'Lopez', 'posted'],
    ['According to the harbour authority, two ships collided overnight.', 'two ships collided overnight', 'the harbour authority', 'according to'],
    ['Two ships collided overnight, according to the harbour authority.', 'Two ships collided overnight', 'the harbour authority', 'according to'],
    ['The dam is safe, the water board said on Friday.', 'The dam is safe', 'the water board', 'said'],
  ];
  for (const [text, content, speaker, cue] of cases) {
    const q = only(text);
    assert.equal(q.kind, 'indirect', text);
    assert.equal(q.text, content, text);
    assert.equal(q.speaker?.text, speaker, text);
    assert.equal(q.cue?.text.toLowerCase(), cue, text);
    assert.ok(q.rule?.startsWith('quote.'), text);
  }
});

test('two attributions in one sentence end each content at the clause boundary', () => {
  const text = 'The ministry told AFP that the meeting was “routine” while the opposition said it was a cover-up.';
  const found = quotes(text);
  assert.equal(found.length, 2);
  assert.equal(found[0]!.text, 'that the meeting was “routine”');
  assert.equal(found[0]!.kind, 'mixed');
  assert.equal(found[1]!.text, 'it was a cover-up');
  assert.equal(found[1]!.speaker?.text, 'the opposition');
});

test('pronoun speakers resolve to the last compatible speaker', () => {
  const text =
    'Anna Berg said the plan was ready. She met Tomas Lind on Monday.\n\n' +
    '“We will sign next week,” she added.\n\n' +
    'The two delegations, known as the Nordic Group, met in Oslo.\n\n' +
    '“We agreed on a timetable,” they said in a joint statement.';
  const found = quotes(text);
  const added = found.find((q) => q.cue?.text === 'added')!;
  assert.equal(added.speaker?.text, 'she');
  assert.equal(added.speaker?.name, 'Anna Berg');
  const they = found.find((q) => q.speaker?.text === 'they')!;
  assert.equal(they.text, 'We agreed on a timetable');
  assert.equal(they.speaker?.name, 'Nordic Group');
});

test('a whole-sentence quotation right after one keeps its speaker', () => {
  const text = '“The river is rising,” the engineer said. “We need more sandbags.”';
  const q = only(text);
  assert.deepEqual(partsText(text, q), ['The river is rising', 'We need more sandbags.']);
  assert.equal(q.speaker?.text, 'the engineer');
});

test('the cue lexicon is validated', () => {
  assert.throws(() => parseCueLexicon({ cues: [{ id: 'x', words: ['say'] }, { id: 'x', words: ['tell'] }] }), /duplicate id/);
  assert.throws(() => parseCueLexicon({ cues: [{ id: 'a', words: ['say'] }, { id: 'b', words: ['say'] }] }), /listed by/);
  assert.throws(() => parseCueLexicon({ cues: [{ id: 'a' }] }), /exactly one of/);
  const lex = parseCueLexicon({ cues: [{ id: 'say', words: ['say'] }, { id: 'acc', phrase: ['according', 'to'] }] });
  assert.equal(lex.verbs.get('say')?.id, 'say');
  assert.equal(lex.phrases.get('according')?.[0]?.id, 'acc');
});

test('a sentence split inside a parenthesis or before a lower-case word keeps its attribution', () => {
  const text = 'Sen. Dana Hollis (D-N.M.) said the audit had found nothing new.';
  const q = only(text);
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'the audit had found nothing new');
  assert.ok(q.speaker?.text.startsWith('Sen. Dana Hollis'));
});

test('relative-clause speakers and quantities of whom', () => {
  let q = only('The economists we surveyed said the forecast was too rosy.');
  assert.equal(q.speaker?.text, 'The economists we surveyed');
  assert.equal(q.text, 'the forecast was too rosy');
  q = only('The farmers met the minister, many of whom say the subsidy came too late.');
  assert.equal(q.speaker?.text, 'many of whom');
  assert.equal(q.text, 'the subsidy came too late');
});

test('a cue and a colon ending a paragraph: the next paragraph is the content', () => {
  const text = 'The mayor added:\n\nThe bridge is safe. Engineers checked every cable last week.\n\nTraffic resumed at noon.';
  const q = only(text);
  assert.equal(q.speaker?.text, 'The mayor');
  assert.equal(q.text, 'The bridge is safe. Engineers checked every cable last week');
});

test('"continued" is a cue next to a quotation only', () => {
  const q = only('The coach continued, “We will train twice a day until the final.”');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker?.text, 'The coach');
  assert.equal(quotes('The coach continued the training until the final whistle.').length, 0);
});

test('adjuncts between the cue and its content, and topics after a preposition', () => {
  let q = only('The governor said at a town hall in Dover, Delaware, that the tax would be repealed.');
  assert.equal(q.text, 'that the tax would be repealed');
  q = only('The governor said after the vote he would sign the bill.');
  assert.equal(q.text, 'he would sign the bill');
  q = only('The union complained about the new shift schedule.');
  assert.equal(q.text, 'the new shift schedule');
  assert.equal(q.speaker?.text, 'The union');
});

test('content first, then a publication that reports; a clause between commas is not an aside', () => {
  let q = only('Fuel prices rose for a third month, The Daily Ledger reports.');
  assert.equal(q.text, 'Fuel prices rose for a third month');
  assert.equal(q.speaker?.text, 'The Daily Ledger');
  q = only('The talks went badly, and the delegates left early, said one diplomat at the summit.');
  assert.equal(q.text, 'The talks went badly, and the delegates left early');
  assert.equal(q.speaker?.text, 'one diplomat');
});

test('gerunds after a comma, an adverb or "while" share the subject of the sentence', () => {
  const text = '“The pier is closed,” the harbour master said, adding later, “Boats may dock at the north quay.”';
  const found = quotes(text);
  assert.ok(found.some((q) => q.text === 'Boats may dock at the north quay.' && q.speaker?.text === 'the harbour master'), JSON.stringify(found.map((q) => [q.text, q.speaker?.text])));
  const q = only('The marchers crossed the square while chanting, “Open the archives now.”');
  assert.equal(q.speaker?.text, 'The marchers');
  assert.equal(q.text, 'Open the archives now.');
});

test('a title in quotation marks before a speaker with content of their own is not the quote', () => {
  const text = 'On Sunday’s edition of “Morning Roundtable,” the minister said the harvest would be late.';
  const q = only(text);
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'the harvest would be late');
  assert.equal(quotes('The president spoke at the museum on Saturday.').length, 0);
  assert.equal(only('The president spoke of the sacrifices of the veterans.').text, 'the sacrifices of the veterans');
});

test('"according to" after a comma attributes the whole clause; asides between dashes', () => {
  let q = only('Most renters would see their costs rise under the plan, according to a study by the housing council.');
  assert.equal(q.text, 'Most renters would see their costs rise under the plan');
  assert.equal(q.cue?.text, 'according to');
  q = only('Ruiz -- a historian of the port and author of two books on it -- said the docks were older than thought.');
  assert.equal(q.speaker?.text, 'Ruiz');
  assert.equal(q.text, 'the docks were older than thought');
});
