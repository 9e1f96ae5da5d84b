import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { cleanMainText, pruneBoilerplateElements } from './clean-main-text.js';
import { htmlToParagraphs, type DomNode } from './html-to-paragraphs.js';
import { loadBoilerplateRules, parseBoilerplateRules } from './load-boilerplate-rules.js';
import type { DomElement } from './page-metadata.js';

const body = (html: string) => (parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: { body: DomElement } }).document.body;
const texts = (root: DomNode) => htmlToParagraphs(root).map((p) => p.text);

test('blocks become paragraphs, inline markup does not break them, br and table rows do', () => {
  const root = body('<div><h2>Head</h2><p>One <b>bold</b>\n  word.<br>Next line</p><ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table><script>var s;</script></div>');
  assert.deepEqual(texts(root), ['Head', 'One bold word.', 'Next line', 'a', 'b', 'x y']);
  assert.equal(htmlToParagraphs(root)[0]!.heading, true);
});

test('shipped rules: share bars, newsletter boxes, related lists, short captions go; the article stays', () => {
  const rules = loadBoilerplateRules();
  const long = 'The committee published its report on Tuesday and recommended that the city expand the tram network to the new districts in the south. '.repeat(3);
  const root = body(`<article><div class="post-share-buttons">Share Tweet</div><p>${long}</p>
    <figure><img src="x.jpg"><figcaption>Trams in the old town.</figcaption></figure>
    <div class="wp-caption-text">Photo of the depot</div>
    <aside class="newsletter-box">Get our weekly email</aside><div id="related-stories"><a>Other story</a></div>
    <div class="slide-caption">${long}</div></article>`);
  pruneBoilerplateElements(root, rules);
  assert.deepEqual(texts(root), [long.trim(), long.trim()]);
});

test('an element that holds most of the text is never removed, whatever its class says', () => {
  const rules = loadBoilerplateRules();
  const long = 'Negotiators from both parties agreed on a timetable for the next round of talks, officials said on Friday evening. '.repeat(4);
  const root = body(`<div class="social-wrapper"><p>${long}</p></div>`);
  pruneBoilerplateElements(root, rules);
  assert.equal(texts(root).length, 1);
});

test('shipped rules: boilerplate paragraphs go, similar prose stays; the repeated title heading goes', () => {
  const rules = loadBoilerplateRules();
  const p = (text: string, heading = false) => ({ text, heading });
  const kept = cleanMainText([
    p('Bridge closes for repairs', true),
    p('Advertisement'),
    p('The bridge will close on Monday for six weeks of repairs, the roads office said.'),
    p('Sign up for our daily newsletter to get the latest news in your inbox.'),
    p('Follow us on Twitter and Facebook.'),
    p('© 2024 Example Media Ltd. All rights reserved.'),
    p('Photo: Jane Roe/Example Agency'),
    p('Related: Ferry fares rise again'),
    p('Drivers were advised to follow the signs on the ring road instead.'),
    p('Detours', true),
  ], rules, 'Bridge closes for repairs');
  assert.deepEqual(kept.map((x) => x.text), [
    'The bridge will close on Monday for six weeks of repairs, the roads office said.',
    'Drivers were advised to follow the signs on the ring road instead.',
    'Detours',
  ]);
});

test('rules files are validated: ids unique, patterns and sizes present', () => {
  assert.throws(() => parseBoilerplateRules('{"paragraphs":[{"id":"a","pattern":"x"}]}'), /maxChars/);
  assert.throws(() => parseBoilerplateRules('{"elements":[{"id":"a","pattern":"x"},{"id":"a","pattern":"y"}]}'), /duplicate/);
  assert.throws(() => parseBoilerplateRules('{"tags":[{"id":"t","tags":["p, div"]}]}'), /tag names/);
  assert.equal(parseBoilerplateRules('{}').paragraphs.length, 0);
});
