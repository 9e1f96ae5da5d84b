import type { Token } from '../../domain/types.js';

/** Half-open token range [from, to). */
export interface TokenRange {
  from: number;
  to: number;
}

const NOMINAL = new Set(['PROPN', 'NOUN', 'PRON', 'NUM']);
const MODIFIER = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
const PERSONAL = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const POSSESSIVE_PRONOUN = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const RELATIVE = new Set(['who', 'which', 'that']);
const DASH = new Set(['--', '—', '–']);
/** Words of quantity that head "many of whom", "some of which". */
const QUANTITY = new Set(['ADJ', 'DET', 'NUM', 'PRON', 'NOUN']);
/** Words that sit between a subject and its verb without ending the subject ("has also said"). */
const BETWEEN = new Set(['AUX', 'ADV', 'PART']);

export const isPersonalPronoun = (t: Token): boolean => t.pos === 'PRON' && PERSONAL.has(t.normal);

const NEVER_NAME = new Set(['PRON', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'NUM']);

/** The tagger sometimes reads a capitalised name as a verb or adjective ("Lynch said"): in a phrase it is a name. */
function posOf(t: Token): string {
  if (!NEVER_NAME.has(t.pos) && t.pos !== 'PROPN' && t.pos !== 'NOUN' && /^\p{Lu}/u.test(t.text)) return 'PROPN';
  return t.pos;
}

/** Index of the "(" that opens the parenthesis closed at `close`, or -1 ("Mike Pence (R-IN)"). */
function openingParen(tokens: Token[], close: number, floor: number): number {
  for (let k = close - 1; k >= floor && k > close - 8; k--) {
    if (tokens[k]!.text === '(') return k;
    if (tokens[k]!.text === ')') return -1;
  }
  return -1;
}

const isPossessive = (t: Token): boolean => t.normal === "'s" || t.normal === '’s' || t.normal === "'" || t.normal === '’';

/**
 * The noun phrase that ends at token `end - 1` ("the German foreign ministry", "Iranian deputy foreign
 * minister Kazem Gharibabadi", "Russia's Zvezda television", "he"), not reaching before `floor`; null when
 * the token there is no noun. A pronoun is a phrase on its own; "of", "and" and possessives join nouns.
 */
export function phraseEndingAt(tokens: Token[], end: number, floor: number): TokenRange | null {
  let i = end - 1;
  if (i < floor) return null;
  // A parenthesis after a name belongs to it: "Rep. Gwen Moore (D-Wis.)".
  if (tokens[i]!.text === ')') {
    const open = openingParen(tokens, i, floor);
    if (open < 0) return null;
    const np = phraseEndingAt(tokens, open, floor);
    return np ? { from: np.from, to: end } : null;
  }
  const last = tokens[i]!;
  if (last.pos === 'PRON') return isPersonalPronoun(last) ? { from: i, to: end } : null;
  if (!NOMINAL.has(posOf(last))) return null;
  let from = i;
  i--;
  while (i >= floor) {
    const t = tokens[i]!;
    const before = i > floor ? tokens[i - 1]! : null;
    if (t.pos === 'DET' || (t.pos === 'PRON' && POSSESSIVE_PRONOUN.has(t.normal))) {
      // A determiner opens the phrase: nothing before it belongs to it.
      from = i;
      break;
    }
    if (MODIFIER.has(posOf(t)) || isPossessive(t) || t.text === '-') from = i;
    else if ((t.normal === 'of' || t.normal === 'and' || t.normal === '&') && before && (before.pos === 'PROPN' || before.pos === 'NOUN'))
      from = i;
    else break;
    i--;
  }
  // A phrase never starts with a joining word or a possessive mark.
  while (from < end && (tokens[from]!.normal === 'of' || tokens[from]!.normal === 'and' || isPossessive(tokens[from]!))) from++;
  return from < end ? { from, to: end } : null;
}

/** The noun phrase that starts at `start` ("Smith", "a source familiar", "Zvezda TV"), not reaching `ceiling`. */
export function phraseStartingAt(tokens: Token[], start: number, ceiling: number): TokenRange | null {
  let i = start;
  if (i >= ceiling) return null;
  if (tokens[i]!.pos === 'PRON' && !POSSESSIVE_PRONOUN.has(tokens[i]!.normal)) return isPersonalPronoun(tokens[i]!) ? { from: i, to: i + 1 } : null;
  if (tokens[i]!.pos === 'PRON') i++;
  let lastNoun = -1;
  while (i < ceiling) {
    const t = tokens[i]!;
    // A determiner after the first word opens the next phrase ("told Reuters | the convoy …").
    if (t.pos === 'DET' && i > start && tokens[i - 1]!.normal !== 'of') break;
    if (MODIFIER.has(posOf(t)) || isPossessive(t) || t.text === '-') {
      if (NOMINAL.has(posOf(t))) lastNoun = i;
    } else if (t.text === '(' && lastNoun === i - 1) {
      // "Pence (R-IN)": keep the parenthesis with the name.
      let k = i + 1;
      while (k < ceiling && k < i + 8 && tokens[k]!.text !== ')') k++;
      if (tokens[k]?.text !== ')') break;
      lastNoun = k;
      i = k;
    } else if ((t.normal === 'of' || t.normal === 'and') && lastNoun === i - 1) {
      // joins two nouns ("secretary of state"); checked on the next token
    } else break;
    i++;
  }
  return lastNoun >= start ? { from: start, to: lastNoun + 1 } : null;
}

/** Tokens [from, to) read as a clause: a finite verb not introduced by a relative pronoun ("who was …" is an aside). */
function isClause(tokens: Token[], from: number, to: number): boolean {
  if (from < to && (RELATIVE.has(tokens[from]!.normal) || tokens[from]!.normal === 'whose')) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    // "the minister who was in Syria": the verb belongs to a relative clause inside the aside.
    if (RELATIVE.has(t.normal) || t.normal === 'whose') return false;
    // A verb right after its subject ("the meeting deteriorated"); a bare participle opens an aside ("asked about it").
    if ((t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.normal) && !/^\p{Lu}/u.test(t.text))) && k > from && NOMINAL.has(tokens[k - 1]!.pos)) return true;
  }
  return false;
}

/**
 * The subject of the verb at `verb`: the phrase just before it, past auxiliaries and adverbs ("Trump has
 * also said"), past an appositive or relative clause set off by commas ("Shoigu, who was …, said"), and
 * from a relative pronoun to its noun ("officials who said").
 */
export function subjectOf(tokens: Token[], verb: number, floor: number): TokenRange | null {
  let end = verb;
  while (end - 1 >= floor && BETWEEN.has(tokens[end - 1]!.pos) && !isPossessive(tokens[end - 1]!)) end--;
  // "he appeared to suggest": the subject of the verb that governs the infinitive.
  if (end < verb && tokens[end]!.normal === 'to' && end - 1 >= floor && tokens[end - 1]!.pos === 'VERB') {
    end--;
    while (end - 1 >= floor && BETWEEN.has(tokens[end - 1]!.pos) && !isPossessive(tokens[end - 1]!)) end--;
  }
  if (end - 1 >= floor && tokens[end - 1]!.text === ',') {
    // "X, the secretary of …, said": the subject is the phrase before the first comma of the pair.
    let k = end - 2;
    while (k > floor && tokens[k]!.text !== ',') k--;
    // A clause between the commas is content, not an aside ("…, and the meeting deteriorated, said one source").
    if (k > floor && tokens[k]!.text === ',' && !isClause(tokens, k + 1, end - 1)) {
      const np = phraseEndingAt(tokens, k, floor);
      if (np) return np;
    }
    return null;
  }
  // "Kall -- co-editor of a book on debates -- said": an aside between dashes.
  if (end - 1 >= floor && DASH.has(tokens[end - 1]!.text)) {
    let k = end - 2;
    while (k > floor && k > end - 40 && !DASH.has(tokens[k]!.text)) k--;
    if (k > floor && DASH.has(tokens[k]!.text) && !isClause(tokens, k + 1, end - 1)) return phraseEndingAt(tokens, k, floor);
    return null;
  }
  // "many of whom say": the quantity and the relative pronoun together.
  if (end - 3 >= floor && (tokens[end - 1]!.normal === 'whom' || tokens[end - 1]!.normal === 'which') && tokens[end - 2]!.normal === 'of' && QUANTITY.has(tokens[end - 3]!.pos)) {
    return { from: end - 3, to: end };
  }
  // "the experts I interviewed said": a relative clause without a pronoun between the noun and its verb.
  if (end - 3 >= floor && tokens[end - 1]!.pos === 'VERB' && isPersonalPronoun(tokens[end - 2]!) && NOMINAL.has(posOf(tokens[end - 3]!)) && tokens[end - 3]!.pos !== 'PRON') {
    const np = phraseEndingAt(tokens, end - 2, floor);
    if (np) return { from: np.from, to: end };
  }
  if (end - 1 >= floor && RELATIVE.has(tokens[end - 1]!.normal) && tokens[end - 1]!.pos !== 'SCONJ') {
    let k = end - 1;
    if (k - 1 >= floor && tokens[k - 1]!.text === ',') k--;
    return phraseEndingAt(tokens, k, floor);
  }
  return phraseEndingAt(tokens, end, floor);
}
