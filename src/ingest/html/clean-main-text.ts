// Brink's clean-up of the main content Readability returns: it keeps inline adverts, share bars,
// newsletter boxes, related-links lists and photo captions/credits, which would otherwise become
// "sentences" downstream. Rules are data (data/html-boilerplate.json), each with a stable id.
import type { DomElement } from './page-metadata.js';
import type { Paragraph } from './html-to-paragraphs.js';

export interface ElementRule {
  id: string;
  pattern: RegExp;
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
    if (!rules.elements.some((r) => r.pattern.test(key))) continue;
    if ((el.textContent ?? '').length > total * MAX_REMOVED_SHARE) continue;
    doomed.push(el as Removable);
  }
  for (const el of doomed) el.remove();
}

/** Drops boilerplate paragraphs; headings are kept unless a rule matches them too. */
export function cleanMainText(paragraphs: Paragraph[], rules: BoilerplateRules, title: string | null): Paragraph[] {
  void title;
  return paragraphs.filter((p) => !rules.paragraphs.some((r) => p.text.length <= r.maxChars && r.pattern.test(p.text)));
}
