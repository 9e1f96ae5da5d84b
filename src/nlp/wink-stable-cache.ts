// wink-nlp remembers every unknown word and every piece it ever cut out of one, and later treats a word equal to
// such a piece as a known whole: after "Spain's'" once, every "Spain's" stayed one token; after a scraped "USD"
// with its amount missing, later "USD" split differently. The analysis of an article then depended on the
// articles the process had read before it (two workers disagreed with one). This module makes the tokenizer's
// lookups see only wink's own model; unknown words are still cached for their features, so memory does not grow
// beyond the distinct words read. Left: the features of an unknown word are computed once, when first met, and
// can depend on what was met before (6 of 113,314 Current Events items differ between two reading orders).
// Imported for its effect, before wink-nlp loads (see analyze-base.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface WinkCache {
  lookup(text: string): number[] | null;
  add(text: string, category: number): unknown;
  intrinsicSize(): number;
}
type MakeCache = (model: unknown, featureFn: unknown) => WinkCache;

const require = createRequire(import.meta.url);
const cachePath = join(dirname(require.resolve('wink-nlp')), 'cache.js');
const makeCache = require(cachePath) as MakeCache;
const loaded = require.cache[cachePath];
if (loaded) {
  loaded.exports = function stableCache(model: unknown, featureFn: unknown): WinkCache {
    const cache = makeCache(model, featureFn);
    const intrinsic = cache.intrinsicSize();
    const { lookup, add } = cache;
    // While a word is added, the model's feature functions look up its forms and need every entry.
    let adding = 0;
    cache.add = (text: string, category: number) => {
      adding++;
      try {
        return add(text, category);
      } finally {
        adding--;
      }
    };
    // For the tokenizer, an index beyond the model's own lexicon is a word learned from earlier text: no lexeme.
    cache.lookup = (text: string) => {
      const found = lookup(text);
      return adding === 0 && found !== null && found.length === 1 && found[0]! >= intrinsic ? null : found;
    };
    return cache;
  } satisfies MakeCache;
}
