// Shared types of the pipeline and of the extraction contract (schema 1).
// This module imports nothing: every other layer depends on it, never the reverse.

/** Half-open span of UTF-16 code units into an article's `text`. */
export interface Span {
  start: number;
  end: number;
}

/** An article as the readers produce it, before analysis. */
export interface Article {
  /** jsonl/csv id when given; else a hash of (source reference, position). */
  id: string;
  url: string | null;
  source: string | null;
  title: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  /** Full ISO timestamp when the source gives a time. */
  publishedAt: string | null;
  publishedEstimated: boolean;
  byline?: string | null;
  text: string;
  /** Where the article came from: `path[:line]` or `path#n`, kept for the store. */
  origin: string;
  /** Format the reader used. */
  format: InputFormat;
}

export type InputFormat = 'text' | 'html' | 'jsonl' | 'csv' | 'feed';

/** One token of the NLP base layer. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag (wink-nlp): NOUN, PROPN, VERB, AUX, ADP, DET, PRON, ADJ, ADV, NUM, PUNCT, ... */
  pos: string;
  lemma: string;
  /** Lower-cased normal form. */
  normal: string;
  /** Index of the sentence holding this token. */
  sentence: number;
}

export interface Sentence extends Span {
  /** First token index (inclusive) and last (exclusive) in `NlpDoc.tokens`. */
  tokenStart: number;
  tokenEnd: number;
  /** Index of the paragraph (newline-separated block) holding the sentence. */
  paragraph: number;
}

/** The NLP base layer, computed once per article and shared by every later stage. */
export interface NlpDoc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

export interface ActorRef {
  id: string;
  name: string;
  /** CAMEO actor code, e.g. RUSGOV, IGOUNO. Unknown parts left out. */
  code: string;
  /** ISO 3166 alpha-3 or group code (IGO, EUR, PSE...). */
  country: string | null;
}

export interface Geo {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  geonameid?: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'FAC' | 'NORP' | 'EVENT' | 'LAW' | 'MISC';

export interface Entity extends Span {
  id: string;
  text: string;
  type: EntityType;
  actor: ActorRef | null;
  geo: Geo | null;
  /** Why this entity exists: the tagger, a gazetteer entry or a coreference rule. */
  rule?: string;
  /** Id of the entity this mention refers back to (coreference), if any. */
  corefOf?: string;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpr extends Span {
  id: string;
  text: string;
  type: TimeType;
  /** TimeML value: 2024-08-05, 2024-08, 2024, 2024-W31, 2024-SU, P1W, PRESENT_REF, XXXX-12 ... */
  value: string;
  /** Id of the rule that produced it. */
  rule?: string;
  /** True when the value was anchored on the publication date. */
  anchored?: boolean;
}

export interface SpeakerRef extends Span {
  text: string;
  actor: ActorRef | null;
  /** Who the mention stands for when it is a pronoun or a continued quote: the antecedent's name or text. */
  name?: string;
}

export interface Quote extends Span {
  id: string;
  kind: 'direct' | 'indirect' | 'mixed';
  text: string;
  parts: Span[];
  cue: (Span & { text: string }) | null;
  speaker: SpeakerRef | null;
  rule?: string;
}

export interface ArgRef extends Span {
  text: string;
  actor: ActorRef | null;
}

export type Modality = 'asserted' | 'negated' | 'future' | 'hypothetical';
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface EventSize {
  dead?: number;
  injured?: number;
  arrested?: number;
  participants?: number;
}

export interface CodedEvent {
  id: string;
  sentence: number;
  evidence: Span;
  trigger: Span & { text: string };
  source: ArgRef | null;
  target: ArgRef | null;
  cameo: string;
  plover: string | null;
  mode: string | null;
  context: string[];
  goldstein: number;
  quadclass: number;
  modality: Modality;
  reported: boolean;
  date: string | null;
  datePrecision: DatePrecision | null;
  location: Geo | null;
  size: EventSize | null;
  rule: string;
  coder: string;
  confidence: number;
}

/** One output object of `brink extract` (the extraction contract, schema 1). */
export interface ExtractRecord {
  schema: 1;
  id: string;
  contentHash: string;
  url: string | null;
  source: string | null;
  title: string | null;
  published: string | null;
  publishedAt: string | null;
  publishedEstimated: boolean;
  lang: string;
  text: string;
  sentences: Span[];
  entities: Entity[];
  times: TimeExpr[];
  quotes: Quote[];
  events: CodedEvent[];
  duplicateOf: string | null;
}

/** What a reader yields: an article, or a problem with one input item. */
export type ReadItem =
  | { kind: 'article'; article: Article }
  | { kind: 'error'; where: string; reason: string };
