import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { brink, contractProblems, HAS_SHARED, SHARED } from './helpers/contract.mjs';

// Who the speaker is: the actor when the actors stage resolved one, else the name the quotes stage
// carried over from an earlier speaker (pronouns).
const who = (q) => q.speaker?.actor?.name ?? q.speaker?.name ?? null;

test('seed: quotations attributed to Gharibabadi, the E3 and Zvezda; none from titles or captions', { skip: !HAS_SHARED }, () => {
  const { status, records, stderr } = brink(['extract', '--published', '2024-08-05', join(SHARED, 'seed/000_93d19e1e76ca8afd.txt')]);
  assert.equal(status, 0, stderr);
  assert.equal(records.length, 2);
  for (const r of records) assert.deepEqual(contractProblems(r), [], `record ${r.id}`);
  const [putin, iran] = records;

  // Gharibabadi: the post on X and his four quotations, two of them through "he".
  const gharibabadi = iran.quotes.filter((q) => who(q) === 'Kazem Gharibabadi');
  const direct = gharibabadi.filter((q) => q.kind === 'direct');
  assert.equal(direct.length, 4, JSON.stringify(gharibabadi.map((q) => q.text)));
  assert.equal(direct.filter((q) => q.speaker.text === 'he').length, 2);
  for (const start of ['We exchanged views', 'We also addressed', 'We discussed ideas', 'Sides concurred']) {
    assert.ok(direct.some((q) => q.text.startsWith(start)), start);
  }
  const wrote = direct.find((q) => q.text.startsWith('We exchanged views'));
  assert.equal(wrote.cue.text, 'wrote');
  assert.ok(gharibabadi.some((q) => q.kind === 'indirect' && q.cue.text === 'posted' && q.text.startsWith('that he and Takht-Ravanchi')));

  // The E3 statement, through "they said".
  const e3 = iran.quotes.find((q) => q.text.startsWith('Against a challenging context'));
  assert.ok(e3, 'E3 statement found');
  assert.equal(e3.kind, 'direct');
  assert.equal(e3.speaker.text, 'they');
  assert.equal(who(e3), 'E3');
  assert.ok(e3.text.endsWith('We agreed to continue our dialogue'));

  // Zvezda TV, through "according to".
  const zvezda = putin.quotes.find((q) => q.text.startsWith('In Tehran, the secretary of the Russian Security Council'));
  assert.ok(zvezda, 'Zvezda quote found');
  assert.equal(zvezda.kind, 'direct');
  assert.equal(zvezda.speaker.text, 'Zvezda TV');
  assert.equal(zvezda.cue.text, 'according to');
  if (zvezda.speaker.actor) assert.equal(zvezda.speaker.actor.country, 'RUS');

  // A fragment in reported speech is mixed; titles and captions are not in the text, so nothing quotes them.
  const ministry = iran.quotes.find((q) => q.speaker?.text === 'the German foreign ministry');
  assert.equal(ministry?.kind, 'mixed');
  for (const r of records) {
    for (const q of r.quotes) {
      assert.ok(!r.title.includes(q.text), `quote from the title: ${q.text}`);
      assert.doesNotMatch(q.text, /attends a meeting with graduates|briefs Iran’s National Security Committee/);
      assert.match(q.id, /^q\d+$/);
      assert.ok(q.rule.startsWith('quote.'));
    }
  }
});

test('jsonl input: offsets of quotes index the given text exactly', () => {
  const text = '“We will not sign this,” the union leader said on Monday. The company said that talks would resume.';
  const { status, records, stderr } = brink(['extract', '--format', 'jsonl', '-'], { input: JSON.stringify({ id: 'a', text }) + '\n' });
  assert.equal(status, 0, stderr);
  const [r] = records;
  assert.deepEqual(contractProblems(r), []);
  assert.deepEqual(r.quotes.map((q) => [q.kind, q.text, q.speaker?.text]), [
    ['direct', 'We will not sign this', 'the union leader'],
    ['indirect', 'that talks would resume', 'The company'],
  ]);
});
