import type { Entity, EntityType, NlpDoc } from '../../domain/types.js';
import { decodeSentence } from './decode.js';
import { FEATURE_SLOTS, featurize } from './features.js';
import type { NerModel } from './ner-model.js';
import { retypeEntity } from './retype-entity.js';
import { LAST, NER_CLASSES, OUTSIDE, UNIT, classOf, positionOf } from './tag-set.js';

let feats = new Int32Array(0);
let tags = new Int32Array(0);
let keep = new Uint8Array(0);

/** Parts of speech of words that are never a name by themselves. */
const CLOSED_CLASS = new Set(['DET', 'PRON', 'CCONJ', 'SCONJ', 'ADP', 'AUX', 'PART', 'ADV', 'INTJ']);

/** Whether a token could be part of a name on its own: it has a capital letter or a digit. */
function mayName(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
    if (c > 127) {
      const ch = text[k]!;
      if (ch !== ch.toLowerCase()) return true;
    }
  }
  return false;
}

/**
 * Marks the tokens worth decoding: those that may name something, with the rest of their word ("al" and "-"
 * in "al-Qaeda", written without spaces), and their neighbours (the lower-case joints of "Ministry of Foreign
 * Affairs"). Everything else is O. In news two tokens in three are lower-case words between lower-case words;
 * on the CoNLL dev data this drops 2 entity tokens in 50,000 ("interior ministry" written in lower case),
 * and it halves the tagger's time.
 */
export function markCandidates(doc: NlpDoc, out: Uint8Array): void {
  const tokens = doc.tokens;
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) out[i] = mayName(tokens[i]!.text) ? 2 : 0;
    // A capital that only opens the sentence ("The", "We", "And", "In" before a lower-case word) names nothing.
    const first = tokens[s.tokenStart]!;
    if (CLOSED_CLASS.has(first.pos) && s.tokenStart + 1 < s.tokenEnd && !mayName(tokens[s.tokenStart + 1]!.text)) out[s.tokenStart] = 0;
    // A word's parts share its mark: forwards, then backwards.
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) if (out[i - 1] === 2 && tokens[i - 1]!.end === tokens[i]!.start) out[i] = 2;
    for (let i = s.tokenEnd - 2; i >= s.tokenStart; i--) if (out[i + 1] === 2 && tokens[i]!.end === tokens[i + 1]!.start) out[i] = 2;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (out[i] === 2) continue;
      out[i] = (i > s.tokenStart && out[i - 1] === 2) || (i + 1 < s.tokenEnd && out[i + 1] === 2) ? 1 : 0;
    }
  }
}

/**
 * Named entities of an analysed document: hashed features, Viterbi-decoded BILOU tags per sentence,
 * then spans with contract types. `actor` and `geo` are left null for the later stages to fill.
 */
export function tagEntities(doc: NlpDoc, model: NerModel): Entity[] {
  const n = doc.tokens.length;
  if (feats.length < n * FEATURE_SLOTS) feats = new Int32Array(Math.max(n * FEATURE_SLOTS, feats.length * 2));
  if (tags.length < n) {
    tags = new Int32Array(Math.max(n, tags.length * 2));
    keep = new Uint8Array(tags.length);
  }
  markCandidates(doc, keep);
  featurize(doc.tokens, doc.sentences, model.lexicon, model.buckets - 1, feats, keep);
  for (const s of doc.sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (keep[i] === 0) {
        tags[i++] = OUTSIDE;
        continue;
      }
      const first = i;
      while (i < s.tokenEnd && keep[i] !== 0) i++;
      decodeSentence(feats, first, i, model.weights, model.transitions, tags, first > s.tokenStart, i < s.tokenEnd);
    }
  }
  const entities: Entity[] = [];
  for (const s of doc.sentences) {
    let open = -1;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const tag = tags[i]!;
      const p = positionOf(tag);
      if (p === OUTSIDE) {
        open = -1;
        continue;
      }
      if (open < 0) open = i;
      if (p === LAST || p === UNIT) {
        push(doc, model, entities, open, i, NER_CLASSES[classOf(tag)]!);
        open = -1;
      }
    }
  }
  return entities;
}

function push(doc: NlpDoc, model: NerModel, out: Entity[], first: number, last: number, cls: EntityType): void {
  // A possessive "'s" split off by the tokeniser is never part of the name.
  while (last > first && /^['’]s?$/.test(doc.tokens[last]!.text)) last--;
  const start = doc.tokens[first]!.start;
  const end = doc.tokens[last]!.end;
  const text = doc.text.slice(start, end);
  out.push({
    id: `e${out.length + 1}`,
    start,
    end,
    text,
    type: retypeEntity(cls, text, model.retype),
    actor: null,
    geo: null,
    rule: 'ner.perceptron',
  });
}
