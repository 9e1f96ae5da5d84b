import type { Article } from '../domain/types.js';
import { articleId } from './article-id.js';

// Reader for scraped plain-text dumps: each article is a title, photo captions (often twice),
// a stray logo word, the title again, then paragraphs; articles are separated by runs of blank lines.

/** A block separator: two or more blank lines. Single blank lines separate paragraphs. */
const ARTICLE_BREAK = /\n[ \t\r]*\n(?:[ \t\r]*\n)+/;

/** Splits a dump into article blocks (raw, uncleaned). */
export function splitDump(text: string): string[] {
  const blocks: string[] = [];
  for (const block of text.split(ARTICLE_BREAK)) {
    for (const part of splitOnRepeatedTitles(block)) if (part.trim() !== '') blocks.push(part);
  }
  return blocks;
}

/**
 * Some dumps separate articles by one blank line only. An article start is still visible: a
 * title-like line that comes back a few lines later (the scraped page shows the headline twice).
 */
function splitOnRepeatedTitles(block: string): string[] {
  const lines = block.split('\n');
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!isTitleLike(line)) continue;
    if (i > 0 && starts.length > 0 && i - starts[starts.length - 1]! < 3) continue;
    for (let j = i + 2; j < Math.min(lines.length, i + 14); j++) {
      if (lines[j]!.trim() === line) {
        starts.push(i);
        break;
      }
    }
  }
  // Drop starts that are the repeats themselves (the second occurrence of an earlier title).
  const real = starts.filter((s, k) => k === 0 || !lines.slice(starts[k - 1], s).some((l) => l.trim() === lines[s]!.trim()));
  if (real.length <= 1) return [block];
  const parts: string[] = [];
  if (real[0]! > 0) parts.push(lines.slice(0, real[0]).join('\n'));
  for (let k = 0; k < real.length; k++) parts.push(lines.slice(real[k], real[k + 1] ?? lines.length).join('\n'));
  // A leading fragment before the first title belongs to the previous article only when there is one.
  return real[0]! > 0 && parts[0]!.trim() !== '' ? parts : parts.filter((p) => p.trim() !== '');
}

function isTitleLike(line: string): boolean {
  return line.length >= 12 && line.length <= 220 && !/[.!?:;,]["”’)]?$/.test(line) && /\p{Lu}/u.test(line[0] ?? '');
}

/** A trailing credit in parentheses: "(AFP)", "(Reuters)", "(Iranian parliament)", "(Photo: AP)". */
const CREDIT_TAIL = /\s*\((?:photo:?\s*|credit:?\s*|file photo:?\s*)?[\p{L}][\p{L}\p{M}.&'’\- /]{0,40}\)\s*$/iu;
/** A lone logo or agency word left by the scraper: "TT", "AP", "AFP". */
const LOGO_LINE = /^[\p{Lu}\d&]{1,5}$/u;

export interface CleanedDump {
  title: string | null;
  body: string;
}

/** Keeps the title; drops captions (also repeated ones), credit tails, logo words and the repeated title. */
export function cleanDumpBlock(block: string): CleanedDump {
  const lines = block
    .split('\n')
    .map((l) => l.replace(/\r$/, '').trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return { title: null, body: '' };
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  const hasRepeatedTitle = (counts.get(lines[0]!) ?? 0) > 1;
  const title = hasRepeatedTitle || (lines.length > 1 && isTitleLike(lines[0]!)) ? lines[0]! : null;
  const body: string[] = [];
  for (let i = title === null ? 0 : 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === title) continue;
    if (LOGO_LINE.test(line)) continue;
    // A line that appears twice is a caption or a repeated header, never news prose.
    if ((counts.get(line) ?? 0) > 1) continue;
    if (isCaption(line)) continue;
    body.push(line);
  }
  return { title, body: body.join('\n\n') };
}

/** A photo caption: ends with a parenthesised credit and not with a sentence of its own. */
function isCaption(line: string): boolean {
  if (!CREDIT_TAIL.test(line)) return false;
  const inner = line.slice(line.lastIndexOf('(') + 1, -1);
  // "(IRGC)"-style acronyms explained inside prose are not credits.
  if (/^[A-Z]{2,6}$/.test(inner) && !/^(AFP|AP|EPA|UPI|TASS|IRNA|ISNA|WANA|SANA|KCNA)$/.test(inner)) return false;
  return true;
}

export interface DumpOptions {
  published: string | null;
}

/** Parses one raw block of a dump into an article. `position` counts articles within the source. */
export function dumpBlockToArticle(block: string, origin: string, position: number, opts: DumpOptions): Article | null {
  const { title, body } = cleanDumpBlock(block);
  if (body === '' && title === null) return null;
  return {
    id: articleId(origin, position),
    url: null,
    source: null,
    title,
    published: opts.published,
    publishedAt: null,
    publishedEstimated: false,
    text: body,
    origin: `${origin}#${position}`,
    format: 'text',
  };
}

/** Parses a whole dump held in memory. */
export function parseTextDump(text: string, origin: string, opts: DumpOptions): Article[] {
  const out: Article[] = [];
  for (const block of splitDump(text)) {
    const article = dumpBlockToArticle(block, origin, out.length, opts);
    if (article) out.push(article);
  }
  return out;
}
