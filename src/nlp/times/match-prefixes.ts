/**
 * The first few characters a case-insensitive regular expression can match, computed from its source, so that a
 * scan can skip, at the cost of a Set lookup, the positions where the expression cannot start (most word starts
 * near a trigger word are ordinary words: "said", "government").
 *
 * Characters are read as symbols: a letter as its lower case, any digit as "0", any whitespace as " ", other
 * characters as themselves. The analysis over-approximates (look-arounds and word boundaries are ignored), so a
 * position it rejects is one where the expression cannot match; it understands the syntax that data/times/rules.json
 * uses and returns null (no filter) for anything else.
 */
export interface MatchPrefixes {
  /** Symbol strings of length `k` that can open a match, and shorter ones that can be a whole match. */
  prefixes: Set<string>;
  k: number;
}

type Node =
  | { t: 'alt'; alts: Node[] }
  | { t: 'seq'; items: Node[] }
  | { t: 'sym'; syms: string[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'empty' }
  /** Any character (\\w, ., a negated class): beyond the first k symbols it costs nothing, within them no filter is possible. */
  | { t: 'any' };

class Unsupported extends Error {}

const DIGIT = '0';
const SPACE = ' ';

/** What `\\s` matches in a JavaScript regular expression. */
function isRegexSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Symbol of one text character. */
export function symbolOf(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 97 && code <= 122) return c;
  if (code >= 48 && code <= 57) return DIGIT;
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  if (isRegexSpace(code)) return SPACE;
  return c.toLowerCase()[0]!; // "İ" lowers to two characters
}

function parse(src: string): Node {
  let i = 0;
  const alt = (): Node => {
    const alts: Node[] = [seq()];
    while (src[i] === '|') {
      i++;
      alts.push(seq());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(quantified(atom()));
    return { t: 'seq', items };
  };
  const quantified = (node: Node): Node => {
    for (;;) {
      const c = src[i];
      let min: number;
      let max: number;
      if (c === '?') [min, max] = [0, 1];
      else if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '{' && /^\{\d+(,\d*)?\}/.test(src.slice(i))) {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(i))!;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
        i += m[0].length - 1;
      } else return node;
      i++;
      if (src[i] === '?') i++; // lazy: same language
      node = { t: 'rep', node, min, max };
    }
  };
  const atom = (): Node => {
    const c = src[i]!;
    if (c === '(') {
      i++;
      let look = false;
      if (src[i] === '?') {
        const head = src.slice(i, i + 4);
        if (head.startsWith('?:')) i += 2;
        else if (/^\?<?[=!]/.test(head)) {
          look = true;
          i += head[1] === '<' ? 3 : 2;
        } else if (head.startsWith('?<')) i = src.indexOf('>', i) + 1;
        else throw new Unsupported(head);
      }
      const inner = alt();
      if (src[i] !== ')') throw new Unsupported('unclosed group');
      i++;
      // A look-around constrains the text but consumes none of it: ignoring it only lets more positions through.
      return look ? { t: 'empty' } : inner;
    }
    if (c === '[') return charClass();
    if (c === '\\') {
      const e = src[i + 1]!;
      i += 2;
      if (e === 'b' || e === 'B') return { t: 'empty' };
      const syms = escapeSyms(e);
      return syms ? { t: 'sym', syms } : { t: 'any' };
    }
    if (c === '.') {
      i++;
      return { t: 'any' };
    }
    if (c === '^' || c === '$') throw new Unsupported(c);
    i++;
    return { t: 'sym', syms: [symbolOf(c)] };
  };
  const charClass = (): Node => {
    i++;
    let any = src[i] === '^';
    if (any) i++;
    const syms = new Set<string>();
    while (src[i] !== ']') {
      if (i >= src.length) throw new Unsupported('unclosed class');
      let c = src[i]!;
      if (c === '\\') {
        const escaped = escapeSyms(src[i + 1]!);
        if (escaped) for (const s of escaped) syms.add(s);
        else any = true;
        i += 2;
        continue;
      }
      if (src[i + 1] === '-' && src[i + 2] !== ']' && src[i + 2] !== undefined) {
        const to = src[i + 2]!;
        for (let code = c.charCodeAt(0); code <= to.charCodeAt(0); code++) {
          c = String.fromCharCode(code);
          syms.add(symbolOf(c));
          syms.add(symbolOf(c.toUpperCase()));
        }
        i += 3;
        continue;
      }
      syms.add(symbolOf(c));
      i++;
    }
    i++;
    return any ? { t: 'any' } : { t: 'sym', syms: [...syms] };
  };
  const node = alt();
  if (i !== src.length) throw new Unsupported(`stray ${src[i]}`);
  return node;
}

/** Symbols of an escape; null for a class too wide to list (\\w, \\S …). */
function escapeSyms(e: string): string[] | null {
  if (e === 'd') return [DIGIT];
  if (e === 's') return [SPACE];
  if (/[wWDS]/.test(e)) return null;
  if (/[nrtfv0-9cxukp]/.test(e)) throw new Unsupported(`\\${e}`);
  return [symbolOf(e)];
}

/** Strings of length < k are whole matches; strings of length k are prefixes of longer or equal matches. */
function first(node: Node, k: number): Set<string> {
  switch (node.t) {
    case 'any':
      throw new Unsupported('any character among the first symbols');
    case 'empty':
      return new Set(['']);
    case 'sym':
      return new Set(node.syms.map((s) => s.slice(0, k)));
    case 'alt': {
      const out = new Set<string>();
      for (const a of node.alts) for (const s of first(a, k)) out.add(s);
      return out;
    }
    case 'seq': {
      let acc = new Set(['']);
      for (const item of node.items) {
        if ([...acc].every((s) => s.length >= k)) break;
        acc = concat(acc, first(item, k), k);
      }
      return acc;
    }
    case 'rep': {
      const one = first(node.node, k);
      let acc = new Set(['']);
      for (let n = 0; n < node.min; n++) acc = concat(acc, one, k);
      let all = new Set(acc);
      for (let n = node.min; n < node.max; n++) {
        acc = concat(acc, one, k);
        const size = all.size;
        for (const s of acc) all.add(s);
        if (all.size === size) break;
      }
      return all;
    }
  }
}

function concat(a: Set<string>, b: Set<string>, k: number): Set<string> {
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= k) out.add(x);
    else for (const y of b) out.add((x + y).slice(0, k));
  }
  return out;
}

/** The prefixes of a regular expression's matches, or null when its syntax is beyond this analysis. */
export function matchPrefixes(source: string, k = 4): MatchPrefixes | null {
  try {
    return { prefixes: first(parse(source), k), k };
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
