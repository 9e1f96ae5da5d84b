import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBase } from './analyze-base.js';

test('words with letters beyond Latin-1 stay whole, with their own text, offsets and lower case', () => {
  const text = 'Mr Erdoğan met Ms Wałęsa in Łódź.\nNguyễn Trọng left.';
  const doc = analyzeBase(text);
  const words = doc.tokens.map((t) => t.text);
  assert.deepEqual(words, ['Mr', 'Erdoğan', 'met', 'Ms', 'Wałęsa', 'in', 'Łódź', '.', 'Nguyễn', 'Trọng', 'left', '.']);
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(doc.tokens[1]!.normal, 'erdoğan');
  assert.equal(doc.tokens[6]!.pos, 'PROPN');
  // The line break still ends the first sentence.
  assert.equal(doc.sentences.length, 2);
});

test('the tokens of a text do not depend on the texts read before it (a possessive is always split off)', () => {
  const alone = analyzeBase("Chile's foreign minister left.").tokens.map((t) => t.text);
  analyzeBase("A bid from a group led by Chile's' Grupo Andino was accepted.");
  const after = analyzeBase("Chile's foreign minister left.").tokens.map((t) => t.text);
  assert.deepEqual(after, alone);
  assert.deepEqual(after.slice(0, 2), ['Chile', "'s"]);
});

test('an unknown word is tagged by the text it is in, not by the role it had where the process first met it', () => {
  const tags = (text: string) => analyzeBase(text).tokens.map((t) => `${t.text}/${t.pos}`);
  const alone = tags('The grant was USD 5 million.');
  // Here wink first meets "USD" glued to an amount, as a currency sign.
  assert.ok(tags('It paid USD500 and more.').includes('USD/SYM'));
  assert.deepEqual(tags('The grant was USD 5 million.'), alone);
  assert.equal(alone[3], 'USD/PROPN');
});
