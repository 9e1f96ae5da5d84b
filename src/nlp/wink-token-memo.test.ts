import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

/** Every token wink gives for `text` (value, spaces, tag, lemma, normal), in a process with or without the memo. */
function winkTokens(text: string, memo: boolean): string {
  const script = `
    await import(${JSON.stringify(here('./wink-stable-cache.js'))});
    ${memo ? `await import(${JSON.stringify(here('./wink-token-memo.js'))});` : ''}
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model, ['sbd', 'pos']);
    const its = nlp.its;
    const doc = nlp.readDoc(process.argv[1]);
    const cols = [its.value, its.precedingSpaces, its.pos, its.lemma, its.normal].map((f) => doc.tokens().out(f));
    console.log(JSON.stringify({ cols, sentences: doc.sentences().out(its.span) }));
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, text], { encoding: 'utf8' });
}

// Pieces wink cuts in every way it has (punctuation on either side, contractions, hyphens, abbreviations,
// numbers with units, URLs, e-mails, hashtags, emoji), each twice so the second meets the remembered cuts,
// with plain, repeated, non-breaking and thin spaces, tabs and line breaks between them.
const TEXT = [
  'The minister said, "We can\'t wait." (Reuters) Talks resumed on Mon. at 9:30am — U.S.-led forces left.',
  'Prices rose 4.5%, to $12.5bn; officials didn\'t comment... See https://example.org/a?b=1 or mail press@example.org.',
  '#ceasefire talks :) ended\u00a0early;\u2009a self-declared "anti-war" group (the A.B.C.) met 3-4 delegates.',
  'The minister said, "We can\'t wait." (Reuters)\tTalks resumed on Mon. at 9:30am — U.S.-led forces left.',
  'Prices rose 4.5%, to $12.5bn;   officials didn\'t comment... See https://example.org/a?b=1 or mail press@example.org.',
  '#ceasefire talks :) ended\u00a0\u00a0early;\u2009a self-declared "anti-war" group (the A.B.C.) met 3-4 delegates 🙂.',
].join('\n\n');

test('the remembering tokenizer gives exactly the tokens, spaces, tags and sentences of wink’s own', () => {
  const own = winkTokens(TEXT, false);
  const memo = winkTokens(TEXT, true);
  assert.ok(JSON.parse(own).cols[0].length > 100, 'the text is read into many tokens');
  assert.equal(memo, own);
});
