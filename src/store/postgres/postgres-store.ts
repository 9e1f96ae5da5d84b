import pg from 'pg';
import type { ActorRef, ArgRef, CodedEvent, ExtractRecord, Entity, Geo, InputFormat, Quote, TimeExpr } from '../../domain/types.js';
import { isNearDuplicate, lshBandKeys, minhashSignature } from '../../dedupe/minhash.js';
import { clusterKey, type ClusterKey } from '../../dedupe/cluster-key.js';
import type { SearchQuery } from '../search-query.js';
import type {
  AddOutcome,
  ArticleHit,
  EventCluster,
  NewArticle,
  PendingPage,
  QuoteHit,
  SearchOptions,
  Store,
  StoreStats,
  StoredArticle,
  FeedState,
} from '../store.js';
import { FEED_COLUMNS, feedFromRow, feedParams } from '../feed-row.js';
import { migrate } from './migrations.js';
import { parsePostgresUrl, type PostgresTarget } from './connection.js';
import { toTsquery } from './tsquery.js';
import { actorOf, codedEventOf, PostgresQueries } from './postgres-queries.js';
import type {
  ActorProfile, ActorQuery, ActorSummary, ArticleQuery, ArticleSummary, ClusterFact, ClusterQuery, EventQuery, Page, QuoteQuery, StoredEvent, StoredQuote,
} from '../query-types.js';

/** Near-duplicate candidates checked per article at most (as in SQLite): bounds a very common band. */
const MAX_CANDIDATES = 32;
const DEFAULT_HIGHLIGHT: [string, string] = ['[', ']'];
/**
 * Advisory-lock key ("brinkdup") held by every addArticles transaction. Near-duplicate assignment
 * reads the bands of stored originals and then writes its own: two writers doing that at once could
 * each store one of two near-identical articles as an original. Ingest is cheap next to analysis,
 * so serialising it is the simple, correct choice; analysis (saveAnalysis) takes no global lock.
 */
const DEDUPE_LOCK = '7093286815458735472';
/** Weights of D, C, B, A: text (B) 0.25, title / speaker (A) 1.0 — the 1:4 of SQLite's bm25 weights. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.25, 1.0}';
/** ts_headline marks, replaced by the caller's afterwards so no user text enters ts_headline's options. */
const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`;
/** SQLSTATEs worth a retry of the whole transaction: deadlock, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);

type Row = Record<string, any>;

/** The outlet an article counts for in event clusters: its source, else its URL's host. */
function outletOf(source: string | null, url: string | null): string | null {
  if (source) return source;
  if (!url) return null;
  try {
    return new URL(url).host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

const ARTICLE_COLUMNS =
  'rowid, id, content_hash, url, source, title, published, published_at, published_estimated, byline, lang, text, origin, format, ingested_at, duplicate_of, analysed_version';

function articleFromRow(r: Row): StoredArticle {
  return {
    id: r.id,
    url: r.url,
    source: r.source,
    title: r.title,
    // An estimated date is the analysis's output, not input: re-analysis starts without it.
    published: r.published_estimated ? null : r.published,
    publishedAt: r.published_at,
    publishedEstimated: false,
    byline: r.byline,
    text: r.text,
    origin: r.origin,
    format: r.format as InputFormat,
    contentHash: r.content_hash,
    lang: r.lang,
    ingestedAt: r.ingested_at,
    duplicateOf: r.duplicate_of,
    analysedVersion: r.analysed_version,
  };
}

function geoOf(name: unknown, country: unknown, lat: unknown, lon: unknown, geonameid: unknown): Geo | null {
  if (typeof name !== 'string') return null;
  const geo: Geo = { name, country: country as string | null, lat: lat as number, lon: lon as number };
  if (typeof geonameid === 'number') geo.geonameid = geonameid;
  return geo;
}

/**
 * Merges repeated actors the way SQLite's one-by-one upserts do (the longer code wins, the first
 * country stays) and sorts them by id, so concurrent transactions lock actor rows in one order.
 */
function mergedActors(actors: Array<ActorRef | null | undefined>): ActorRef[] {
  const byId = new Map<string, ActorRef>();
  for (const a of actors) {
    if (!a) continue;
    const seen = byId.get(a.id);
    if (!seen) byId.set(a.id, { id: a.id, name: a.name, code: a.code, country: a.country });
    else {
      if (a.code.length > seen.code.length) seen.code = a.code;
      seen.country = seen.country ?? a.country;
    }
  }
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

interface Candidate {
  rowid: number;
  id: string;
  text: string;
  contentHash: string;
}

/** The PostgreSQL backend of the Store (pg, tsvector + GIN, row locks for concurrent workers). */
export class PostgresStore implements Store {
  readonly backend = 'postgres' as const;
  readonly location: string;
  readonly schema: string;
  readonly jobsSchema: string;
  readonly pool: pg.Pool;
  private readonly queries: PostgresQueries;

  private constructor(target: PostgresTarget, pool: pg.Pool) {
    this.queries = new PostgresQueries(pool);
    this.location = target.location;
    this.schema = target.schema;
    this.jobsSchema = target.jobsSchema;
    this.pool = pool;
  }

  /** Connects and migrates; see connection.ts for the URL. */
  static async open(url: string, poolSize = 4): Promise<PostgresStore> {
    const target = parsePostgresUrl(url);
    const pool = new pg.Pool({ ...target.config, max: poolSize });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const client = await pool.connect().catch(async (err) => {
      await pool.end();
      throw err;
    });
    try {
      await migrate(client, target.schema);
    } catch (err) {
      client.release();
      await pool.end();
      throw err;
    }
    client.release();
    return new PostgresStore(target, pool);
  }

  /** Runs fn in one transaction, retried a few times on deadlock or serialization failure. */
  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.connect();
      try {
        await c.query(begin);
        const out = await fn(c);
        await c.query('COMMIT');
        return out;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {});
        if (attempt < 5 && RETRYABLE.has((err as { code?: string }).code ?? '')) continue;
        throw err;
      } finally {
        c.release();
      }
    }
  }

  async addArticles(items: NewArticle[]): Promise<AddOutcome[]> {
    if (items.length === 0) return [];
    try {
      return await this.tx((c) => this.addBatch(c, items));
    } catch {
      // Something in the batch cannot be stored: retry one by one so only the bad article fails.
      const out: AddOutcome[] = [];
      for (const item of items) {
        try {
          out.push((await this.tx((c) => this.addBatch(c, [item])))[0]!);
        } catch (err) {
          out.push({ id: item.article.id, status: 'failed', reason: (err as Error).message });
        }
      }
      return out;
    }
  }

  private async addBatch(c: pg.PoolClient, items: NewArticle[]): Promise<AddOutcome[]> {
    await c.query('SELECT pg_advisory_xact_lock($1)', [DEDUPE_LOCK]);
    const ids = items.map((i) => i.article.id);
    const existing = new Map<string, Row>();
    for (const r of (await c.query('SELECT id, duplicate_of, analysed_version FROM articles WHERE id = ANY($1)', [ids])).rows) existing.set(r.id, r);
    const sigs = items.map((i) => minhashSignature(i.article.text));
    const bandsOf = sigs.map((s) => lshBandKeys(s));
    // Stored originals sharing a band with any article of the batch, lowest rowid first.
    const allBands = [...new Set(bandsOf.flat())];
    const byBand = new Map<number, number[]>();
    if (allBands.length > 0) {
      const { rows } = await c.query('SELECT band::float8 AS band, article FROM article_bands WHERE band = ANY($1::bigint[]) ORDER BY article', [allBands.map(String)]);
      for (const r of rows) {
        const list = byBand.get(r.band) ?? [];
        list.push(r.article);
        byBand.set(r.band, list);
      }
    }
    const wanted = new Set<number>();
    const candidatesOf = bandsOf.map((bands) => {
      const set = new Set<number>();
      for (const b of bands) for (const a of byBand.get(b) ?? []) set.add(a);
      const list = [...set].sort((x, y) => x - y).slice(0, MAX_CANDIDATES);
      for (const a of list) wanted.add(a);
      return list;
    });
    const stored = new Map<number, Candidate>();
    if (wanted.size > 0) {
      const { rows } = await c.query('SELECT rowid, id, text, content_hash FROM articles WHERE rowid = ANY($1)', [[...wanted]]);
      for (const r of rows) stored.set(r.rowid, { rowid: r.rowid, id: r.id, text: r.text, contentHash: r.content_hash });
    }
    // Originals stored earlier in this batch count as stored for later ones.
    const batchBands = new Map<number, Candidate[]>();
    const batchIds = new Map<string, string | null>();
    const outcomes: AddOutcome[] = [];
    const rows: Row[] = [];
    const bandRows: Array<[number, string]> = [];
    const now = new Date().toISOString();
    items.forEach((item, i) => {
      const a = item.article;
      const ex = existing.get(a.id);
      if (ex) {
        outcomes.push({ id: a.id, status: 'exists', duplicateOf: ex.duplicate_of, analysedVersion: ex.analysed_version });
        return;
      }
      if (batchIds.has(a.id)) {
        outcomes.push({ id: a.id, status: 'exists', duplicateOf: batchIds.get(a.id)!, analysedVersion: null });
        return;
      }
      const sig = sigs[i]!;
      const bands = bandsOf[i]!;
      const candidates: Candidate[] = candidatesOf[i]!.map((r) => stored.get(r)!).filter(Boolean);
      const inBatch = new Set<Candidate>();
      for (const b of bands) for (const x of batchBands.get(b) ?? []) inBatch.add(x);
      candidates.push(...inBatch);
      let duplicateOf: string | null = null;
      let exact = false;
      // Identical texts share every band, so one lookup finds exact and near duplicates; an exact one wins.
      for (const other of candidates) {
        if (other.contentHash === item.contentHash && other.text === a.text) {
          duplicateOf = other.id;
          exact = true;
          break;
        }
        if (duplicateOf === null && isNearDuplicate(sig, minhashSignature(other.text))) duplicateOf = other.id;
      }
      rows.push({
        ord: rows.length,
        id: a.id, content_hash: item.contentHash, url: a.url, source: a.source, title: a.title, published: a.published,
        published_at: a.publishedAt, published_estimated: a.publishedEstimated, byline: a.byline ?? null, lang: item.lang,
        text: a.text, origin: a.origin, format: a.format, outlet: outletOf(a.source, a.url), ingested_at: now, duplicate_of: duplicateOf,
      });
      batchIds.set(a.id, duplicateOf);
      if (duplicateOf !== null) {
        outcomes.push({ id: a.id, status: 'duplicate', duplicateOf, exact });
        return;
      }
      // Only originals are banded, so every duplicate points at an original, never at another duplicate.
      const self: Candidate = { rowid: -1, id: a.id, text: a.text, contentHash: item.contentHash };
      for (const b of bands) {
        const list = batchBands.get(b) ?? [];
        list.push(self);
        batchBands.set(b, list);
        bandRows.push([b, a.id]);
      }
      outcomes.push({ id: a.id, status: 'stored' });
    });
    if (rows.length > 0) {
      const { rows: inserted } = await c.query(
        `INSERT INTO articles (id, content_hash, url, source, title, published, published_at, published_estimated, byline,
           lang, text, origin, format, outlet, ingested_at, duplicate_of)
         SELECT id, content_hash, url, source, title, published, published_at, published_estimated, byline,
           lang, text, origin, format, outlet, ingested_at, duplicate_of
         FROM json_populate_recordset(null::articles, $1::json) WITH ORDINALITY AS r ORDER BY ordinality
         RETURNING rowid, id`,
        [JSON.stringify(rows)],
      );
      if (bandRows.length > 0) {
        const rowidOf = new Map<string, number>(inserted.map((r) => [r.id, r.rowid]));
        await c.query(
          'INSERT INTO article_bands (band, article) SELECT * FROM unnest($1::bigint[], $2::int[]) ON CONFLICT DO NOTHING',
          [bandRows.map(([b]) => String(b)), bandRows.map(([, id]) => rowidOf.get(id)!)],
        );
      }
    }
    return outcomes;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const { rows } = await this.pool.query(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id]);
    return rows[0] ? articleFromRow(rows[0]) : null;
  }

  async pendingAnalysis(version: string, after: string | null, limit: number): Promise<PendingPage> {
    if (limit <= 0) return { articles: [], next: after };
    const from = after === null ? 0 : Number(after);
    const { rows } = await this.pool.query(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE rowid > $1 AND duplicate_of IS NULL
         AND (analysed_version IS NULL OR analysed_version <> $2) ORDER BY rowid LIMIT $3`,
      [from, version, limit],
    );
    const next = rows.length === limit ? String(rows[rows.length - 1]!.rowid) : null;
    return { articles: rows.map(articleFromRow), next };
  }

  async saveAnalysis(record: ExtractRecord, version: string): Promise<void> {
    await this.saveAnalyses([record], version);
  }

  async saveAnalyses(records: ExtractRecord[], version: string): Promise<void> {
    if (records.length === 0) return;
    // Asynchronous commit: the transaction's locks go at once instead of after the WAL flush, and
    // analyses are derived data. A server crash can lose only the last fraction of a second of them,
    // whole: those articles are pending again, never half-stored. In the work queue nothing is
    // lost even then: the job's completion commits later, synchronously, flushing this commit with it.
    await this.tx((c) => this.saveIn(c, records, version), 'BEGIN; SET LOCAL synchronous_commit = off');
  }

  /** Stored articles by id, in the order asked (ids not stored are left out). */
  async getArticles(ids: string[]): Promise<StoredArticle[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::text[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    return ids.filter((id) => byId.has(id)).map((id) => articleFromRow(byId.get(id)!));
  }

  /**
   * Replaces the analyses of a batch of articles inside transaction c, in three statements whatever
   * the batch size (four or five when some were analysed before): rows of every article go in one
   * multi-row insert per table. Locks, always in this order so concurrent workers cannot deadlock:
   * the article rows (by rowid), then every cluster the batch leaves or joins (by key). Holding a
   * cluster's row lock until commit keeps its counts exact: no other transaction can add or remove
   * that cluster's events between the recount and the commit. Another worker touching the same
   * cluster waits for that commit, so clusters are locked by the last statements but one, and an
   * actor row is locked only when this batch actually changes it.
   */
  private async saveIn(c: pg.PoolClient, batch: ExtractRecord[], version: string): Promise<void> {
    // A record saved twice in one batch: the later one wins, as with two saves in a row.
    const records = [...new Map(batch.map((r) => [r.id, r])).values()];
    const ids = records.map((r) => r.id);
    const arts = new Map<string, Row>();
    for (const r of (await c.query({ name: 'brink-save-lock', text: SAVE_LOCK, values: [ids] })).rows) {
      arts.set(r.id, r);
    }
    const missing = ids.find((id) => !arts.has(id));
    if (missing !== undefined) throw new Error(`article ${missing} is not stored`);
    const rowidOf = (r: ExtractRecord) => arts.get(r.id)!.rowid as number;
    // Only an article analysed before has rows to replace.
    const again = records.filter((r) => arts.get(r.id)!.analysed_version !== null).map(rowidOf);

    const keys = new Map<string, ClusterKey>();
    const eventKeys = records.map((record) => {
      const published = record.published ?? (arts.get(record.id)!.published as string | null);
      return record.events.map((v) => {
        const k = clusterKey(v, published);
        if (k) keys.set(k.key, k);
        return k?.key ?? null;
      });
    });
    if (again.length > 0) {
      // The clusters the old analyses leave are recounted too.
      const old = await c.query(
        `SELECT DISTINCT c.key, c.source_actor, c.target_actor, c.cameo_root, c.place, c.bucket
         FROM events e JOIN clusters c ON c.rowid = e.cluster WHERE e.article = ANY($1::int[])`,
        [again],
      );
      for (const r of old.rows) {
        if (!keys.has(r.key)) keys.set(r.key, { key: r.key, sourceActor: r.source_actor, targetActor: r.target_actor, cameoRoot: r.cameo_root, place: r.place, bucket: r.bucket });
      }
      await c.query(
        `WITH
         d1 AS (DELETE FROM sentences WHERE article = ANY($1::int[])),
         d2 AS (DELETE FROM entities WHERE article = ANY($1::int[])),
         d3 AS (DELETE FROM times WHERE article = ANY($1::int[])),
         d4 AS (DELETE FROM quotes WHERE article = ANY($1::int[]))
         DELETE FROM events WHERE article = ANY($1::int[])`,
        [again],
      );
    }
    // What this batch alone puts in each cluster: the counts of a cluster it creates.
    const own = new Map<string, { mentions: number; articles: Set<number>; outlets: Set<string> }>();
    records.forEach((record, r) => {
      const art = arts.get(record.id)!;
      for (const key of eventKeys[r]!) {
        if (key === null) continue;
        const o = own.get(key) ?? { mentions: 0, articles: new Set(), outlets: new Set() };
        o.mentions++;
        o.articles.add(art.rowid as number);
        if (art.outlet !== null) o.outlets.add(art.outlet as string);
        own.set(key, o);
      }
    });
    const clusters = [...keys.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)).map((k) => {
      const o = own.get(k.key);
      return {
        key: k.key, source_actor: k.sourceActor, target_actor: k.targetActor, cameo_root: k.cameoRoot, place: k.place, bucket: k.bucket,
        mentions: o?.mentions ?? 0, articles: o?.articles.size ?? 0, outlets: o?.outlets.size ?? 0,
      };
    });

    // Actors of a superseded record too: saved one by one, it would have registered them.
    const actors = mergedActors(batch.flatMap((record) => [
      ...record.entities.map((e) => e.actor),
      ...record.quotes.map((q) => q.speaker?.actor),
      ...record.events.flatMap((v) => [v.source?.actor, v.target?.actor]),
    ]));
    const rows = { sentences: [] as Row[], entities: [] as Row[], times: [] as Row[], quotes: [] as Row[], events: [] as Row[], marks: [] as Row[] };
    records.forEach((record, r) => {
      const rowid = rowidOf(record);
      rows.marks.push({ rowid, lang: record.lang, estimated: record.publishedEstimated, published: record.published });
      record.sentences.forEach((x, n) => rows.sentences.push({ article: rowid, n, start: x.start, end: x.end }));
      for (const e of record.entities) rows.entities.push(entityRow(rowid, e));
      for (const t of record.times) rows.times.push(timeRow(rowid, t));
      for (const q of record.quotes) rows.quotes.push(quoteRow(rowid, q));
      record.events.forEach((v, i) => rows.events.push(eventRow(rowid, v, eventKeys[r]![i] ?? null)));
    });

    // One statement writes the whole batch: upserts every touched cluster (locking them in key
    // order; a new one comes with this batch's counts, which are all it has), inserts new actors,
    // marks the articles, and inserts their rows, each event pointing at its cluster by key. It
    // returns the clusters that were there before (xmax = 0 marks a row this statement inserted),
    // whose counts need a recount.
    const { rows: touched } = await c.query({
      name: 'brink-save-write',
      text: SAVE_WRITE,
      values: [
        JSON.stringify(clusters), JSON.stringify(actors), JSON.stringify(rows.marks), JSON.stringify(rows.sentences),
        JSON.stringify(rows.entities), JSON.stringify(rows.times), JSON.stringify(rows.quotes), version, new Date().toISOString(),
        JSON.stringify(rows.events),
      ],
    });

    // Then, in one statement: a known actor is updated, and so locked, only when this batch
    // lengthens its code or gives it its first country (the merge SQLite's upsert does); this
    // statement's snapshot sees an actor another worker inserted while the insert above waited for
    // it. And the clusters that were there before are recounted.
    await c.query({
      name: 'brink-save-recount',
      text: SAVE_RECOUNT,
      values: [JSON.stringify(actors), touched.map((r) => r.rowid as number)],
    });
  }

  async getAnalysis(id: string): Promise<ExtractRecord | null> {
    const row = (await this.pool.query(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id])).rows[0];
    if (!row || row.analysed_version === null) return null;
    const rowid: number = row.rowid;
    const q = async (sql: string) => (await this.pool.query(sql, [rowid])).rows;
    const [sentenceRows, entityRows, timeRows, quoteRows, eventRows] = await Promise.all([
      q('SELECT start, "end" FROM sentences WHERE article = $1 ORDER BY n'),
      q('SELECT * FROM entities WHERE article = $1 ORDER BY start, item COLLATE "C"'),
      q('SELECT * FROM times WHERE article = $1 ORDER BY start, item COLLATE "C"'),
      q('SELECT * FROM quotes WHERE article = $1 ORDER BY start, item COLLATE "C"'),
      q('SELECT * FROM events WHERE article = $1 ORDER BY rowid'),
    ]);
    const entities: Entity[] = entityRows.map((r) => {
      const e: Entity = {
        id: r.item, start: r.start, end: r.end, text: r.text, type: r.type,
        actor: actorOf(r.actor_id, r.actor_name, r.actor_code, r.actor_country),
        geo: geoOf(r.geo_name, r.geo_country, r.geo_lat, r.geo_lon, r.geo_geonameid),
      };
      if (r.rule !== null) e.rule = r.rule;
      if (r.coref_of !== null) e.corefOf = r.coref_of;
      return e;
    });
    const times: TimeExpr[] = timeRows.map((r) => {
      const t: TimeExpr = { id: r.item, start: r.start, end: r.end, text: r.text, type: r.type, value: r.value };
      if (r.rule !== null) t.rule = r.rule;
      if (r.anchored !== null) t.anchored = r.anchored;
      return t;
    });
    const quotes: Quote[] = quoteRows.map((r) => {
      const out: Quote = {
        id: r.item, kind: r.kind, start: r.start, end: r.end, text: r.text, parts: JSON.parse(r.parts),
        cue: r.cue_start === null ? null : { start: r.cue_start, end: r.cue_end, text: r.cue_text },
        speaker: r.speaker_start === null ? null : {
          start: r.speaker_start, end: r.speaker_end, text: r.speaker_text,
          actor: actorOf(r.speaker_actor_id, r.speaker_actor_name, r.speaker_actor_code, r.speaker_actor_country),
        },
      };
      if (r.rule !== null) out.rule = r.rule;
      return out;
    });
    const events: CodedEvent[] = eventRows.map(codedEventOf);
    return {
      schema: 1,
      id: row.id,
      contentHash: row.content_hash,
      url: row.url,
      source: row.source,
      title: row.title,
      published: row.published,
      publishedAt: row.published_at,
      publishedEstimated: row.published_estimated,
      lang: row.lang ?? 'en',
      text: row.text,
      sentences: sentenceRows.map((r) => ({ start: r.start, end: r.end })),
      entities,
      times,
      quotes,
      events,
      duplicateOf: row.duplicate_of,
    };
  }

  async searchArticles(query: SearchQuery, options: SearchOptions = {}): Promise<ArticleHit[]> {
    const tsq = toTsquery(query);
    if (tsq === null) return [];
    const [open, close] = options.highlight ?? DEFAULT_HIGHLIGHT;
    const { rows } = await this.pool.query(
      `WITH q AS (SELECT to_tsquery('brink', $1) AS q),
       hits AS (
         SELECT a.rowid, ts_rank_cd('${RANK_WEIGHTS}', a.tsv, q.q) AS rank
         FROM articles a, q WHERE a.tsv @@ q.q ORDER BY rank DESC, a.rowid LIMIT $2)
       SELECT a.id, a.title, a.url, a.source, a.published, a.origin, a.duplicate_of, h.rank,
         CASE WHEN to_tsvector('brink', a.text) @@ q.q THEN ts_headline('brink', a.text, q.q, $3)
              ELSE ts_headline('brink', coalesce(a.title, ''), q.q, $3) END AS snippet
       FROM hits h JOIN articles a ON a.rowid = h.rowid, q ORDER BY h.rank DESC, h.rowid`,
      [tsq, options.limit ?? 20, HEADLINE_OPTIONS],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      url: r.url,
      source: r.source,
      published: r.published,
      origin: r.origin,
      duplicateOf: r.duplicate_of,
      score: r.rank,
      snippet: marks(r.snippet, open, close),
    }));
  }

  async searchQuotes(query: SearchQuery, options: SearchOptions = {}): Promise<QuoteHit[]> {
    const tsq = toTsquery(query);
    if (tsq === null) return [];
    const [open, close] = options.highlight ?? DEFAULT_HIGHLIGHT;
    const { rows } = await this.pool.query(
      `WITH q AS (SELECT to_tsquery('brink', $1) AS q),
       hits AS (
         SELECT x.rowid, ts_rank_cd('${RANK_WEIGHTS}', x.tsv, q.q) AS rank
         FROM quotes x, q WHERE x.tsv @@ q.q ORDER BY rank DESC, x.rowid LIMIT $2)
       SELECT a.id AS article_id, x.item, x.kind, x.text, x.speaker_text, x.speaker_actor_id, a.published, h.rank,
         ts_headline('brink', x.text, q.q, $3) AS snippet
       FROM hits h JOIN quotes x ON x.rowid = h.rowid JOIN articles a ON a.rowid = x.article, q ORDER BY h.rank DESC, h.rowid`,
      [tsq, options.limit ?? 20, HEADLINE_OPTIONS],
    );
    return rows.map((r) => ({
      articleId: r.article_id,
      quoteId: r.item,
      kind: r.kind,
      text: r.text,
      speaker: r.speaker_text,
      speakerActorId: r.speaker_actor_id,
      published: r.published,
      score: r.rank,
      snippet: marks(r.snippet, open, close),
    }));
  }

  async listClusters(limit: number): Promise<EventCluster[]> {
    const { rows } = await this.pool.query('SELECT * FROM clusters ORDER BY articles DESC, mentions DESC, key COLLATE "C" LIMIT $1', [limit]);
    return rows.map((r) => ({
      key: r.key,
      sourceActor: r.source_actor,
      targetActor: r.target_actor,
      cameoRoot: r.cameo_root,
      place: r.place,
      bucket: r.bucket,
      mentions: r.mentions,
      articles: r.articles,
      outlets: r.outlets,
    }));
  }

  async stats(version: string): Promise<StoreStats> {
    const { rows } = await this.pool.query(
      `SELECT
         (SELECT count(*) FROM articles)::int AS articles,
         (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL)::int AS duplicates,
         (SELECT count(*) FROM events)::int AS events,
         (SELECT count(*) FROM clusters)::int AS clusters,
         (SELECT count(*) FROM quotes)::int AS quotes,
         (SELECT count(*) FROM actors)::int AS actors,
         (SELECT count(*) FROM articles WHERE analysed_version IS NOT NULL)::int AS analysed,
         (SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND (analysed_version IS NULL OR analysed_version <> $1))::int AS pending,
         (SELECT count(*) FROM entities)::int AS entities,
         (SELECT count(*) FROM times)::int AS times,
         (SELECT count(*) FROM sentences)::int AS sentences`,
      [version],
    );
    return rows[0] as StoreStats;
  }

  listEvents(query: EventQuery): Promise<Page<StoredEvent>> {
    return this.queries.listEvents(query);
  }

  clusterFacts(query: ClusterQuery): Promise<Page<ClusterFact>> {
    return this.queries.clusterFacts(query);
  }

  listArticles(query: ArticleQuery): Promise<Page<ArticleSummary>> {
    return this.queries.listArticles(query);
  }

  listActors(query: ActorQuery): Promise<Page<ActorSummary>> {
    return this.queries.listActors(query);
  }

  getActor(id: string): Promise<ActorProfile | null> {
    return this.queries.getActor(id);
  }

  listQuotes(query: QuoteQuery): Promise<Page<StoredQuote>> {
    return this.queries.listQuotes(query);
  }

  async saveFeedState(state: FeedState): Promise<void> {
    const cols = FEED_COLUMNS.join(', ');
    const sets = FEED_COLUMNS.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ');
    await this.pool.query(`INSERT INTO feeds (${cols}) VALUES (${FEED_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (url) DO UPDATE SET ${sets}`, feedParams(state));
  }

  async listFeeds(): Promise<FeedState[]> {
    // COLLATE "C": the same byte order as SQLite's.
    const { rows } = await this.pool.query(`SELECT ${FEED_COLUMNS.join(', ')} FROM feeds ORDER BY url COLLATE "C"`);
    return rows.map(feedFromRow);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}

/** An event's columns but its cluster, which the insert looks up by key. */
const EVENT_FIELDS = `article, item, sentence, evidence_start, evidence_end, trigger_start, trigger_end, trigger_text,
  source_start, source_end, source_text, source_actor_id, source_actor_name, source_actor_code, source_country,
  target_start, target_end, target_text, target_actor_id, target_actor_name, target_actor_code, target_country,
  cameo, plover, mode, context, goldstein, quadclass, modality, reported, date, date_precision,
  location_name, location_country, location_lat, location_lon, location_geonameid, size, rule, coder, confidence`;

const QUOTE_COLUMNS = `article, item, kind, start, "end", text, parts, cue_start, cue_end, cue_text, speaker_start, speaker_end,
  speaker_text, speaker_actor_id, speaker_actor_name, speaker_actor_code, speaker_actor_country, rule`;

// The statements of saveAnalyses, prepared once per connection (named): a batch's statements are
// the same every time, and planning these large ones costs as much as running them.

/** Locks the batch's articles, in rowid order. */
const SAVE_LOCK = 'SELECT rowid, id, published, analysed_version, outlet FROM articles WHERE id = ANY($1::text[]) ORDER BY rowid FOR UPDATE';

/** Clusters, actors, the analysis mark and every analysis row of a batch (see saveIn). */
const SAVE_WRITE = `WITH
  cl AS (INSERT INTO clusters (key, source_actor, target_actor, cameo_root, place, bucket, mentions, articles, outlets)
    SELECT key, source_actor, target_actor, cameo_root, place, bucket, mentions, articles, outlets
    FROM json_populate_recordset(null::clusters, $1::json) WITH ORDINALITY AS k ORDER BY ordinality
    ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING rowid, key, xmax = 0 AND mentions > 0 AS fresh),
  ac AS (INSERT INTO actors (id, name, code, country)
    SELECT id, name, code, country FROM json_populate_recordset(null::actors, $2::json) WITH ORDINALITY AS r ORDER BY ordinality
    ON CONFLICT (id) DO NOTHING),
  mk AS (UPDATE articles a SET lang = m.lang, analysed_version = $8, analysed_at = $9,
      published = CASE WHEN m.estimated THEN m.published ELSE a.published END,
      published_estimated = a.published_estimated OR m.estimated
    FROM json_to_recordset($3::json) AS m(rowid int, lang text, estimated boolean, published text) WHERE a.rowid = m.rowid),
  s AS (INSERT INTO sentences (article, n, start, "end") SELECT article, n, start, "end" FROM json_populate_recordset(null::sentences, $4::json)),
  e AS (INSERT INTO entities SELECT * FROM json_populate_recordset(null::entities, $5::json)),
  t AS (INSERT INTO times SELECT * FROM json_populate_recordset(null::times, $6::json)),
  q AS (INSERT INTO quotes (${QUOTE_COLUMNS})
    SELECT ${QUOTE_COLUMNS} FROM json_populate_recordset(null::quotes, $7::json) WITH ORDINALITY AS r ORDER BY ordinality),
  v AS (INSERT INTO events (${EVENT_FIELDS}, cluster)
    SELECT ${EVENT_FIELDS}, k.rowid
    FROM json_array_elements($10::json) WITH ORDINALITY AS r(j, o)
    CROSS JOIN LATERAL json_populate_record(null::events, r.j) AS x
    LEFT JOIN cl k ON k.key = r.j->>'cluster_key'
    ORDER BY r.o)
  SELECT rowid FROM cl WHERE NOT fresh`;

/**
 * The actor merge and the recount of clusters that were there before. Both look rows up one by one
 * (a fenced LATERAL, an array of ids) so that each is an index lookup whatever the planner believes
 * about the tables' sizes (statistics lag behind a bulk load, or are never gathered where
 * autovacuum is off), where a join over all of them may be planned as a full scan.
 */
const SAVE_RECOUNT = `WITH
  batch AS (SELECT * FROM json_populate_recordset(null::actors, $1::json)),
  changed AS (SELECT b.id, b.code, b.country FROM batch b
    CROSS JOIN LATERAL (SELECT x.code, x.country FROM actors x WHERE x.id = b.id OFFSET 0) x
    WHERE length(b.code) > length(x.code) OR (x.country IS NULL AND b.country IS NOT NULL)),
  au AS (UPDATE actors x SET
      code = CASE WHEN length(c.code) > length(x.code) THEN c.code ELSE x.code END,
      country = COALESCE(x.country, c.country)
    FROM changed c
    WHERE x.id = ANY(ARRAY(SELECT id FROM changed)) AND x.id = c.id
      AND (length(c.code) > length(x.code) OR (x.country IS NULL AND c.country IS NOT NULL))),
  counts AS (
    SELECT c.id AS rowid, n.mentions, n.articles, n.outlets
    FROM unnest($2::int[]) AS c(id) CROSS JOIN LATERAL (
      SELECT count(*)::int AS mentions, count(DISTINCT e.article)::int AS articles, count(DISTINCT a.outlet)::int AS outlets
      FROM events e JOIN articles a ON a.rowid = e.article WHERE e.cluster = c.id) n),
  up AS (UPDATE clusters k SET mentions = counts.mentions, articles = counts.articles, outlets = counts.outlets
    FROM counts WHERE k.rowid = counts.rowid AND counts.mentions > 0)
  DELETE FROM clusters k USING counts WHERE k.rowid = counts.rowid AND counts.mentions = 0`;

function entityRow(article: number, e: Entity): Row {
  return {
    article, item: e.id, start: e.start, end: e.end, text: e.text, type: e.type,
    actor_id: e.actor?.id ?? null, actor_name: e.actor?.name ?? null, actor_code: e.actor?.code ?? null, actor_country: e.actor?.country ?? null,
    geo_name: e.geo?.name ?? null, geo_country: e.geo?.country ?? null, geo_lat: e.geo?.lat ?? null, geo_lon: e.geo?.lon ?? null,
    geo_geonameid: e.geo?.geonameid ?? null, rule: e.rule ?? null, coref_of: e.corefOf ?? null,
  };
}

function timeRow(article: number, t: TimeExpr): Row {
  return { article, item: t.id, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, rule: t.rule ?? null, anchored: t.anchored ?? null };
}

function quoteRow(article: number, q: Quote): Row {
  return {
    article, item: q.id, kind: q.kind, start: q.start, end: q.end, text: q.text, parts: JSON.stringify(q.parts),
    cue_start: q.cue?.start ?? null, cue_end: q.cue?.end ?? null, cue_text: q.cue?.text ?? null,
    speaker_start: q.speaker?.start ?? null, speaker_end: q.speaker?.end ?? null, speaker_text: q.speaker?.text ?? null,
    speaker_actor_id: q.speaker?.actor?.id ?? null, speaker_actor_name: q.speaker?.actor?.name ?? null,
    speaker_actor_code: q.speaker?.actor?.code ?? null, speaker_actor_country: q.speaker?.actor?.country ?? null, rule: q.rule ?? null,
  };
}

function argRow(p: 'source' | 'target', a: ArgRef | null): Row {
  return {
    [`${p}_start`]: a?.start ?? null, [`${p}_end`]: a?.end ?? null, [`${p}_text`]: a?.text ?? null,
    [`${p}_actor_id`]: a?.actor?.id ?? null, [`${p}_actor_name`]: a?.actor?.name ?? null, [`${p}_actor_code`]: a?.actor?.code ?? null,
    [`${p}_country`]: a?.actor?.country ?? null,
  };
}

function eventRow(article: number, v: CodedEvent, clusterKey: string | null): Row {
  return {
    article, item: v.id, sentence: v.sentence, evidence_start: v.evidence.start, evidence_end: v.evidence.end,
    trigger_start: v.trigger.start, trigger_end: v.trigger.end, trigger_text: v.trigger.text,
    ...argRow('source', v.source), ...argRow('target', v.target),
    cameo: v.cameo, plover: v.plover, mode: v.mode, context: JSON.stringify(v.context), goldstein: v.goldstein, quadclass: v.quadclass,
    modality: v.modality, reported: v.reported, date: v.date, date_precision: v.datePrecision,
    location_name: v.location?.name ?? null, location_country: v.location?.country ?? null, location_lat: v.location?.lat ?? null,
    location_lon: v.location?.lon ?? null, location_geonameid: v.location?.geonameid ?? null,
    size: v.size === null ? null : JSON.stringify(v.size), rule: v.rule, coder: v.coder, confidence: v.confidence, cluster_key: clusterKey,
  };
}

/** Puts the caller's highlight marks where ts_headline put its placeholders. */
function marks(snippet: string, open: string, close: string): string {
  return snippet.split(MARK_OPEN).join(open).split(MARK_CLOSE).join(close);
}

/** Opens (creating the schema and migrating when needed) a PostgreSQL store at a URL. */
export function openPostgresStore(url: string, poolSize?: number): Promise<PostgresStore> {
  return PostgresStore.open(url, poolSize);
}
