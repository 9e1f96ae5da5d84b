import { FEATURE_SLOTS } from './features.js';
import { TAG_COUNT, allowedEnd, allowedTransition } from './tag-set.js';

/**
 * For each tag, the previous tags that may precede it under BILOU (index 0 stands for the sentence start,
 * tag t for t+1). Iterating only these keeps Viterbi at ~8 steps per tag instead of TAG_COUNT.
 */
const PREVIOUS: Int32Array[] = [];
for (let next = 0; next < TAG_COUNT; next++) {
  const list: number[] = [];
  for (let prev = -1; prev < TAG_COUNT; prev++) if (allowedTransition(prev, next)) list.push(prev + 1);
  PREVIOUS.push(Int32Array.from(list));
}
const ENDS = Int32Array.from([...Array(TAG_COUNT).keys()].filter(allowedEnd));

let scratch = new Float64Array(0);
let back = new Int32Array(0);
let emit = new Float64Array(0);

function grow(n: number): void {
  if (emit.length >= n * TAG_COUNT) return;
  const size = Math.max(n * TAG_COUNT, emit.length * 2);
  emit = new Float64Array(size);
  scratch = new Float64Array(size);
  back = new Int32Array(size);
}

/**
 * Best BILOU tag sequence for tokens [start, end) given their hashed features, a weight table of
 * TAG_COUNT weights per bucket, and transition weights ((TAG_COUNT + 1) × TAG_COUNT, first row = start).
 * Writes the tags into `out[start..end)`.
 */
export function decodeSentence(
  feats: Int32Array,
  start: number,
  end: number,
  weights: Float32Array | Int16Array,
  transitions: Float64Array,
  out: Int32Array,
): void {
  const n = end - start;
  if (n <= 0) return;
  grow(n);
  const T = TAG_COUNT;
  emit.fill(0, 0, n * T);
  for (let i = 0; i < n; i++) {
    const base = i * T;
    const fo = (start + i) * FEATURE_SLOTS;
    for (let f = 0; f < FEATURE_SLOTS; f++) {
      const row = feats[fo + f]! * T;
      for (let t = 0; t < T; t++) emit[base + t] += weights[row + t]!;
    }
  }
  // Viterbi; scratch holds the best score of a path ending in each tag.
  for (let t = 0; t < T; t++) {
    const prevs = PREVIOUS[t]!;
    scratch[t] = prevs[0] === 0 ? emit[t]! + transitions[t]! : -Infinity;
    back[t] = -1;
  }
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prevBase = base - T;
    for (let t = 0; t < T; t++) {
      const prevs = PREVIOUS[t]!;
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < prevs.length; k++) {
        const p = prevs[k]!;
        if (p === 0) continue; // the start is not a predecessor inside the sentence
        const prev = p - 1;
        const s = scratch[prevBase + prev]! + transitions[p * T + t]!;
        if (s > best) {
          best = s;
          arg = prev;
        }
      }
      scratch[base + t] = best + emit[base + t]!;
      back[base + t] = arg;
    }
  }
  const lastBase = (n - 1) * T;
  let bestTag = 0;
  let best = -Infinity;
  for (let k = 0; k < ENDS.length; k++) {
    const t = ENDS[k]!;
    if (scratch[lastBase + t]! > best) {
      best = scratch[lastBase + t]!;
      bestTag = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[start + i] = bestTag;
    bestTag = back[i * T + bestTag]!;
  }
}
