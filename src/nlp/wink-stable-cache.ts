// wink-nlp remembers every unknown word it reads: the word, the features computed when it was first met
// (with the token category it had then) and every piece it ever cut out of one; later text is read with
// that memory. After "Spain's'" once, every "Spain's" stayed one token; a word first met in another role
// kept that role's features. The analysis of an article then depended on the articles the process had
// read before it, and two workers, each reading its own share, disagreed with one process reading all.
// So wink's cache is wrapped:
// - the tokenizer's lookups see only the model's own lexicon (no learned pieces change how text is cut);
// - a learned word's features depend only on its text and the token category it was learned with, so a
//   word learned in an earlier article may be kept while the article at hand first meets it in that same
//   category, which is what a fresh cache would have learned. `readStably` reads an article and, when it
//   first met a kept word in another category, forgets everything learned and reads it again.
//   Re-learning every article's unknown words from scratch instead cost about 0.2 ms per article;
// - past LEARNED_LIMIT learned words it forgets them all between articles: memory stays bounded in a
//   long-running worker.
// An article's analysis is then a function of its text alone.
// Must be imported before wink-nlp loads (see analyze-base.ts): it replaces the cache module wink requires.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWordTable } from './word-table.js';

/** wink-nlp's cache (src/cache.js): word lookups and the packed properties of lexemes. */
interface WinkCache {
  add(text: string, category: number): number;
  lookup(text: string): number[] | null;
  value(index: number): string;
  normal(index: number): number;
  mappedSpelling(index: number): number;
  nox(word: number): number;
  property(index: number, prop: string): unknown;
  isMemberPOS(lexeme: number, pos: number): boolean;
  posOf(index: number): number;
  valueOf(prop: string, index: number): unknown;
  currentSize(): number;
  intrinsicSize(): number;
  hasSamePOS(text: string, pos: string): boolean;
  isOOV(text: string): boolean;
}
/** One of the model's growable feature tables (lexeme, prefix, suffix, shape). */
interface FeatureTable {
  hash: Record<string, number>;
  list: string[];
  index: number;
  intrinsicSize: number;
}
interface WinkModel {
  features: Record<string, Partial<FeatureTable>>;
  packing: { config: unknown };
}
type MakeCache = (model: WinkModel, featureFn: unknown) => WinkCache;

const require = createRequire(import.meta.url);
const cachePath = join(dirname(require.resolve('wink-nlp')), 'cache.js');
const makeCache = require(cachePath) as MakeCache;
const loaded = require.cache[cachePath];

const UNSEEN = 0;
const PLAIN = 1;
const EXPANDS = 2;

/** Learned words kept between articles at most (about 200 bytes each, in wink's tables and here). */
const LEARNED_LIMIT = 100_000;

let forget: () => void = () => {};
/** The article being read (see `readStably`) and whether it met a kept word in another category. */
let article = 0;
let conflict = false;
let learnedCount = 0;

/**
 * Reads one article with wink (`read` calls readDoc) as a fresh wink would: see the header. Returns what
 * `read` returned.
 */
export function readStably<T>(read: () => T): T {
  // Between articles: wink's doc of the last one reads the cache until then.
  if (learnedCount > LEARNED_LIMIT) forget();
  article++;
  conflict = false;
  let result = read();
  if (conflict) {
    forget();
    article++;
    conflict = false;
    result = read();
  }
  return result;
}

if (loaded) {
  loaded.exports = function stableCache(model: WinkModel, featureFn: unknown): WinkCache {
    const tables = Object.values(model.features).filter(
      (f): f is FeatureTable => typeof f.intrinsicSize === 'number' && Array.isArray(f.list) && typeof f.index === 'number',
    );
    // The feature functions (regular expressions compiled from the model) are made once and shared by every
    // fresh cache.
    const features = (featureFn as (config: unknown) => unknown)(model.packing.config);
    const sharedFeatures = () => features;
    let inner = makeCache(model, sharedFeatures);
    const intrinsic = inner.intrinsicSize();
    const lexemes = model.features.lexeme as FeatureTable;

    /** The model's own words (wink's hash maps each to its index). */
    const modelWord = createWordTable(lexemes.list.slice(0, intrinsic));
    /** Per model word: whether looking it up gives the word itself (PLAIN) or its expansion (a contraction). */
    const contraction = new Uint8Array(intrinsic);
    const single = [0];
    /** Per learned word (text or lower case): the category it was learned with and the article that last met it. */
    const learned = new Map<string, { category: number; article: number }>();
    /** Notes that `form` (the word or its lower case) is met in `category`; flags a conflict with an earlier article's learning. */
    const meet = (form: string, category: number): void => {
      const seen = learned.get(form);
      if (seen === undefined) {
        if (modelWord(form) < 0 && lexemes.hash[form] === undefined) {
          learned.set(form, { category, article });
          learnedCount++;
        }
        return;
      }
      if (seen.article === article) return;
      if (seen.category !== category) conflict = true;
      seen.article = article;
    };
    // While a word is added, the model's feature functions look up its forms and need every entry.
    let adding = 0;
    // wink keeps this object for the life of the instance; its methods call whichever cache is current
    // (one function each: they run for every token, and a shared forwarder would be slow to call).
    const facade: WinkCache = {
      add: (text: string, category: number) => {
        // A word already met in this article: its lower case was met with it.
        if (learned.get(text)?.article !== article) {
          meet(text, category);
          const lower = text.toLowerCase();
          if (lower !== text) meet(lower, category);
        }
        adding++;
        try {
          return inner.add(text, category);
        } finally {
          adding--;
        }
      },
      // For the tokenizer, an index beyond the model's own lexicon is a learned word: no lexeme. While a word
      // is added, a word learned in an earlier article and not yet met in this one is absent, as in a fresh cache.
      // The tokenizer looks up every piece of text. A model word that is not a contraction is answered from one
      // reused array (every caller reads the answer at once and keeps nothing): no array per lookup.
      lookup: (text: string) => {
        const index = modelWord(text);
        if (index < 0) return adding > 0 && learned.get(text)?.article === article ? inner.lookup(text) : null;
        if (contraction[index] === UNSEEN) contraction[index] = inner.lookup(text)!.length === 1 ? PLAIN : EXPANDS;
        if (contraction[index] === EXPANDS) return inner.lookup(text);
        single[0] = index;
        return single;
      },
      value: (index: number) => inner.value(index),
      normal: (index: number) => inner.normal(index),
      mappedSpelling: (index: number) => inner.mappedSpelling(index),
      nox: (word: number) => inner.nox(word),
      property: (index: number, prop: string) => inner.property(index, prop),
      isMemberPOS: (lexeme: number, pos: number) => inner.isMemberPOS(lexeme, pos),
      posOf: (index: number) => inner.posOf(index),
      valueOf: (prop: string, index: number) => inner.valueOf(prop, index),
      currentSize: () => inner.currentSize(),
      intrinsicSize: () => intrinsic,
      hasSamePOS: (text: string, pos: string) => inner.hasSamePOS(text, pos),
      isOOV: (text: string) => inner.isOOV(text),
    };
    const unknown = Object.keys(inner).filter((name) => !(name in facade));
    if (unknown.length > 0) throw new Error(`wink-stable-cache: wink-nlp's cache has methods this wrapper does not forward: ${unknown.join(', ')}`);
    forget = () => {
      let grown = false;
      for (const t of tables) {
        if (t.list.length === t.intrinsicSize) continue;
        grown = true;
        for (let i = t.intrinsicSize; i < t.list.length; i++) delete t.hash[t.list[i]!];
        t.list.length = t.intrinsicSize;
        t.index = t.intrinsicSize;
      }
      // The learned words' features live inside the cache itself: a new one starts empty.
      if (grown) inner = makeCache(model, sharedFeatures);
      learned.clear();
      learnedCount = 0;
    };
    return facade;
  } satisfies MakeCache;
}
