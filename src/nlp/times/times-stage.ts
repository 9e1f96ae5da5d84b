import type { Stage } from '../../pipeline/analysis-state.js';
import { extractTimes } from './extract-times.js';
import { findPublished } from './find-published.js';
import type { TimeData } from './time-lexicon.js';
import { buildTimeMatcher } from './time-matcher.js';

/**
 * The `times` stage: fills state.times. An article without a publication date is first read without an anchor;
 * a dateline or the latest full date it mentions then becomes its date (state.article.published, with
 * publishedEstimated) and the relative expressions are read again against it.
 */
export function createTimesStage(data: TimeData): Stage {
  const matcher = buildTimeMatcher(data);
  return {
    name: 'times',
    run(state) {
      const article = state.article;
      let times = extractTimes(state.doc, article.published, matcher);
      if (article.published === null) {
        const guess = findPublished(state.doc.text, times);
        if (guess) {
          article.published = guess.published;
          article.publishedEstimated = guess.estimated;
          times = extractTimes(state.doc, guess.published, matcher);
        }
      }
      state.times = times;
    },
  };
}
