import type { DatePrecision, NlpDoc, TimeExpr } from '../../domain/types.js';
import { tokenAt } from './clause-tense.js';

export interface EventDate {
  date: string | null;
  precision: DatePrecision | null;
  /** Id of the time expression the date came from; absent when it is the publication date. */
  timeId?: string;
}

/** Words that open another clause: a time beyond one of them dates that clause, not the trigger's. */
const CLAUSE_OPENERS = new Set(['who', 'which', 'whose', 'whom', 'that', 'when', 'while', 'because', 'after', 'before', 'since', 'until', 'although', 'though', 'whereas', ';', ':', '"', '“', '”']);

/** Calendar reading of a TimeML value: the date it names (as far as it is known) and how precisely. */
export function datePrecisionOf(value: string): { date: string; precision: DatePrecision } | null {
  let m = /^(\d{4}-\d\d-\d\d)(T.*)?$/.exec(value);
  if (m) return { date: m[1]!, precision: 'day' };
  m = /^(\d{4}-W\d\d)(-WE)?$/.exec(value);
  if (m) return { date: m[1]!, precision: 'week' };
  m = /^(\d{4}-\d\d)$/.exec(value);
  if (m) return { date: m[1]!, precision: 'month' };
  m = /^(\d{4})(-(Q\d|H\d|SP|SU|FA|WI))?$/.exec(value);
  if (m) return { date: m[1]!, precision: 'year' };
  return null;
}

/**
 * When the event of a clause happened, for the event coder: the date of the time expression that governs the
 * trigger's clause, else the publication date (precision day), else null.
 *
 * Candidates are the DATE/TIME expressions of the trigger's sentence with a calendar value (not PRESENT_REF,
 * not an unresolved XXXX-…). A candidate is skipped when it modifies a noun ("the 2015 deal": a year right before
 * a noun names a thing, not when the clause happened) or when a clause opener ("who", "which", "after", ";")
 * lies between it and the trigger, or when it sits in a clause closed off before the trigger — it then dates that
 * other clause ("Shoigu, who was moved in May, arrived on Monday": "arrived" gets Monday; "The minister, who was
 * appointed in May, resigned": the publication date). Of the rest the nearest by tokens wins, those after the trigger by a little
 * less ("met on Monday" puts the date after the verb).
 *
 * @param times the article's time expressions (state.times)
 * @param doc the NLP base layer of the article
 * @param sentenceIndex index of the sentence holding the trigger
 * @param triggerTokenIndex index in doc.tokens of the trigger's (first) token
 * @param published the article's publication date (YYYY-MM-DD) or null
 */
export function dateForSpan(
  times: TimeExpr[],
  doc: NlpDoc,
  sentenceIndex: number,
  triggerTokenIndex: number,
  published: string | null,
): EventDate {
  const sentence = doc.sentences[sentenceIndex];
  let best: { t: TimeExpr; cost: number; reading: { date: string; precision: DatePrecision } } | null = null;
  if (sentence) {
    for (const t of times) {
      if (t.start < sentence.start || t.end > sentence.end || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
      const reading = datePrecisionOf(t.value);
      if (!reading) continue;
      const first = tokenAt(doc, t.start);
      const last = tokenAt(doc, t.end - 1);
      if (t.value.length === 4 && isNounModifier(doc, last, sentence.tokenEnd)) continue;
      const after = first > triggerTokenIndex;
      const from = after ? triggerTokenIndex + 1 : last + 1;
      const to = after ? first : triggerTokenIndex;
      let blocked = false;
      for (let i = from; i < to && !blocked; i++) blocked = CLAUSE_OPENERS.has(doc.tokens[i]!.normal);
      if (blocked) continue;
      if (!after && insideClosedClause(doc, sentence.tokenStart, first, triggerTokenIndex)) continue;
      const cost = (after ? first - triggerTokenIndex : triggerTokenIndex - last) * (after ? 1 : 1.2);
      if (!best || cost < best.cost) best = { t, cost, reading };
    }
  }
  if (best) return { date: best.reading.date, precision: best.reading.precision, timeId: best.t.id };
  return published ? { date: published, precision: 'day' } : { date: null, precision: null };
}

function isNounModifier(doc: NlpDoc, lastToken: number, sentenceEnd: number): boolean {
  const next = doc.tokens[lastToken + 1];
  if (!next || lastToken + 1 >= sentenceEnd) return false;
  // "the 2011 stabbing death": a gerund after an article and a year is a noun too.
  const gerund = next.pos === 'VERB' && next.normal.endsWith('ing') && doc.tokens[lastToken - 1]?.pos === 'DET';
  return next.pos === 'NOUN' || (next.pos === 'PROPN' && doc.tokens[lastToken]!.pos !== 'ADP') || next.pos === 'ADJ' || gerund;
}

/**
 * True when a time before the trigger sits in a clause that opened after the last comma before it and closed
 * with a comma before the trigger: "The minister, who was appointed in May, resigned".
 */
function insideClosedClause(doc: NlpDoc, sentenceStart: number, first: number, trigger: number): boolean {
  let opened = false;
  for (let i = first - 1; i >= sentenceStart; i--) {
    const n = doc.tokens[i]!.normal;
    if (n === ',') break;
    if (CLAUSE_OPENERS.has(n)) {
      opened = true;
      break;
    }
  }
  if (!opened) return false;
  for (let i = first + 1; i < trigger; i++) if (doc.tokens[i]!.normal === ',') return true;
  return false;
}
