import { decodeSentence, prepareTransitions } from './decode.js';
import { FEATURE_SLOTS } from './features.js';
import { ROW_STRIDE, TAG_COUNT } from './tag-set.js';

/** One training document: hashed features (FEATURE_SLOTS per token), gold tags and sentence ranges. */
export interface TrainingDoc {
  feats: Int32Array;
  gold: Int32Array;
  /** [tokenStart, tokenEnd) pairs, flattened. */
  sentences: Int32Array;
  /** How many times the document is seen per epoch (up-weights the in-domain corpus). */
  repeat: number;
}

export interface TrainOptions {
  buckets: number;
  epochs: number;
  seed: number;
  log?: (line: string) => void;
}

export interface TrainedWeights {
  weights: Float32Array;
  transitions: Float64Array;
}

/** mulberry32: a small seeded PRNG, so training is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Averaged structured perceptron (Collins 2002) with Viterbi decoding over BILOU tags.
 * Averaging uses the usual timestamp trick: w_avg = w - acc / c, where acc sums c·update.
 */
export function trainPerceptron(docs: TrainingDoc[], options: TrainOptions): TrainedWeights {
  const T = TAG_COUNT;
  const weights = new Float32Array(options.buckets * ROW_STRIDE);
  const acc = new Float64Array(options.buckets * ROW_STRIDE); // sums of c·update outgrow float32 precision
  const trans = new Float64Array((T + 1) * T);
  const transAcc = new Float64Array((T + 1) * T);
  const order: Array<[number, number]> = [];
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    for (let r = 0; r < doc.repeat; r++) for (let s = 0; s < doc.sentences.length; s += 2) order.push([d, s]);
  }
  const random = prng(options.seed);
  let maxLen = 0;
  for (const doc of docs) maxLen = Math.max(maxLen, doc.gold.length);
  const pred = new Int32Array(maxLen);
  const prepared = prepareTransitions(trans);
  let c = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    let wrong = 0;
    let tokens = 0;
    for (const [d, s] of order) {
      const doc = docs[d]!;
      const a = doc.sentences[s]!;
      const b = doc.sentences[s + 1]!;
      // The transitions change with every update: lay them out again for each sentence.
      decodeSentence(doc.feats, a, b, weights, prepareTransitions(trans, prepared), pred);
      tokens += b - a;
      for (let i = a; i < b; i++) {
        const g = doc.gold[i]!;
        const p = pred[i]!;
        const gPrev = i > a ? doc.gold[i - 1]! + 1 : 0;
        const pPrev = i > a ? pred[i - 1]! + 1 : 0;
        if (g !== p) {
          wrong++;
          const fo = i * FEATURE_SLOTS;
          for (let f = 0; f < FEATURE_SLOTS; f++) {
            const row = doc.feats[fo + f]! * ROW_STRIDE;
            weights[row + g]! += 1;
            acc[row + g]! += c;
            weights[row + p]! -= 1;
            acc[row + p]! -= c;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          trans[gPrev * T + g]! += 1;
          transAcc[gPrev * T + g]! += c;
          trans[pPrev * T + p]! -= 1;
          transAcc[pPrev * T + p]! -= c;
        }
      }
      c++;
    }
    options.log?.(`epoch ${epoch + 1}: ${wrong} of ${tokens} tokens wrong (${((100 * wrong) / tokens).toFixed(2)}%)`);
  }
  for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! - acc[k]! / c;
  for (let k = 0; k < trans.length; k++) trans[k] = trans[k]! - transAcc[k]! / c;
  return { weights, transitions: trans };
}
