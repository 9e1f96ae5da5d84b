import type { StoredEvent } from '../store/query-types.js';

// Event exports, one line (or JSON value) per stored event: CSV, JSON Lines, a GDELT-style TSV
// (GDELT 1.0 event columns that Brink can fill) and PLOVER JSON. Shared by the API and `brink export`.

export type ExportFormat = 'csv' | 'jsonl' | 'gdelt' | 'plover';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl', 'gdelt', 'plover'];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  gdelt: 'text/tab-separated-values; charset=utf-8',
  plover: 'application/json; charset=utf-8',
};

const CSV_COLUMNS = [
  'article_id', 'event_id', 'date', 'date_precision', 'published', 'source_actor', 'source_code', 'source_country', 'target_actor',
  'target_code', 'target_country', 'cameo', 'plover', 'quadclass', 'goldstein', 'modality', 'location', 'location_country', 'lat', 'lon',
  'cluster', 'rule', 'coder', 'confidence', 'evidence',
];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // A leading = + - @ would be read as a formula by spreadsheets: quote and prefix it.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor2Code', 'Actor2Name',
  'Actor2CountryCode', 'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions',
  'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_Lat', 'ActionGeo_Long', 'DATEADDED', 'SOURCEURL',
];

function tsvCell(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
}

/** The event's day: its own date when day-precise, else the article's publication day. */
function eventDay(e: StoredEvent): string | null {
  const d = e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date) ? e.date.slice(0, 10) : e.published;
  return d ? d.slice(0, 10) : null;
}

export function exportHeader(format: ExportFormat): string {
  if (format === 'csv') return CSV_COLUMNS.join(',') + '\n';
  if (format === 'gdelt') return GDELT_COLUMNS.join('\t') + '\n';
  if (format === 'plover') return '[\n';
  return '';
}

export function exportFooter(format: ExportFormat, count: number): string {
  if (format === 'plover') return count > 0 ? '\n]\n' : ']\n';
  return '';
}

/** One event in the format, or null when the format cannot hold it (PLOVER: statements without a type). */
export function exportEvent(format: ExportFormat, e: StoredEvent, index: number): string | null {
  const s = e.source?.actor ?? null;
  const t = e.target?.actor ?? null;
  if (format === 'jsonl') return JSON.stringify(e) + '\n';
  if (format === 'csv') {
    return [
      e.articleId, e.id, e.date, e.datePrecision, e.published, s?.name, s?.code, s?.country, t?.name, t?.code, t?.country, e.cameo, e.plover,
      e.quadclass, e.goldstein, e.modality, e.location?.name, e.location?.country, e.location?.lat, e.location?.lon, e.cluster, e.rule,
      e.coder, e.confidence, e.evidenceText,
    ].map(csvCell).join(',') + '\n';
  }
  if (format === 'gdelt') {
    const day = eventDay(e);
    const compact = day ? day.replace(/-/g, '') : '';
    return [
      `${e.articleId}/${e.id}`, compact, compact.slice(0, 6), compact.slice(0, 4), s?.code, s?.name, s?.country, t?.code, t?.name, t?.country,
      1, e.cameo, e.cameo.slice(0, 3), e.cameo.slice(0, 2), e.quadclass, e.goldstein, 1, e.location?.name, e.location?.country,
      e.location?.lat, e.location?.lon, compact, e.articleUrl,
    ].map(tsvCell).join('\t') + '\n';
  }
  if (e.plover === null) return null;
  const plover = {
    id: `${e.articleId}/${e.id}`,
    date: eventDay(e),
    event: e.plover,
    mode: e.mode,
    context: e.context,
    actor: s?.name ?? e.source?.text ?? null,
    actor_code: s?.code ?? null,
    actor_country: s?.country ?? null,
    recipient: t?.name ?? e.target?.text ?? null,
    recipient_code: t?.code ?? null,
    recipient_country: t?.country ?? null,
    location: e.location ? { name: e.location.name, country: e.location.country, lat: e.location.lat, lon: e.location.lon } : null,
    modality: e.modality,
    size: e.size,
    text: e.evidenceText,
    story_id: e.articleId,
    story_date: e.published,
    cameo: e.cameo,
    goldstein: e.goldstein,
    rule: e.rule,
    coder: e.coder,
  };
  return (index > 0 ? ',\n' : '') + JSON.stringify(plover);
}
