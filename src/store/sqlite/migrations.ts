import type Database from 'better-sqlite3';

// Versioned schema of the SQLite store. Each migration runs once, in order, in its own transaction,
// and `schema_version` records it; never edit a released migration: add the next one.
// (src/store/postgres/migrations.ts will hold the same tables in PostgreSQL's dialect.)

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, near-duplicate bands, full text, analysis results, actors, event clusters',
    sql: `
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  url TEXT,
  source TEXT,
  title TEXT,
  published TEXT,
  published_at TEXT,
  published_estimated INTEGER NOT NULL DEFAULT 0,
  byline TEXT,
  lang TEXT,
  text TEXT NOT NULL,
  origin TEXT NOT NULL,
  format TEXT NOT NULL,
  -- source, else the URL's host: what event clusters count as outlets
  outlet TEXT,
  ingested_at TEXT NOT NULL,
  duplicate_of TEXT,
  analysed_version TEXT,
  analysed_at TEXT
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- MinHash LSH: one row per band of each original's signature (src/dedupe/minhash.ts). Exact
-- duplicates are found through it too (identical texts share every band), so content_hash needs no index.
CREATE TABLE article_bands (
  band INTEGER NOT NULL,
  article INTEGER NOT NULL,
  PRIMARY KEY (band, article)
) WITHOUT ROWID;

-- External-content FTS5: the text is stored once, in articles; rows are inserted directly by the
-- store in the article's transaction (trigger-fed FTS5 measured 7x slower).
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TABLE sentences (
  article INTEGER NOT NULL,
  n INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (article, n)
) WITHOUT ROWID;

CREATE TABLE actors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT NOT NULL,
  country TEXT
) WITHOUT ROWID;
CREATE INDEX actors_country ON actors(country);

CREATE TABLE entities (
  article INTEGER NOT NULL,
  item TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  actor_code TEXT,
  actor_country TEXT,
  geo_name TEXT,
  geo_country TEXT,
  geo_lat REAL,
  geo_lon REAL,
  geo_geonameid INTEGER,
  rule TEXT,
  coref_of TEXT,
  PRIMARY KEY (article, item)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor_id) WHERE actor_id IS NOT NULL;

CREATE TABLE times (
  article INTEGER NOT NULL,
  item TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  rule TEXT,
  anchored INTEGER,
  PRIMARY KEY (article, item)
) WITHOUT ROWID;

CREATE TABLE quotes (
  rowid INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  item TEXT NOT NULL,
  kind TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  parts TEXT NOT NULL,
  cue_start INTEGER,
  cue_end INTEGER,
  cue_text TEXT,
  speaker_start INTEGER,
  speaker_end INTEGER,
  speaker_text TEXT,
  speaker_actor_id TEXT,
  speaker_actor_name TEXT,
  speaker_actor_code TEXT,
  speaker_actor_country TEXT,
  rule TEXT,
  UNIQUE (article, item)
);
CREATE INDEX quotes_speaker ON quotes(speaker_actor_id) WHERE speaker_actor_id IS NOT NULL;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, speaker_text, content='quotes', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TABLE clusters (
  rowid INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  source_actor TEXT,
  target_actor TEXT,
  cameo_root TEXT NOT NULL,
  place TEXT,
  bucket TEXT NOT NULL,
  mentions INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0,
  outlets INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_pair ON clusters(source_actor, target_actor, bucket);

CREATE TABLE events (
  rowid INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  item TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  trigger_text TEXT NOT NULL,
  source_start INTEGER,
  source_end INTEGER,
  source_text TEXT,
  source_actor_id TEXT,
  source_actor_name TEXT,
  source_actor_code TEXT,
  source_country TEXT,
  target_start INTEGER,
  target_end INTEGER,
  target_text TEXT,
  target_actor_id TEXT,
  target_actor_name TEXT,
  target_actor_code TEXT,
  target_country TEXT,
  cameo TEXT NOT NULL,
  plover TEXT,
  mode TEXT,
  context TEXT NOT NULL,
  goldstein REAL NOT NULL,
  quadclass INTEGER NOT NULL,
  modality TEXT NOT NULL,
  reported INTEGER NOT NULL,
  date TEXT,
  date_precision TEXT,
  location_name TEXT,
  location_country TEXT,
  location_lat REAL,
  location_lon REAL,
  location_geonameid INTEGER,
  size TEXT,
  rule TEXT NOT NULL,
  coder TEXT NOT NULL,
  confidence REAL NOT NULL,
  cluster INTEGER,
  UNIQUE (article, item)
);
CREATE INDEX events_source_country ON events(source_country, date);
CREATE INDEX events_target_country ON events(target_country, date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_plover ON events(plover, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cluster ON events(cluster);
`,
  },
  {
    version: 2,
    name: 'covering index for pair and country analytics',
    // Pair series read only these columns: the index answers them without touching the events table.
    sql: `
CREATE INDEX events_pair ON events(source_country, target_country, modality, cluster, quadclass, plover, goldstein);
CREATE INDEX events_target_pair ON events(target_country, source_country, modality, cluster, quadclass, plover, goldstein);
`,
  },
  {
    version: 3,
    name: 'watched feeds: health and conditional-request validators',
    // `brink watch` keeps each feed's validators (ETag, Last-Modified) and health here, so a restarted
    // watcher still makes conditional requests and `stats` / GET /api/feeds can report on every feed.
    sql: `
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  last_poll TEXT,
  last_success TEXT,
  last_error TEXT,
  http_status INTEGER,
  etag TEXT,
  last_modified TEXT,
  items_seen INTEGER NOT NULL DEFAULT 0,
  items_new INTEGER NOT NULL DEFAULT 0,
  items_total INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0
);
`,
  },
];

/** Brings the database up to the newest migration; returns the version it ended at. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  let current = row.v ?? 0;
  const newest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  if (current > newest) {
    throw new Error(`database schema version ${current} is newer than this brink understands (${newest}); upgrade brink`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      // Another process may have migrated since the check above: the immediate lock makes this re-check exact.
      if (db.prepare('SELECT 1 FROM schema_version WHERE version = ?').get(m.version)) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
    current = m.version;
  }
  return current;
}
