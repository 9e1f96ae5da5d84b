// The tokens that describe a name: its pre-modifiers ("Russian Defense Minister | Sergei Shoigu") and an
// apposition after it ("Ahmadian, | a senior Iranian Revolutionary Guard Corps (IRGC) commander | who …").
import type { Entity, Token } from '../domain/types.js';

const MAX_PRE = 10;
const MAX_APPOSITION = 16;
const CLAUSE_WORDS = new Set(['who', 'which', 'that', 'whose', 'whom', 'where', 'when', 'while', 'and', 'but', 'or']);
const STOP_POS = new Set(['VERB', 'AUX', 'PRON', 'SCONJ', 'CCONJ', 'INTJ']);

/**
 * Pre-modifiers of the name starting at token ts: [from, ts). Walks left over adjectives, nouns, proper
 * nouns, possessives and hyphens; stops at a determiner (kept), punctuation, verbs, clause words and at
 * another person. When it stops at "whose" after a name ("Hezbollah, whose … commander X"), that name is
 * the owner: `owner` is its token range.
 */
export function preModifiers(
  tokens: Token[],
  ts: number,
  entityAt: Array<Entity | undefined>,
  inRole: (tokenIndex: number) => boolean,
): { from: number; owner: [number, number] | null } {
  const sentence = tokens[ts]?.sentence;
  let j = ts - 1;
  let from = ts;
  while (j >= 0 && ts - j <= MAX_PRE) {
    const t = tokens[j]!;
    if (t.sentence !== sentence) break;
    const e = entityAt[j];
    if (e && e.type === 'PERSON') break;
    // The second half of a hyphenated word ("President-elect") goes with the first, whatever its tag.
    const joined = j > 0 && tokens[j - 1]!.text === '-' && tokens[j - 1]!.end === t.start;
    if (joined || e) {
      from = j;
      j--;
      continue;
    }
    // A common noun further left that is no role word ends it: "station meeting | Rear Admiral X".
    // The head noun right before the name may be any noun ("Chilean mediator X").
    if (t.pos === 'NOUN' && !/^\p{Lu}/u.test(t.text) && !inRole(j) && j !== ts - 1) break;
    if (t.pos === 'DET') {
      from = j;
      break;
    }
    if (t.text === '-' || t.pos === 'PART' || t.text === "'s" || t.text === '’s') {
      from = j;
      j--;
      continue;
    }
    if (t.pos === 'PUNCT' || t.pos === 'NUM' || STOP_POS.has(t.pos) || CLAUSE_WORDS.has(t.normal)) break;
    // "Minister of Foreign Affairs Abbas Araghchi": "of"/"for" inside a title, between capitalised words.
    if (t.pos === 'ADP') {
      const next = tokens[j + 1];
      const prev = tokens[j - 1];
      if (!(next && /^\p{Lu}/u.test(next.text) && prev && /^\p{Lu}/u.test(prev.text) && (t.normal === 'of' || t.normal === 'for' || t.normal === 'to'))) break;
    }
    from = j;
    j--;
  }
  let owner: [number, number] | null = null;
  if (j >= 1 && tokens[j]!.normal === 'whose') {
    let k = j - 1;
    if (tokens[k]!.text === ',') k--;
    const e = k >= 0 ? entityAt[k] : undefined;
    if (e) {
      let s = k;
      while (s > 0 && entityAt[s - 1] === e) s--;
      owner = [s, k + 1];
    }
  }
  return { from, owner };
}

/**
 * An apposition after the name ending at token te: ", a senior … commander" up to the next comma, clause
 * word or verb (parentheses inside are kept). Empty ([te, te]) when the name is not followed by one.
 */
export function apposition(tokens: Token[], te: number): [number, number] {
  const comma = tokens[te];
  if (!comma || comma.text !== ',') return [te, te];
  const sentence = comma.sentence;
  const first = tokens[te + 1];
  if (!first || first.sentence !== sentence) return [te, te];
  // An apposition is a noun phrase: it starts with a determiner, adjective, noun or name.
  if (!(first.pos === 'DET' || first.pos === 'ADJ' || first.pos === 'NOUN' || first.pos === 'PROPN')) return [te, te];
  let depth = 0;
  let k = te + 1;
  for (; k < tokens.length && k - te <= MAX_APPOSITION; k++) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) break;
    if (t.text === '(') {
      depth++;
      continue;
    }
    if (t.text === ')') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    if (t.pos === 'PUNCT' && t.text !== '-' && t.text !== '.') break;
    if (t.text === '.' ) break;
    if (STOP_POS.has(t.pos) || CLAUSE_WORDS.has(t.normal)) break;
  }
  return [te + 1, k];
}

/** "X of Senegal", "X of the Red Cross": the name after "of" right behind a person's name, as [from, to). */
export function ofPhrase(tokens: Token[], te: number, entityAt: Array<Entity | undefined>): [number, number] {
  if (tokens[te]?.normal !== 'of') return [te, te];
  let k = te + 1;
  if (tokens[k]?.pos === 'DET') k++;
  const e = entityAt[k];
  if (!e || e.type === 'PERSON') return [te, te];
  let end = k;
  while (end < tokens.length && entityAt[end] === e) end++;
  return [te + 1, end];
}
