import type { Stage } from '../../pipeline/analysis-state.js';
import type { CueLexicon } from './cue-lexicon.js';
import { findQuotations } from './find-quotations.js';
import { resolveSpeakers } from './resolve-speakers.js';

/**
 * The `quotes` stage: who said what, direct and indirect. Runs after the entity stages, whose actors
 * (and coreference links) it gives to speakers; without entities it still finds quotes and speaker mentions.
 */
export function createQuotesStage(lexicon: CueLexicon): Stage {
  return {
    name: 'quotes',
    run(state) {
      const found = findQuotations(state.doc, lexicon);
      state.quotes = resolveSpeakers(found, state, lexicon);
    },
  };
}
