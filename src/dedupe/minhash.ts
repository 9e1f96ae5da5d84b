// MinHash over word shingles, with LSH banding, for near-duplicate articles.
// Pure and deterministic: the same text always gives the same signature, in every process and
// backend, so a store can keep only the band keys and recompute a candidate's signature from its text.

/** Words per shingle: five-word shingles tell rewrites of one story from two stories on one topic. */
export const SHINGLE_WORDS = 5;
/** Hash functions in a signature. */
export const NUM_HASHES = 64;
/**
 * LSH bands over the first BANDS × ROWS_PER_BAND values; the full signature then verifies each
 * candidate. 8 × 4 makes pairs at Jaccard 0.8 candidates with p ≈ 0.985 (0.9: 0.9997; 0.3: 0.06)
 * while writing only 8 index rows per article (16 bands made ingest measurably slower).
 */
export const BANDS = 8;
export const ROWS_PER_BAND = 4;
/** Estimated Jaccard similarity of shingle sets at or above which two articles are near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/** murmur3's 32-bit finaliser: a cheap, well-mixing bijection on 32-bit integers. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// One seed per hash function; h_k(x) = fmix32(x ^ seed_k) behaves as an independent permutation.
const SEEDS = new Uint32Array(NUM_HASHES);
for (let k = 0, s = 0x9e3779b9; k < NUM_HASHES; k++) {
  s = fmix32((s + 0x9e3779b9) >>> 0);
  SEEDS[k] = s;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Hashes of the text's word shingles (lower-cased words; punctuation and spacing ignored). */
export function shingleHashes(text: string): Uint32Array {
  const words: number[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) words.push(fnv1a(m[0]));
  if (words.length === 0) return new Uint32Array(0);
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x2545f491;
    const end = Math.min(words.length, i + SHINGLE_WORDS);
    for (let j = i; j < end; j++) h = fmix32((h ^ words[j]!) + j - i);
    out[i] = h;
  }
  return out;
}

/** The MinHash signature of a text; an empty array when the text has no words. */
export function minhashSignature(text: string): Uint32Array {
  const shingles = shingleHashes(text);
  if (shingles.length === 0) return new Uint32Array(0);
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let i = 0; i < shingles.length; i++) {
    const x = shingles[i]!;
    for (let k = 0; k < NUM_HASHES; k++) {
      const h = fmix32(x ^ SEEDS[k]!);
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== NUM_HASHES || b.length !== NUM_HASHES) return 0;
  let same = 0;
  for (let k = 0; k < NUM_HASHES; k++) if (a[k] === b[k]) same++;
  return same / NUM_HASHES;
}

/**
 * One key per band: the band's index in the top bits and a 48-bit hash of its rows below,
 * so every key is a safe JavaScript integer and fits a 64-bit SQL integer column.
 */
export function lshBandKeys(sig: Uint32Array): number[] {
  if (sig.length !== NUM_HASHES) return [];
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h1 = 0x3c6ef372 ^ b;
    let h2 = 0xa54ff53a ^ b;
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      const v = sig[b * ROWS_PER_BAND + r]!;
      h1 = fmix32(h1 ^ v);
      h2 = fmix32((h2 + v) >>> 0);
    }
    keys.push(b * 2 ** 48 + (h1 & 0xffff) * 2 ** 32 + h2);
  }
  return keys;
}

/** Whether two signatures are near-duplicates. */
export function isNearDuplicate(a: Uint32Array, b: Uint32Array): boolean {
  return estimatedJaccard(a, b) >= NEAR_DUPLICATE_THRESHOLD;
}
