import type { Span } from '../../domain/types.js';

/** A stretch of text between quotation marks. */
export interface QuotedSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index just past the closing mark. */
  close: number;
  /** The quoted words, one piece per paragraph (marks and surrounding spaces left out). */
  parts: Span[];
}

type Family = 'double' | 'straight' | 'low' | 'guillemet' | 'single';

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';

/**
 * The character at `i`, or undefined before or after the text. Checked rather than read out of bounds: such a read
 * makes V8 throw away the optimized code of the function that does it.
 */
const charAt = (text: string, i: number): string | undefined => (i >= 0 && i < text.length ? text[i] : undefined);

/** The characters `openerAt` and the single-mark check can start at: “ « „ " ' ` ‘. */
const mayOpen = (c: number): boolean => c === 0x201c || c === 0xab || c === 0x201e || c === 34 || c === 39 || c === 96 || c === 0x2018;
/** The characters that close (or reopen) a quotation of some family, and the paragraph break: ” " “ » ' ’ and newline. */
const mayCloseOrBreak = (c: number): boolean => c === 10 || c === 0x201d || c === 34 || c === 0x201c || c === 0xbb || c === 39 || c === 0x2019;

/** The opening mark at `i` (with its length), when one is there. */
function openerAt(text: string, i: number): { family: Family; length: number } | null {
  const c = charAt(text, i);
  if (c === '“') return { family: 'double', length: 1 };
  if (c === '«') return { family: 'guillemet', length: 1 };
  if (c === '„') return { family: 'low', length: 1 };
  if (c === '"') return { family: 'straight', length: 1 };
  // Scraped text writes quotation marks as two straight single quotes or two backticks.
  if ((c === "'" || c === '`') && charAt(text, i + 1) === c) return { family: 'straight', length: 2 };
  return null;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/**
 * Finds quotations in every common style: “…”, "…", «…», „…“, ''…'' and ``…'', and ‘…’ outside other quotes
 * (‘…’ inside “…” is part of the outer quotation). A quotation that runs over several paragraphs, with an
 * opening mark at each paragraph start and a closing one only at its end, is one span with a part per paragraph.
 * Unclosed marks (a stray " or an apostrophe) yield nothing.
 */
export function findQuoteMarks(text: string): QuotedSpan[] {
  const found: QuotedSpan[] = [];
  let family: Family | null = null;
  let open = -1;
  let contentStart = -1;
  let parts: Span[] = [];
  const n = text.length;

  const finish = (markStart: number, markEnd: number): void => {
    // "“…,” he said": the comma belongs to the sentence around the quotation, not to the words quoted.
    let lastEnd = markStart;
    while (lastEnd > contentStart && (text[lastEnd - 1] === ',' || isSpace(text[lastEnd - 1]))) lastEnd--;
    const last = trimSpan(text, contentStart, lastEnd);
    if (last.end > last.start) parts.push(last);
    if (parts.length > 0) found.push({ open, close: markEnd, parts });
    family = null;
    parts = [];
  };

  for (let i = 0; i < n; i++) {
    // Only a few characters can open a quotation, or close or break the one open: skip the others unread.
    if (family === null) while (i < n && !mayOpen(text.charCodeAt(i))) i++;
    else while (i < n && !mayCloseOrBreak(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const c = text[i]!;
    if (c === '\n') {
      if (family === null) continue;
      // A paragraph ends inside a quotation: it goes on only if the next paragraph opens with a mark again.
      let j = i + 1;
      while (j < n && isSpace(text[j])) j++;
      const next = family === 'single' ? null : openerAt(text, j);
      if (next && next.family === family) {
        const piece = trimSpan(text, contentStart, i);
        if (piece.end > piece.start) parts.push(piece);
        contentStart = j + next.length;
        i = contentStart - 1;
      } else {
        family = null;
        parts = [];
      }
      continue;
    }
    if (family === null) {
      const op = openerAt(text, i);
      if (op) {
        // A straight mark followed by a space is a stray or a closing one without its opener.
        if (op.family === 'straight' && isSpace(charAt(text, i + op.length))) continue;
        family = op.family;
        open = i;
        contentStart = i + op.length;
        i += op.length - 1;
      } else if (c === '‘' && !isWordChar(charAt(text, i - 1)) && isWordChar(charAt(text, i + 1))) {
        family = 'single';
        open = i;
        contentStart = i + 1;
      }
      continue;
    }
    switch (family) {
      case 'double':
        if (c === '”') finish(i, i + 1);
        else if (c === '"') finish(i, i + 1);
        else if (c === '“') {
          // Two openers in a row: the first never closed (a scraping error); start again here.
          open = i;
          contentStart = i + 1;
          parts = [];
        }
        break;
      case 'low':
        if (c === '“' || c === '”') finish(i, i + 1);
        break;
      case 'guillemet':
        if (c === '»') finish(i, i + 1);
        break;
      case 'straight':
        if (c === '"' || c === '”') finish(i, i + 1);
        else if (c === "'" && charAt(text, i + 1) === "'") {
          finish(i, i + 2);
          i++;
        }
        break;
      case 'single': {
        // ’ inside a word is an apostrophe (don’t); a closing ’ is followed by no letter.
        if (c === '’' && !isWordChar(charAt(text, i + 1)) && !isSpace(charAt(text, i - 1))) finish(i, i + 1);
        else if (c === '“' || c === '"') {
          // A double quotation opens while a single one is pending: the ‘ was not a quotation mark.
          family = null;
          parts = [];
          i--;
        }
        break;
      }
    }
  }
  return found;
}
