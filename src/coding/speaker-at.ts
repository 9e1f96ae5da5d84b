// Who says the words at a token: the speaker of a quotation holding it, or in a transcript the speaker whose
// turn ("SECRETARY BLINKEN: …", "Vladimir Putin: …") opens its paragraph. First-person pronouns name them.
import type { ActorRef } from '../domain/types.js';
import type { AnalysisState } from '../pipeline/analysis-state.js';
import { resolveActorForSpan } from '../nlp/resolve-actor-for-span.js';

/** Per article: the paragraphs that open a turn, in order, with the turn's speaker (null for "QUESTION:"). */
const turns = new WeakMap<AnalysisState, Array<{ paragraph: number; actor: ActorRef | null }>>();

function turnsOf(state: AnalysisState): Array<{ paragraph: number; actor: ActorRef | null }> {
  let list = turns.get(state);
  if (list) return list;
  list = [];
  const { tokens, sentences } = state.doc;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    if (si > 0 && sentences[si - 1]!.paragraph === s.paragraph) continue;
    // A label of up to four capitalised words and a colon opens the paragraph ("QUESTION:", "Vladimir Putin:").
    let colon = -1;
    for (let k = s.tokenStart; k < s.tokenEnd && k < s.tokenStart + 5; k++) {
      if (tokens[k]!.text === ':') {
        colon = k;
        break;
      }
      if (!/^\p{Lu}/u.test(tokens[k]!.text)) break;
    }
    if (colon <= s.tokenStart) continue;
    let end = si;
    while (end + 1 < sentences.length && sentences[end + 1]!.paragraph === s.paragraph) end++;
    const q = state.quotes.find((x) => x.rule === 'quote.colon' && x.start >= s.start && x.start < sentences[end]!.end);
    // The quotation's speaker, else whoever the label itself names ("SECRETARY BLINKEN:" before a statement).
    const actor = q?.speaker?.actor ?? resolveActorForSpan(state, tokens[s.tokenStart]!.start, tokens[colon - 1]!.end);
    list.push({ paragraph: s.paragraph, actor: actor?.country || actor?.code ? actor : null });
  }
  turns.set(state, list);
  return list;
}

/** The speaker of the turn holding `paragraph`: its own, or in a transcript (two turns or more) the last one before it. */
function turnSpeaker(state: AnalysisState, paragraph: number): ActorRef | null {
  const list = turnsOf(state);
  let found: { paragraph: number; actor: ActorRef | null } | undefined;
  for (const x of list) if (x.paragraph <= paragraph) found = x;
  if (!found) return null;
  return found.paragraph === paragraph || list.length >= 2 ? found.actor : null;
}

/** A direct quotation's speaker first, then the turn's, then an indirect quotation's (a turn's "we" is its speaker's). */
export function speakerAt(state: AnalysisState, tokenIndex: number): ActorRef | null {
  const tok = state.doc.tokens[tokenIndex];
  if (!tok) return null;
  const holding = (direct: boolean): ActorRef | null => {
    for (const q of state.quotes) {
      if ((q.kind !== 'indirect') !== direct || !q.speaker?.actor) continue;
      if (q.parts.some((p) => p.start <= tok.start && tok.start < p.end)) return q.speaker.actor;
    }
    return null;
  };
  const paragraph = state.doc.sentences[tok.sentence]?.paragraph;
  return holding(true) ?? (paragraph === undefined ? null : turnSpeaker(state, paragraph)) ?? holding(false);
}
