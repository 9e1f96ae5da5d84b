import type { Article, CodedEvent, Entity, NlpDoc, Quote, TimeExpr } from '../domain/types.js';

/** What the stages of one article's analysis share; each stage reads earlier fields and fills its own. */
export interface AnalysisState {
  article: Article;
  doc: NlpDoc;
  entities: Entity[];
  times: TimeExpr[];
  quotes: Quote[];
  events: CodedEvent[];
}

/** One named, pure pass of the pipeline. */
export interface Stage {
  name: string;
  run(state: AnalysisState): void;
}
