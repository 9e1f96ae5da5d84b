import type { Stage } from '../pipeline/analysis-state.js';
import { CODER } from '../pipeline/version.js';
import { codeEvents } from './code-events.js';
import { loadActorGazetteer } from './load-actor-gazetteer.js';
import { loadEventLexicon } from './load-event-lexicon.js';

/**
 * The `events` stage (runs last): loads the event lexicon and the fallback actor names once,
 * then codes each article's events from its tokens, entities and times.
 * `patternFiles` add to or override the shipped patterns (as does BRINK_EVENT_PATTERNS).
 */
export function createEventStage(patternFiles: string[] = []): Stage {
  const resources = { lexicon: loadEventLexicon(patternFiles), gazetteer: loadActorGazetteer(), coder: CODER };
  return {
    name: 'events',
    run(state) {
      state.events = codeEvents(state, resources);
    },
  };
}
