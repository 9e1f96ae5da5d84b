// wink-nlp's tokenizer cuts text at spaces, then looks each piece up in its lexicon; a piece it does not know
// ("said,", "(AP)", "U.S.-led") goes through a chain of regular expressions and a recursive splitter. News
// repeats such pieces constantly, and how one is cut depends only on its text (the lexicon the tokenizer
// reads is the model's own: see wink-stable-cache.ts), so this wrapper cuts each unknown piece once, keeps
// the calls the tokenizer made for it, and replays them the next time. It also scans for spaces itself
// instead of splitting the whole text into an array first. Tokens, categories and spacing are those of
// wink's own tokenizer (checked against it by wink-token-memo.test.ts).
// Must be imported before wink-nlp loads (see analyze-base.ts): it replaces the tokenizer module wink requires.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The document wink's tokenizer fills (dd-wrapper.js): the three methods it calls. */
interface TokenSink {
  _addToken(text: string, category: number, precedingSpaces: number, nbsp: string | null): unknown;
  _addTokenIfInCache(text: string, precedingSpaces: number, nbsp: string | null): number;
  isLexeme(text: string): unknown;
}
type Tokenize = (doc: TokenSink, text: string) => void;
type MakeTokenizer = (trex: unknown, categories: { unk: number }, preserve: unknown) => Tokenize;

/** One call the tokenizer made for a piece: a lexicon word, or a token added with its category (-1: lexicon). */
interface Step {
  text: string;
  category: number;
  /** Whether the call received the piece's preceding spaces (only the first token of a piece does). */
  spaced: boolean;
}

const LEXICON_WORD = -1;
/** Pieces remembered at most; past it the memory starts over (a long-running worker stays bounded). */
const MEMO_LIMIT = 200_000;
/** wink's cap on counted spaces; a run with a non-breaking space is kept as text and flagged by the cap. */
const MAX_SPACES = 65535;

/** Characters of a space run (wink's splitter): plain and non-breaking spaces. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f;
}
/** Characters of a line-break run, which wink keeps as a token of its own. */
function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x09;
}

const require = createRequire(import.meta.url);
const tokenizerPath = join(dirname(require.resolve('wink-nlp')), 'tokenizer.js');
const makeTokenizer = require(tokenizerPath) as MakeTokenizer;
const loaded = require.cache[tokenizerPath];

if (loaded) {
  loaded.exports = function memoTokenizer(trex: unknown, categories: { unk: number }, preserve: unknown): Tokenize {
    const original = makeTokenizer(trex, categories, preserve);
    const unknown = categories.unk;
    const memo = new Map<string, Step[]>();

    /** The calls wink's own tokenizer makes for `piece` (read with two spaces before it, to see which get them). */
    const record = (doc: TokenSink, piece: string): Step[] => {
      const steps: Step[] = [];
      const recorder: TokenSink = {
        _addTokenIfInCache: (text, precedingSpaces) => {
          if (!doc.isLexeme(text)) return unknown;
          steps.push({ text, category: LEXICON_WORD, spaced: precedingSpaces > 0 });
          return 99; // wink's "added"
        },
        _addToken: (text, category, precedingSpaces) => {
          steps.push({ text, category, spaced: precedingSpaces > 0 });
          return true;
        },
        isLexeme: (text) => doc.isLexeme(text),
      };
      original(recorder, `  ${piece}`);
      return steps;
    };

    const addPiece = (doc: TokenSink, piece: string, spaces: number, nbsp: string | null): void => {
      if (doc._addTokenIfInCache(piece, spaces, nbsp) !== unknown) return;
      let steps = memo.get(piece);
      if (steps === undefined) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        steps = record(doc, piece);
        memo.set(piece, steps);
      }
      for (const step of steps) {
        const s = step.spaced ? spaces : 0;
        if (step.category === LEXICON_WORD) doc._addTokenIfInCache(step.text, s, nbsp);
        else doc._addToken(step.text, step.category, s, nbsp);
      }
    };

    return function tokenize(doc: TokenSink, text: string): void {
      let spaces = 0;
      let nbsp: string | null = null;
      const n = text.length;
      let i = 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        let j = i + 1;
        if (isSpace(c)) {
          let plain = c === 0x20;
          while (j < n && isSpace(text.charCodeAt(j))) {
            if (text.charCodeAt(j) !== 0x20) plain = false;
            j++;
          }
          if (plain) {
            spaces = Math.min(j - i, MAX_SPACES - 1);
            nbsp = null;
          } else {
            nbsp = text.slice(i, j);
            spaces = MAX_SPACES;
          }
        } else {
          const run = isBreak(c);
          while (j < n && (run ? isBreak(text.charCodeAt(j)) : !isSpace(text.charCodeAt(j)) && !isBreak(text.charCodeAt(j)))) j++;
          addPiece(doc, text.slice(i, j), spaces, nbsp);
          spaces = 0;
          nbsp = null;
        }
        i = j;
      }
    };
  } satisfies MakeTokenizer;
}
