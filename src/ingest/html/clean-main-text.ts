// Brink's clean-up of the main content Readability returns: it keeps inline adverts, share bars,
// newsletter boxes, related-links lists and photo captions/credits, which would otherwise become
// "sentences" downstream. Rules are data (data/html-boilerplate.json), each with a stable id.
import type { DomElement } from './page-metadata.js';
import type { Paragraph } from './html-to-paragraphs.js';

export interface ElementRule {
  id: string;
  pattern: RegExp;
  /** Longer elements are kept: a slideshow's long "captions" are the article itself. */
  maxChars: number;
}
export interface TagRule {
  id: string;
  tags: string[];
}
export interface ParagraphRule {
  id: string;
  maxChars: number;
  pattern: RegExp;
}
export interface BoilerplateRules {
  elements: ElementRule[];
  tags: TagRule[];
  paragraphs: ParagraphRule[];
}

interface Removable extends DomElement {
  remove(): void;
}

/**
 * An element whose text holds at least this share of the content is the article itself (its class may
 * say "post-share-wrapper" for layout reasons) and is never removed as boilerplate.
 */
const MAX_REMOVED_SHARE = 0.5;

/** Removes boilerplate elements (by tag, class, id or role) from a content subtree, in place. */
export function pruneBoilerplateElements(root: DomElement, rules: BoilerplateRules): void {
  const total = (root.textContent ?? '').length;
  const tags = rules.tags.flatMap((r) => r.tags).join(', ');
  if (tags !== '') {
    const found = root.querySelectorAll(tags);
    for (let i = found.length - 1; i >= 0; i--) (found[i] as Removable).remove();
  }
  const all = root.querySelectorAll('[class], [id], [role]');
  const doomed: Removable[] = [];
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const key = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`.toLowerCase();
    if (key.trim() === '') continue;
    const rule = rules.elements.find((r) => r.pattern.test(key));
    if (!rule) continue;
    const size = (el.textContent ?? '').trim().length;
    if (size > rule.maxChars || size > total * MAX_REMOVED_SHARE) continue;
    doomed.push(el as Removable);
  }
  for (const el of doomed) el.remove();
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Drops boilerplate paragraphs; headings are kept unless a rule matches them too. The page title
 * repeated as an opening heading is dropped, as the text-dump reader does: it is in `title` already.
 */
export function cleanMainText(paragraphs: Paragraph[], rules: BoilerplateRules, title: string | null): Paragraph[] {
  const t = title === null ? '' : squash(title);
  return paragraphs.filter(
    (p, i) =>
      !(i < 3 && p.heading && t !== '' && squash(p.text) === t) &&
      !rules.paragraphs.some((r) => p.text.length <= r.maxChars && r.pattern.test(p.text)),
  );
}
