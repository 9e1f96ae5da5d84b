import type Database from 'better-sqlite3';
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
import { toFts5 } from './fts5-query.js';

// The filtered, paged reads of the SQLite store (src/store/query-types.ts). Filters become
// parameterised WHERE clauses; cursors are rowids, so pages stay stable while rows are added.

type Row = Record<string, unknown>;

/** Events the scorers count: what happened or is scheduled, not negated or hypothetical ones. */
const COUNTED = "e.modality IN ('asserted', 'future')";

/** First day of a cluster bucket (`2024-08-05`, `2024-W32`, `2024-08`, `2024`) in SQLite date arithmetic. */
const BUCKET_DAY = `CASE
  WHEN length(c.bucket) = 10 THEN c.bucket
  WHEN length(c.bucket) = 4 THEN c.bucket || '-01-01'
  WHEN substr(c.bucket, 6, 1) = 'W' THEN date(substr(c.bucket, 1, 4) || '-01-04', '-6 days', 'weekday 1',
    '+' || ((CAST(substr(c.bucket, 7, 2) AS INTEGER) - 1) * 7) || ' days')
  ELSE c.bucket || '-01' END`;

/** An event's day for date filters: its own date, else the article's publication day. */
const EVENT_DAY = 'substr(COALESCE(e.date, a.published), 1, 10)';

export function actorOf(id: unknown, name: unknown, code: unknown, country: unknown): ActorRef | null {
  if (typeof id !== 'string') return null;
  return { id, name: (name as string | null) ?? id, code: (code as string | null) ?? '', country: country as string | null };
}

export function argOf(r: Row, p: 'source' | 'target'): ArgRef | null {
  if (r[`${p}_start`] === null) return null;
  return {
    start: r[`${p}_start`] as number,
    end: r[`${p}_end`] as number,
    text: r[`${p}_text`] as string,
    actor: actorOf(r[`${p}_actor_id`], r[`${p}_actor_name`], r[`${p}_actor_code`], r[`${p}_country`]),
  };
}

function locationOf(r: Row): Geo | null {
  if (typeof r.location_name !== 'string') return null;
  const geo: Geo = { name: r.location_name, country: r.location_country as string | null, lat: r.location_lat as number, lon: r.location_lon as number };
  if (typeof r.location_geonameid === 'number') geo.geonameid = r.location_geonameid;
  return geo;
}

/** An `events` row as the contract's event. */
export function codedEventOf(r: Row): CodedEvent {
  return {
    id: r.item as string,
    sentence: r.sentence as number,
    evidence: { start: r.evidence_start as number, end: r.evidence_end as number },
    trigger: { start: r.trigger_start as number, end: r.trigger_end as number, text: r.trigger_text as string },
    source: argOf(r, 'source'),
    target: argOf(r, 'target'),
    cameo: r.cameo as string,
    plover: r.plover as string | null,
    mode: r.mode as string | null,
    context: JSON.parse(r.context as string),
    goldstein: r.goldstein as number,
    quadclass: r.quadclass as number,
    modality: r.modality as CodedEvent['modality'],
    reported: r.reported === 1,
    date: r.date as string | null,
    datePrecision: r.date_precision as CodedEvent['datePrecision'],
    location: locationOf(r),
    size: r.size === null ? null : JSON.parse(r.size as string),
    rule: r.rule as string,
    coder: r.coder as string,
    confidence: r.confidence as number,
  };
}

function eventOf(r: Row): StoredEvent {
  return {
    ...codedEventOf(r),
    articleId: r.article_id as string,
    articleTitle: r.article_title as string | null,
    articleUrl: r.article_url as string | null,
    published: r.article_published as string | null,
    evidenceText: r.evidence_text as string,
    cluster: r.cluster_key as string | null,
  };
}

/** Collects WHERE clauses and their parameters. */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]): void {
    this.clauses.push(sql);
    this.params.push(...params);
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

export class SqliteQueries {
  constructor(private readonly db: Database.Database) {}

  listEvents(q: EventQuery): Page<StoredEvent> {
    const w = new Where();
    if (q.countedOnly !== false) w.add(COUNTED);
    const after = cursorOf(q.after);
    if (after !== null) w.add('e.rowid < ?', after);
    if (q.actor) {
      w.add(`(e.source_actor_id = ?1 OR e.target_actor_id = ?1 OR e.source_actor_code = ?1 OR e.target_actor_code = ?1
        OR e.source_country = ?1 OR e.target_country = ?1)`.replace(/\?1/g, '?'), ...Array(6).fill(q.actor));
    }
    if (q.pair) pairClause(w, q.pair);
    if (q.code) w.add("e.cameo LIKE ? ESCAPE '\\'", q.code.replace(/[\\%_]/g, '\\$&') + '%');
    if (q.plover) w.add('e.plover = ?', q.plover);
    if (q.quadclass !== undefined) w.add('e.quadclass = ?', q.quadclass);
    if (q.from) w.add(`${EVENT_DAY} >= ?`, q.from);
    if (q.to) w.add(`${EVENT_DAY} <= ?`, q.to);
    if (q.place) w.add('(e.location_name = ? COLLATE NOCASE OR e.location_country = ?)', q.place, q.place);
    const rows = this.db
      .prepare(
        `SELECT e.*, a.id AS article_id, a.title AS article_title, a.url AS article_url, a.published AS article_published,
           substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence_text, c.key AS cluster_key
         FROM events e JOIN articles a ON a.rowid = e.article LEFT JOIN clusters c ON c.rowid = e.cluster
         ${w} ORDER BY e.rowid DESC LIMIT ?`,
      )
      .all(...w.params, q.limit + 1) as Row[];
    return page(rows, q.limit, eventOf, (r) => r.rowid);
  }

  clusterFacts(q: ClusterQuery): Page<ClusterFact> {
    const w = new Where();
    w.add(COUNTED);
    const after = cursorOf(q.after);
    if (after !== null) w.add('e.cluster > ?', after);
    if (q.country) w.add('(e.source_country = ? OR e.target_country = ?)', q.country, q.country);
    if (q.pair) pairClause(w, q.pair);
    // The CAMEO root is the first two digits of every event code of the cluster.
    if (q.cameoRoot) w.add('substr(e.cameo, 1, 2) = ?', q.cameoRoot);
    if (q.plover) w.add('e.plover = ?', q.plover);
    if (q.quadclass !== undefined) w.add('e.quadclass = ?', q.quadclass);
    w.add('e.cluster IS NOT NULL');
    const limit = q.limit ?? -1;
    // Group the matching events first, then join each group's cluster once. A paged listing of every
    // cluster walks the cluster index in order; anything else groups after a scan (`+e.cluster` keeps
    // SQLite from walking the index, which means a random read per event over a whole corpus).
    const ordered = limit >= 0 && !q.pair && !q.country;
    const days = new Where();
    if (q.from) days.add(`(${BUCKET_DAY}) >= ?`, q.from);
    if (q.to) days.add(`(${BUCKET_DAY}) <= ?`, q.to);
    const rows = this.db
      .prepare(
        `SELECT g.cid, c.key, c.source_actor, c.target_actor, c.cameo_root, c.place, c.bucket, c.mentions, c.articles, c.outlets,
           (${BUCKET_DAY}) AS day, g.sc, g.tc, g.qc, g.pl, g.g
         FROM (SELECT e.cluster AS cid, min(e.source_country) AS sc, min(e.target_country) AS tc, min(e.quadclass) AS qc,
                 min(e.plover) AS pl, avg(e.goldstein) AS g
               FROM events e ${w} GROUP BY ${ordered ? 'e.cluster' : '+e.cluster'} ${ordered ? 'ORDER BY e.cluster' : ''}) g
         JOIN clusters c ON c.rowid = g.cid ${days} ORDER BY g.cid LIMIT ?`,
      )
      .all(...w.params, ...days.params, limit < 0 ? -1 : limit + 1) as Row[];
    const map = (r: Row): ClusterFact => ({
      key: r.key as string,
      sourceActor: r.source_actor as string | null,
      targetActor: r.target_actor as string | null,
      sourceCountry: r.sc as string | null,
      targetCountry: r.tc as string | null,
      cameoRoot: r.cameo_root as string,
      quadclass: r.qc as number,
      plover: r.pl as string | null,
      goldstein: Math.round((r.g as number) * 100) / 100,
      place: r.place as string | null,
      bucket: r.bucket as string,
      day: r.day as string,
      mentions: r.mentions as number,
      articles: r.articles as number,
      outlets: r.outlets as number,
    });
    if (limit < 0) return { items: rows.map(map), next: null };
    return page(rows, limit, map, (r) => r.cid);
  }

  listArticles(q: ArticleQuery): Page<ArticleSummary> {
    const w = new Where();
    if (q.from) w.add('a.published >= ?', q.from);
    if (q.to) w.add('substr(a.published, 1, 10) <= ?', q.to);
    if (q.source) w.add('a.source = ?', q.source);
    if (q.duplicates === false) w.add('a.duplicate_of IS NULL');
    const cols = 'a.rowid, a.id, a.title, a.url, a.source, a.published, a.duplicate_of, a.analysed_version';
    const map = (r: Row): ArticleSummary => {
      const s: ArticleSummary = {
        id: r.id as string, title: r.title as string | null, url: r.url as string | null, source: r.source as string | null,
        published: r.published as string | null, duplicateOf: r.duplicate_of as string | null, analysedVersion: r.analysed_version as string | null,
      };
      if (r.snippet !== undefined) {
        s.snippet = r.snippet as string;
        s.score = -(r.rank as number);
      }
      return s;
    };
    if (q.search) {
      w.add('articles_fts MATCH ?', toFts5(q.search));
      const rows = this.db
        .prepare(
          `SELECT ${cols}, bm25(articles_fts, 4.0, 1.0) AS rank, snippet(articles_fts, -1, '[', ']', '…', 24) AS snippet
           FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid ${w} ORDER BY rank LIMIT ?`,
        )
        .all(...w.params, q.limit) as Row[];
      return { items: rows.map(map), next: null };
    }
    const after = cursorOf(q.after);
    if (after !== null) w.add('a.rowid < ?', after);
    const rows = this.db.prepare(`SELECT ${cols} FROM articles a ${w} ORDER BY a.rowid DESC LIMIT ?`).all(...w.params, q.limit + 1) as Row[];
    return page(rows, q.limit, map, (r) => r.rowid);
  }

  listActors(q: ActorQuery): Page<ActorSummary> {
    const w = new Where();
    if (q.name) w.add("a.name LIKE ? ESCAPE '\\'", q.name.replace(/[\\%_]/g, '\\$&') + '%');
    if (q.country) w.add('a.country = ?', q.country);
    if (q.after !== null && q.after !== undefined) w.add('a.id > ?', q.after);
    const rows = this.db
      .prepare(
        `SELECT a.id, a.name, a.code, a.country, (SELECT count(*) FROM entities n WHERE n.actor_id = a.id) AS mentions
         FROM actors a ${w} ORDER BY a.id LIMIT ?`,
      )
      .all(...w.params, q.limit + 1) as Row[];
    return page(rows, q.limit, (r) => ({ id: r.id as string, name: r.name as string, code: r.code as string, country: r.country as string | null, mentions: r.mentions as number }), (r) => r.id);
  }

  getActor(id: string): ActorProfile | null {
    const a = this.db.prepare('SELECT id, name, code, country FROM actors WHERE id = ?').get(id) as Row | undefined;
    if (!a) return null;
    const aliases = this.db
      .prepare('SELECT text, count(*) AS n FROM entities WHERE actor_id = ? GROUP BY text ORDER BY n DESC, text LIMIT 50')
      .all(id) as Row[];
    const roles = this.db
      .prepare(
        `SELECT substr(ar.published, 1, 7) AS month, n.actor_code AS code, count(*) AS c
         FROM entities n JOIN articles ar ON ar.rowid = n.article
         WHERE n.actor_id = ? AND ar.published IS NOT NULL GROUP BY month, code ORDER BY month, code`,
      )
      .all(id) as Row[];
    const one = (sql: string, ...p: unknown[]) => (this.db.prepare(sql).get(...p) as { n: number }).n;
    return {
      id: a.id as string,
      name: a.name as string,
      code: a.code as string,
      country: a.country as string | null,
      mentions: aliases.reduce((s, r) => s + (r.n as number), 0),
      aliases: aliases.map((r) => ({ text: r.text as string, count: r.n as number })),
      roles: roles.map((r) => ({ month: r.month as string, code: (r.code as string | null) ?? '', count: r.c as number })),
      events: one('SELECT count(*) AS n FROM events WHERE source_actor_id = ? OR target_actor_id = ?', id, id),
      quotes: one('SELECT count(*) AS n FROM quotes WHERE speaker_actor_id = ?', id),
    };
  }

  listQuotes(q: QuoteQuery): Page<StoredQuote> {
    const w = new Where();
    if (q.speaker) {
      const like = '%' + q.speaker.replace(/[\\%_]/g, '\\$&') + '%';
      w.add("(q.speaker_actor_id = ? OR q.speaker_actor_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\')", q.speaker, like, like);
    }
    if (q.from) w.add('a.published >= ?', q.from);
    if (q.to) w.add('substr(a.published, 1, 10) <= ?', q.to);
    const cols = `q.rowid, q.item, q.kind, q.text, q.start, q."end", q.cue_text, q.speaker_text, q.speaker_actor_id, q.speaker_actor_name,
      q.speaker_actor_code, q.speaker_actor_country, a.id AS article_id, a.published`;
    const map = (r: Row): StoredQuote => ({
      articleId: r.article_id as string,
      quoteId: r.item as string,
      kind: r.kind as string,
      text: r.text as string,
      speaker: r.speaker_text as string | null,
      speakerActor: actorOf(r.speaker_actor_id, r.speaker_actor_name, r.speaker_actor_code, r.speaker_actor_country),
      cue: r.cue_text as string | null,
      published: r.published as string | null,
      start: r.start as number,
      end: r.end as number,
    });
    if (q.search) {
      w.add('quotes_fts MATCH ?', toFts5(q.search));
      const rows = this.db
        .prepare(
          `SELECT ${cols} FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN articles a ON a.rowid = q.article
           ${w} ORDER BY bm25(quotes_fts, 1.0, 2.0) LIMIT ?`,
        )
        .all(...w.params, q.limit) as Row[];
      return { items: rows.map(map), next: null };
    }
    const after = cursorOf(q.after);
    if (after !== null) w.add('q.rowid < ?', after);
    const rows = this.db
      .prepare(`SELECT ${cols} FROM quotes q JOIN articles a ON a.rowid = q.article ${w} ORDER BY q.rowid DESC LIMIT ?`)
      .all(...w.params, q.limit + 1) as Row[];
    return page(rows, q.limit, map, (r) => r.rowid);
  }
}
