// The dashboard in a real browser (Debian's chromium driven by playwright-core): the examples and
// three weeks of Wikipedia Current Events around 2022-02-24 go into a temporary database, `brink serve`
// serves it, and the test walks the overview, a pair page (chart + evidence sentences), an article
// (hovering an event shows its codes and rule), the same at 375 px without horizontal scrolling, and an
// article whose text holds <script> and <img onerror> that must stay text. Screenshots: test-output/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, HAS_SHARED, ROOT, SHARED } from './helpers/contract.mjs';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const CI = process.env.CI === 'true' || process.env.CI === '1';
const SHOTS = join(ROOT, 'test-output/browser');
const WEB_INDEX = join(ROOT, 'web/dist/index.html');
const CURRENT = join(SHARED, 'corpora/wikipedia-current-events/2022.jsonl');
const FROM = '2022-02-17';
const TO = '2022-03-01';

let skip = false;
if (!CHROMIUM) {
  if (CI) throw new Error('browser test: chromium is missing (.ci/run installs it with apt-get install chromium)');
  skip = 'chromium is not installed (apt-get install chromium); set CI=true to make this a failure';
} else if (!HAS_SHARED || !existsSync(CURRENT)) {
  skip = '../shared/corpora/wikipedia-current-events is not beside the checkout';
}

// An article written for this test whose text, title and url try to run code in the reader.
const HOSTILE = {
  id: 'xss-1',
  url: 'javascript:window.__brinkPwned=1',
  title: 'Talks <img src=x onerror="window.__brinkPwned=1"> resume',
  published: '2022-02-20',
  text:
    'Russia accused Ukraine of shelling a village near the border on Sunday, the ministry said. ' +
    '<script>window.__brinkPwned = 1; alert(1)</script> ' +
    'Ukraine rejected the claim and called for talks. <img src=x onerror="window.__brinkPwned=1;alert(2)"> ' +
    'The foreign minister said "we will not be provoked <b onmouseover=alert(3)>again</b>" at a press conference.',
};

const dir = mkdtempSync(join(tmpdir(), 'brink-browser-test-'));
const db = join(dir, 'brink.db');
let server = null;
let base = '';
let browser = null;

function ingest(...args) {
  const r = spawnSync(process.execPath, [CLI, 'ingest', '--db', db, ...args], { encoding: 'utf8', timeout: 600_000 });
  assert.equal(r.status, 0, `ingest ${args.join(' ')} failed: ${r.stderr}`);
}

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error(`brink serve did not start: ${err}`)), 60_000);
    server.stderr.on('data', (d) => {
      err += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    server.on('exit', (code) => reject(new Error(`brink serve exited (${code}): ${err}`)));
  });
}

before(async () => {
  if (skip) return;
  assert.ok(existsSync(WEB_INDEX), 'web/dist/index.html is missing: run `npm run build` (it builds the dashboard)');
  const slice = readFileSync(CURRENT, 'utf8')
    .split('\n')
    .filter((line) => {
      const day = /"published": ?"(\d{4}-\d{2}-\d{2})"/.exec(line)?.[1];
      return day !== undefined && day >= FROM && day <= TO;
    });
  assert.ok(slice.length > 200, `slice of Current Events too small: ${slice.length}`);
  writeFileSync(join(dir, 'current.jsonl'), `${slice.join('\n')}\n`);
  writeFileSync(join(dir, 'hostile.jsonl'), `${JSON.stringify(HOSTILE)}\n`);
  ingest(join(ROOT, 'examples'), join(dir, 'current.jsonl'), join(dir, 'hostile.jsonl'));
  base = await startServer();
  mkdirSync(SHOTS, { recursive: true });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.removeAllListeners('exit');
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

/** A page that records console errors, uncaught errors and dialogs. */
async function openPage(width, height) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  const problems = [];
  const dialogs = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return { page, problems, dialogs };
}

async function noHorizontalScroll(page, width, where) {
  const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${where}: page is ${scrollWidth} px wide at a ${width} px viewport`);
}

/** Overview → pair page (chart and evidence) → an article → hover an event → an actor → a country; screenshots on the way. */
async function walk(width, height, tag) {
  const { page, problems, dialogs } = await openPage(width, height);
  await page.goto(`${base}/#/`);
  await page.locator('.map svg path.country.has-data').first().waitFor();
  await page.locator('.chart canvas').first().waitFor();
  await page.locator('.alert-list li, .pair-list li').first().waitFor();
  await page.screenshot({ path: join(SHOTS, `${tag}-overview.png`), fullPage: true });
  if (width <= 400) await noHorizontalScroll(page, width, 'overview');

  await page.goto(`${base}/#/pair/RUS/UKR`);
  const canvas = page.locator('.chart canvas').first();
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 200 && box.height > 200, `pair chart has no size: ${JSON.stringify(box)}`);
  await page.locator('.event-list .evidence').first().waitFor();
  const evidence = await page.locator('.event-list .evidence').allTextContents();
  assert.ok(evidence.length >= 5, `only ${evidence.length} evidence sentences on the RUS–UKR page`);
  assert.ok(evidence.some((t) => /Russia|Russian/.test(t) && /Ukrain/.test(t)), 'no evidence sentence names both Russia and Ukraine');
  assert.ok((await page.locator('.event-list .credit').count()) > 0, 'no Wikipedia credit line beside Current Events evidence');
  await page.screenshot({ path: join(SHOTS, `${tag}-pair.png`), fullPage: true });
  if (width <= 400) await noHorizontalScroll(page, width, 'pair page');

  // Down to the sentence: the first Current Events evidence's article link opens the reader on that event.
  await page.locator('.event-list li.event:has(.credit) .event-foot a').first().click();
  const trigger = page.locator('.article-text mark.ev').first();
  await trigger.waitFor();
  await page.locator('.article-text .focus').first().waitFor();
  await page.locator('.credit').first().waitFor();
  await trigger.hover();
  const tip = page.locator('.tip[role=tooltip]');
  await tip.waitFor();
  const tipText = await tip.textContent();
  for (const label of ['CAMEO', 'PLOVER', 'Goldstein', 'Modality', 'Date', 'Rule']) assert.ok(tipText.includes(label), `tooltip lacks ${label}: ${tipText}`);
  const rule = await tip.locator('.rule').textContent();
  assert.match(rule, /\S/, 'tooltip shows no rule');
  await page.screenshot({ path: join(SHOTS, `${tag}-article.png`), fullPage: false });
  if (width <= 400) await noHorizontalScroll(page, width, 'article');

  // An actor of the pair: profile, network (cytoscape canvas) and its events.
  await page.goto(`${base}/#/pair/RUS/UKR`);
  await page.locator('.event-list .who a').first().click();
  await page.locator('.network canvas').first().waitFor();
  await page.locator('.event-list .evidence').first().waitFor();
  await page.screenshot({ path: join(SHOTS, `${tag}-actor.png`), fullPage: false });
  if (width <= 400) await noHorizontalScroll(page, width, 'actor page');

  // The map leads to a country's chart and events.
  await page.goto(`${base}/#/`);
  const country = await page.locator('.map a').first().getAttribute('href');
  assert.match(country, /^#\/country\/[A-Z]{3}$/, 'a shaded country does not link to its page');
  await page.goto(`${base}/${country}`);
  await page.locator('.toolbar select').waitFor();
  await page.locator('.chart canvas').first().waitFor();
  await page.locator('.event-list .evidence').first().waitFor();
  if (width <= 400) await noHorizontalScroll(page, width, 'country page');

  assert.deepEqual(problems, [], 'console errors');
  assert.deepEqual(dialogs, [], 'dialogs opened');
  await page.close();
}

test('dashboard on a laptop: overview, pair chart with evidence, article with event codes on hover', { skip }, async () => {
  await walk(1280, 900, 'laptop');
});

test('dashboard on a 375 px phone without horizontal scrolling', { skip }, async () => {
  await walk(375, 812, 'phone');
});

test('article text with <script> and <img onerror> is shown as text and runs nothing', { skip }, async () => {
  const { page, problems, dialogs } = await openPage(1280, 900);
  await page.goto(`${base}/#/article/${HOSTILE.id}`);
  const text = page.locator('.article-text');
  await text.waitFor();
  await page.locator('h1').waitFor();
  assert.ok((await text.textContent()).includes('<script>window.__brinkPwned = 1; alert(1)</script>'), 'the script tag is not shown as text');
  assert.equal(await page.locator('h1').textContent(), HOSTILE.title, 'the title is not shown as text');
  assert.equal(await page.locator('main script, main img, main b').count(), 0, 'article markup became elements');
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'a javascript: url became a link');
  // Search results and quotes render the same text.
  await page.goto(`${base}/#/search?q=provoked`);
  await page.locator('.article-list li, .quote-list li').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SHOTS, 'hostile-search.png'), fullPage: true });
  assert.equal(await page.evaluate(() => window.__brinkPwned), undefined, 'injected code ran');
  assert.deepEqual(dialogs, [], 'a dialog opened');
  assert.deepEqual(problems, [], 'console errors');
  await page.close();
});
