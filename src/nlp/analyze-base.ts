// First: they change how wink-nlp's cache looks words up, how its tokenizer runs and what it keeps of a
// document, and must run before wink-nlp loads.
import { readStably } from './wink-stable-cache.js';
import './wink-token-memo.js';
import { lastDocData, type WinkDocData } from './wink-doc-data.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { NlpDoc, Sentence, Token } from '../domain/types.js';

type ItsToken = (index: number, rdd: WinkDocData, addons: unknown) => string;

// The tokens are read in one pass from wink's document data with wink's own readers (`its`), not through the
// document object's `out()`, which walks every token once per column and builds an array for each.
const require = createRequire(import.meta.url);
const winkIts = require(join(dirname(require.resolve('wink-nlp')), 'its.js')) as Record<'value' | 'pos' | 'lemma' | 'normal', ItsToken>;
/** The model's extras (its lemmatizer), which wink's lemma reader needs. */
const addons = (model as unknown as { addons: unknown }).addons;
/** Low bits of a token's second number: its preceding spaces (all ones: a run with a non-breaking space). */
const SPACES_MASK = 0xffff;

// A model word's normal form depends on the word alone and its lemma on the word and its tag, so both are kept
// per wink lexeme index (four to six calls into wink's cache each otherwise). Learned words are not kept:
// their indices are reused when wink forgets them.
const POS_BITS = 0x3f00000;
const LEMMA_BITS = 20;
const normals: string[] = [];
const lemmas = new Map<number, string>();

function normalAt(i: number, rdd: WinkDocData, intrinsic: number): string {
  const lexeme = rdd.tokens[i * 4]!;
  if (lexeme >= intrinsic || rdd.tokens[i * 4 + 1]! > SPACES_MASK) return winkIts.normal(i, rdd, addons);
  return (normals[lexeme] ??= winkIts.normal(i, rdd, addons));
}

function lemmaAt(i: number, rdd: WinkDocData, intrinsic: number): string {
  const lexeme = rdd.tokens[i * 4]!;
  if (lexeme >= intrinsic || rdd.tokens[i * 4 + 1]! > SPACES_MASK) return winkIts.lemma(i, rdd, addons);
  const key = lexeme * 64 + ((rdd.tokens[i * 4 + 2]! & POS_BITS) >>> LEMMA_BITS);
  let lemma = lemmas.get(key);
  if (lemma === undefined) {
    lemma = winkIts.lemma(i, rdd, addons);
    lemmas.set(key, lemma);
  }
  return lemma;
}

// One wink instance per process, made when first needed: loading the model costs ~100 ms, reading a doc far
// less, and commands that never analyse (search, stats, serve) never pay for it.
let wink: ReturnType<typeof winkNLP> | null = null;
/** Loads the base layer's model now (createPipeline does, with the other models) instead of at the first article. */
export function loadBaseModel(): ReturnType<typeof winkNLP> {
  wink ??= winkNLP(model, ['sbd', 'pos']);
  return wink;
}

const NON_LATIN1_LETTER = /[^\x00-\xff]/;
/** A word ending in a possessive "'s" that wink left whole: the stem (a letter or digit last) and the mark. */
const POSSESSIVE_END = /^(.*[\p{L}\p{N}])(['’][sS])$/u;
/** Characters beyond Latin-1 (whole code points); only letters and marks among them are replaced. */
const NON_LATIN1 = /[^\x00-\xff]/gu;
const LETTER = /[\p{L}\p{M}]/u;

function latinStandIn(ch: string): string {
  if (!LETTER.test(ch)) return ch; // curly quotes, dashes, symbols: wink knows them
  const stand = ch !== ch.toLowerCase() ? 'X' : 'x';
  return stand.repeat(ch.length); // a surrogate pair keeps its two units
}

/**
 * The NLP base layer: paragraph-aware sentences, tokens with offsets, POS tags and lemmas.
 * wink-nlp reads the whole text at once (one document per article costs a third less than one per line),
 * but it does not end sentences at newlines, so its sentences are cut wherever a newline separates two
 * tokens: a newline always ends a sentence (titles, datelines and list items never run into the next line).
 */
export function analyzeBase(text: string): NlpDoc {
  const nlp = loadBaseModel();
  // wink splits words at letters beyond Latin-1 ("Erdo|ğ|an", "Wa|łę|sa"): it reads a copy where each such
  // letter is a plain x (X for a capital), of the same length, so offsets hold; tokens keep the real text.
  const plain = NON_LATIN1_LETTER.test(text) ? text.replace(NON_LATIN1, latinStandIn) : text;
  const replaced = plain !== text;
  // Each article is read as if it were the first: nothing learned from earlier articles changes it.
  readStably(() => nlp.readDoc(plain));
  const rdd = lastDocData()!;
  const count = rdd.tokens.length / 4;
  if (count === 0) return { text, tokens: [], sentences: [] };
  const intrinsic = rdd.cache.intrinsicSize();
  // wink keeps line breaks as tokens of their own: they become breaks, not tokens.
  const tokens: Token[] = [];
  /** For each wink token, the index of the first of our tokens at or after it. */
  const ours = new Int32Array(count + 1);
  /** Whether a newline separates each of our tokens from the one before it. */
  const breakBefore: boolean[] = [];
  let cursor = 0;
  let pendingBreak = false;
  for (let i = 0; i < count; i++) {
    ours[i] = tokens.length;
    const value = winkIts.value(i, rdd, addons);
    const spaces = rdd.tokens[i * 4 + 1]! & SPACES_MASK;
    cursor += spaces < SPACES_MASK ? spaces : rdd.nonBreakingSpaces[i]!.length;
    if (value.trim() === '') {
      if (value.includes('\n')) pendingBreak = true;
      cursor += value.length;
      continue;
    }
    // wink reproduces its input exactly (precedingSpaces + value); fall back to a search if it ever does not.
    if (plain.startsWith(value, cursor) === false) {
      const found = plain.indexOf(value, cursor);
      if (found >= 0) {
        if (plain.slice(cursor, found).includes('\n')) pendingBreak = true;
        cursor = found;
      }
    }
    const start = cursor;
    cursor += value.length;
    breakBefore.push(pendingBreak && tokens.length > 0);
    pendingBreak = false;
    const surface = text.slice(start, cursor);
    const pos = winkIts.pos(i, rdd, addons);
    // A word with stand-in letters: its own lower case for normal and lemma (names, mostly).
    const own = replaced && surface !== value ? surface.toLowerCase() : null;
    // wink leaves a possessive on its word when a stray quote follows ("led by Spain's' Grupo"): split it
    // off, as wink does everywhere else. (That such a piece once made every later "Spain's" one token is
    // fixed in wink-stable-cache.ts.)
    const mark = surface.length > 2 ? surface.charCodeAt(surface.length - 2) : 0;
    const possessive = mark === 0x27 || mark === 0x2019 ? POSSESSIVE_END.exec(surface) : null;
    if (possessive) {
      const stem = possessive[1]!;
      const cut = start + stem.length;
      tokens.push({ start, end: cut, text: stem, pos, lemma: stem.toLowerCase(), normal: stem.toLowerCase(), sentence: -1 });
      breakBefore.push(false);
      const clitic = possessive[2]!;
      tokens.push({ start: cut, end: cursor, text: clitic, pos: 'PART', lemma: clitic.toLowerCase(), normal: clitic.toLowerCase(), sentence: -1 });
      continue;
    }
    tokens.push({
      start,
      end: cursor,
      text: surface,
      pos,
      lemma: own ?? lemmaAt(i, rdd, intrinsic),
      normal: own ?? normalAt(i, rdd, intrinsic),
      sentence: -1,
    });
  }
  ours[count] = tokens.length;
  const sentences: Sentence[] = [];
  let paragraph = 0;
  const push = (tokenStart: number, tokenEnd: number): void => {
    const index = sentences.length;
    for (let t = tokenStart; t < tokenEnd; t++) tokens[t]!.sentence = index;
    sentences.push({ start: tokens[tokenStart]!.start, end: tokens[tokenEnd - 1]!.end, tokenStart, tokenEnd, paragraph });
  };
  for (const [first, last] of rdd.sentences) {
    const end = ours[last + 1]!;
    let from = ours[first]!;
    for (let t = from; t < end; t++) {
      if (!breakBefore[t]) continue;
      if (t > from) push(from, t);
      from = t;
      paragraph++;
    }
    if (end > from) push(from, end);
  }
  return { text, tokens, sentences };
}
