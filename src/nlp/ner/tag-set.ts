import type { EntityType } from '../../domain/types.js';

/**
 * The entity classes the tagger learns. LOC, FAC and LAW have too little training data to be learned
 * apart, so the tagger emits GPE or MISC for them and `retypeEntity` refines the type from the head word.
 */
export const NER_CLASSES = ['PERSON', 'ORG', 'GPE', 'NORP', 'EVENT', 'MISC'] as const satisfies readonly EntityType[];
export type NerClass = (typeof NER_CLASSES)[number];

/**
 * BILOU tags: 0 is O; class k has B = 1+4k, I = 2+4k, L = 3+4k, U = 4+4k.
 * BILOU rather than BIO because the last token of a name ("Corp", "Agency") is a strong cue of its own.
 */
export const TAG_COUNT = 1 + 4 * NER_CLASSES.length;
/** Weights per hash bucket in the dense table used while training: TAG_COUNT padded to 32 (aligned rows). */
export const ROW_STRIDE = 32;
export const OUTSIDE = 0;
export const BEGIN = 1;
export const INSIDE = 2;
export const LAST = 3;
export const UNIT = 4;

export function tagOf(classIndex: number, position: number): number {
  return 1 + 4 * classIndex + (position - 1);
}

/** Position of a tag: OUTSIDE, BEGIN, INSIDE, LAST or UNIT. */
export function positionOf(tag: number): number {
  return tag === 0 ? OUTSIDE : ((tag - 1) % 4) + 1;
}

export function classOf(tag: number): number {
  return tag === 0 ? -1 : Math.floor((tag - 1) / 4);
}

/** Whether `next` may follow `prev` (prev = -1 at the start of a sentence). */
export function allowedTransition(prev: number, next: number): boolean {
  const p = prev < 0 ? OUTSIDE : positionOf(prev);
  const n = positionOf(next);
  if (p === OUTSIDE || p === LAST || p === UNIT) return n === OUTSIDE || n === BEGIN || n === UNIT;
  return (n === INSIDE || n === LAST) && classOf(prev) === classOf(next);
}

/** Whether a sentence may end on `tag`. */
export function allowedEnd(tag: number): boolean {
  const p = positionOf(tag);
  return p === OUTSIDE || p === LAST || p === UNIT;
}
