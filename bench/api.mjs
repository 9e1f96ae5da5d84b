// bench/api: the HTTP API over 1,000,000 generated events. Events, clusters, articles and actors
// are written straight into a fresh SQLite store's tables (bench only: no text analysis), then
// `brink serve` runs in a child process and this process fetches over loopback:
//   - pair series (/api/pairs/A/B/series?by=week) for many pairs, one request at a time: p50/p95 ms;
//   - summary endpoints (/api/stats, /api/alerts, /api/countries, /api/pairs) with 32 requests in
//     flight for a few seconds each: requests/s.
// Usage: npm run build && node bench/api.mjs [events=1000000]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../dist/store/sqlite/sqlite-store.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'brink-bench-api-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const dbPath = join(dir, 'bench.db');

// A seeded generator, so every run stores the same data.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const COUNTRIES = ['USA', 'RUS', 'UKR', 'CHN', 'IRN', 'ISR', 'PSE', 'LBN', 'SYR', 'TUR', 'GBR', 'FRA', 'DEU', 'IND', 'PAK', 'AFG', 'IRQ', 'SAU', 'YEM', 'EGY',
  'JPN', 'KOR', 'PRK', 'TWN', 'BRA', 'MEX', 'VEN', 'COL', 'NGA', 'ETH', 'SDN', 'SSD', 'SOM', 'KEN', 'ZAF', 'LBY', 'MLI', 'AZE', 'ARM', 'GEO',
  'BLR', 'POL', 'ITA', 'ESP', 'CAN', 'AUS', 'IDN', 'PHL', 'MMR', 'THA', 'VNM', 'QAT', 'ARE', 'JOR', 'IGO', 'EUR', 'HTI', 'CUB', 'NIC', 'SRB'];
// Skewed towards the first countries, as news is.
const pick = () => COUNTRIES[Math.min(COUNTRIES.length - 1, Math.floor(COUNTRIES.length * rand() ** 2.2))];
const ROOTS = [['01', 0, 1], ['02', 3, 1], ['03', 4, 1], ['04', 1.9, 1], ['05', 3.5, 1], ['06', 6, 2], ['07', 7, 2], ['08', 5, 2],
  ['10', -5, 3], ['11', -2, 3], ['12', -4, 3], ['13', -6, 3], ['14', -6.5, 4], ['15', -7.2, 4], ['16', -4, 4], ['17', -7, 4], ['18', -9, 4], ['19', -10, 4], ['20', -10, 4]];
const PLOVER = { '02': 'REQUEST', '03': 'COOPERATE', '04': 'CONSULT', '05': 'COOPERATE', '06': 'COOPERATE', '07': 'AID', '08': 'CONCEDE', '10': 'REQUEST',
  '11': 'ACCUSE', '12': 'REJECT', '13': 'THREATEN', '14': 'PROTEST', '15': 'MOBILIZE', '16': 'SANCTION', '17': 'COERCE', '18': 'ASSAULT', '19': 'ASSAULT', '20': 'ASSAULT' };
const DAYS = 3650;
const dayOf = (n) => new Date(Date.UTC(2015, 0, 1) + n * 86400000).toISOString().slice(0, 10);

function generate() {
  (openSqliteStore(dbPath)).close(); // creates and migrates
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const article = db.prepare(`INSERT INTO articles (id, content_hash, title, published, text, origin, format, outlet, ingested_at, analysed_version)
    VALUES (?, ?, ?, ?, ?, 'bench', 'jsonl', 'bench', '2025-01-01T00:00:00Z', 'bench')`);
  const actor = db.prepare('INSERT OR IGNORE INTO actors (id, name, code, country) VALUES (?, ?, ?, ?)');
  const cluster = db.prepare(`INSERT INTO clusters (key, source_actor, target_actor, cameo_root, place, bucket, mentions, articles, outlets)
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 1)`);
  const event = db.prepare(`INSERT INTO events (article, item, sentence, evidence_start, evidence_end, trigger_start, trigger_end, trigger_text,
    source_start, source_end, source_text, source_actor_id, source_actor_name, source_actor_code, source_country,
    target_start, target_end, target_text, target_actor_id, target_actor_name, target_actor_code, target_country,
    cameo, plover, mode, context, goldstein, quadclass, modality, reported, date, date_precision, rule, coder, confidence, cluster)
    VALUES (?, ?, 0, 0, 40, 10, 16, 'struck', 0, 3, ?, ?, ?, ?, ?, 20, 23, ?, ?, ?, ?, ?, ?, ?, NULL, '[]', ?, ?, 'asserted', 0, ?, 'day', 'bench.rule', 'bench', 0.8, ?)`);
  const text = 'Country one struck a deal with country two on the border.';
  db.transaction(() => {
    for (const c of COUNTRIES) actor.run(`country:${c.toLowerCase()}`, c, c, c);
    let articleRow = 0;
    let perArticle = 0;
    let made = 0;
    let k = 0;
    while (made < EVENTS) {
      // A cluster of 1–5 mentions of one event (same pair, root and day).
      const a = pick();
      let b = pick();
      if (b === a) b = COUNTRIES[(COUNTRIES.indexOf(a) + 1) % COUNTRIES.length];
      const [root, gold, quad] = ROOTS[Math.floor(rand() * ROOTS.length)];
      const day = dayOf(Math.floor(DAYS * Math.sqrt(rand())));
      const mentions = Math.min(EVENTS - made, 1 + Math.floor(rand() * 5));
      const sa = `country:${a.toLowerCase()}`;
      const ta = `country:${b.toLowerCase()}`;
      const cid = cluster.run(`${sa}|${ta}|${root}|-|${day}|${k++}`, sa, ta, root, day, mentions, mentions).lastInsertRowid;
      for (let m = 0; m < mentions; m++) {
        if (perArticle === 0) {
          articleRow = article.run(`bench-${made}`, `h${made}`, `Bench article ${made}`, day, text).lastInsertRowid;
          perArticle = 5;
        }
        perArticle--;
        event.run(articleRow, `v${5 - perArticle}`, a, sa, a, a, a, b, ta, b, b, b, `${root}0`, PLOVER[root] ?? null, gold, quad, day, cid);
        made++;
      }
    }
  })();
  const n = db.prepare('SELECT count(*) AS n FROM events').get().n;
  const c = db.prepare('SELECT count(*) AS n FROM clusters').get().n;
  db.close();
  return { events: n, clusters: c };
}

async function startServer() {
  const child = spawn(process.execPath, [join(root, 'dist/cli/main.js'), 'serve', '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise((resolveUrl, reject) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /(http:\/\/[^\s]+)\/api/.exec(err);
      if (m) resolveUrl(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, url };
}

async function timed(url) {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

async function throughput(url, seconds, concurrency = 32) {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const worker = async () => {
    while (performance.now() < end) {
      await timed(url);
      n++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return n / ((performance.now() - t0) / 1000);
}

const t0 = performance.now();
const { events, clusters } = generate();
const genSeconds = (performance.now() - t0) / 1000;
const { child, url } = await startServer();
try {
  const cold = await timed(`${url}/api/alerts`); // computes the corpus summary once
  const pairs = [];
  for (let i = 0; i < 100; i++) pairs.push([COUNTRIES[i % 12], COUNTRIES[(i * 7 + 1) % COUNTRIES.length]]);
  const ms = [];
  for (const [a, b] of pairs) if (a !== b) ms.push(await timed(`${url}/api/pairs/${a}/${b}/series?by=week`));
  for (const [a, b] of pairs.slice(0, 30)) if (a !== b) ms.push(await timed(`${url}/api/pairs/${a}/${b}/series?by=day&from=2022-01-01&to=2022-12-31`));
  ms.sort((x, y) => x - y);
  const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1);
  const rates = {};
  for (const path of ['/api/stats', '/api/alerts', '/api/countries', '/api/pairs?limit=20']) rates[path] = Math.round(await throughput(`${url}${path}`, 3));
  const minRate = Math.min(...Object.values(rates));
  console.log(
    `bench/api: ${events.toLocaleString('en')} events, ${clusters.toLocaleString('en')} clusters (generated in ${genSeconds.toFixed(1)} s); ` +
      `corpus summary (cold) ${cold.toFixed(0)} ms; pair series p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (${ms.length} requests); ` +
      `summary req/s ${Object.entries(rates).map(([p, r]) => `${p} ${r}`).join(', ')} (min ${minRate}) ` +
      `${Number(q(0.95)) < 100 && minRate >= 2000 ? 'PASS' : 'FAIL'} (targets: p95 < 100 ms, ≥ 2,000 req/s)`,
  );
} finally {
  child.kill('SIGTERM');
}
