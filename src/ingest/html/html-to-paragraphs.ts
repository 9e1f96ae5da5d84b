// Turns a DOM subtree into plain-text paragraphs. Downstream a newline ends a sentence, so block
// boundaries (p, li, headings, br, table rows) become paragraph breaks and inline markup never does.

/** The few DOM members this module needs; linkedom's nodes provide them. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

export interface Paragraph {
  text: string;
  /** True for h1–h6: kept as their own paragraph, and never taken for a caption or a share bar. */
  heading: boolean;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'figure', 'figcaption', 'form', 'fieldset',
  'address', 'hr', 'br', 'center', 'details', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html',
]);
/** Elements whose text is never article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'button', 'select', 'option', 'input', 'textarea',
  'object', 'embed', 'canvas', 'head', 'title', 'meta', 'link', 'video', 'audio', 'map',
]);
/** Table cells are inline pieces of their row's paragraph, kept apart by a space. */
const CELL = new Set(['td', 'th']);
const HEADING = /^h[1-6]$/;

/** Maximum element depth walked; deeper (pathological) nesting is treated as text-free. */
const MAX_DEPTH = 400;

export function htmlToParagraphs(root: DomNode): Paragraph[] {
  const out: Paragraph[] = [];
  let buf = '';
  let heading = false;
  const flush = () => {
    const text = buf.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    if (text !== '') out.push({ text, heading });
    buf = '';
    heading = false;
  };
  const walk = (node: DomNode, depth: number, pre: boolean): void => {
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const n = kids[i]!;
      if (n.nodeType === TEXT) {
        const t = n.textContent ?? '';
        if (pre && t.includes('\n')) {
          const lines = t.split('\n');
          lines.forEach((line, j) => {
            if (j > 0) flush();
            buf += line;
          });
        } else buf += t;
        continue;
      }
      if (n.nodeType !== ELEMENT || depth >= MAX_DEPTH) continue;
      const tag = n.nodeName.toLowerCase();
      if (SKIP.has(tag)) continue;
      if (CELL.has(tag)) {
        buf += ' ';
        walk(n, depth + 1, pre);
        buf += ' ';
        continue;
      }
      if (!BLOCK.has(tag)) {
        walk(n, depth + 1, pre || tag === 'pre');
        continue;
      }
      flush();
      if (HEADING.test(tag)) heading = true;
      walk(n, depth + 1, pre || tag === 'pre');
      flush();
    }
  };
  walk(root, 0, false);
  flush();
  return out;
}
