import type { Sentence, Token } from '../../domain/types.js';
import { FNV_OFFSET, FNV_PRIME, feature1, feature2, hashString } from './hash.js';
import type { NerLexicon } from './ner-lexicon.js';

/** Hashed features per token; every token gets exactly this many (absent context is a value of its own). */
export const FEATURE_SLOTS = 37;

// Flag bits of a token, combined with its shape in one feature.
const SENTENCE_INITIAL = 1;
const HEADLINE = 2; // the sentence is in capitals (datelines, headlines): case says little there
const SEEN_LOWER = 4; // the same word is written lower-case elsewhere in the article
const SEEN_TITLE = 8; // ... or capitalised but not sentence-initially

const BOUNDARY = 0x5bd1e995; // value of every context feature that falls outside the sentence
const NO_CLUSTER = 0x3c6ef372;

// Per-token scratch arrays, reused across calls and grown on demand: featurising allocates nothing per token.
// Held in one constant object and read into local constants in each function: module-level `let` bindings
// cost a context load and a TDZ check on every access in the hot loops.
const buf = {
  capacity: 0,
  lower: new Int32Array(0),
  exact: new Int32Array(0),
  shape: new Int32Array(0),
  pos: new Int32Array(0),
  gaz: new Int32Array(0),
  cluster: new Int32Array(0),
  prefix: new Int32Array(0), // 3 per token
  suffix: new Int32Array(0), // 4 per token
  flags: new Int32Array(0),
};

function ensure(n: number): void {
  if (n <= buf.capacity) return;
  const capacity = Math.max(n, buf.capacity * 2, 1024);
  buf.capacity = capacity;
  buf.lower = new Int32Array(capacity);
  buf.exact = new Int32Array(capacity);
  buf.shape = new Int32Array(capacity);
  buf.pos = new Int32Array(capacity);
  buf.gaz = new Int32Array(capacity);
  buf.cluster = new Int32Array(capacity);
  buf.prefix = new Int32Array(capacity * 3);
  buf.suffix = new Int32Array(capacity * 4);
  buf.flags = new Int32Array(capacity);
}

const posCache = new Map<string, number>();
function posHash(tag: string): number {
  let h = posCache.get(tag);
  if (h === undefined) {
    h = hashString(tag) | 0;
    posCache.set(tag, h);
  }
  return h;
}

/** Character class for the word shape: X upper, x lower, d digit, else the character itself. */
function shapeClass(c: number): number {
  if (c >= 65 && c <= 90) return 88;
  if (c >= 97 && c <= 122) return 120;
  if (c >= 48 && c <= 57) return 100;
  if (c > 127) {
    const ch = String.fromCharCode(c);
    const up = ch.toUpperCase();
    const low = ch.toLowerCase();
    if (up !== low) return ch === up ? 88 : 120;
  }
  return c;
}

function foldChar(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return 48; // digits are one value: "1996" and "2024" share weights
  return c;
}

/** Whether a token is written in capitals (two letters or more), for headline detection. */
function allCaps(s: string): boolean {
  let letters = 0;
  for (let k = 0; k < s.length; k++) {
    const cls = shapeClass(s.charCodeAt(k));
    if (cls === 120) return false;
    if (cls === 88) letters++;
  }
  return letters > 1;
}

/**
 * Fills the per-token arrays for tokens [0, n). With `only`, tokens more than two tokens away from a marked
 * one get only their capitals flag: no feature ever reads the rest of them.
 */
function readTokens(tokens: Token[], lexicon: NerLexicon, only?: Uint8Array): void {
  const n = tokens.length;
  const { lower, exact, shape, pos, gaz, cluster, prefix, suffix, flags } = buf;
  for (let i = 0; i < n; i++) {
    const tok = tokens[i]!;
    const s = tok.text;
    if (only !== undefined && !(only[i] || only[i - 1] || only[i + 1] || only[i - 2] || only[i + 2])) {
      flags[i] = allCaps(s) ? 16 : 0;
      continue;
    }
    const len = s.length;
    let hl = FNV_OFFSET;
    let hx = FNV_OFFSET;
    let hs = FNV_OFFSET;
    let lastClass = -1;
    let upper = 0;
    let letters = 0;
    for (let k = 0; k < len; k++) {
      const c = s.charCodeAt(k);
      hl = Math.imul(hl ^ foldChar(c), FNV_PRIME);
      hx = Math.imul(hx ^ c, FNV_PRIME);
      const cls = shapeClass(c);
      if (cls === 88) upper++;
      if (cls === 88 || cls === 120) letters++;
      if (cls !== lastClass) {
        hs = Math.imul(hs ^ cls, FNV_PRIME);
        lastClass = cls;
      }
      if (k < 3) prefix[i * 3 + k] = hl;
    }
    for (let k = len; k < 3; k++) prefix[i * 3 + k] = hl;
    let hr = FNV_OFFSET;
    for (let k = 0; k < 4; k++) {
      if (k < len) hr = Math.imul(hr ^ foldChar(s.charCodeAt(len - 1 - k)), FNV_PRIME);
      suffix[i * 4 + k] = hr;
    }
    lower[i] = hl;
    exact[i] = hx;
    shape[i] = hs;
    pos[i] = posHash(tok.pos);
    gaz[i] = lexicon.gazetteer.get(tok.normal) ?? 0;
    const cl = lexicon.clusters.get(tok.normal);
    cluster[i] = cl === undefined ? NO_CLUSTER : cl;
    flags[i] = letters > 1 && upper === letters ? 16 : 0; // all capitals, reused below for headlines
  }
}

/** Article-level case evidence: how each word is written elsewhere in the article. */
function readCaseEvidence(tokens: Token[], sentences: Sentence[]): void {
  const flags = buf.flags;
  const seen = new Map<string, number>();
  for (const sent of sentences) {
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const s = tokens[i]!.text;
      const c = s.charCodeAt(0);
      if (c >= 97 && c <= 122) seen.set(tokens[i]!.normal, (seen.get(tokens[i]!.normal) ?? 0) | SEEN_LOWER);
      else if (c >= 65 && c <= 90 && i > sent.tokenStart && (flags[i]! & 16) === 0) {
        seen.set(tokens[i]!.normal, (seen.get(tokens[i]!.normal) ?? 0) | SEEN_TITLE);
      }
    }
  }
  for (const sent of sentences) {
    let caps = 0;
    let words = 0;
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const c = tokens[i]!.text.charCodeAt(0);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        words++;
        if (flags[i]! & 16) caps++;
      }
    }
    const headline = words >= 2 && caps * 10 >= words * 8;
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      let f = (flags[i]! & 16) | (seen.get(tokens[i]!.normal) ?? 0);
      if (i === sent.tokenStart) f |= SENTENCE_INITIAL;
      if (headline) f |= HEADLINE;
      flags[i] = f;
    }
  }
}

/**
 * Hashed features of every token of a document, FEATURE_SLOTS per token, as bucket numbers
 * (hash & mask). Context windows stop at sentence boundaries. With `only`, tokens whose entry is 0 are
 * skipped (their slots are left as they were): the tagger never decodes them.
 */
export function featurize(
  tokens: Token[],
  sentences: Sentence[],
  lexicon: NerLexicon,
  bucketMask: number,
  out?: Int32Array,
  only?: Uint8Array,
): Int32Array {
  const n = tokens.length;
  ensure(n);
  readTokens(tokens, lexicon, only);
  readCaseEvidence(tokens, sentences);
  const { lower, exact, shape, pos, gaz, cluster, prefix, suffix, flags } = buf;
  const feats = out && out.length >= n * FEATURE_SLOTS ? out : new Int32Array(n * FEATURE_SLOTS);
  for (const sent of sentences) {
    const a = sent.tokenStart;
    const b = sent.tokenEnd;
    for (let i = a; i < b; i++) {
      if (only !== undefined && only[i] === 0) continue;
      const has1 = i - 1 >= a;
      const has2 = i - 2 >= a;
      const hasN1 = i + 1 < b;
      const hasN2 = i + 2 < b;
      const wl = lower[i]!;
      const wlP = has1 ? lower[i - 1]! : BOUNDARY;
      const wlN = hasN1 ? lower[i + 1]! : BOUNDARY;
      const sh = shape[i]!;
      const shP = has1 ? shape[i - 1]! : BOUNDARY;
      const shN = hasN1 ? shape[i + 1]! : BOUNDARY;
      const ps = pos[i]!;
      const psP = has1 ? pos[i - 1]! : BOUNDARY;
      const psN = hasN1 ? pos[i + 1]! : BOUNDARY;
      let o = i * FEATURE_SLOTS;
      feats[o++] = feature1(0, 0) & bucketMask;
      feats[o++] = feature1(1, wl) & bucketMask;
      feats[o++] = feature1(2, exact[i]!) & bucketMask;
      feats[o++] = feature1(3, wlP) & bucketMask;
      feats[o++] = feature1(4, wlN) & bucketMask;
      feats[o++] = feature1(5, has2 ? lower[i - 2]! : BOUNDARY) & bucketMask;
      feats[o++] = feature1(6, hasN2 ? lower[i + 2]! : BOUNDARY) & bucketMask;
      feats[o++] = feature1(7, sh) & bucketMask;
      feats[o++] = feature1(8, shP) & bucketMask;
      feats[o++] = feature1(9, shN) & bucketMask;
      feats[o++] = feature2(10, shP, sh) & bucketMask;
      feats[o++] = feature2(11, sh, shN) & bucketMask;
      for (let k = 0; k < 4; k++) feats[o++] = feature1(12 + k, suffix[i * 4 + k]!) & bucketMask;
      for (let k = 0; k < 3; k++) feats[o++] = feature1(16 + k, prefix[i * 3 + k]!) & bucketMask;
      feats[o++] = feature1(19, ps) & bucketMask;
      feats[o++] = feature1(20, psP) & bucketMask;
      feats[o++] = feature1(21, psN) & bucketMask;
      feats[o++] = feature2(22, psP, ps) & bucketMask;
      feats[o++] = feature2(23, ps, psN) & bucketMask;
      feats[o++] = feature1(24, gaz[i]!) & bucketMask;
      feats[o++] = feature1(25, has1 ? gaz[i - 1]! : BOUNDARY) & bucketMask;
      feats[o++] = feature1(26, hasN1 ? gaz[i + 1]! : BOUNDARY) & bucketMask;
      feats[o++] = feature2(27, flags[i]!, sh) & bucketMask;
      feats[o++] = feature2(28, wlP, wl) & bucketMask;
      feats[o++] = feature2(29, wl, wlN) & bucketMask;
      // Word classes: fine (low 16 bits) and coarse (high bits) learned from unlabelled text.
      const cl = cluster[i]!;
      feats[o++] = feature1(30, cl & 0xffff) & bucketMask;
      feats[o++] = feature1(31, has1 ? cluster[i - 1]! & 0xffff : BOUNDARY) & bucketMask;
      feats[o++] = feature1(32, hasN1 ? cluster[i + 1]! & 0xffff : BOUNDARY) & bucketMask;
      feats[o++] = feature2(33, wlP, sh) & bucketMask;
      feats[o++] = feature2(34, sh, wlN) & bucketMask;
      feats[o++] = feature1(35, cl >>> 16) & bucketMask;
      feats[o++] = feature2(36, cl >>> 16, sh) & bucketMask;
    }
  }
  return feats;
}
