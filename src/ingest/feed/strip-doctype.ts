// XML safety before any parser sees a feed: a DOCTYPE can declare entities that expand exponentially
// ("billion laughs") or point at files and URLs (external entities). Feeds never need them, so every
// DOCTYPE is cut out — with its internal subset, read quote-aware so a "]>" inside an entity value
// cannot end it early — and references to the entities it declared are dropped unexpanded.

export interface StrippedXml {
  xml: string;
  /** Names of the entities the removed DOCTYPEs declared (their references are removed too). */
  entities: string[];
  /** True when a DOCTYPE was removed. */
  hadDoctype: boolean;
}

/** End index (exclusive) of the DOCTYPE starting at `start`, or the text length if it never closes. */
function doctypeEnd(xml: string, start: number): number {
  let quote = '';
  let inSubset = false;
  for (let i = start + 9; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (inSubset && c === '<' && xml.startsWith('<!--', i)) {
      const close = xml.indexOf('-->', i + 4);
      if (close < 0) return xml.length;
      i = close + 2;
    } else if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
  }
  return xml.length;
}

export function stripDoctype(xml: string): StrippedXml {
  const lower = /<!doctype/gi;
  if (!lower.test(xml)) return { xml, entities: [], hadDoctype: false };
  const parts: string[] = [];
  const entities = new Set<string>();
  let at = 0;
  for (let m = /<!doctype/i.exec(xml.slice(at)); m; m = /<!doctype/i.exec(xml.slice(at))) {
    const start = at + m.index;
    const end = doctypeEnd(xml, start);
    parts.push(xml.slice(at, start));
    for (const e of xml.slice(start, end).matchAll(/<!ENTITY\s+(?:%\s*)?([^\s"'>%]+)/gi)) entities.add(e[1]!);
    at = end;
  }
  parts.push(xml.slice(at));
  let out = parts.join('');
  if (entities.size > 0) {
    const names = new Set(entities);
    out = out.replace(/&([A-Za-z_][\w.:-]*);/g, (ref, name: string) => (names.has(name) ? '' : ref));
  }
  return { xml: out, entities: [...entities], hadDoctype: true };
}
