import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripDoctype } from './strip-doctype.js';

test('a feed without a DOCTYPE is left as it is', () => {
  const xml = '<?xml version="1.0"?><rss><channel><title>A &amp; B</title></channel></rss>';
  assert.deepEqual(stripDoctype(xml), { xml, entities: [], hadDoctype: false });
});

test('the DOCTYPE and its internal subset go; references to declared entities are dropped, others kept', () => {
  const xml = '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "x">\n<!ENTITY % p SYSTEM "http://example.invalid/p.dtd"> %p;\n]>\n<rss><title>T &a; &amp; &lt;</title></rss>';
  const out = stripDoctype(xml);
  assert.equal(out.hadDoctype, true);
  assert.deepEqual(out.entities.sort(), ['a', 'p']);
  assert.equal(out.xml, '<?xml version="1.0"?>\n\n<rss><title>T  &amp; &lt;</title></rss>');
});

test('a "]>" inside a quoted entity value does not end the DOCTYPE early', () => {
  const xml = '<!DOCTYPE x [<!ENTITY e "]> <!ENTITY f SYSTEM \'file:///etc/passwd\'>">]><rss>&e;&f;ok</rss>';
  const out = stripDoctype(xml);
  // The text inside the value looks like a declaration too; dropping its reference is the safe side.
  assert.equal(out.xml, '<rss>ok</rss>');
  assert.ok(!out.xml.includes('ENTITY'));
});

test('a DOCTYPE that never closes swallows the rest rather than leaving declarations behind', () => {
  assert.equal(stripDoctype('<rss></rss><!DOCTYPE x [<!ENTITY e "v">').xml, '<rss></rss>');
});

test('several DOCTYPEs, in any case, are all removed', () => {
  const out = stripDoctype('<!doctype a [<!ENTITY x "1">]><r>&x;</r><!DocType b [<!ENTITY y "2">]>&y;');
  assert.equal(out.xml, '<r></r>');
});
