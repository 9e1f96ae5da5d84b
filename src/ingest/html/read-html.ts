// The html reader: one web page in, one article out. Readability finds the main content; Brink's
// clean-up then drops what Readability keeps but an analyst does not want (ads, share bars, captions…).
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Article, ReadItem } from '../../domain/types.js';
import { articleId } from '../article-id.js';
import { htmlToParagraphs, type Paragraph } from './html-to-paragraphs.js';
import { pageMetadata, type DomElement } from './page-metadata.js';
import { cleanMainText, pruneBoilerplateElements, type BoilerplateRules } from './clean-main-text.js';
import { fallbackParagraphs } from './fallback-paragraphs.js';

export interface HtmlOptions {
  /** Publication date to use when the page states none. */
  published: string | null;
  /** The page's own URL when known (for the URL-path date, the host as outlet, relative canonical links). */
  url?: string | null;
  /** Boilerplate rules; null gives Readability's main text as it is (for measuring the clean-up). */
  rules: BoilerplateRules | null;
}

interface ParsedPage {
  document: DomElement & { body: DomElement | null; documentElement: DomElement | null };
}

/**
 * linkedom builds its tree from the first element it meets: a page that opens with a stray <style>
 * or text before <html>, or a bare fragment, would end up with that element as the whole document.
 * Such input is rebuilt as one body (structural tags dropped; meta and title still found by selector).
 */
function parsePage(html: string): ParsedPage {
  const start = /^(?:\s+|<\?xml[^>]*>|<!doctype[^>]*>|<!--[\s\S]*?-->)*/i.exec(html)?.[0].length ?? 0;
  const opensWithHtml = /^<html[\s>]/i.test(html.slice(start, start + 6));
  const whole = opensWithHtml ? html : `<!DOCTYPE html><html><head></head><body>${html.replace(/<\/?(?:html|head|body)(?:\s[^>]*)?>/gi, '')}</body></html>`;
  return parseHTML(whole) as unknown as ParsedPage;
}

/** Readability's main content as paragraphs, or null when it finds none. */
function readabilityParagraphs(page: ParsedPage, rules: BoilerplateRules | null): Paragraph[] | null {
  if (!page.document.body) return null;
  const reader = new Readability(page.document as never, { serializer: (el: unknown) => el, keepClasses: true });
  const result = reader.parse();
  const content = result?.content as unknown as DomElement | null | undefined;
  if (!content) return null;
  if (rules) pruneBoilerplateElements(content, rules);
  return htmlToParagraphs(content);
}

/**
 * Readability's time grows much faster than linearly with element nesting (at depth 1,000 it takes
 * minutes); real pages nest under ~50 deep. Deeper pages skip Readability and use the fallback.
 */
const MAX_NESTING = 200;

/** Nesting depth of the usual container tags, from the markup itself (cheap: one regex pass). */
export function nestingDepth(html: string): number {
  const re = /<(\/?)(?:div|section|article|span|ul|ol|table|blockquote|font|center|form|main|aside|header|footer|nav|b|i|em|strong|a)[\s>]/gi;
  let depth = 0;
  let max = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]) {
      if (depth > 0) depth--;
    } else if (++depth > max) max = depth;
  }
  return max;
}

/**
 * Markup nested too deep for the parser and Readability (both slow down sharply with depth) is
 * flattened: block containers become <br> (still paragraph breaks), inline wrappers go.
 */
function flattenMarkup(html: string): string {
  return html
    .replace(/<\/?(?:div|section|article|ul|ol|table|blockquote|center|form|main|aside|header|footer|nav)(?:\s[^>]*)?>/gi, '<br>')
    .replace(/<\/?(?:span|font|b|i|em|strong|a)(?:\s[^>]*)?>/gi, '');
}

/** Minimum main-text length below which Readability's pick is distrusted and the fallback tried. */
const MIN_TEXT_CHARS = 1000;

export function readHtml(html: string, origin: string, opts: HtmlOptions): ReadItem[] {
  const deep = nestingDepth(html) > MAX_NESTING;
  if (deep) html = flattenMarkup(html);
  let page: ParsedPage;
  try {
    page = parsePage(html);
  } catch (err) {
    return [{ kind: 'error', where: origin, reason: `unreadable HTML (${(err as Error).message})` }];
  }
  const meta = pageMetadata(page.document, opts.url ?? null);
  let paragraphs: Paragraph[] = [];
  try {
    if (!deep) paragraphs = readabilityParagraphs(page, opts.rules) ?? [];
  } catch {
    // Readability can throw on badly broken markup; the fallback below still reads the paragraphs.
  }
  let text = toText(paragraphs, opts.rules, meta.title);
  if (text.length < MIN_TEXT_CHARS) {
    // Readability rewrote the DOM while it searched, so the fallback reads a fresh parse.
    const fresh = parsePage(html);
    const own = fresh.document.body ? toText(fallbackParagraphs(fresh.document.body, opts.rules), opts.rules, meta.title) : '';
    if (own.length > 1.5 * text.length) text = own;
  }
  if (text === '') return [{ kind: 'error', where: origin, reason: 'no article text found in the page' }];
  const article: Article = {
    id: articleId(origin, 0),
    url: meta.url,
    source: meta.source,
    title: meta.title,
    published: meta.published?.date ?? opts.published,
    publishedAt: meta.published?.at ?? null,
    publishedEstimated: false,
    byline: meta.byline,
    text,
    origin,
    format: 'html',
  };
  return [{ kind: 'article', article }];
}

function toText(paragraphs: Paragraph[], rules: BoilerplateRules | null, title: string | null): string {
  const kept = rules ? cleanMainText(paragraphs, rules, title) : paragraphs;
  return kept.map((p) => p.text).join('\n\n');
}
