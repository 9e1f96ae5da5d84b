import type { Pipeline } from './extract-article.js';

/**
 * Loads lexicons and models (the only I/O of analysis, done once at the edge) and
 * builds the ordered list of stages.
 */
export function createPipeline(): Pipeline {
  return { stages: [] };
}
