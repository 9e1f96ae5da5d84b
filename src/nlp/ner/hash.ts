// Integer hashing for feature ids: features are hashed straight into weight rows, so the tagger
// never builds a feature string (no per-feature allocation in the hot loop).

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/**
 * murmur3's 32-bit finaliser: spreads every input bit over the whole word. The result is a signed 32-bit
 * integer (callers mask it to a bucket): an unsigned one above 2^30 would be a heap number, allocated per feature.
 */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Feature `template` with value `a`. */
export function feature1(template: number, a: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ a);
}

/** Feature `template` with the value pair (a, b); order matters. */
export function feature2(template: number, a: number, b: number): number {
  return fmix((fmix(Math.imul(template + 1, 0x9e3779b1) ^ a) + Math.imul(b, 0x27d4eb2d)) | 0);
}

/** FNV-1a over a string's UTF-16 units. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

export { FNV_OFFSET, FNV_PRIME };
