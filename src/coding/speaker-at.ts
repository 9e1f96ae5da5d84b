// Who says the words at a token: the speaker of a quotation holding it, or in a transcript the speaker whose
// turn ("SECRETARY BLINKEN: …", "Vladimir Putin: …") opens its paragraph. First-person pronouns name them.
import type { ActorRef } from '../domain/types.js';
import type { AnalysisState } from '../pipeline/analysis-state.js';
import { resolveActorForSpan } from '../nlp/resolve-actor-for-span.js';
import { getActorContext } from '../nlp/actor-context.js';
import { publisherOf } from '../nlp/gazetteer.js';

/** Lower-case words inside a speaker's label: "President of the Russian Federation". */
const LABEL_GLUE = new Set(['of', 'the', 'for', 'and', 'de', 'al', 'bin']);

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
    // A label of up to eight capitalised words (with "of", "the" between them) and a colon opens the paragraph
    // ("QUESTION:", "Vladimir Putin:", "President of Russia Vladimir Putin:").
    let colon = -1;
    for (let k = s.tokenStart; k < s.tokenEnd && k < s.tokenStart + 9; k++) {
      if (tokens[k]!.text === ':') {
        if (k > s.tokenStart && /^\p{Lu}/u.test(tokens[k - 1]!.text)) colon = k;
        break;
      }
      if (!/^\p{Lu}/u.test(tokens[k]!.text) && !(k > s.tokenStart && LABEL_GLUE.has(tokens[k]!.normal))) break;
    }
    if (colon <= s.tokenStart) continue;
    let end = si;
    while (end + 1 < sentences.length && sentences[end + 1]!.paragraph === s.paragraph) end++;
    const q = state.quotes.find((x) => x.rule === 'quote.colon' && x.start >= s.start && x.start < sentences[end]!.end);
    // The quotation's speaker, else whoever the label itself names ("SECRETARY BLINKEN:" before a statement).
    const labelStart = tokens[s.tokenStart]!.start;
    const labelEnd = tokens[colon - 1]!.end;
    let actor = q?.speaker?.actor ?? resolveActorForSpan(state, labelStart, labelEnd);
    // "President of Peru Dina Boluarte:": a role with no country takes the country the label names.
    if (actor && !actor.country) {
      const named = state.entities.find((e) => e.start >= labelStart && e.end <= labelEnd && e.actor?.country && /^[A-Z]{3}$/.test(e.actor.code));
      const country = named?.actor?.country;
      if (country) actor = { ...actor, code: country + actor.code, country };
    }
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

/** The actor that publishes the article (a government's own site), as a reference, or null. */
function publisher(state: AnalysisState): ActorRef | null {
  const gaz = getActorContext(state)?.gaz;
  const entry = gaz ? publisherOf(gaz, state.article.url) : null;
  return entry ? { id: entry.id, name: entry.names[0]!, code: entry.code, country: entry.country } : null;
}

/**
 * A direct quotation's speaker first, then the turn's, then an indirect quotation's (a turn's "we" is its speaker's);
 * outside any quotation and turn, the publisher's ("We urge both sides…" in a State Department release).
 */
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
  const quoted = state.quotes.some((q) => q.parts.some((p) => p.start <= tok.start && tok.start < p.end));
  const turn = paragraph === undefined ? null : turnSpeaker(state, paragraph);
  return holding(true) ?? turn ?? holding(false) ?? (quoted || turnsOf(state).length > 0 ? null : publisher(state));
}
