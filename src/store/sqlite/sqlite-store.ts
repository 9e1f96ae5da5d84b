import Database from 'better-sqlite3';
import type { ActorRef, ArgRef, CodedEvent, Entity, ExtractRecord, Geo, InputFormat, Quote, TimeExpr } from '../../domain/types.js';
import { isNearDuplicate, lshBandKeys, minhashSignature, BANDS } from '../../dedupe/minhash.js';
import { clusterKey } from '../../dedupe/cluster-key.js';
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
import { toFts5 } from './fts5-query.js';
import { actorOf, codedEventOf, SqliteQueries } from './sqlite-queries.js';
import type {
  ActorProfile, ActorQuery, ActorSummary, ArticleQuery, ArticleSummary, ClusterFact, ClusterQuery, EventQuery, Page, QuoteQuery, StoredEvent, StoredQuote,
} from '../query-types.js';

/** Near-duplicate candidates checked per article at most: bounds the cost of a very common band. */
const MAX_CANDIDATES = 32;
const DEFAULT_HIGHLIGHT: [string, string] = ['[', ']'];

type Row = Record<string, unknown>;

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

function articleFromRow(r: Row): StoredArticle {
  const estimated = r.published_estimated === 1;
  return {
    id: r.id as string,
    url: r.url as string | null,
    source: r.source as string | null,
    title: r.title as string | null,
    // An estimated date is the analysis's output, not input: re-analysis starts without it.
    published: estimated ? null : (r.published as string | null),
    publishedAt: r.published_at as string | null,
    publishedEstimated: false,
    byline: r.byline as string | null,
    text: r.text as string,
    origin: r.origin as string,
    format: r.format as InputFormat,
    contentHash: r.content_hash as string,
    lang: r.lang as string | null,
    ingestedAt: r.ingested_at as string,
    duplicateOf: r.duplicate_of as string | null,
    analysedVersion: r.analysed_version as string | null,
  };
}

const ARTICLE_COLUMNS =
  'rowid, id, content_hash, url, source, title, published, published_at, published_estimated, byline, lang, text, origin, format, ingested_at, duplicate_of, analysed_version';

function geoOf(name: unknown, country: unknown, lat: unknown, lon: unknown, geonameid: unknown): Geo | null {
  if (typeof name !== 'string') return null;
  const geo: Geo = { name, country: country as string | null, lat: lat as number, lon: lon as number };
  if (typeof geonameid === 'number') geo.geonameid = geonameid;
  return geo;
}

/** The SQLite backend of the Store (better-sqlite3, WAL mode, FTS5). */
export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly s: Record<string, Database.Statement>;
  private readonly addBatch: Database.Transaction<(items: NewArticle[]) => AddOutcome[]>;
  private readonly saveOne: Database.Transaction<(record: ExtractRecord, version: string) => void>;
  private readonly saveMany: Database.Transaction<(records: ExtractRecord[], version: string) => void>;
  private readonly queries: SqliteQueries;

  constructor(readonly location: string) {
    this.db = new Database(location);
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a killed process loses nothing committed; only power loss may drop the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('cache_size = -32000');
    this.db.pragma('temp_store = MEMORY');
    migrate(this.db);
    const db = this.db;
    this.queries = new SqliteQueries(db);
    const q = (sql: string) => db.prepare(sql);
    this.s = {
      byId: q('SELECT rowid, duplicate_of, analysed_version FROM articles WHERE id = ?'),
      candidates: q(`SELECT DISTINCT article FROM article_bands WHERE band IN (${Array(BANDS).fill('?').join(',')}) LIMIT ${MAX_CANDIDATES}`),
      textOf: q('SELECT id, text, content_hash FROM articles WHERE rowid = ?'),
      insertArticle: q(`INSERT INTO articles (id, content_hash, url, source, title, published, published_at, published_estimated, byline,
        lang, text, origin, format, outlet, ingested_at, duplicate_of)
        VALUES (@id, @contentHash, @url, @source, @title, @published, @publishedAt, @publishedEstimated, @byline,
        @lang, @text, @origin, @format, @outlet, @ingestedAt, @duplicateOf)`),
      insertFts: q('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
      insertBand: q('INSERT OR IGNORE INTO article_bands (band, article) VALUES (?, ?)'),
      getArticle: q(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`),
      pending: q(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE rowid > ? AND duplicate_of IS NULL
        AND (analysed_version IS NULL OR analysed_version <> ?) ORDER BY rowid LIMIT ?`),
      articleForSave: q('SELECT rowid, published FROM articles WHERE id = ?'),
      oldClusters: q('SELECT DISTINCT cluster FROM events WHERE article = ? AND cluster IS NOT NULL'),
      deleteQuotesFts: q(`INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_text)
        SELECT 'delete', rowid, text, speaker_text FROM quotes WHERE article = ?`),
      deleteSentences: q('DELETE FROM sentences WHERE article = ?'),
      deleteEntities: q('DELETE FROM entities WHERE article = ?'),
      deleteTimes: q('DELETE FROM times WHERE article = ?'),
      deleteQuotes: q('DELETE FROM quotes WHERE article = ?'),
      deleteEvents: q('DELETE FROM events WHERE article = ?'),
      insertSentence: q('INSERT INTO sentences (article, n, start, "end") VALUES (?, ?, ?, ?)'),
      upsertActor: q(`INSERT INTO actors (id, name, code, country) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
          code = CASE WHEN length(excluded.code) > length(actors.code) THEN excluded.code ELSE actors.code END,
          country = COALESCE(actors.country, excluded.country)`),
      insertEntity: q(`INSERT INTO entities (article, item, start, "end", text, type, actor_id, actor_name, actor_code, actor_country,
        geo_name, geo_country, geo_lat, geo_lon, geo_geonameid, rule, coref_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertTime: q('INSERT INTO times (article, item, start, "end", text, type, value, rule, anchored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      insertQuote: q(`INSERT INTO quotes (article, item, kind, start, "end", text, parts, cue_start, cue_end, cue_text,
        speaker_start, speaker_end, speaker_text, speaker_actor_id, speaker_actor_name, speaker_actor_code, speaker_actor_country, rule)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertQuoteFts: q('INSERT INTO quotes_fts (rowid, text, speaker_text) VALUES (?, ?, ?)'),
      upsertCluster: q(`INSERT INTO clusters (key, source_actor, target_actor, cameo_root, place, bucket) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING rowid`),
      insertEvent: q(`INSERT INTO events (article, item, sentence, evidence_start, evidence_end, trigger_start, trigger_end, trigger_text,
        source_start, source_end, source_text, source_actor_id, source_actor_name, source_actor_code, source_country,
        target_start, target_end, target_text, target_actor_id, target_actor_name, target_actor_code, target_country,
        cameo, plover, mode, context, goldstein, quadclass, modality, reported, date, date_precision,
        location_name, location_country, location_lat, location_lon, location_geonameid, size, rule, coder, confidence, cluster)
        VALUES (${Array(42).fill('?').join(', ')})`),
      recountCluster: q(`UPDATE clusters SET
          mentions = (SELECT count(*) FROM events WHERE cluster = @c),
          articles = (SELECT count(DISTINCT article) FROM events WHERE cluster = @c),
          outlets = (SELECT count(DISTINCT a.outlet) FROM events e JOIN articles a ON a.rowid = e.article WHERE e.cluster = @c)
        WHERE rowid = @c`),
      dropEmptyCluster: q('DELETE FROM clusters WHERE rowid = ? AND mentions = 0'),
      markAnalysed: q(`UPDATE articles SET lang = @lang, analysed_version = @version, analysed_at = @at,
        published = CASE WHEN @estimated THEN @published ELSE published END,
        published_estimated = CASE WHEN @estimated THEN 1 ELSE published_estimated END WHERE rowid = @rowid`),
      sentencesOf: q('SELECT start, "end" FROM sentences WHERE article = ? ORDER BY n'),
      entitiesOf: q('SELECT * FROM entities WHERE article = ? ORDER BY start, item'),
      timesOf: q('SELECT * FROM times WHERE article = ? ORDER BY start, item'),
      quotesOf: q('SELECT * FROM quotes WHERE article = ? ORDER BY start, item'),
      eventsOf: q('SELECT * FROM events WHERE article = ? ORDER BY rowid'),
    };
    this.addBatch = db.transaction((items: NewArticle[]) => items.map((item) => this.addOne(item)));
    this.saveOne = db.transaction((record: ExtractRecord, version: string) => this.saveAnalysisSync(record, version));
    this.saveMany = db.transaction((records: ExtractRecord[], version: string) => {
      for (const record of records) this.saveAnalysisSync(record, version);
    });
  }

  private addOne(item: NewArticle): AddOutcome {
    const a = item.article;
    const existing = this.s.byId!.get(a.id) as Row | undefined;
    if (existing) {
      return { id: a.id, status: 'exists', duplicateOf: existing.duplicate_of as string | null, analysedVersion: existing.analysed_version as string | null };
    }
    let duplicateOf: string | null = null;
    let exact = false;
    const sig = minhashSignature(a.text);
    const bands = lshBandKeys(sig);
    if (bands.length > 0) {
      // Identical texts share every band, so one lookup finds exact and near duplicates; an exact one wins.
      for (const c of this.s.candidates!.all(...bands) as Row[]) {
        const other = this.s.textOf!.get(c.article) as Row;
        if (other.content_hash === item.contentHash && other.text === a.text) {
          duplicateOf = other.id as string;
          exact = true;
          break;
        }
        if (duplicateOf === null && isNearDuplicate(sig, minhashSignature(other.text as string))) duplicateOf = other.id as string;
      }
    }
    const { lastInsertRowid } = this.s.insertArticle!.run({
      id: a.id,
      contentHash: item.contentHash,
      url: a.url,
      source: a.source,
      title: a.title,
      published: a.published,
      publishedAt: a.publishedAt,
      publishedEstimated: a.publishedEstimated ? 1 : 0,
      byline: a.byline ?? null,
      lang: item.lang,
      text: a.text,
      origin: a.origin,
      format: a.format,
      outlet: outletOf(a.source, a.url),
      ingestedAt: new Date().toISOString(),
      duplicateOf,
    });
    this.s.insertFts!.run(lastInsertRowid, a.title, a.text);
    if (duplicateOf !== null) return { id: a.id, status: 'duplicate', duplicateOf, exact };
    // Only originals are banded, so every duplicate points at an original, never at another duplicate.
    for (const band of bands) this.s.insertBand!.run(band, lastInsertRowid);
    return { id: a.id, status: 'stored' };
  }

  async addArticles(items: NewArticle[]): Promise<AddOutcome[]> {
    if (items.length === 0) return [];
    try {
      return this.addBatch.immediate(items);
    } catch {
      // Something in the batch cannot be stored: retry one by one so only the bad article fails.
      return items.map((item) => {
        try {
          return this.addBatch.immediate([item])[0]!;
        } catch (err) {
          return { id: item.article.id, status: 'failed', reason: (err as Error).message };
        }
      });
    }
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = this.s.getArticle!.get(id) as Row | undefined;
    return row ? articleFromRow(row) : null;
  }

  async pendingAnalysis(version: string, after: string | null, limit: number): Promise<PendingPage> {
    if (limit <= 0) return { articles: [], next: after };
    const from = after === null ? 0 : Number(after);
    const rows = this.s.pending!.all(from, version, limit) as Row[];
    const next = rows.length === limit ? String(rows[rows.length - 1]!.rowid) : null;
    return { articles: rows.map(articleFromRow), next };
  }

  async saveAnalysis(record: ExtractRecord, version: string): Promise<void> {
    this.saveOne.immediate(record, version);
  }

  async saveAnalyses(records: ExtractRecord[], version: string): Promise<void> {
    this.saveMany.immediate(records, version);
  }

  private saveAnalysisSync(record: ExtractRecord, version: string): void {
    const s = this.s;
    const art = s.articleForSave!.get(record.id) as Row | undefined;
    if (!art) throw new Error(`article ${record.id} is not stored`);
    const rowid = art.rowid as number;
    const touched = new Set<number>((s.oldClusters!.all(rowid) as Row[]).map((r) => r.cluster as number));
    s.deleteQuotesFts!.run(rowid);
    for (const d of ['deleteSentences', 'deleteEntities', 'deleteTimes', 'deleteQuotes', 'deleteEvents']) s[d]!.run(rowid);

    const actor = (a: ActorRef | null | undefined) => {
      if (a) s.upsertActor!.run(a.id, a.name, a.code, a.country);
    };
    record.sentences.forEach((x, n) => s.insertSentence!.run(rowid, n, x.start, x.end));
    for (const e of record.entities) this.insertEntity(rowid, e, actor);
    for (const t of record.times) this.insertTime(rowid, t);
    for (const q of record.quotes) this.insertQuote(rowid, q, actor);
    const published = record.published ?? (art.published as string | null);
    for (const v of record.events) {
      actor(v.source?.actor);
      actor(v.target?.actor);
      const key = clusterKey(v, published);
      let cluster: number | null = null;
      if (key) {
        cluster = (s.upsertCluster!.get(key.key, key.sourceActor, key.targetActor, key.cameoRoot, key.place, key.bucket) as Row).rowid as number;
        touched.add(cluster);
      }
      this.insertEvent(rowid, v, cluster);
    }
    for (const c of touched) {
      s.recountCluster!.run({ c });
      s.dropEmptyCluster!.run(c);
    }
    s.markAnalysed!.run({
      rowid,
      lang: record.lang,
      version,
      at: new Date().toISOString(),
      estimated: record.publishedEstimated ? 1 : 0,
      published: record.published,
    });
  }

  private insertEntity(rowid: number, e: Entity, actor: (a: ActorRef | null) => void): void {
    actor(e.actor);
    this.s.insertEntity!.run(
      rowid, e.id, e.start, e.end, e.text, e.type,
      e.actor?.id ?? null, e.actor?.name ?? null, e.actor?.code ?? null, e.actor?.country ?? null,
      e.geo?.name ?? null, e.geo?.country ?? null, e.geo?.lat ?? null, e.geo?.lon ?? null, e.geo?.geonameid ?? null,
      e.rule ?? null, e.corefOf ?? null,
    );
  }

  private insertTime(rowid: number, t: TimeExpr): void {
    const anchored = t.anchored === undefined ? null : t.anchored ? 1 : 0;
    this.s.insertTime!.run(rowid, t.id, t.start, t.end, t.text, t.type, t.value, t.rule ?? null, anchored);
  }

  private insertQuote(rowid: number, q: Quote, actor: (a: ActorRef | null) => void): void {
    const sp = q.speaker;
    actor(sp?.actor ?? null);
    const { lastInsertRowid } = this.s.insertQuote!.run(
      rowid, q.id, q.kind, q.start, q.end, q.text, JSON.stringify(q.parts),
      q.cue?.start ?? null, q.cue?.end ?? null, q.cue?.text ?? null,
      sp?.start ?? null, sp?.end ?? null, sp?.text ?? null,
      sp?.actor?.id ?? null, sp?.actor?.name ?? null, sp?.actor?.code ?? null, sp?.actor?.country ?? null,
      q.rule ?? null,
    );
    this.s.insertQuoteFts!.run(lastInsertRowid, q.text, sp?.text ?? null);
  }

  private insertEvent(rowid: number, v: CodedEvent, cluster: number | null): void {
    const arg = (a: ArgRef | null) => [
      a?.start ?? null, a?.end ?? null, a?.text ?? null,
      a?.actor?.id ?? null, a?.actor?.name ?? null, a?.actor?.code ?? null, a?.actor?.country ?? null,
    ];
    const loc = v.location;
    this.s.insertEvent!.run(
      rowid, v.id, v.sentence, v.evidence.start, v.evidence.end, v.trigger.start, v.trigger.end, v.trigger.text,
      ...arg(v.source), ...arg(v.target),
      v.cameo, v.plover, v.mode, JSON.stringify(v.context), v.goldstein, v.quadclass, v.modality, v.reported ? 1 : 0,
      v.date, v.datePrecision,
      loc?.name ?? null, loc?.country ?? null, loc?.lat ?? null, loc?.lon ?? null, loc?.geonameid ?? null,
      v.size === null ? null : JSON.stringify(v.size), v.rule, v.coder, v.confidence, cluster,
    );
  }

  async getAnalysis(id: string): Promise<ExtractRecord | null> {
    const row = this.s.getArticle!.get(id) as Row | undefined;
    if (!row || row.analysed_version === null) return null;
    const rowid = row.rowid as number;
    const s = this.s;
    const entities: Entity[] = (s.entitiesOf!.all(rowid) as Row[]).map((r) => {
      const e: Entity = {
        id: r.item as string, start: r.start as number, end: r.end as number, text: r.text as string, type: r.type as Entity['type'],
        actor: actorOf(r.actor_id, r.actor_name, r.actor_code, r.actor_country),
        geo: geoOf(r.geo_name, r.geo_country, r.geo_lat, r.geo_lon, r.geo_geonameid),
      };
      if (r.rule !== null) e.rule = r.rule as string;
      if (r.coref_of !== null) e.corefOf = r.coref_of as string;
      return e;
    });
    const times: TimeExpr[] = (s.timesOf!.all(rowid) as Row[]).map((r) => {
      const t: TimeExpr = { id: r.item as string, start: r.start as number, end: r.end as number, text: r.text as string, type: r.type as TimeExpr['type'], value: r.value as string };
      if (r.rule !== null) t.rule = r.rule as string;
      if (r.anchored !== null) t.anchored = r.anchored === 1;
      return t;
    });
    const quotes: Quote[] = (s.quotesOf!.all(rowid) as Row[]).map((r) => {
      const q: Quote = {
        id: r.item as string, kind: r.kind as Quote['kind'], start: r.start as number, end: r.end as number, text: r.text as string,
        parts: JSON.parse(r.parts as string),
        cue: r.cue_start === null ? null : { start: r.cue_start as number, end: r.cue_end as number, text: r.cue_text as string },
        speaker: r.speaker_start === null ? null : {
          start: r.speaker_start as number, end: r.speaker_end as number, text: r.speaker_text as string,
          actor: actorOf(r.speaker_actor_id, r.speaker_actor_name, r.speaker_actor_code, r.speaker_actor_country),
        },
      };
      if (r.rule !== null) q.rule = r.rule as string;
      return q;
    });
    const events: CodedEvent[] = (s.eventsOf!.all(rowid) as Row[]).map(codedEventOf);
    return {
      schema: 1,
      id: row.id as string,
      contentHash: row.content_hash as string,
      url: row.url as string | null,
      source: row.source as string | null,
      title: row.title as string | null,
      published: row.published as string | null,
      publishedAt: row.published_at as string | null,
      publishedEstimated: row.published_estimated === 1,
      lang: (row.lang as string | null) ?? 'en',
      text: row.text as string,
      sentences: (s.sentencesOf!.all(rowid) as Row[]).map((r) => ({ start: r.start as number, end: r.end as number })),
      entities,
      times,
      quotes,
      events,
      duplicateOf: row.duplicate_of as string | null,
    };
  }

  async searchArticles(query: SearchQuery, options: SearchOptions = {}): Promise<ArticleHit[]> {
    const [open, close] = options.highlight ?? DEFAULT_HIGHLIGHT;
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.url, a.source, a.published, a.origin, a.duplicate_of,
           bm25(articles_fts, 4.0, 1.0) AS rank, snippet(articles_fts, -1, ?, ?, '…', 24) AS snippet
         FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
         WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(open, close, toFts5(query), options.limit ?? 20) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      title: r.title as string | null,
      url: r.url as string | null,
      source: r.source as string | null,
      published: r.published as string | null,
      origin: r.origin as string,
      duplicateOf: r.duplicate_of as string | null,
      score: -(r.rank as number),
      snippet: r.snippet as string,
    }));
  }

  async searchQuotes(query: SearchQuery, options: SearchOptions = {}): Promise<QuoteHit[]> {
    const [open, close] = options.highlight ?? DEFAULT_HIGHLIGHT;
    const rows = this.db
      .prepare(
        `SELECT a.id AS article_id, q.item, q.kind, q.text, q.speaker_text, q.speaker_actor_id, a.published,
           bm25(quotes_fts, 1.0, 2.0) AS rank, snippet(quotes_fts, 0, ?, ?, '…', 24) AS snippet
         FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN articles a ON a.rowid = q.article
         WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(open, close, toFts5(query), options.limit ?? 20) as Row[];
    return rows.map((r) => ({
      articleId: r.article_id as string,
      quoteId: r.item as string,
      kind: r.kind as string,
      text: r.text as string,
      speaker: r.speaker_text as string | null,
      speakerActorId: r.speaker_actor_id as string | null,
      published: r.published as string | null,
      score: -(r.rank as number),
      snippet: r.snippet as string,
    }));
  }

  async listClusters(limit: number): Promise<EventCluster[]> {
    const rows = this.db
      .prepare('SELECT * FROM clusters ORDER BY articles DESC, mentions DESC, key LIMIT ?')
      .all(limit) as Row[];
    return rows.map((r) => ({
      key: r.key as string,
      sourceActor: r.source_actor as string | null,
      targetActor: r.target_actor as string | null,
      cameoRoot: r.cameo_root as string,
      place: r.place as string | null,
      bucket: r.bucket as string,
      mentions: r.mentions as number,
      articles: r.articles as number,
      outlets: r.outlets as number,
    }));
  }

  async stats(version: string): Promise<StoreStats> {
    const one = (sql: string, ...params: unknown[]) => (this.db.prepare(sql).get(...params) as { n: number }).n;
    return {
      articles: one('SELECT count(*) AS n FROM articles'),
      duplicates: one('SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL'),
      events: one('SELECT count(*) AS n FROM events'),
      clusters: one('SELECT count(*) AS n FROM clusters'),
      quotes: one('SELECT count(*) AS n FROM quotes'),
      actors: one('SELECT count(*) AS n FROM actors'),
      analysed: one('SELECT count(*) AS n FROM articles WHERE analysed_version IS NOT NULL'),
      pending: one('SELECT count(*) AS n FROM articles WHERE duplicate_of IS NULL AND (analysed_version IS NULL OR analysed_version <> ?)', version),
      entities: one('SELECT count(*) AS n FROM entities'),
      times: one('SELECT count(*) AS n FROM times'),
      sentences: one('SELECT count(*) AS n FROM sentences'),
    };
  }

  async listEvents(query: EventQuery): Promise<Page<StoredEvent>> {
    return this.queries.listEvents(query);
  }

  async clusterFacts(query: ClusterQuery): Promise<Page<ClusterFact>> {
    return this.queries.clusterFacts(query);
  }

  async listArticles(query: ArticleQuery): Promise<Page<ArticleSummary>> {
    return this.queries.listArticles(query);
  }

  async listActors(query: ActorQuery): Promise<Page<ActorSummary>> {
    return this.queries.listActors(query);
  }

  async getActor(id: string): Promise<ActorProfile | null> {
    return this.queries.getActor(id);
  }

  async listQuotes(query: QuoteQuery): Promise<Page<StoredQuote>> {
    return this.queries.listQuotes(query);
  }

  async saveFeedState(state: FeedState): Promise<void> {
    const cols = FEED_COLUMNS.join(', ');
    this.db.prepare(`INSERT OR REPLACE INTO feeds (${cols}) VALUES (${FEED_COLUMNS.map(() => '?').join(', ')})`).run(...feedParams(state));
  }

  async listFeeds(): Promise<FeedState[]> {
    return (this.db.prepare(`SELECT ${FEED_COLUMNS.join(', ')} FROM feeds ORDER BY url`).all() as Row[]).map(feedFromRow);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating and migrating when needed) a SQLite store at a file path (':memory:' for tests). */
export function openSqliteStore(path: string): SqliteStore {
  return new SqliteStore(path);
}
