// The html and feed readers end to end: pages and feeds written for these tests (test/fixtures/html,
// test/fixtures/feeds) through `brink extract`, every record checked against the contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { brink, CLI, ROOT, contractProblems } from './helpers/contract.mjs';

const HTML = join(ROOT, 'test/fixtures/html');
const FEEDS = join(ROOT, 'test/fixtures/feeds');
const dir = mkdtempSync(join(tmpdir(), 'brink-html-'));

function extractOk(path, extra = []) {
  const r = brink(['extract', ...extra, path]);
  for (const rec of r.records) assert.deepEqual(contractProblems(rec), [], `${path}: ${rec.id}`);
  return r;
}

test('html: meta tags give title, outlet, date and time, canonical URL; boilerplate is removed', () => {
  const r = extractOk(join(HTML, 'meta-tags.html'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.records.length, 1);
  const a = r.records[0];
  assert.equal(a.title, 'Harbour workers end strike after wage deal');
  assert.equal(a.source, 'The Coastal Ledger');
  assert.equal(a.url, 'https://ledger.example.org/news/harbour-strike-ends');
  assert.equal(a.published, '2024-03-12');
  assert.equal(a.publishedAt, '2024-03-12T07:30:00.000Z');
  assert.equal(a.publishedEstimated, false);
  // Paragraphs are joined by a blank line, and a heading is a paragraph of its own.
  assert.match(a.text, /^Dock workers in the northern port returned/);
  assert.match(a.text, /next year\.\n\nShipping backlog\n\nPort managers said/);
  assert.match(a.text, /raised since January\.$/);
  for (const junk of ['Advertisement', 'Share on Facebook', 'Tweet', 'Photo: Ola Berg', 'Cranes stand idle', 'in your inbox',
    'Sign up for our daily newsletter', 'Ferry timetable', 'Follow The Coastal Ledger', 'All rights reserved', 'Sport']) {
    assert.ok(!a.text.includes(junk), `boilerplate kept: ${junk}`);
  }
});

test('html: JSON-LD (in @graph) gives headline, publisher and datePublished; broken JSON-LD is ignored', () => {
  const a = extractOk(join(HTML, 'json-ld.html')).records[0];
  assert.equal(a.title, 'Valley council approves new flood barrier');
  assert.equal(a.source, 'Valley Courier');
  assert.equal(a.published, '2023-11-02');
  assert.equal(a.publishedAt, '2023-11-02T14:05:00.000Z');
  assert.equal(a.url, null);
  assert.match(a.text, /^The valley council voted on Thursday/);
  assert.match(a.text, /released after the vote\.$/);
});

test('html: <time datetime> gives the date; the canonical host is the outlet when the page names none', () => {
  const a = extractOk(join(HTML, 'time-element.html')).records[0];
  assert.equal(a.published, '2022-01-19');
  assert.equal(a.publishedAt, '2022-01-19T06:45:00.000Z');
  assert.equal(a.url, 'https://www.polarnews.example.com/stories/record-snowfall');
  assert.equal(a.source, 'polarnews.example.com');
  assert.match(a.text, /Scientists at the mountain research station/);
});

test('html: the date in the URL path is used when the page states none', () => {
  const a = extractOk(join(HTML, 'url-date.html')).records[0];
  assert.equal(a.published, '2021-06-30');
  assert.equal(a.publishedAt, null);
  assert.equal(a.url, 'https://townpaper.example.com/2021/06/30/library-reopens/');
  assert.equal(a.source, 'townpaper.example.com');
});

test('html: a truncated page still gives what it holds', () => {
  const r = extractOk(join(HTML, 'truncated.html'));
  assert.equal(r.status, 0, r.stderr);
  const a = r.records[0];
  assert.equal(a.source, 'Plains Herald');
  assert.match(a.text, /Hundreds of farmers drove their tractors/);
  assert.match(a.text, /if their request was ign$/);
});

test('html: a bare fragment and a page with junk before <html> are read', () => {
  const body = '<p>The regional court ruled on Friday that the mining permit had been issued without a proper environmental review of the site.</p>'
    + '<p>The company said it would appeal the ruling, while residents who brought the case said they were relieved after a long legal fight.</p>';
  const frag = join(dir, 'fragment.html');
  writeFileSync(frag, body);
  const junk = join(dir, 'junk-first.html');
  writeFileSync(junk, `<style>.x{color:red}</style>\n<html><head><title>Court blocks mine</title></head><body><article>${body}</article></body></html>`);
  const r = extractOk(frag);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.records[0].text, /^The regional court ruled on Friday/);
  const j = extractOk(junk);
  assert.equal(j.status, 0, j.stderr);
  assert.equal(j.records[0].title, 'Court blocks mine');
  assert.match(j.records[0].text, /relieved after a long legal fight\.$/);
});

test('html in a JSONL record: the record id and fields win, its url gives the date and outlet', () => {
  const page = '<html><head><title>Port strike ends</title></head><body><article>'
    + '<p>Workers at the river port ended their strike on Monday after the owners agreed to hire more crane operators for the night shift.</p>'
    + '<p>Advertisement</p><p>The union said that the agreement would be put to a vote of all members within two weeks of the deal.</p></article></body></html>';
  const file = join(dir, 'pages.jsonl');
  writeFileSync(file, JSON.stringify({ id: 'rec-1', url: 'https://news.example.com/2020/02/03/port-strike', html: page }) + '\n'
    + JSON.stringify({ id: 'rec-2', title: 'Given title', published: '2019-05-06', html: page }) + '\n');
  const r = extractOk(file);
  assert.equal(r.status, 0, r.stderr);
  const [a, b] = r.records;
  assert.equal(a.id, 'rec-1');
  assert.equal(a.published, '2020-02-03');
  assert.equal(a.source, 'news.example.com');
  assert.equal(a.title, 'Port strike ends');
  assert.ok(!a.text.includes('Advertisement'));
  assert.equal(b.id, 'rec-2');
  assert.equal(b.title, 'Given title');
  assert.equal(b.published, '2019-05-06');
});

test('feed: RSS 2.0 items with links, dates, content:encoded or HTML description as plain text', () => {
  const r = extractOk(join(FEEDS, 'rss2.xml'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.records.length, 2);
  const [a, b] = r.records;
  assert.equal(a.source, 'Northern Wire');
  assert.equal(a.title, 'Ministers meet to discuss fishing quotas');
  assert.equal(a.url, 'https://wire.example.com/2024/05/02/fishing-quotas');
  assert.equal(a.published, '2024-05-02');
  assert.equal(a.publishedAt, '2024-05-02T09:15:00.000Z');
  assert.equal(a.text, "Fisheries ministers from three countries met in the capital on Thursday to discuss next year's quotas for cod and herring.\n\nThe talks are expected to continue until Friday, when a joint statement is due.");
  assert.equal(b.title, 'Rail line reopens after landslide & repairs');
  assert.equal(b.url, 'https://wire.example.com/2024/05/01/rail-line');
  assert.equal(b.published, '2024-05-01');
  assert.equal(b.text, 'The coastal rail line reopened on Wednesday, two weeks after a landslide buried the tracks near the tunnel.');
  assert.notEqual(a.id, b.id);
});

test('feed: RSS 1.0 (RDF) items with dc:date', () => {
  const r = extractOk(join(FEEDS, 'rss1.rdf'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.records.length, 1);
  const a = r.records[0];
  assert.equal(a.source, 'Island Bulletin');
  assert.equal(a.title, 'Ferry crews call off strike');
  assert.equal(a.url, 'https://bulletin.example.org/ferry-strike');
  assert.equal(a.published, '2023-08-19');
  assert.match(a.text, /^Ferry crews called off a planned strike on Saturday/);
});

test('feed: Atom entries, published (else updated) dates, content over summary', () => {
  const r = extractOk(join(FEEDS, 'atom.xml'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.records.length, 2);
  const [a, b] = r.records;
  assert.equal(a.source, 'Capital Observer');
  assert.equal(a.url, 'https://observer.example.com/budget-passed');
  assert.equal(a.publishedAt, '2022-10-04T10:30:00.000Z');
  assert.match(a.text, /^Parliament passed next year's budget on Tuesday.*\n\nThe opposition voted against it/);
  assert.equal(b.url, 'https://observer.example.com/storm-warning');
  assert.equal(b.published, '2022-10-03');
  assert.equal(b.text, 'Forecasters warned of strong winds along the coast on Wednesday night.');
});

test('feed: a broken feed (bare &, unclosed tags, no closing </rss>) is read as far as it goes', () => {
  const r = extractOk(join(FEEDS, 'broken.xml'));
  assert.ok(r.records.length >= 1, r.stderr);
  const a = r.records[0];
  assert.equal(a.source, 'Valley Radio News');
  assert.equal(a.url, 'https://radio.example.com/bridge');
  assert.equal(a.published, '2023-02-13');
  assert.match(a.text, /Repairs to the old stone bridge finished a month early/);
});

test('feed: malformed XML is one clear line, the batch goes on, exit 1', () => {
  const r = brink(['extract', join(FEEDS, 'malformed.xml'), join(FEEDS, 'rss1.rdf')]);
  assert.equal(r.status, 1);
  assert.equal(r.records.length, 1);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /malformed\.xml: \S/);
});

/** Runs the CLI asynchronously (so an HTTP server in this process can answer), with a heap cap. */
function run(args, { heapMb = 512, timeoutMs = 60000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, records: stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)) });
    });
  });
}

test('feed: a billion-laughs entity bomb is never expanded (no hang, no memory blow-up)', async () => {
  const started = Date.now();
  const r = await run(['extract', join(FEEDS, 'billion-laughs.xml')], { heapMb: 512, timeoutMs: 60000 });
  assert.equal(r.signal, null, 'killed: it hung or ran out of memory');
  assert.ok(Date.now() - started < 60000);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /billion-laughs\.xml: DOCTYPE declares XML entities/);
  assert.equal(r.records.length, 1);
  assert.equal(r.records[0].text, 'The city council met on Monday to discuss the new park.');
  assert.ok(!r.stdout.includes('lol'));
  for (const rec of r.records) assert.deepEqual(contractProblems(rec), []);
});

test('external entities (file:// and http) are never read or fetched, in feeds and in pages', async () => {
  const secret = join(dir, 'secret.txt');
  const marker = 'TOP-SECRET-MARKER-7731';
  writeFileSync(secret, marker);
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    res.end(marker);
  });
  await new Promise((res) => server.listen(0, '127.0.0.1', res));
  const port = server.address().port;
  const dtd = `<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file://${secret}">\n<!ENTITY remote SYSTEM "http://127.0.0.1:${port}/leak">\n<!ENTITY % param SYSTEM "http://127.0.0.1:${port}/dtd"> %param;\n]>`;
  const feed = join(dir, 'xxe.xml');
  writeFileSync(feed, `<?xml version="1.0"?>\n${dtd}\n<rss version="2.0"><channel><title>Feed &xxe;</title><item><title>Item &remote;</title>`
    + '<description>The harbour master said the new pier would open in May. &xxe; &remote;</description></item></channel></rss>');
  const page = join(dir, 'xxe.xhtml');
  writeFileSync(page, `<?xml version="1.0"?>\n${dtd.replace('rss', 'html')}\n<html><head><title>Pier &xxe;</title></head><body><article>`
    + '<p>The harbour master said on Monday that the new pier would open in May, a month later than planned because of storms. &xxe; &remote;</p></article></body></html>');
  try {
    const r = await run(['extract', feed, page]);
    assert.equal(r.signal, null);
    assert.equal(r.records.length, 2, r.stderr);
    assert.ok(!r.stdout.includes(marker), 'external entity content leaked into the output');
    assert.match(r.records[0].text, /^The harbour master said the new pier would open in May\.\s*$/);
    assert.match(r.records[1].text, /The harbour master said on Monday/);
    assert.match(r.stderr, /xxe\.xml: DOCTYPE declares XML entities/);
    await new Promise((res) => setTimeout(res, 200));
    assert.equal(requests, 0, 'an external entity was fetched');
  } finally {
    server.close();
  }
});

test('html: pathologically deep nesting neither hangs nor loses the text', async () => {
  const page = join(dir, 'deep.html');
  const text = 'The mayor said on Monday that the bridge would reopen next month after repairs to the deck were finished.';
  writeFileSync(page, `<html><body>${'<div><span>'.repeat(20000)}<p>${text}</p></body></html>`);
  const r = await run(['extract', page]);
  assert.equal(r.signal, null, 'killed: it hung');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.records[0].text, text);
});
