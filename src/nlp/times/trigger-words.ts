/**
 * The trigger words in a trie of character codes, to find what the expression `\d+|\b(?:word|…)` (case-insensitive,
 * longest words first) finds: at each position from the start, a run of digits, or at a word start the longest
 * trigger word there. A walk over char codes costs a fraction of that expression's scan of every position.
 */
export interface TriggerTrie {
  next: Map<number, TriggerTrie>;
  /** A trigger word ends here. */
  word: boolean;
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
  const root: TriggerTrie = { next: new Map(), word: false };
  for (const w of words) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(w)) return null;
    let node = root;
    for (let i = 0; i < w.length; i++) {
      const code = w.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), word: false };
        node.next.set(code, child);
      }
      node = child;
    }
    node.word = true;
  }
  return root;
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
  let node: TriggerTrie | undefined = trie;
  let longest = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    node = node.next.get(c >= 65 && c <= 90 ? c + 32 : c);
    if (!node) break;
    if (node.word) longest = i - at + 1;
  }
  return longest;
}
