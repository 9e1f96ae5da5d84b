/**
 * The trigger words in a trie of character codes, to find what the expression `\d+|\b(?:word|…)` (case-insensitive,
 * longest words first) finds: at each position from the start, a run of digits, or at a word start the longest
 * trigger word there. A walk over char codes costs a fraction of that expression's scan of every position.
 */
export interface TriggerTrie {
  /** Node n's child by symbol y (see `symbolOf`) at n * SYMBOLS + y; 0 for none (the root, node 0, is no child). */
  next: Int32Array;
  /** 1 where a trigger word ends. */
  word: Uint8Array;
}

/** Symbols of trigger words: a–z, 0–9 and the hyphen. */
const SYMBOLS = 37;

/** Symbol of a char code, letters in either case; -1 for a character no trigger word holds. */
function symbolOf(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 48 && c <= 57) return c - 48 + 26;
  return c === 45 ? 36 : -1;
}

/** A trigger found: [index, end). */
export interface TriggerHit {
  index: number;
  end: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `\w` of a non-Unicode regular expression: [A-Za-z0-9_]. */
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;

/**
 * The trie of the words, or null when one holds a character beyond lower-case ASCII letters, digits and inner
 * hyphens (case folding and `\b` would then need the regular expression's own rules).
 */
export function buildTriggerTrie(words: Iterable<string>): TriggerTrie | null {
  const next: number[] = new Array<number>(SYMBOLS).fill(0);
  const word: number[] = [0];
  for (const w of words) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(w)) return null;
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const slot = node * SYMBOLS + symbolOf(w.charCodeAt(i));
      if (next[slot] === 0) {
        next[slot] = word.length;
        word.push(0);
        for (let y = 0; y < SYMBOLS; y++) next.push(0);
      }
      node = next[slot]!;
    }
    word[node] = 1;
  }
  return { next: Int32Array.from(next), word: Uint8Array.from(word) };
}

/** The first trigger at or after `from`, or null. */
export function nextTrigger(trie: TriggerTrie, text: string, from: number): TriggerHit | null {
  for (let at = from; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (isDigit(c)) {
      let end = at + 1;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
      return { index: at, end };
    }
    // `\b` before a word that starts with a letter: a word character here, none before.
    if (!isWordCode(c) || (at > 0 && isWordCode(text.charCodeAt(at - 1)))) continue;
    const length = longestWordAt(trie, text, at);
    if (length > 0) return { index: at, end: at + length };
  }
  return null;
}

/** Length of the longest trigger word at `at` (ASCII letters in either case), 0 for none. */
function longestWordAt(trie: TriggerTrie, text: string, at: number): number {
  let node = 0;
  let longest = 0;
  for (let i = at; i < text.length; i++) {
    const y = symbolOf(text.charCodeAt(i));
    if (y < 0) break;
    node = trie.next[node * SYMBOLS + y]!;
    if (node === 0) break;
    if (trie.word[node] === 1) longest = i - at + 1;
  }
  return longest;
}
