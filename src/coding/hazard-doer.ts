// Natural hazards and accidents kill and destroy too ("a tornado kills six", "killed by falling trees"); what
// they do is no political event. Pure functions over the base layer's tokens, for the event coder.
import type { Token } from '../domain/types.js';
import { lower } from './verb-forms.js';

/** The hazard nouns, accident verbs and things fought without an enemy, from the event lexicon. */
export interface Hazards {
  hazards: Set<string>;
  hazardVerbs: Set<string>;
  hazardObjects: Set<string>;
}

const NOUN_LIKE = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['DET', 'ADJ', 'NUM', 'VERB']);
const SKIP_BEFORE_VERB = new Set(['ADV', 'AUX', 'PART']);
/** Tokens that end the subject's first noun phrase. */
const PHRASE_END = new Set(['ADP', 'VERB', 'AUX', 'PUNCT', 'CCONJ', 'SCONJ', 'PRON']);

/** Whether token k is a hazard noun; "fire" only after an article ("a fire", not "anti-aircraft fire" or "open fire"). */
function isHazard(tokens: Token[], k: number, hazards: Set<string>): boolean {
  const t = tokens[k];
  if (t === undefined || !(hazards.has(lower(t)) || hazards.has(t.normal))) return false;
  // The tagger reads a hazard's gerund as a verb ("Flooding in the north kills nine").
  if (!NOUN_LIKE.has(t.pos) && !(t.pos === 'VERB' && t.normal.endsWith('ing'))) return false;
  // "an explosion and fire": a noun coordinated with another one is no weapon either.
  return t.normal !== 'fire' || tokens[k - 1]?.pos === 'DET' || (tokens[k - 1]?.normal === 'and' && tokens[k - 2]?.pos === 'NOUN');
}

/** The head of the noun phrase starting at k (its last noun), or -1. */
function headFrom(tokens: Token[], k: number, to: number): number {
  let head = -1;
  for (let j = k; j < to && j < k + 6; j++) {
    const tok = tokens[j]!;
    if (NOUN_LIKE.has(tok.pos)) head = j;
    else if (!MODIFIER.has(tok.pos) || (tok.pos === 'VERB' && head >= 0)) break;
  }
  return head;
}

/**
 * Whether the doer of the verb at t is a hazard: for a passive verb, the noun after "by" or "in" ("killed by
 * falling trees", "died in a fire"); for an active one, the head of the clause's first noun phrase or of the
 * words just before the verb ("A storm over two provinces … kills six", "Hurricane Maria struck").
 */
export function hazardDoer(tokens: Token[], from: number, t: number, to: number, passive: boolean, lexicon: Hazards): boolean {
  const hazards = lexicon.hazards;
  if (passive) {
    for (let k = t + 1; k < to && k <= t + 3; k++) {
      const w = tokens[k]!.normal;
      if (w === 'by' || w === 'in') return isHazard(tokens, headFrom(tokens, k + 1, to), hazards);
      if (tokens[k]!.pos !== 'ADV') break;
    }
    return false;
  }
  let j = t - 1;
  while (j >= from && SKIP_BEFORE_VERB.has(tokens[j]!.pos)) j--;
  // "The plane crashed, killing 21", "A storm hit the coast, killing five": a participle after a comma has
  // the doer of the verb before it.
  if (j > from && tokens[j]!.text === ',' && tokens[t]!.normal.endsWith('ing')) {
    for (let k = j - 1; k >= from; k--) {
      // The tagger reads "another crane collapses" with a noun: an accident verb counts in either part of speech.
      if (lexicon.hazardVerbs.has(lower(tokens[k]!))) return true;
      if (tokens[k]!.pos === 'VERB') return hazardDoer(tokens, from, k, to, false, lexicon);
    }
  }
  // "a fire that struck a home": the relative pronoun's antecedent.
  if (j > from && (tokens[j]!.normal === 'that' || tokens[j]!.normal === 'which')) j--;
  // The noun just before the verb ("a house fire"), or the title of a name there ("Hurricane Maria"), not a
  // noun that modifies it ("flood victims").
  if (isHazard(tokens, j, hazards)) return true;
  for (let k = j - 1; k >= from && k >= j - 2 && tokens[k + 1]!.pos === 'PROPN' && NOUN_LIKE.has(tokens[k]!.pos); k--) {
    if (isHazard(tokens, k, hazards)) return true;
  }
  // The clause's first noun phrase, for a subject with a phrase after it or a verb coordinated with another.
  let start = from;
  while (start < t && tokens[start]!.pos === 'DET') start++;
  if (tokens[start]!.pos === 'VERB') return isHazard(tokens, start, hazards);
  let end = start;
  while (end < t && !PHRASE_END.has(tokens[end]!.pos)) end++;
  if (end > start && isHazard(tokens, end - 1, hazards)) return true;
  // "Hurricane Beryl intensifies … and kills one": a hazard as the title of the subject's name.
  for (let k = start; k + 1 < end; k++) {
    if (tokens[k + 1]!.pos === 'PROPN' && tokens.slice(k + 1, end).every((x) => x.pos === 'PROPN') && isHazard(tokens, k, hazards)) return true;
  }
  // "An explosion and fire aboard a ferry injure nine": a hazard as the second of two coordinated nouns.
  if (end > start && tokens[end]?.normal === 'and') {
    let next = end + 1;
    while (next < t && tokens[next]!.pos === 'DET') next++;
    let close = next;
    while (close < t && !PHRASE_END.has(tokens[close]!.pos)) close++;
    return close > next && isHazard(tokens, close - 1, hazards);
  }
  return false;
}

/** Whether the noun at k is coordinated with a hazard ("an explosion and fire aboard a ferry", "a fire and blast"). */
export function coordinatedHazard(tokens: Token[], k: number, lexicon: Hazards): boolean {
  if (tokens[k + 1]?.normal === 'and') {
    let next = k + 2;
    while (tokens[next]?.pos === 'DET') next++;
    if (isHazard(tokens, next, lexicon.hazards)) return true;
  }
  let prev = k - 1;
  while (tokens[prev]?.pos === 'DET') prev--;
  return tokens[prev]?.normal === 'and' && isHazard(tokens, prev - 1, lexicon.hazards);
}

/** Whether the direct object of the active verb at t is something fought without fighting anyone ("battling a pandemic"). */
export function hazardObject(tokens: Token[], t: number, to: number, objects: Set<string>): boolean {
  for (let k = t + 1; k < to && k <= t + 4; k++) {
    const tok = tokens[k]!;
    // "opened fire" is gunfire; "fighting the fire" is a blaze.
    if (NOUN_LIKE.has(tok.pos)) return isHazard(tokens, k, objects);
    if (!MODIFIER.has(tok.pos)) return false;
  }
  return false;
}
