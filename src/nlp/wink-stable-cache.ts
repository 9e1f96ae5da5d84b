// wink-nlp remembers every unknown word it reads: the word, the features computed when it was first met
// (with the token category it had then) and every piece it ever cut out of one; later text is read with
// that memory. After "Spain's'" once, every "Spain's" stayed one token; a word first met in another role
// kept that role's features. The analysis of an article then depended on the articles the process had
// read before it, and two workers, each reading its own share, disagreed with one process reading all.
// So wink's cache is wrapped: `forgetLearnedWords()` (called before each article) drops what was learned
// and starts a fresh cache over the model, and the tokenizer's lookups see only the model's own
// lexicon. An article's analysis is then a function of its text alone, and memory no longer grows with
// every distinct word a long-running worker reads.
// Must be imported before wink-nlp loads (see analyze-base.ts): it replaces the cache module wink requires.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

let forget: () => void = () => {};

/** Drops every word wink learned since the last call (a no-op when it learned none). */
export function forgetLearnedWords(): void {
  forget();
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
    // While a word is added, the model's feature functions look up its forms and need every entry.
    let adding = 0;
    // wink keeps this object for the life of the instance; its methods call whichever cache is current
    // (one function each: they run for every token, and a shared forwarder would be slow to call).
    const facade: WinkCache = {
      add: (text: string, category: number) => {
        adding++;
        try {
          return inner.add(text, category);
        } finally {
          adding--;
        }
      },
      // For the tokenizer, an index beyond the model's own lexicon is a learned word: no lexeme.
      lookup: (text: string) => {
        const found = inner.lookup(text);
        return adding === 0 && found !== null && found.length === 1 && found[0]! >= intrinsic ? null : found;
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
      let learned = false;
      for (const t of tables) {
        if (t.list.length === t.intrinsicSize) continue;
        learned = true;
        for (let i = t.intrinsicSize; i < t.list.length; i++) delete t.hash[t.list[i]!];
        t.list.length = t.intrinsicSize;
        t.index = t.intrinsicSize;
      }
      // The learned words' features live inside the cache itself: a new one starts empty.
      if (learned) inner = makeCache(model, sharedFeatures);
    };
    return facade;
  } satisfies MakeCache;
}
