import type { EntityType } from '../../domain/types.js';
import { prepareTransitions, type SparseWeights, type Transitions } from './decode.js';
import { FEATURE_SLOTS } from './features.js';
import type { NerLexicon } from './ner-lexicon.js';
import type { RetypeRule } from './retype-entity.js';
import { NER_CLASSES, ROW_STRIDE, TAG_COUNT } from './tag-set.js';

/** A trained tagger with everything it reads at run time. */
export interface NerModel {
  /** Number of hash buckets (a power of two). */
  buckets: number;
  /** Non-zero weights per bucket, quantised: a weight is `value / scale`. */
  weights: SparseWeights;
  /** (TAG_COUNT + 1) × TAG_COUNT transition weights in the same units (row 0 is the sentence start), laid out for Viterbi. */
  transitions: Transitions;
  lexicon: NerLexicon;
  retype: RetypeRule[];
}

const MAGIC = 'BRINKNER';

interface Header {
  format: 1;
  buckets: number;
  tagCount: number;
  featureSlots: number;
  classes: string[];
  scale: number;
}

/**
 * Serialises trained weights (ROW_STRIDE per bucket, as in memory): magic, header length, JSON header,
 * Int16 weights (TAG_COUNT per bucket: the padding is not stored), Float64 transitions.
 */
export function encodeNerWeights(buckets: number, weights: Float32Array, transitions: Float64Array): Uint8Array {
  let max = 0;
  for (let k = 0; k < weights.length; k++) max = Math.max(max, Math.abs(weights[k]!));
  const scale = max > 0 ? 32767 / max : 1;
  const header: Header = {
    format: 1,
    buckets,
    tagCount: TAG_COUNT,
    featureSlots: FEATURE_SLOTS,
    classes: [...NER_CLASSES],
    scale,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = 12 + json.length;
  const weightsAt = Math.ceil(headerEnd / 8) * 8;
  const count = buckets * TAG_COUNT;
  const transAt = weightsAt + count * 2;
  const total = Math.ceil(transAt / 8) * 8 + transitions.length * 8;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 8; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, json.length, true);
  bytes.set(json, 12);
  const q = new Int16Array(bytes.buffer, weightsAt, count);
  for (let b = 0; b < buckets; b++) {
    for (let t = 0; t < TAG_COUNT; t++) q[b * TAG_COUNT + t] = Math.round(weights[b * ROW_STRIDE + t]! * scale);
  }
  const t = new Float64Array(bytes.buffer, Math.ceil(transAt / 8) * 8, transitions.length);
  for (let k = 0; k < transitions.length; k++) t[k] = transitions[k]! * scale;
  return bytes;
}

/** Reads what `encodeNerWeights` wrote, checking it fits this build's tag set and feature layout. */
export function decodeNerWeights(bytes: Uint8Array): { buckets: number; weights: SparseWeights; transitions: Transitions } {
  const fail = (why: string): never => {
    throw new Error(`NER model: ${why}`);
  };
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) fail('not a Brink NER model file');
  // Copy into an aligned buffer of our own: typed-array views need aligned offsets.
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  const view = new DataView(own.buffer);
  const length = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(own.subarray(12, 12 + length))) as Header;
  if (header.format !== 1) fail(`unknown format ${String(header.format)}`);
  if (header.tagCount !== TAG_COUNT || header.classes.join() !== NER_CLASSES.join()) {
    fail(`trained for classes ${header.classes.join()}, this build tags ${NER_CLASSES.join()}: retrain (npm run train:ner)`);
  }
  if (header.featureSlots !== FEATURE_SLOTS) fail('feature layout changed since training: retrain (npm run train:ner)');
  if (!(header.buckets > 0) || (header.buckets & (header.buckets - 1)) !== 0) fail('bucket count is not a power of two');
  const weightsAt = Math.ceil((12 + length) / 8) * 8;
  const count = header.buckets * TAG_COUNT;
  const transAt = Math.ceil((weightsAt + count * 2) / 8) * 8;
  const transCount = (TAG_COUNT + 1) * TAG_COUNT;
  if (own.length < transAt + transCount * 8) fail('file is truncated');
  const packed = new Int16Array(own.buffer, weightsAt, count);
  let nonZero = 0;
  for (let k = 0; k < count; k++) if (packed[k] !== 0) nonZero++;
  const rowStart = new Int32Array(header.buckets + 1);
  const entries = new Int32Array(nonZero);
  let at = 0;
  for (let b = 0; b < header.buckets; b++) {
    rowStart[b] = at;
    for (let t = 0; t < TAG_COUNT; t++) {
      const w = packed[b * TAG_COUNT + t]!;
      if (w !== 0) entries[at++] = (t << 16) | (w & 0xffff);
    }
  }
  rowStart[header.buckets] = at;
  const weights: SparseWeights = { rowStart, entries };
  return {
    buckets: header.buckets,
    weights,
    transitions: prepareTransitions(new Float64Array(own.buffer, transAt, transCount)),
  };
}

export type { EntityType };
