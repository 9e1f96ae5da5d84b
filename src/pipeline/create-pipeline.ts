import type { Pipeline } from './extract-article.js';
import { entitiesStage } from './entities-stage.js';
import { loadNerModel } from '../nlp/ner/load-ner-model.js';
import { createQuotesStage } from '../nlp/quotes/quotes-stage.js';
import { loadCueLexicon } from '../nlp/quotes/cue-lexicon.js';
import { createEventStage } from '../coding/create-event-stage.js';
import { createTimesStage } from '../nlp/times/times-stage.js';
import { loadTimeData } from '../nlp/times/time-lexicon.js';

/**
 * Loads lexicons and models (the only I/O of analysis, done once at the edge) and
 * builds the ordered list of stages.
 */
export function createPipeline(): Pipeline {
  return { stages: [entitiesStage(loadNerModel()), createTimesStage(loadTimeData()), createQuotesStage(loadCueLexicon()), createEventStage()] };
}
