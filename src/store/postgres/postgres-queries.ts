import type pg from 'pg';
import type { ActorRef, ArgRef, CodedEvent, Geo } from '../../domain/types.js';
import type {
  ActorProfile,
  ActorQuery,
  ActorSummary,
  ArticleQuery,
  ArticleSummary,
  ClusterFact,
  ClusterQuery,
  EventQuery,
  Page,
  QuoteQuery,
  StoredEvent,
  StoredQuote,
} from '../query-types.js';
import { toTsquery } from './tsquery.js';

// The filtered, paged reads of the PostgreSQL store: the same queries as sqlite/sqlite-queries.ts in
// PostgreSQL's dialect (numbered parameters, ILIKE for SQLite's case-blind LIKE, to_date for ISO
// weeks, tsquery for FTS5). Cursors are rowids, so pages stay stable while rows are added.

type Row = Record<string, any>;

/** Events the scorers count: what happened or is scheduled, not negated or hypothetical ones. */
const COUNTED = "e.modality IN ('asserted', 'future')";

/** First day of a cluster bucket (`2024-08-05`, `2024-W32`, `2024-08`, `2024`). */
const BUCKET_DAY = `CASE
  WHEN length(c.bucket) = 10 THEN c.bucket
  WHEN length(c.bucket) = 4 THEN c.bucket || '-01-01'
  WHEN substr(c.bucket, 6, 1) = 'W' THEN to_char(to_date(c.bucket, 'IYYY-"W"IW'), 'YYYY-MM-DD')
  ELSE c.bucket || '-01' END`;

/** An event's day for date filters: its own date, else the article's publication day. */
const EVENT_DAY = 'substr(COALESCE(e.date, a.published), 1, 10)';
const RANK_WEIGHTS = '{0.1, 0.2, 0.25, 1.0}';

export function actorOf(id: unknown, name: unknown, code: unknown, country: unknown): ActorRef | null {
  if (typeof id !== 'string') return null;
  return { id, name: (name as string | null) ?? id, code: (code as string | null) ?? '', country: country as string | null };
}

function argOf(r: Row, p: 'source' | 'target'): ArgRef | null {
  if (r[`${p}_start`] === null) return null;
  return {
    start: r[`${p}_start`],
    end: r[`${p}_end`],
    text: r[`${p}_text`],
    actor: actorOf(r[`${p}_actor_id`], r[`${p}_actor_name`], r[`${p}_actor_code`], r[`${p}_country`]),
  };
}

function locationOf(r: Row): Geo | null {
  if (typeof r.location_name !== 'string') return null;
  const geo: Geo = { name: r.location_name, country: r.location_country, lat: r.location_lat, lon: r.location_lon };
  if (typeof r.location_geonameid === 'number') geo.geonameid = r.location_geonameid;
  return geo;
}

/** An `events` row as the contract's event. */
export function codedEventOf(r: Row): CodedEvent {
  return {
    id: r.item,
    sentence: r.sentence,
    evidence: { start: r.evidence_start, end: r.evidence_end },
    trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
    source: argOf(r, 'source'),
    target: argOf(r, 'target'),
    cameo: r.cameo,
    plover: r.plover,
    mode: r.mode,
    context: JSON.parse(r.context),
    goldstein: r.goldstein,
    quadclass: r.quadclass,
    modality: r.modality,
    reported: r.reported,
    date: r.date,
    datePrecision: r.date_precision,
    location: locationOf(r),
    size: r.size === null ? null : JSON.parse(r.size),
    rule: r.rule,
    coder: r.coder,
    confidence: r.confidence,
  };
}

function eventOf(r: Row): StoredEvent {
  return {
    ...codedEventOf(r),
    articleId: r.article_id,
    articleTitle: r.article_title,
    articleUrl: r.article_url,
    published: r.article_published,
    evidenceText: r.evidence_text,
    cluster: r.cluster_key,
  };
}

/** Collects WHERE clauses and numbers their parameters ($1, $2, …). */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  /** `?` in sql stands for the next parameter. */
  add(sql: string, ...params: unknown[]): void {
    this.clauses.push(sql.replace(/\?/g, () => `$${this.params.push(params.shift()) }`));
  }
  /** The placeholder of one more parameter (for LIMIT). */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }
  toString(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.join(' AND ')}`;
  }
}

function cursorOf(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  const n = Number(after);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`invalid cursor "${after}"`);
  return n;
}

function pairClause(w: Where, pair: [string, string]): void {
  w.add('((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))', pair[0], pair[1], pair[1], pair[0]);
}

function page<T>(rows: Row[], limit: number, map: (r: Row) => T, cursor: (r: Row) => unknown): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(map), next: more ? String(cursor(kept[kept.length - 1]!)) : null };
}

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, '\\$&');

export class PostgresQueries {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows;
  }

  async listEvents(q: EventQuery): Promise<Page<StoredEvent>> {
    const w = new Where();
    if (q.countedOnly !== false) w.add(COUNTED);
    const after = cursorOf(q.after);
    if (after !== null) w.add('e.rowid < ?', after);
    if (q.actor) {
      w.add(`(e.source_actor_id = ? OR e.target_actor_id = ? OR e.source_actor_code = ? OR e.target_actor_code = ?
        OR e.source_country = ? OR e.target_country = ?)`, ...Array(6).fill(q.actor));
    }
    if (q.pair) pairClause(w, q.pair);
    if (q.code) w.add('e.cameo LIKE ?', likeEscaped(q.code) + '%');
    if (q.plover) w.add('e.plover = ?', q.plover);
    if (q.quadclass !== undefined) w.add('e.quadclass = ?', q.quadclass);
    if (q.from) w.add(`${EVENT_DAY} >= ?`, q.from);
    if (q.to) w.add(`${EVENT_DAY} <= ?`, q.to);
    if (q.place) w.add('(lower(e.location_name) = lower(?) OR e.location_country = ?)', q.place, q.place);
    const rows = await this.rows(
      `SELECT e.*, a.id AS article_id, a.title AS article_title, a.url AS article_url, a.published AS article_published,
         substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence_text, c.key AS cluster_key
       FROM events e JOIN articles a ON a.rowid = e.article LEFT JOIN clusters c ON c.rowid = e.cluster
       ${w} ORDER BY e.rowid DESC LIMIT ${w.param(q.limit + 1)}`,
      w.params,
    );
    return page(rows, q.limit, eventOf, (r) => r.rowid);
  }

  async clusterFacts(q: ClusterQuery): Promise<Page<ClusterFact>> {
    const w = new Where();
    w.add(COUNTED);
    const after = cursorOf(q.after);
    if (after !== null) w.add('e.cluster > ?', after);
    if (q.country) w.add('(e.source_country = ? OR e.target_country = ?)', q.country, q.country);
    if (q.pair) pairClause(w, q.pair);
    if (q.cameoRoot) w.add('c.cameo_root = ?', q.cameoRoot);
    if (q.plover) w.add('e.plover = ?', q.plover);
    if (q.quadclass !== undefined) w.add('e.quadclass = ?', q.quadclass);
    if (q.from) w.add(`(${BUCKET_DAY}) >= ?`, q.from);
    if (q.to) w.add(`(${BUCKET_DAY}) <= ?`, q.to);
    const limit = q.limit ?? -1;
    const rows = await this.rows(
      `SELECT c.rowid AS cid, c.key, c.source_actor, c.target_actor, c.cameo_root, c.place, c.bucket, c.mentions, c.articles, c.outlets,
         (${BUCKET_DAY}) AS day, min(e.source_country) AS sc, min(e.target_country) AS tc, min(e.quadclass) AS qc,
         min(e.plover) AS pl, avg(e.goldstein) AS g
       FROM events e JOIN clusters c ON c.rowid = e.cluster
       ${w} GROUP BY c.rowid ORDER BY c.rowid LIMIT ${w.param(limit < 0 ? null : limit + 1)}`,
      w.params,
    );
    const map = (r: Row): ClusterFact => ({
      key: r.key,
      sourceActor: r.source_actor,
      targetActor: r.target_actor,
      sourceCountry: r.sc,
      targetCountry: r.tc,
      cameoRoot: r.cameo_root,
      quadclass: r.qc,
      plover: r.pl,
      goldstein: Math.round(r.g * 100) / 100,
      place: r.place,
      bucket: r.bucket,
      day: r.day,
      mentions: r.mentions,
      articles: r.articles,
      outlets: r.outlets,
    });
    if (limit < 0) return { items: rows.map(map), next: null };
    return page(rows, limit, map, (r) => r.cid);
  }

  async listArticles(q: ArticleQuery): Promise<Page<ArticleSummary>> {
    const w = new Where();
    if (q.from) w.add('a.published >= ?', q.from);
    if (q.to) w.add('substr(a.published, 1, 10) <= ?', q.to);
    if (q.source) w.add('a.source = ?', q.source);
    if (q.duplicates === false) w.add('a.duplicate_of IS NULL');
    const cols = 'a.rowid, a.id, a.title, a.url, a.source, a.published, a.duplicate_of, a.analysed_version';
    const map = (r: Row): ArticleSummary => {
      const s: ArticleSummary = {
        id: r.id, title: r.title, url: r.url, source: r.source, published: r.published, duplicateOf: r.duplicate_of, analysedVersion: r.analysed_version,
      };
      if (r.snippet !== undefined) {
        s.snippet = r.snippet;
        s.score = r.rank;
      }
      return s;
    };
    if (q.search) {
      const tsq = toTsquery(q.search);
      if (tsq === null) return { items: [], next: null };
      const query = w.param(tsq);
      w.add(`a.tsv @@ to_tsquery('brink', ${query})`);
      const rows = await this.rows(
        `SELECT ${cols}, ts_rank_cd('${RANK_WEIGHTS}', a.tsv, to_tsquery('brink', ${query})) AS rank,
           ts_headline('brink', coalesce(a.title, '') || ' ' || a.text, to_tsquery('brink', ${query}),
             'StartSel=[, StopSel=], MaxWords=24, MinWords=12') AS snippet
         FROM articles a ${w} ORDER BY rank DESC, a.rowid LIMIT ${w.param(q.limit)}`,
        w.params,
      );
      return { items: rows.map(map), next: null };
    }
    const after = cursorOf(q.after);
    if (after !== null) w.add('a.rowid < ?', after);
    const rows = await this.rows(`SELECT ${cols} FROM articles a ${w} ORDER BY a.rowid DESC LIMIT ${w.param(q.limit + 1)}`, w.params);
    return page(rows, q.limit, map, (r) => r.rowid);
  }

  async listActors(q: ActorQuery): Promise<Page<ActorSummary>> {
    const w = new Where();
    if (q.name) w.add('a.name ILIKE ?', likeEscaped(q.name) + '%');
    if (q.country) w.add('a.country = ?', q.country);
    if (q.after !== null && q.after !== undefined) w.add('a.id COLLATE "C" > ?', q.after);
    const rows = await this.rows(
      `SELECT a.id, a.name, a.code, a.country, (SELECT count(*) FROM entities n WHERE n.actor_id = a.id)::int AS mentions
       FROM actors a ${w} ORDER BY a.id COLLATE "C" LIMIT ${w.param(q.limit + 1)}`,
      w.params,
    );
    return page(rows, q.limit, (r) => ({ id: r.id, name: r.name, code: r.code, country: r.country, mentions: r.mentions }), (r) => r.id);
  }

  async getActor(id: string): Promise<ActorProfile | null> {
    const [a] = await this.rows('SELECT id, name, code, country FROM actors WHERE id = $1', [id]);
    if (!a) return null;
    const aliases = await this.rows(
      'SELECT text, count(*)::int AS n FROM entities WHERE actor_id = $1 GROUP BY text ORDER BY n DESC, text COLLATE "C" LIMIT 50',
      [id],
    );
    const roles = await this.rows(
      `SELECT substr(ar.published, 1, 7) AS month, n.actor_code AS code, count(*)::int AS c
       FROM entities n JOIN articles ar ON ar.rowid = n.article
       WHERE n.actor_id = $1 AND ar.published IS NOT NULL GROUP BY 1, 2
       ORDER BY substr(ar.published, 1, 7) COLLATE "C", n.actor_code COLLATE "C"`,
      [id],
    );
    const [counts] = await this.rows(
      `SELECT (SELECT count(*) FROM events WHERE source_actor_id = $1 OR target_actor_id = $1)::int AS events,
              (SELECT count(*) FROM quotes WHERE speaker_actor_id = $1)::int AS quotes`,
      [id],
    );
    return {
      id: a.id,
      name: a.name,
      code: a.code,
      country: a.country,
      mentions: aliases.reduce((s, r) => s + r.n, 0),
      aliases: aliases.map((r) => ({ text: r.text, count: r.n })),
      roles: roles.map((r) => ({ month: r.month, code: r.code ?? '', count: r.c })),
      events: counts!.events,
      quotes: counts!.quotes,
    };
  }

  async listQuotes(q: QuoteQuery): Promise<Page<StoredQuote>> {
    const w = new Where();
    if (q.speaker) {
      const like = '%' + likeEscaped(q.speaker) + '%';
      w.add('(q.speaker_actor_id = ? OR q.speaker_actor_name ILIKE ? OR q.speaker_text ILIKE ?)', q.speaker, like, like);
    }
    if (q.from) w.add('a.published >= ?', q.from);
    if (q.to) w.add('substr(a.published, 1, 10) <= ?', q.to);
    const cols = `q.rowid, q.item, q.kind, q.text, q.start, q."end", q.cue_text, q.speaker_text, q.speaker_actor_id, q.speaker_actor_name,
      q.speaker_actor_code, q.speaker_actor_country, a.id AS article_id, a.published`;
    const map = (r: Row): StoredQuote => ({
      articleId: r.article_id,
      quoteId: r.item,
      kind: r.kind,
      text: r.text,
      speaker: r.speaker_text,
      speakerActor: actorOf(r.speaker_actor_id, r.speaker_actor_name, r.speaker_actor_code, r.speaker_actor_country),
      cue: r.cue_text,
      published: r.published,
      start: r.start,
      end: r.end,
    });
    if (q.search) {
      const tsq = toTsquery(q.search);
      if (tsq === null) return { items: [], next: null };
      const query = w.param(tsq);
      w.add(`q.tsv @@ to_tsquery('brink', ${query})`);
      const rows = await this.rows(
        `SELECT ${cols} FROM quotes q JOIN articles a ON a.rowid = q.article
         ${w} ORDER BY ts_rank_cd('${RANK_WEIGHTS}', q.tsv, to_tsquery('brink', ${query})) DESC, q.rowid LIMIT ${w.param(q.limit)}`,
        w.params,
      );
      return { items: rows.map(map), next: null };
    }
    const after = cursorOf(q.after);
    if (after !== null) w.add('q.rowid < ?', after);
    const rows = await this.rows(
      `SELECT ${cols} FROM quotes q JOIN articles a ON a.rowid = q.article ${w} ORDER BY q.rowid DESC LIMIT ${w.param(q.limit + 1)}`,
      w.params,
    );
    return page(rows, q.limit, map, (r) => r.rowid);
  }
}
