import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBase } from '../analyze-base.js';
import { loadNerModel } from './load-ner-model.js';
import { markCandidates, tagEntities } from './tag-entities.js';

const model = loadNerModel();
const names = (text: string): string[] => tagEntities(analyzeBase(text), model).map((e) => `${e.type}:${e.text}`);

test('tags persons, organisations, places and nationalities, without titles', () => {
  const found = names(
    'Russian Defense Minister Sergei Shoigu met officials of the International Atomic Energy Agency in Vienna on Monday.',
  );
  assert.ok(found.includes('PERSON:Sergei Shoigu'), found.join(' | '));
  assert.ok(found.includes('ORG:International Atomic Energy Agency'), found.join(' | '));
  assert.ok(found.includes('GPE:Vienna'), found.join(' | '));
  assert.ok(found.includes('NORP:Russian'), found.join(' | '));
});

test('a title before a name stays outside the span', () => {
  const found = names('President Emmanuel Macron and Chancellor Olaf Scholz spoke by telephone on Tuesday.');
  assert.ok(found.includes('PERSON:Emmanuel Macron'), found.join(' | '));
  assert.ok(found.includes('PERSON:Olaf Scholz'), found.join(' | '));
  assert.ok(!found.some((f) => f.includes('President') || f.includes('Chancellor')), found.join(' | '));
});

test('organisations: companies, ministries and armed groups', () => {
  const found = names(
    'The European Union and the United Nations condemned the attack, while Hezbollah said it had fired rockets at Israel.',
  );
  assert.ok(found.includes('ORG:European Union'), found.join(' | '));
  assert.ok(found.includes('ORG:United Nations'), found.join(' | '));
  assert.ok(found.includes('ORG:Hezbollah'), found.join(' | '));
  assert.ok(found.includes('GPE:Israel'), found.join(' | '));
});

test('entities carry contract fields, offsets that index the text, and the tagger rule', () => {
  const text = 'Ukrainian officials said troops had left Kherson.\nThe talks in Geneva ended without a deal.';
  const doc = analyzeBase(text);
  const entities = tagEntities(doc, model);
  assert.ok(entities.length >= 3);
  entities.forEach((e, i) => {
    assert.equal(e.id, `e${i + 1}`);
    assert.equal(text.slice(e.start, e.end), e.text);
    assert.equal(e.actor, null);
    assert.equal(e.geo, null);
    assert.equal(e.rule, 'ner.perceptron');
  });
  assert.ok(entities.some((e) => e.text === 'Geneva' && e.type === 'GPE'));
});

test('no entities in text without names, and none for an empty document', () => {
  assert.deepEqual(names('they said it would rain later in the week.'), []);
  assert.deepEqual(names(''), []);
});

test('only words that may name something are decoded, not a capital that just opens a sentence', () => {
  const marked = (text: string): string[] => {
    const doc = analyzeBase(text);
    const out = new Uint8Array(doc.tokens.length);
    markCandidates(doc, out);
    return doc.tokens.filter((_, i) => out[i] !== 0).map((t) => t.text);
  };
  assert.deepEqual(marked('We spoke to the minister about the plan.'), []);
  assert.deepEqual(marked('And the talks went on for hours.'), []);
  // Before another capital the opening word may be part of a name.
  assert.ok(marked('The Hague court ruled on the case.').includes('The'));
  assert.ok(marked('Officials in Lima said so.').includes('Lima'));
});
