import type { Article, InputFormat } from '../domain/types.js';
import { articleId } from './article-id.js';
import { normalizeDate } from './normalize-date.js';

/** Which input field holds what; found by name unless the user names it (`--text-column` etc.). */
export interface FieldMap {
  id?: string;
  text?: string;
  title?: string;
  published?: string;
  url?: string;
  html?: string;
  source?: string;
}

const CANDIDATES: Required<{ [K in keyof FieldMap]: string[] }> = {
  id: ['id', 'guid', 'uid', 'doc_id', 'docid', 'article_id'],
  text: ['text', 'body', 'content', 'article', 'story', 'full_text', 'fulltext', 'maintext', 'description'],
  title: ['title', 'headline', 'heading', 'name'],
  published: ['published', 'date', 'publishedat', 'published_at', 'pubdate', 'pub_date', 'datetime', 'timestamp', 'time', 'created_at'],
  url: ['url', 'link', 'href', 'uri', 'canonical_url'],
  html: ['html', 'raw_html'],
  source: ['source', 'outlet', 'publisher', 'site', 'site_name', 'domain'],
};

/** Resolves which of the available keys (JSON fields or CSV headers) hold each article field. */
export function resolveFields(keys: string[], overrides: FieldMap = {}): FieldMap {
  const lower = new Map(keys.map((k) => [k.trim().toLowerCase(), k]));
  const out: FieldMap = {};
  for (const field of Object.keys(CANDIDATES) as Array<keyof FieldMap>) {
    const forced = overrides[field];
    if (forced !== undefined) {
      out[field] = forced;
      continue;
    }
    for (const name of CANDIDATES[field]) {
      const key = lower.get(name);
      if (key !== undefined) {
        out[field] = key;
        break;
      }
    }
  }
  return out;
}

function str(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export type RecordResult = { article: Article; html: string | null } | { error: string };

/**
 * Turns one JSON object or CSV row into an article. Text is taken verbatim (offsets index the
 * input string exactly). A record with only `html` is returned for the HTML reader to extract.
 */
export function recordToArticle(
  record: Record<string, unknown>,
  fields: FieldMap,
  origin: string,
  position: number,
  format: InputFormat,
  defaultPublished: string | null,
): RecordResult {
  const text = fields.text ? record[fields.text] : undefined;
  const html = fields.html ? str(record[fields.html]) : null;
  if (text !== undefined && text !== null && typeof text !== 'string') return { error: `field "${fields.text}" is not a string` };
  if ((text === undefined || text === null) && html === null) return { error: 'no text field (looked for text, body, content…; use --text-column)' };
  const id = str(fields.id ? record[fields.id] : null);
  const rawDate = str(fields.published ? record[fields.published] : null);
  const date = rawDate ? normalizeDate(rawDate) : null;
  return {
    article: {
      id: id && id.trim() !== '' ? id : articleId(origin, position),
      url: str(fields.url ? record[fields.url] : null),
      source: str(fields.source ? record[fields.source] : null),
      title: str(fields.title ? record[fields.title] : null),
      published: date?.date ?? defaultPublished,
      publishedAt: date?.at ?? null,
      publishedEstimated: false,
      text: typeof text === 'string' ? text : '',
      origin: `${origin}:${position + 1}`,
      format,
    },
    html: typeof text === 'string' ? null : html,
  };
}
