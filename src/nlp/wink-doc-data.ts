// wink-nlp hands a document's raw data (4 numbers per token, sentences as token ranges) only to its own
// readers, through a document object whose methods are new closures for every document: code that calls
// them sees a new function each time, and V8 throws its optimized code away again and again. wink wraps
// each document's data once while reading it (dd-wrapper.js); this wrapper keeps a reference to the last
// data wrapped, so the base layer reads the tokens directly.
// Must be imported before wink-nlp loads (see analyze-base.ts): it replaces the module wink requires.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** wink's document data: 4 numbers per token (lexeme, spaces, pos and lemma, flags), sentences as token ranges. */
export interface WinkDocData {
  tokens: number[];
  sentences: Array<[number, number, ...number[]]>;
  nonBreakingSpaces: Record<number, string>;
  cache: { intrinsicSize(): number };
}

const require = createRequire(import.meta.url);
const wrapperPath = join(dirname(require.resolve('wink-nlp')), 'dd-wrapper.js');
const wrap = require(wrapperPath) as (data: WinkDocData) => unknown;
const loaded = require.cache[wrapperPath];

let last: WinkDocData | null = null;

/** The data of the document wink read last (null before any). */
export function lastDocData(): WinkDocData | null {
  return last;
}

if (loaded) {
  loaded.exports = function keepDocData(data: WinkDocData): unknown {
    last = data;
    return wrap(data);
  };
}
