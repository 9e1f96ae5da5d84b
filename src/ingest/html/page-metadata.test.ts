import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { dateFromUrl, hostOf, pageMetadata, type DomElement } from './page-metadata.js';

const doc = (html: string) => (parseHTML(html) as unknown as { document: DomElement }).document;

test('dates in URL paths: /yyyy/mm/dd/, yyyy-mm-dd, yyyymmdd; not impossible dates or bare years', () => {
  assert.deepEqual(dateFromUrl('https://a.example/2024/08/05/story'), { date: '2024-08-05', at: null });
  assert.deepEqual(dateFromUrl('https://a.example/news/2019-1-4-slug'), { date: '2019-01-04', at: null });
  assert.deepEqual(dateFromUrl('https://a.example/20230314/slug.html'), { date: '2023-03-14', at: null });
  assert.equal(dateFromUrl('https://a.example/2024/02/30/slug'), null);
  assert.equal(dateFromUrl('https://a.example/2024/slug'), null);
  assert.equal(dateFromUrl('https://a.example/item/123456789/'), null);
  assert.equal(dateFromUrl('not a url'), null);
});

test('hosts lose a www prefix', () => {
  assert.equal(hostOf('https://www.example.co.uk/x'), 'example.co.uk');
  assert.equal(hostOf(null), null);
});

test('meta tags beat <time>, which beats the URL; a title suffix naming the outlet is dropped', () => {
  const m = pageMetadata(doc(`<html><head><title>Dam opens - River Times</title>
    <meta property="og:site_name" content="River Times"><meta name="pubdate" content="2020-05-06">
    <link rel="canonical" href="/2019/01/01/dam"></head><body><time datetime="2021-02-03">x</time></body></html>`), 'https://www.rivertimes.example/x');
  assert.equal(m.title, 'Dam opens');
  assert.equal(m.source, 'River Times');
  assert.equal(m.published?.date, '2020-05-06');
  assert.equal(m.url, 'https://www.rivertimes.example/2019/01/01/dam');
});

test('a title suffix that is not the outlet stays', () => {
  const m = pageMetadata(doc('<html><head><title>Floods: what we know so far</title></head><body></body></html>'), 'https://news.example/a');
  assert.equal(m.title, 'Floods: what we know so far');
  assert.equal(m.source, 'news.example');
});

test('JSON-LD author list and publisher; author meta holding a URL is not a byline', () => {
  const m = pageMetadata(doc(`<html><head><meta name="author" content="https://social.example/someone">
    <script type="application/ld+json">[{"@type":"ReportageNewsArticle","author":[{"name":"A. One"},{"name":"B. Two"}],
    "publisher":{"name":"Delta Post"},"datePublished":"2018-07-08T09:10:00+02:00"}]</script></head><body></body></html>`), null);
  assert.equal(m.byline, 'A. One, B. Two');
  assert.equal(m.source, 'Delta Post');
  assert.deepEqual(m.published, { date: '2018-07-08', at: '2018-07-08T07:10:00.000Z' });
  assert.equal(m.url, null);
});
