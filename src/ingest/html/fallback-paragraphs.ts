// Brink's own main-text guess for pages where Readability finds nothing (short pages, odd markup,
// truncated downloads): the page without its navigation and chrome, keeping prose-like paragraphs.
import { htmlToParagraphs, type Paragraph } from './html-to-paragraphs.js';
import type { DomElement } from './page-metadata.js';
import { pruneBoilerplateElements, type BoilerplateRules } from './clean-main-text.js';

const CHROME = 'nav, header, footer, aside, form, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';
/** A paragraph of prose has at least this many words; shorter lines in a page's chrome are menus and labels. */
const MIN_WORDS = 8;

interface Removable extends DomElement {
  remove(): void;
}

export function fallbackParagraphs(body: DomElement, rules: BoilerplateRules | null): Paragraph[] {
  const main = body.querySelector('article') ?? body.querySelector('main') ?? body.querySelector('[role="main"]') ?? body;
  const chrome = main.querySelectorAll(CHROME);
  for (let i = chrome.length - 1; i >= 0; i--) (chrome[i] as Removable).remove();
  if (rules) pruneBoilerplateElements(main, rules);
  const all = htmlToParagraphs(main);
  const prose = (p: Paragraph) => p.text.split(' ').length >= MIN_WORDS;
  // Headings are kept when prose follows them, so section titles stay with their sections.
  return all.filter((p, i) => prose(p) || (p.heading && all.slice(i + 1, i + 3).some(prose)));
}
