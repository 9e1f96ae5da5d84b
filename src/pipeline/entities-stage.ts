import type { Stage } from './analysis-state.js';
import type { NerModel } from '../nlp/ner/ner-model.js';
import { tagEntities } from '../nlp/ner/tag-entities.js';

/** The `entities` stage: fills state.entities with the tagger's names (actor and geo come later). */
export function entitiesStage(model: NerModel): Stage {
  return {
    name: 'entities',
    run(state) {
      state.entities.push(...tagEntities(state.doc, model));
    },
  };
}
