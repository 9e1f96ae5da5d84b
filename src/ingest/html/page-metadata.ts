// Article metadata a web page states about itself: meta tags, JSON-LD, <time>, <link rel=canonical>,
// and the date many sites put in their URL path. Read before Readability, which rewrites the DOM.
import { normalizeDate, type NormalizedDate } from '../normalize-date.js';
import type { DomNode } from './html-to-paragraphs.js';

/** The DOM members metadata reading needs; linkedom's elements provide them. */
export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  /** Outlet name: og:site_name, JSON-LD publisher, else the URL host. */
  source: string | null;
  published: NormalizedDate | null;
  /** Canonical URL: link rel=canonical, og:url, else the page's own URL. */
  url: string | null;
}

/** Meta keys that carry the publication time, best first. */
const DATE_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'published_time', 'datepublished',
  'article.published', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'date',
  'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date',
  'sailthru.date', 'parsely-pub-date', 'article_date_original', 'original-publish-date', 'cxenseparse:recs:publishtime',
];
const TITLE_KEYS = ['og:title', 'twitter:title', 'headline', 'dc.title', 'parsely-title'];
const SOURCE_KEYS = ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:app:name:iphone'];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'dc.creator', 'byl', 'sailthru.author'];
const ARTICLE_TYPES = /article|posting|report|news|blog|webpage|creativework/i;

type Json = Record<string, unknown>;

const clean = (s: string | null | undefined): string | null => {
  if (s === null || s === undefined) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** All meta values by lower-cased name / property / itemprop, in document order. */
function collectMeta(doc: DomElement): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const content = clean(m.getAttribute('content'));
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = meta.get(key);
      if (list) list.push(content);
      else meta.set(key, [content]);
    }
  }
  return meta;
}

/** JSON-LD objects of the page, flattened out of arrays and @graph. */
function collectJsonLd(doc: DomElement): Json[] {
  const out: Json[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  const add = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => add(x, depth + 1));
    const o = v as Json;
    out.push(o);
    if (Array.isArray(o['@graph'])) add(o['@graph'], depth + 1);
  };
  for (let i = 0; i < scripts.length; i++) {
    try {
      add(JSON.parse(scripts[i]!.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common; the page's other metadata still counts.
    }
  }
  return out;
}

const typeOf = (o: Json): string => (Array.isArray(o['@type']) ? o['@type'].join(' ') : String(o['@type'] ?? ''));

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => x !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (v !== null && typeof v === 'object') return typeof (v as Json).name === 'string' ? clean((v as Json).name as string) : null;
  return null;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** A date in the URL path: /2024/08/05/, /2024-08-05-, /20240805/. */
export function dateFromUrl(url: string | null): NormalizedDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/_-]([01]?\d)[/_-]([0-3]?\d)(?:[/_.-]|$)/.exec(path) ?? /\/((?:19|20)\d{2})([01]\d)([0-3]\d)(?:[/_.-]|$)/.exec(path);
  if (!m) return null;
  const d = normalizeDate(`${m[1]}-${m[2]}-${m[3]}`);
  return d ? { date: d.date, at: null } : null;
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./, '');
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

function absolute(href: string | null, base: string | null): string | null {
  const h = clean(href);
  if (h === null) return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** Drops a " | Outlet" (or " - Outlet") tail from a page title when it names the outlet. */
function stripSiteSuffix(title: string, source: string | null, host: string | null): string {
  const m = /^(.{3,}?)\s+[|\-–—:·•»]\s+([^|\-–—:·•»]{2,60})$/.exec(title);
  if (!m) return title;
  const tail = m[2]!.toLowerCase().replace(/[^a-z0-9]/g, '');
  const names = [source, host?.split('.').slice(0, -1).join('.') ?? null].filter((x): x is string => !!x).map((x) => x.toLowerCase().replace(/[^a-z0-9]/g, ''));
  if (names.some((n) => n !== '' && (tail.includes(n) || n.includes(tail)))) return m[1]!.trim();
  return title;
}

export function pageMetadata(doc: DomElement, pageUrl: string | null): PageMetadata {
  const meta = collectMeta(doc);
  const ld = collectJsonLd(doc);
  const first = (keys: string[], ok: (s: string) => boolean = () => true): string | null => {
    for (const k of keys) for (const v of meta.get(k) ?? []) if (ok(v)) return v;
    return null;
  };
  const articles = ld.filter((o) => ARTICLE_TYPES.test(typeOf(o)));
  const fromLd = (key: string): unknown => {
    for (const o of articles) if (o[key] !== undefined && o[key] !== null && o[key] !== '') return o[key];
    return undefined;
  };

  const linkCanonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const url = absolute(linkCanonical, pageUrl) ?? absolute(first(['og:url']), pageUrl) ?? absolute(pageUrl, null) ?? clean(pageUrl);
  const host = hostOf(url) ?? hostOf(pageUrl);

  const source = first(SOURCE_KEYS, (s) => !isUrl(s)) ?? nameOf((fromLd('publisher') as unknown) ?? null) ?? host;

  let published: NormalizedDate | null = null;
  for (const k of DATE_KEYS) {
    for (const v of meta.get(k) ?? []) {
      published = normalizeDate(v);
      if (published) break;
    }
    if (published) break;
  }
  if (!published) {
    const v = fromLd('datePublished') ?? fromLd('dateCreated');
    if (typeof v === 'string') published = normalizeDate(v);
  }
  if (!published) {
    const times = doc.querySelectorAll('time[datetime]');
    let best: NormalizedDate | null = null;
    for (let i = 0; i < times.length; i++) {
      const t = times[i]!;
      const d = normalizeDate(t.getAttribute('datetime') ?? '');
      if (!d) continue;
      const marked = t.getAttribute('pubdate') !== null || /publish|posted|date-?pub/i.test(`${t.getAttribute('itemprop') ?? ''} ${t.getAttribute('class') ?? ''}`);
      if (marked) {
        best = d;
        break;
      }
      best ??= d;
    }
    published = best;
  }
  published ??= dateFromUrl(url) ?? dateFromUrl(pageUrl);

  const rawTitle =
    first(TITLE_KEYS) ??
    nameOf(fromLd('headline') ?? null) ??
    clean(doc.querySelector('title')?.textContent) ??
    clean(doc.querySelector('h1')?.textContent);
  const title = rawTitle === null ? null : stripSiteSuffix(rawTitle, source, host);

  const byline =
    first(AUTHOR_KEYS, (s) => !isUrl(s)) ??
    nameOf(fromLd('author') ?? null) ??
    clean(doc.querySelector('[rel="author"]')?.textContent);

  return { title, byline, source, published, url };
}
