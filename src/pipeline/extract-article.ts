import { createHash } from 'node:crypto';
import type { Article, ExtractRecord } from '../domain/types.js';
import { analyzeBase } from '../nlp/analyze-base.js';
import { detectLanguage } from '../ingest/detect-language.js';
import type { AnalysisState, Stage } from './analysis-state.js';

/** Milliseconds spent per stage, summed over articles (for `bench/extract`). */
export type StageTimings = Map<string, number>;

export interface Pipeline {
  stages: Stage[];
}

function addTime(timings: StageTimings | undefined, name: string, since: number): number {
  const now = performance.now();
  if (timings) timings.set(name, (timings.get(name) ?? 0) + (now - since));
  return now;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * The pure pipeline for one article: language, NLP base layer, then each stage in order.
 * Articles not in English pass through with empty annotation arrays.
 */
export function extractArticle(article: Article, pipeline: Pipeline, timings?: StageTimings): ExtractRecord {
  let t = performance.now();
  const lang = detectLanguage(article.text);
  const record: ExtractRecord = {
    schema: 1,
    id: article.id,
    contentHash: contentHash(article.text),
    url: article.url,
    source: article.source,
    title: article.title,
    published: article.published,
    publishedAt: article.publishedAt,
    publishedEstimated: article.publishedEstimated,
    lang,
    text: article.text,
    sentences: [],
    entities: [],
    times: [],
    quotes: [],
    events: [],
    duplicateOf: null,
  };
  t = addTime(timings, 'lang', t);
  if (lang !== 'en') return record;
  const doc = analyzeBase(article.text);
  t = addTime(timings, 'base', t);
  const state: AnalysisState = { article, doc, entities: [], times: [], quotes: [], events: [] };
  for (const stage of pipeline.stages) {
    stage.run(state);
    t = addTime(timings, stage.name, t);
  }
  record.sentences = doc.sentences.map((s) => ({ start: s.start, end: s.end }));
  // The stages may have refined the article (an estimated publication date, say).
  record.published = state.article.published;
  record.publishedEstimated = state.article.publishedEstimated;
  record.entities = state.entities;
  record.times = state.times;
  record.quotes = state.quotes;
  record.events = state.events;
  return record;
}
