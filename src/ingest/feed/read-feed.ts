// The feed reader: RSS 2.0, RSS 1.0 (RDF) and Atom, one article per item. @rowanmanning/feed-parser
// is lenient with broken feeds; the XML is made safe first (no DOCTYPE, so no entity expansion and
// no external entity is ever resolved).
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import type { Article, ReadItem } from '../../domain/types.js';
import { articleId } from '../article-id.js';
import { normalizeDate } from '../normalize-date.js';
import { htmlToParagraphs } from '../html/html-to-paragraphs.js';
import { cleanMainText, pruneBoilerplateElements, type BoilerplateRules } from '../html/clean-main-text.js';
import type { DomElement } from '../html/page-metadata.js';
import { stripDoctype } from './strip-doctype.js';

export interface FeedOptions {
  published: string | null;
  rules: BoilerplateRules | null;
}

/** Plain-text paragraphs of an item's HTML (or plain-text) content, cleaned like a page's main text. */
export function htmlFragmentToText(html: string, rules: BoilerplateRules | null): string {
  if (html.trim() === '') return '';
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: { body: DomElement } };
  if (rules) pruneBoilerplateElements(document.body, rules);
  const paragraphs = htmlToParagraphs(document.body);
  return (rules ? cleanMainText(paragraphs, rules, null) : paragraphs).map((p) => p.text).join('\n\n');
}

const plain = (s: string | null): string | null => {
  if (s === null) return null;
  const t = (/[<&]/.test(s) ? htmlFragmentToText(s, null) : s).replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

export function readFeed(xml: string, origin: string, opts: FeedOptions): ReadItem[] {
  const items: ReadItem[] = [];
  const safe = stripDoctype(xml);
  if (safe.entities.length > 0) {
    items.push({ kind: 'error', where: origin, reason: `DOCTYPE declares XML entities (${safe.entities.slice(0, 3).join(', ')}${safe.entities.length > 3 ? ', …' : ''}); removed unexpanded` });
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(safe.xml);
  } catch (err) {
    const reason = (err as { code?: string }).code === 'INVALID_FEED' ? 'not a readable RSS or Atom feed' : `malformed XML (${(err as Error).message.replace(/\s+/g, ' ').trim().slice(0, 120)})`;
    items.push({ kind: 'error', where: origin, reason });
    return items;
  }
  const source = plain(feed.title);
  let position = 0;
  for (const item of feed.items) {
    const title = plain(item.title);
    const content = item.content ? htmlFragmentToText(item.content, opts.rules) : '';
    const description = item.description ? htmlFragmentToText(item.description, opts.rules) : '';
    // content:encoded / Atom content is the full text; description or summary is a teaser.
    let text = content.length >= description.length ? content : description;
    if (text === '') text = title ?? '';
    if (text === '') continue;
    const when = item.published ?? item.updated;
    const date = when && !Number.isNaN(when.getTime()) ? normalizeDate(when.toISOString()) : null;
    const article: Article = {
      id: articleId(origin, position),
      url: item.url,
      source,
      title,
      published: date?.date ?? opts.published,
      publishedAt: date?.at ?? null,
      publishedEstimated: false,
      byline: item.authors.map((a) => a.name).filter((n): n is string => !!n).join(', ') || null,
      text,
      origin: `${origin}#${position}`,
      format: 'feed',
    };
    position++;
    items.push({ kind: 'article', article });
  }
  if (position === 0) items.push({ kind: 'error', where: origin, reason: 'feed has no items with text' });
  return items;
}
