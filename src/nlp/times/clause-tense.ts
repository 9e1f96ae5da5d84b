import type { NlpDoc, Token } from '../../domain/types.js';

/** 'unknown' when no verb of the clause decides (a noun phrase, a headline): callers pick the nearest reading. */
export type Tense = 'past' | 'future' | 'unknown';

export interface FutureCues {
  /** Words that put a clause in the future on their own ("scheduled", "will"). */
  alone: ReadonlySet<string>;
  /** Verbs that do so only before "to" ("set to meet"). */
  withTo: ReadonlySet<string>;
}

/** Index of the token holding (or first after) a character offset: binary search over token ends. */
export function tokenAt(doc: NlpDoc, offset: number): number {
  const tokens = doc.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The token at index `i`, or undefined past either end. Indices off the array are checked here rather than read:
 * an out-of-bounds read makes V8 throw away the optimized code of the function that does it.
 */
export function tokenOf(doc: NlpDoc, i: number): Token | undefined {
  return i >= 0 && i < doc.tokens.length ? doc.tokens[i] : undefined;
}

const FUTURE_AUX = new Set(['will', "'ll", 'shall', 'wo', 'would']); // "wo" is the first half of "won't"
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'re"]);
const BE = new Set(['is', 'are', 'am', "'s", "'re", 'be', 'been', 'being']);
/** Words that open a subordinate clause: a future auxiliary before one of them governs another verb. */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'although', 'though', 'unless', 'as', 'once']);
/** Tokens that close the clause of the time expression: a verb beyond them belongs to another clause. */
const CLAUSE_BREAK = new Set([';', ':', '—', '–', 'that', 'which', 'who', 'where', 'because', 'when', 'while', 'if', '"', '“', '”', '``', "''"]);

/**
 * Tense of the clause around a time expression, from its nearest verb group: future when a future auxiliary
 * ("will", "'ll", "would"), a schedule cue ("scheduled", "planned", "set to") or a present progressive
 * ("is meeting") governs it, or when it follows "as soon as"/"as early as"; past when a past verb form does;
 * unknown when neither is found within the clause.
 */
export function clauseTense(doc: NlpDoc, start: number, end: number, futureCues: FutureCues): Tense {
  const tokens = doc.tokens;
  const first = tokenAt(doc, start);
  const sentence = tokenOf(doc, first)?.sentence ?? -1;
  if (sentence < 0) return 'unknown';
  const s = doc.sentences[sentence]!;
  const p1 = tokenOf(doc, first - 1)?.normal;
  const p2 = tokenOf(doc, first - 2)?.normal;
  if (p1 === 'as' && (p2 === 'soon' || p2 === 'early')) return 'future';
  // Backwards to the verb that governs a trailing adverbial ("will meet on Monday", "met on Monday").
  let i = first - 1;
  let subordinate = false;
  for (; i >= s.tokenStart && i >= first - 12; i--) {
    const v = verdict(doc, i, futureCues, false);
    if (v === 'break') break;
    if (v) return v;
    subordinate ||= SUBORDINATORS.has(tokens[i]!.normal);
  }
  const exhausted = i === first - 13 && !subordinate;
  // Forwards, for a fronted adverbial ("On Monday, the leaders will meet").
  const last = tokenAt(doc, end);
  for (let j = last; j < s.tokenEnd && j < last + 12; j++) {
    const v = verdict(doc, j, futureCues, true);
    if (v === 'break') break;
    if (v) return v;
  }
  // A long verb phrase still hangs on a future auxiliary further back ("will be appointed head of the rail project
  // for its opening in December"); past forms that far back belong to other phrases, and are not taken.
  if (exhausted) {
    for (; i >= s.tokenStart && i >= first - 24; i--) {
      const n = tokens[i]!.normal;
      if (CLAUSE_BREAK.has(n) || SUBORDINATORS.has(n)) break;
      if (n === 'will' || n === "'ll" || n === 'would' || n === 'shall') return 'future';
    }
  }
  return 'unknown';
}

/**
 * One token's say on the tense. `forward` is true when the token follows the time expression: then a plan verb
 * ("vowed to", "planned to", "agreed to") dates the vowing, not the plan ("Clinton on Saturday vowed to…"), and
 * counts as the past form it is unless a present "be" makes it a schedule ("the talks are scheduled").
 */
function verdict(doc: NlpDoc, i: number, futureCues: FutureCues, forward: boolean): Tense | 'break' | null {
  const t = doc.tokens[i]!;
  const n = t.normal;
  if (CLAUSE_BREAK.has(n)) return 'break';
  // A modal before "have" looks back ("would have met Monday", "may have left Friday").
  if ((FUTURE_AUX.has(n) || futureCues.alone.has(n)) && tokenOf(doc, i + 1)?.normal === 'have' && tokenOf(doc, i + 2)?.pos === 'VERB') return 'past';
  if (FUTURE_AUX.has(n)) return 'future';
  // The month "May" is no modal.
  if (t.pos === 'PROPN') return null;
  const planVerb = futureCues.withTo.has(n) && tokenOf(doc, i + 1)?.normal === 'to';
  if (forward && (planVerb || futureCues.alone.has(n)) && n.endsWith('ed')) {
    const prev = tokenOf(doc, i - 1)?.normal ?? '';
    if (BE.has(prev) && prev !== 'been') return 'future';
    return PAST_AUX.has(prev) || t.pos === 'VERB' || planVerb ? 'past' : null;
  }
  // A plan in the past perfect had its date before the report ("had been due to lapse Friday"): past.
  if ((futureCues.alone.has(n) || planVerb) && isPastPerfect(doc, i)) return 'past';
  if (futureCues.alone.has(n)) return 'future';
  if (planVerb) return 'future';
  if (t.pos !== 'AUX' && t.pos !== 'VERB') return null;
  if (PAST_AUX.has(n)) return 'past';
  if (BE.has(n) && tokenOf(doc, i + 1)?.normal === 'to') return 'future'; // "is to resume trading on Tuesday"
  if (t.pos === 'AUX') return null;
  const prev = tokenOf(doc, i - 1)?.normal ?? '';
  if (n.endsWith('ing')) return BE.has(prev) && prev !== 'be' && prev !== 'been' ? 'future' : null;
  // Infinitives and passives after "be" take their tense from further left ("to be published", "will be held").
  if (prev === 'to' || prev === 'be' || FUTURE_AUX.has(prev)) return null;
  // A present passive ("when the appeal is decided in May") is no past form: the clause is undecided.
  if (PRESENT_BE.has(prev) && n !== t.lemma) return 'unknown';
  if (n !== t.lemma && !n.endsWith('s')) return 'past';
  return null;
}

function isPastPerfect(doc: NlpDoc, i: number): boolean {
  const p1 = tokenOf(doc, i - 1)?.normal;
  return p1 === 'had' || (p1 === 'been' && tokenOf(doc, i - 2)?.normal === 'had');
}
