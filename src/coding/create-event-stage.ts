import type { Stage } from '../pipeline/analysis-state.js';
import { CODER } from '../pipeline/version.js';
import { codeEvents } from './code-events.js';
import { loadEventLexicon } from './load-event-lexicon.js';

/**
 * The `events` stage (runs last, after `actors` and `times`): loads the event lexicon once, then codes
 * each article's events from its tokens, the actors layer (entities, resolveActorForSpan, resolvePronoun)
 * and the times helper (dateForSpan).
 * `patternFiles` add to or override the shipped patterns (as does BRINK_EVENT_PATTERNS).
 */
export function createEventStage(patternFiles: string[] = []): Stage {
  const resources = { lexicon: loadEventLexicon(patternFiles), coder: CODER };
  return {
    name: 'events',
    run(state) {
      state.events = codeEvents(state, resources);
    },
  };
}
