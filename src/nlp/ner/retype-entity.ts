import type { EntityType } from '../../domain/types.js';

/**
 * A refinement of a tagged entity's type by the last word of its name: the tagger learns GPE and MISC,
 * and "Red Sea" (LOC), "Ben Gurion Airport" (FAC) or "Paris Agreement" (LAW) are told apart by their heads.
 */
export interface RetypeRule {
  id: string;
  from: EntityType;
  to: EntityType;
  /** First or last words (lower case) of a name of two words or more that trigger the rule. */
  firstWords: Set<string>;
  lastWords: Set<string>;
}

/** The refined type of an entity `text` tagged `type`, or `type` itself when no rule applies. */
export function retypeEntity(type: EntityType, text: string, rules: RetypeRule[]): EntityType {
  const space = text.lastIndexOf(' ');
  if (space < 0) return type; // a one-word name has no head to read ("Gulf" alone is ambiguous)
  const last = text.slice(space + 1).toLowerCase();
  const first = text.slice(0, text.indexOf(' ')).toLowerCase();
  for (const rule of rules) {
    if (rule.from === type && (rule.lastWords.has(last) || rule.firstWords.has(first))) return rule.to;
  }
  return type;
}
