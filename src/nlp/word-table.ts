// A fixed set of words, found by their text: an open-addressing table of typed arrays keyed by FNV-1a.
// Looking a fresh piece of text up in a large object (wink's lexicon hash) first looks the text up in V8's
// string table and then in the object's dictionary; this table hashes the text once and touches two small
// arrays and, on a hit, the one word it compares.

/** Finds `text` among the words: its index, or -1. */
export type WordTable = (text: string) => number;

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A table of the words (a word listed twice is found at its last index, as in an object built from the list). */
export function createWordTable(words: readonly string[]): WordTable {
  let size = 1024;
  while (size < words.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let s = fnv(w) & mask;
    while (slots[s] !== -1 && words[slots[s]!] !== w) s = (s + 1) & mask;
    slots[s] = i;
  }
  return (text: string): number => {
    let s = fnv(text) & mask;
    for (;;) {
      const i = slots[s]!;
      if (i === -1 || words[i] === text) return i;
      s = (s + 1) & mask;
    }
  };
}
