// First: it sets how V8 optimizes the analysis code, before that code runs.
import './jit-limits.js';
import type { Pipeline } from './extract-article.js';
import { entitiesStage } from './entities-stage.js';
import { loadBaseModel } from '../nlp/analyze-base.js';
import { createActorsStage } from '../nlp/actors-stage.js';
import { actorFilesFromEnv, loadGazetteer } from '../nlp/load-gazetteer.js';
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
export function createPipeline(options: { actorFiles?: string[] } = {}): Pipeline {
  // User actor files: --actors FILE (options.actorFiles) and BRINK_ACTORS.
  const gazetteer = loadGazetteer([...actorFilesFromEnv(), ...(options.actorFiles ?? [])]);
  loadBaseModel();
  return { stages: [entitiesStage(loadNerModel()), createActorsStage(gazetteer), createTimesStage(loadTimeData()), createQuotesStage(loadCueLexicon()), createEventStage()] };
}
