// Pronoun antecedents for the quote and event coders: "he wrote" → the person the text is about.
import type { Entity } from '../domain/types.js';
import type { AnalysisState } from '../pipeline/analysis-state.js';

const PERSON_PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);
const THING_PRONOUNS = new Set(['it', 'its', 'itself']);
const GROUP_PRONOUNS = new Set(['they', 'them', 'their', 'theirs', 'themselves']);
const LOOK_BACK_SENTENCES = 3;

function wanted(pronoun: string): ((e: Entity) => boolean) | null {
  if (PERSON_PRONOUNS.has(pronoun)) return (e) => e.type === 'PERSON';
  // "it": a country or organisation acting as one ("Iran … said it will punish Israel").
  if (THING_PRONOUNS.has(pronoun)) return (e) => (e.type === 'GPE' || e.type === 'ORG') && e.actor !== null && e.actor.code !== '';
  // "they": a group of people or a body ("Israeli officials", "the E3").
  if (GROUP_PRONOUNS.has(pronoun)) return (e) => (e.type === 'NORP' || e.type === 'ORG') && e.actor !== null && e.actor.code !== '';
  return null;
}

/**
 * The entity a third-person pronoun at `tokenIndex` refers to, or null. In the pronoun's own sentence the
 * first fitting mention before it wins (the subject: "Iran … said it"); else the first fitting mention of
 * the nearest earlier sentence that has one (its subject: "Gharibabadi posted … with Mora. … he wrote" →
 * Gharibabadi), looking back at most three sentences and never across a paragraph break for "it"/"they".
 * Call after the `actors` stage; returns the mention, whose `actor` says who it is.
 */
export function resolvePronoun(state: AnalysisState, tokenIndex: number): Entity | null {
  const { tokens, sentences } = state.doc;
  const tok = tokens[tokenIndex];
  if (!tok) return null;
  const fits = wanted(tok.normal);
  if (!fits) return null;
  const entities = state.entities;
  const inSentence = (si: number, before: number): Entity | null => {
    const s = sentences[si]!;
    for (const e of entities) {
      if (e.start >= before || e.start >= s.end) break;
      if (e.start >= s.start && fits(e)) return e;
    }
    return null;
  };
  const own = inSentence(tok.sentence, tok.start);
  if (own) return own;
  const paragraph = sentences[tok.sentence]!.paragraph;
  for (let si = tok.sentence - 1; si >= 0 && tok.sentence - si <= LOOK_BACK_SENTENCES; si--) {
    if (!PERSON_PRONOUNS.has(tok.normal) && sentences[si]!.paragraph !== paragraph) break;
    const e = inSentence(si, Infinity);
    if (e) return e;
  }
  return null;
}
