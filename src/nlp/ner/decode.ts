import { FEATURE_SLOTS } from './features.js';
import { BEGIN, INSIDE, LAST, OUTSIDE, ROW_STRIDE, TAG_COUNT, UNIT, positionOf, tagOf } from './tag-set.js';

// BILOU structure, used to make Viterbi cheap. "Closed" tags (O, L-k, U-k) end whatever came before; "opening"
// tags (O, B-k, U-k) may follow any closed tag (and open a sentence); I-k and L-k follow only B-k or I-k.
const CLASSES = (TAG_COUNT - 1) / 4;
const CLOSED = Int32Array.from([...Array(TAG_COUNT).keys()].filter((t) => [OUTSIDE, LAST, UNIT].includes(positionOf(t))));
const OPENING = Int32Array.from([...Array(TAG_COUNT).keys()].filter((t) => [OUTSIDE, BEGIN, UNIT].includes(positionOf(t))));
const NC = CLOSED.length;
const NO = OPENING.length;

let scratchBuffer = new Float64Array(0);
let backBuffer = new Int32Array(0);
let emitBuffer = new Float64Array(0);
const closedScoreBuffer = new Float64Array(NC);

/**
 * Transition weights laid out for Viterbi: `raw` as trained ((TAG_COUNT + 1) × TAG_COUNT, row 0 = sentence
 * start, row p+1 = after tag p), `open` closed → opening contiguous per opening tag (open[o * NC + c]) and
 * `inner` per class B→I, I→I, B→L, I→L. Made once per table: the tagger decodes many short spans with it.
 */
export interface Transitions {
  raw: Float64Array;
  open: Float64Array;
  inner: Float64Array;
}

export function prepareTransitions(raw: Float64Array, into?: Transitions): Transitions {
  const T = TAG_COUNT;
  const t = into ?? { raw, open: new Float64Array(NO * NC), inner: new Float64Array(CLASSES * 4) };
  t.raw = raw;
  for (let o = 0; o < NO; o++) for (let c = 0; c < NC; c++) t.open[o * NC + c] = raw[(CLOSED[c]! + 1) * T + OPENING[o]!]!;
  for (let k = 0; k < CLASSES; k++) {
    const b = tagOf(k, BEGIN);
    const inside = tagOf(k, INSIDE);
    const last = tagOf(k, LAST);
    t.inner[k * 4] = raw[(b + 1) * T + inside]!;
    t.inner[k * 4 + 1] = raw[(inside + 1) * T + inside]!;
    t.inner[k * 4 + 2] = raw[(b + 1) * T + last]!;
    t.inner[k * 4 + 3] = raw[(inside + 1) * T + last]!;
  }
  return t;
}

function grow(n: number): void {
  if (emitBuffer.length >= n * TAG_COUNT) return;
  const size = Math.max(n * TAG_COUNT, emitBuffer.length * 2);
  emitBuffer = new Float64Array(size);
  scratchBuffer = new Float64Array(size);
  backBuffer = new Int32Array(size);
}

/**
 * A trained weight table stored by rows of non-zero weights (compressed sparse rows): bucket b's weights
 * are entries[rowStart[b] .. rowStart[b + 1]), each `tag << 16 | (weight & 0xffff)` with a signed 16-bit
 * weight. Seven buckets in ten are empty after training and nineteen weights in twenty are zero, so the table
 * shrinks from 32 MB to under 5 MB and stays far more in the cache (frequent features keep most of their 25
 * weights: a feature met in text costs 17 additions on average).
 */
export interface SparseWeights {
  rowStart: Int32Array;
  entries: Int32Array;
}

/** Adds each token's feature rows of a dense table (training: ROW_STRIDE floats per bucket) into `emit`. */
function addDense(feats: Int32Array, start: number, n: number, weights: Float32Array, emit: Float64Array): void {
  const T = TAG_COUNT;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    const fo = (start + i) * FEATURE_SLOTS;
    for (let f = 0; f < FEATURE_SLOTS; f++) {
      const row = feats[fo + f]! * ROW_STRIDE;
      for (let t = 0; t < T; t++) emit[base + t] += weights[row + t]!;
    }
  }
}

const sink = new Int32Array(1);

function addSparse(feats: Int32Array, start: number, n: number, weights: SparseWeights, emit: Float64Array): void {
  const T = TAG_COUNT;
  const { rowStart, entries } = weights;
  // Between articles the other stages push the table out of the cache. Touching every row first lets those
  // fetches run in parallel (their loads are independent); the sum only keeps them from being optimised away.
  let touch = 0;
  const lastFeat = (start + n) * FEATURE_SLOTS;
  const size = entries.length;
  for (let k = start * FEATURE_SLOTS; k < lastFeat; k++) {
    const at = rowStart[feats[k]!]!;
    if (at < size) touch += entries[at]!;
  }
  sink[0] = touch;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    const fo = (start + i) * FEATURE_SLOTS;
    for (let f = 0; f < FEATURE_SLOTS; f++) {
      const bucket = feats[fo + f]!;
      const last = rowStart[bucket + 1]!;
      for (let k = rowStart[bucket]!; k < last; k++) {
        const e = entries[k]!;
        emit[base + (e >>> 16)] += (e << 16) >> 16;
      }
    }
  }
}

/**
 * Best BILOU tag sequence for tokens [start, end) given their hashed features, a weight table of
 * ROW_STRIDE weights per bucket (TAG_COUNT used), and prepared transition weights. Writes the tags into
 * `out[start..end)`.
 * `afterOutside` / `beforeOutside`: the span is part of a sentence whose token before / after it is
 * known to be O, so the path starts from O's transitions instead of the sentence start, and ends with
 * the transition into O (exact Viterbi for the whole sentence under that constraint).
 */
export function decodeSentence(
  feats: Int32Array,
  start: number,
  end: number,
  weights: Float32Array | SparseWeights,
  prepared: Transitions,
  out: Int32Array,
  afterOutside = false,
  beforeOutside = false,
): void {
  const n = end - start;
  if (n <= 0) return;
  grow(n);
  // Module-level `let` bindings cost a context load and a TDZ check per access: work on local constants.
  const emit = emitBuffer;
  const scratch = scratchBuffer;
  const back = backBuffer;
  const closedScore = closedScoreBuffer;
  const transitions = prepared.raw;
  const transOpen = prepared.open;
  const transInner = prepared.inner;
  const T = TAG_COUNT;
  emit.fill(0, 0, n * T);
  if (weights instanceof Float32Array) addDense(feats, start, n, weights, emit);
  else addSparse(feats, start, n, weights, emit);
  // Viterbi; scratch holds the best score of a path ending in each tag at each token.
  const startRow = afterOutside ? (OUTSIDE + 1) * T : 0;
  for (let t = 0; t < T; t++) {
    const p = positionOf(t);
    scratch[t] = p === OUTSIDE || p === BEGIN || p === UNIT ? emit[t]! + transitions[startRow + t]! : -Infinity;
    back[t] = -1;
  }
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prevBase = base - T;
    for (let c = 0; c < NC; c++) closedScore[c] = scratch[prevBase + CLOSED[c]!]!;
    for (let o = 0; o < NO; o++) {
      const row = o * NC;
      let best = closedScore[0]! + transOpen[row]!;
      let arg = 0;
      for (let c = 1; c < NC; c++) {
        const s = closedScore[c]! + transOpen[row + c]!;
        if (s > best) {
          best = s;
          arg = c;
        }
      }
      const t = OPENING[o]!;
      scratch[base + t] = best + emit[base + t]!;
      back[base + t] = CLOSED[arg]!;
    }
    for (let k = 0; k < CLASSES; k++) {
      const b = 1 + 4 * k;
      const sB = scratch[prevBase + b]!;
      const sI = scratch[prevBase + b + 1]!;
      const fromB = sB + transInner[k * 4]!;
      const fromI = sI + transInner[k * 4 + 1]!;
      scratch[base + b + 1] = (fromB >= fromI ? fromB : fromI) + emit[base + b + 1]!;
      back[base + b + 1] = fromB >= fromI ? b : b + 1;
      const toLB = sB + transInner[k * 4 + 2]!;
      const toLI = sI + transInner[k * 4 + 3]!;
      scratch[base + b + 2] = (toLB >= toLI ? toLB : toLI) + emit[base + b + 2]!;
      back[base + b + 2] = toLB >= toLI ? b : b + 1;
    }
  }
  const lastBase = (n - 1) * T;
  let bestTag = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < NC; c++) {
    const tag = CLOSED[c]!;
    const s = scratch[lastBase + tag]! + (beforeOutside ? transitions[(tag + 1) * T + OUTSIDE]! : 0);
    if (bestTag < 0 || s > bestScore) {
      bestTag = tag;
      bestScore = s;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[start + i] = bestTag;
    bestTag = back[i * T + bestTag]!;
  }
}
