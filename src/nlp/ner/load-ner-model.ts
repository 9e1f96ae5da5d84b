import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { EntityType } from '../../domain/types.js';
import { decodeNerWeights, type NerModel } from './ner-model.js';
import type { RetypeRule } from './retype-entity.js';

const DATA = new URL('../../../data/ner/', import.meta.url);
const TYPES = new Set<EntityType>(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'LAW', 'MISC']);

interface LexiconFile {
  format: 1;
  gazetteer: Record<string, number>;
  clusters: Record<string, number>;
}

interface RetypeFile {
  rules: Array<{ id: string; from: string; to: string; firstWords?: string[]; lastWords?: string[] }>;
}

/**
 * Loads the tagger (data/ner/model.bin.gz), its word lists (lexicon.json) and type refinements
 * (retype.json), once, at the edge. Throws with the file's name when one is missing or malformed.
 */
export function loadNerModel(dir: URL = DATA): NerModel {
  const read = (name: string): Buffer => {
    try {
      return readFileSync(new URL(name, dir));
    } catch (e) {
      throw new Error(`NER model: cannot read data/ner/${name} (${(e as Error).message}); run npm run train:ner`);
    }
  };
  const { buckets, weights, transitions } = decodeNerWeights(gunzipSync(read('model.bin.gz')));
  const lex = JSON.parse(read('lexicon.json').toString('utf8')) as LexiconFile;
  if (lex.format !== 1 || typeof lex.gazetteer !== 'object' || typeof lex.clusters !== 'object') {
    throw new Error('NER model: data/ner/lexicon.json is not a format-1 lexicon');
  }
  const retypeFile = JSON.parse(read('retype.json').toString('utf8')) as RetypeFile;
  const retype: RetypeRule[] = retypeFile.rules.map((r) => {
    if (!TYPES.has(r.from as EntityType) || !TYPES.has(r.to as EntityType) || !r.id) {
      throw new Error(`NER model: data/ner/retype.json rule ${r.id ?? '?'} has an unknown type`);
    }
    return {
      id: r.id,
      from: r.from as EntityType,
      to: r.to as EntityType,
      firstWords: new Set((r.firstWords ?? []).map((w) => w.toLowerCase())),
      lastWords: new Set((r.lastWords ?? []).map((w) => w.toLowerCase())),
    };
  });
  return {
    buckets,
    weights,
    transitions,
    lexicon: { gazetteer: new Map(Object.entries(lex.gazetteer)), clusters: new Map(Object.entries(lex.clusters)) },
    retype,
  };
}
