import type { Entity, EntityType, NlpDoc } from '../../domain/types.js';
import { decodeSentence } from './decode.js';
import { FEATURE_SLOTS, featurize } from './features.js';
import type { NerModel } from './ner-model.js';
import { retypeEntity } from './retype-entity.js';
import { LAST, NER_CLASSES, OUTSIDE, UNIT, classOf, positionOf } from './tag-set.js';

let feats = new Int32Array(0);
let tags = new Int32Array(0);

/**
 * Named entities of an analysed document: hashed features, Viterbi-decoded BILOU tags per sentence,
 * then spans with contract types. `actor` and `geo` are left null for the later stages to fill.
 */
export function tagEntities(doc: NlpDoc, model: NerModel): Entity[] {
  const n = doc.tokens.length;
  if (feats.length < n * FEATURE_SLOTS) feats = new Int32Array(Math.max(n * FEATURE_SLOTS, feats.length * 2));
  if (tags.length < n) tags = new Int32Array(Math.max(n, tags.length * 2));
  featurize(doc.tokens, doc.sentences, model.lexicon, model.buckets - 1, feats);
  for (const s of doc.sentences) decodeSentence(feats, s.tokenStart, s.tokenEnd, model.weights, model.transitions, tags);
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
