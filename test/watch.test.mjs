// brink watch against feeds served from a local HTTP server: conditional GET (304 ingests nothing),
// only new items stored (ids stable as items shift), a feed that is down and one that returns
// garbage each give one error line and recorded health while the good feed is still read, --follow
// fetches the pages behind the items, and the health shows in stats --json and GET /api/feeds.
// Every feed and page here is written for this test.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from './helpers/contract.mjs';
import { openStore } from '../dist/store/open-store.js';
import { createApp } from '../dist/api/create-app.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-watch-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const STORIES = [
  ['harbour', 'Harbour workers end strike', 'Dock workers in the northern port returned to work on Monday after a two-week strike over pay.'],
  ['budget', 'Parliament passes budget', 'Lawmakers approved the annual budget late on Sunday after a long debate about school funding.'],
  ['floods', 'Floods close mountain road', 'Heavy rain washed away part of the mountain road, and the regional government sent engineers.'],
  ['talks', 'Ministers meet for water talks', 'The foreign ministers of two neighbouring countries met on Tuesday to discuss water rights.'],
  ['visit', 'President visits flooded valley', 'The president visited the flooded valley on Wednesday and promised money for new bridges.'],
];

let base = '';
/** The good feed's items, newest first (as feeds list them). */
let goodItems = [];
const hits = { good: 0, goodNotModified: 0, pages: 0 };
/** Responses of the feed that never answers, ended when the tests are done. */
const held = [];

function rss(items) {
  const entries = items
    .map(([slug, title, teaser]) => `<item><title>${title}</title><link>${base}/pages/${slug}.html</link><guid>${base}/pages/${slug}.html</guid>` +
      `<pubDate>Mon, 05 Aug 2024 09:00:00 GMT</pubDate><description>${teaser}</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Test Wire</title><link>${base}/</link><description>fixture</description>\n${entries}\n</channel></rss>\n`;
}

function page(slug) {
  const story = STORIES.find((s) => s[0] === slug);
  if (!story) return null;
  const [, title, teaser] = story;
  const more = [
    'Officials said the decision followed several weeks of meetings with local representatives and trade unions.',
    'A spokesman for the regional council told reporters that further announcements would follow later in the month.',
    `The full page of the ${slug} story carries this paragraph, which the feed does not.`,
    'Residents interviewed in the town centre said they hoped the situation would improve before the winter.',
  ];
  return `<!DOCTYPE html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav>` +
    `<article><h1>${title}</h1><p>${teaser}</p>${more.map((p) => `<p>${p}</p>`).join('')}</article><footer>Test Wire</footer></body></html>`;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, base);
  if (url.pathname === '/good.xml') {
    hits.good++;
    const body = rss(goodItems);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) {
      hits.goodNotModified++;
      res.writeHead(304, { etag });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': 'Mon, 05 Aug 2024 09:00:00 GMT' });
    return res.end(body);
  }
  if (url.pathname === '/slow.xml') {
    // Never answers: the watcher's timeout must end the request.
    held.push(res);
    return;
  }
  if (url.pathname === '/garbage.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    return res.end('{"this": "is not a feed"} <<< \u0000 >>>');
  }
  const m = /^\/pages\/(\w+)\.html$/.exec(url.pathname);
  const html = m ? page(m[1]) : null;
  if (html) {
    hits.pages++;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(html);
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
});

let downUrl = '';
before(async () => {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  // A port that was just free and is closed again: connections to it are refused.
  const closed = createServer();
  await new Promise((r) => closed.listen(0, '127.0.0.1', r));
  downUrl = `http://127.0.0.1:${closed.address().port}/feed.xml`;
  await new Promise((r) => closed.close(r));
});
after(() => {
  for (const res of held) res.end();
  server.close();
});

/** Runs the CLI without blocking this process's event loop (the fixture server lives here). */
function brinkAsync(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

async function storeFacts(db) {
  const store = await openStore(db);
  try {
    const page = await store.listArticles({ limit: 100 });
    return { stats: await store.stats('x'), feeds: await store.listFeeds(), articles: page.items };
  } finally {
    await store.close();
  }
}

const lines = (stderr, what) => stderr.split('\n').filter((l) => l.includes(what));

test('watch --once: new items only, 304 on an unchanged feed, one new item when one is added; down and garbage feeds are recorded while the good one is read', async () => {
  const db = join(dir, 'watch.db');
  const good = `${base}/good.xml`;
  goodItems = STORIES.slice(2, 5).reverse();

  // First poll (with analysis): every item is new.
  let r = await brinkAsync(['watch', '--once', '--db', db, good]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /good\.xml: 3 items, 3 new/);
  let facts = await storeFacts(db);
  assert.equal(facts.stats.articles, 3);
  assert.equal(facts.stats.analysed, 3);
  assert.deepEqual(facts.articles.map((a) => a.url).sort(), ['floods', 'talks', 'visit'].map((s) => `${base}/pages/${s}.html`));
  assert.equal(facts.feeds.length, 1);
  assert.equal(facts.feeds[0].httpStatus, 200);
  assert.ok(facts.feeds[0].etag);
  assert.equal(facts.feeds[0].itemsSeen, 3);
  assert.equal(facts.feeds[0].itemsNew, 3);

  // Second poll: the stored ETag is sent back, the server answers 304 and nothing is ingested.
  const before304 = hits.goodNotModified;
  r = await brinkAsync(['watch', '--once', '--no-analyze', '--db', db, good]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /good\.xml: not modified/);
  assert.equal(hits.goodNotModified, before304 + 1);
  facts = await storeFacts(db);
  assert.equal(facts.stats.articles, 3);
  assert.equal(facts.feeds[0].httpStatus, 304);
  assert.equal(facts.feeds[0].itemsNew, 0);
  assert.equal(facts.feeds[0].itemsTotal, 3);

  // A new item at the top shifts every other item's position: exactly one is new.
  goodItems = [STORIES[1], ...goodItems];
  r = await brinkAsync(['watch', '--once', '--no-analyze', '--db', db, good]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /good\.xml: 4 items, 1 new/);
  facts = await storeFacts(db);
  assert.equal(facts.stats.articles, 4);
  assert.equal(facts.stats.duplicates, 0);

  // A feed that is down and one that returns garbage: one error line each, exit 1, and the good
  // feed (changed again) is still read.
  goodItems = [STORIES[0], ...goodItems];
  const garbage = `${base}/garbage.xml`;
  r = await brinkAsync(['watch', '--once', '--no-analyze', '--db', db, downUrl, garbage, good]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(lines(r.stderr, downUrl).length, 1, r.stderr);
  assert.match(lines(r.stderr, downUrl)[0], /error: connection refused/);
  assert.equal(lines(r.stderr, garbage).length, 1, r.stderr);
  assert.match(lines(r.stderr, garbage)[0], /error: (not a readable RSS or Atom feed|malformed XML)/);
  assert.match(r.stderr, /good\.xml: 5 items, 1 new/);
  facts = await storeFacts(db);
  assert.equal(facts.stats.articles, 5);
  const byUrl = Object.fromEntries(facts.feeds.map((f) => [f.url, f]));
  assert.equal(byUrl[downUrl].httpStatus, null);
  assert.equal(byUrl[downUrl].lastError, 'connection refused');
  assert.equal(byUrl[downUrl].lastSuccess, null);
  assert.equal(byUrl[downUrl].failures, 1);
  assert.equal(byUrl[garbage].httpStatus, 200);
  assert.equal(byUrl[garbage].etag, null);
  assert.equal(byUrl[garbage].failures, 1);
  assert.equal(byUrl[good].lastError, null);
  assert.equal(byUrl[good].itemsTotal, 5);

  // Failing again doubles the wait (back-off) and counts the failures in a row.
  r = await brinkAsync(['watch', '--once', '--no-analyze', '--every', '10m', '--db', db, downUrl]);
  assert.equal(r.status, 1);
  assert.match(lines(r.stderr, downUrl)[0], /2 in a row; next try in 40m/);

  // Items stored by the --no-analyze polls are analysed by the next poll that reads the feed (here
  // the same items in another order), without being stored again.
  goodItems = [...goodItems].reverse();
  r = await brinkAsync(['watch', '--once', '--db', db, good]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /good\.xml: 5 items, 0 new/);
  facts = await storeFacts(db);
  assert.equal(facts.stats.articles, 5);
  assert.equal(facts.stats.analysed, 5);

  // Health in stats (human and --json, the existing keys kept) and in the API.
  r = await brinkAsync(['stats', '--json', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  const stats = JSON.parse(r.stdout);
  for (const key of ['articles', 'duplicates', 'events', 'clusters', 'quotes', 'actors']) assert.equal(typeof stats[key], 'number');
  assert.deepEqual(stats.feeds.map((f) => f.url).sort(), [downUrl, garbage, good].sort());
  r = await brinkAsync(['stats', '--db', db]);
  assert.match(r.stdout, /feeds \(brink watch\)/);
  assert.match(r.stdout, new RegExp(`${downUrl.replace(/[.?]/g, '\\$&')}  ERROR connection refused \\(2 in a row\\)`));
  const store = await openStore(db);
  try {
    const res = await createApp({ store }).request('/api/feeds');
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.items.find((f) => f.url === good).itemsTotal, 5);
    assert.equal(body.items.find((f) => f.url === downUrl).failures, 2);
  } finally {
    await store.close();
  }
});

test('watch --follow: the page behind each new item replaces the feed teaser; a missing page keeps the teaser', async () => {
  const db = join(dir, 'follow.db');
  goodItems = [STORIES[0], STORIES[1], ['missing', 'A page that is gone', 'This teaser is all there is of the missing story.']];
  const pagesBefore = hits.pages;
  const r = await brinkAsync(['watch', '--once', '--follow', '--no-analyze', '--db', db, `${base}/good.xml`]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /3 items, 3 new, 2 pages followed/);
  assert.equal(lines(r.stderr, '/pages/missing.html').length, 1);
  assert.match(lines(r.stderr, '/pages/missing.html')[0], /HTTP 404/);
  assert.equal(hits.pages, pagesBefore + 2);
  const store = await openStore(db);
  try {
    const { items } = await store.listArticles({ limit: 10 });
    const byUrl = Object.fromEntries(await Promise.all(items.map(async (a) => [a.url.replace(base, ''), await store.getArticle(a.id)])));
    assert.match(byUrl['/pages/harbour.html'].text, /The full page of the harbour story carries this paragraph/);
    assert.match(byUrl['/pages/harbour.html'].text, /Dock workers in the northern port/);
    assert.doesNotMatch(byUrl['/pages/harbour.html'].text, /Home|Test Wire/);
    assert.equal(byUrl['/pages/harbour.html'].origin, `${base}/pages/harbour.html`);
    assert.equal(byUrl['/pages/harbour.html'].title, 'Harbour workers end strike');
    assert.equal(byUrl['/pages/missing.html'].text, 'This teaser is all there is of the missing story.');
  } finally {
    await store.close();
  }
});

test('watch without --once polls again after the interval and stops cleanly on SIGTERM', async () => {
  const db = join(dir, 'loop.db');
  goodItems = STORIES.slice(0, 2);
  const start = hits.good;
  const child = spawn(process.execPath, [CLI, 'watch', '--every', '1s', '--no-analyze', '--db', db, `${base}/good.xml`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 20_000;
  while (hits.good < start + 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  child.kill('SIGTERM');
  const { code } = await exited;
  assert.equal(code, 0, stderr);
  assert.ok(hits.good >= start + 3, `polled ${hits.good - start} times`);
  assert.match(stderr, /2 items, 2 new/);
  assert.match(stderr, /not modified/);
});

test('watch: a feed that does not answer times out (one error line) while the good feed is read', async () => {
  const db = join(dir, 'slow.db');
  goodItems = STORIES.slice(0, 1);
  const slow = `${base}/slow.xml`;
  const started = Date.now();
  const r = await brinkAsync(['watch', '--once', '--no-analyze', '--timeout', '1s', '--db', db, slow, `${base}/good.xml`]);
  assert.equal(r.status, 1, r.stderr);
  assert.ok(Date.now() - started < 15_000);
  assert.equal(lines(r.stderr, slow).length, 1, r.stderr);
  assert.match(lines(r.stderr, slow)[0], /error: timed out after 1 s/);
  assert.match(r.stderr, /good\.xml: 1 item, 1 new/);
  const facts = await storeFacts(db);
  assert.equal(facts.stats.articles, 1);
  assert.equal(facts.feeds.find((f) => f.url === slow).lastError, 'timed out after 1 s');
});

test('serve --watch polls the feeds in the server process and GET /api/feeds reports them', async () => {
  const db = join(dir, 'serve.db');
  goodItems = STORIES.slice(0, 2);
  const good = `${base}/good.xml`;
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', db, '--watch', good, '--watch', downUrl, '--every', '1s'], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    let feeds = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const port = /http:\/\/127\.0\.0\.1:(\d+)\/api/.exec(stderr)?.[1];
      if (port) {
        feeds = (await (await fetch(`http://127.0.0.1:${port}/api/feeds`)).json()).items;
        if (feeds.find((f) => f.url === good)?.itemsTotal === 2 && feeds.find((f) => f.url === downUrl)?.failures >= 1) break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(feeds.find((f) => f.url === good)?.itemsTotal, 2, stderr);
    assert.equal(feeds.find((f) => f.url === downUrl)?.lastError, 'connection refused');
    assert.match(stderr, /brink serve: watch: .*good\.xml: 2 items, 2 new/);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, stderr);
});
