import type { ActorRef, Entity, NlpDoc, Quote, SpeakerRef, Token } from '../../domain/types.js';
import type { AnalysisState } from '../../pipeline/analysis-state.js';
import { resolveActorForSpan } from '../resolve-actor-for-span.js';
import { resolvePronoun } from '../resolve-pronoun.js';
import type { CueLexicon } from './cue-lexicon.js';
import type { Quotation } from './find-quotations.js';
import type { TokenRange } from './noun-phrase.js';

/** A speaker already resolved, remembered so later pronouns can refer back to it. */
interface Antecedent {
  ref: SpeakerRef;
  /** Token index of the mention's head. */
  at: number;
  group: boolean;
}

const SINGULAR = new Set(['he', 'she']);
const GROUP_PRONOUN = new Set(['they', 'it', 'we']);
/** Prepositions of place and time: a name after one is where or when, not who ("met in Geneva on Monday"). */
const LOCATIVE = new Set(['in', 'on', 'at', 'from', 'to', 'into', 'near', 'since', 'during', 'until', 'across', 'through', 'over', 'by']);
const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
/** How far back (in characters) a pronoun looks for the last speaker. */
const SPEAKER_WINDOW = 3000;

/**
 * Turns quotations into contract quotes: offsets, cue and speaker text, and the speaker's actor.
 * Named speakers take the actor of the entity they contain (following `corefOf` when the entity has none);
 * a pronoun takes that of the last compatible speaker: he/she the last single person who spoke, they/it/we
 * the last group that spoke or, when more recent, the last group named in the sentences just before.
 */
export function resolveSpeakers(found: Quotation[], state: AnalysisState, lexicon: CueLexicon): Quote[] {
  const { doc, entities } = state;
  const { text, tokens } = doc;
  const byId = new Map<string, Entity>();
  for (const e of entities) byId.set(e.id, e);
  const history: Antecedent[] = [];
  const quotes: Quote[] = [];
  let previous = null as SpeakerRef | null;
  for (const [i, f] of found.entries()) {
    let speaker: SpeakerRef | null = null;
    if (f.continued && previous) speaker = { ...previous };
    else if (f.speaker) speaker = resolveMention(f.speaker);
    if (speaker && !f.continued) previous = speaker;
    const start = f.parts[0]!.start;
    const end = f.parts[f.parts.length - 1]!.end;
    const cue = f.cue ? spanOf(f.cue) : null;
    quotes.push({
      id: `q${i + 1}`,
      kind: f.kind,
      start,
      end,
      text: text.slice(start, end),
      parts: f.parts,
      cue,
      speaker,
      rule: f.rule,
    });
  }
  return quotes;

  function spanOf(r: TokenRange): { start: number; end: number; text: string } {
    const start = tokens[r.from]!.start;
    const end = tokens[r.to - 1]!.end;
    return { start, end, text: text.slice(start, end) };
  }

  function actorOf(start: number, end: number, pronoun: boolean): { actor: ActorRef | null; entity: Entity | null } {
    let best: Entity | null = null;
    for (const e of entities) {
      if (e.start >= end || e.end <= start) continue;
      const actor = e.actor ?? (e.corefOf ? byId.get(e.corefOf)?.actor ?? null : null);
      // The head comes last in English noun phrases: prefer the last entity with an actor.
      if (actor || !best) best = e;
    }
    // The actors stage reads descriptions too ("the German foreign ministry", "a top Iranian diplomat");
    // a pronoun is left to the last-speaker rule below.
    const described = pronoun ? null : resolveActorForSpan(state, start, end);
    if (!best) return { actor: described, entity: null };
    return { actor: best.actor ?? (best.corefOf ? byId.get(best.corefOf)?.actor ?? null : null) ?? described, entity: best };
  }

  function resolveMention(r: TokenRange): SpeakerRef {
    const span = spanOf(r);
    const head = tokens[r.to - 1]!;
    const pronoun = r.to - r.from === 1 && head.pos === 'PRON';
    const { actor, entity } = actorOf(span.start, span.end, pronoun);
    // Fields written out rather than spread (a spread copy is slower to build, and has a map of its own).
    const ref: SpeakerRef = { start: span.start, end: span.end, text: span.text, actor };
    if (pronoun && !actor) {
      const antecedent = SINGULAR.has(head.normal) ? lastPerson(r.from) : GROUP_PRONOUN.has(head.normal) ? lastGroup(r.from) : null;
      if (antecedent) {
        ref.actor = antecedent.actor;
        ref.name = antecedent.name;
      } else {
        // No earlier speaker fits: the actors stage's coreference (the subject of a recent sentence).
        const e = resolvePronoun(state, r.from);
        if (e) {
          ref.actor = e.actor;
          ref.name = e.actor?.name ?? e.text;
        }
      }
    }
    if (!pronoun) {
      const group =
        (entity !== null && (entity.type === 'ORG' || entity.type === 'NORP' || entity.type === 'GPE')) ||
        lexicon.groupHeads.has(head.normal) ||
        (head.pos === 'NOUN' && head.normal !== head.lemma && /s$/.test(head.normal)) ||
        tokens.slice(r.from, r.to).some((t) => t.normal === 'and');
      history.push({ ref: { start: ref.start, end: ref.end, text: ref.text, actor: ref.actor, name: actor?.name ?? ref.text }, at: r.to - 1, group });
    } else if (ref.name) {
      const last = history.findLast((h) => h.ref.name === ref.name);
      history.push({ ref: { start: ref.start, end: ref.end, text: ref.text, actor: ref.actor, name: ref.name }, at: r.from, group: last?.group ?? GROUP_PRONOUN.has(head.normal) });
    }
    return ref;
  }

  function lastPerson(at: number): { actor: ActorRef | null; name: string } | null {
    for (let k = history.length - 1; k >= 0; k--) {
      const h = history[k]!;
      if (tokens[at]!.start - tokens[h.at]!.start > SPEAKER_WINDOW) break;
      if (!h.group) return { actor: h.ref.actor, name: h.ref.name ?? h.ref.text };
    }
    const person = entities.findLast((e) => e.type === 'PERSON' && e.end <= tokens[at]!.start);
    if (person) return { actor: person.actor, name: person.actor?.name ?? person.text };
    return null;
  }

  function lastGroup(at: number): { actor: ActorRef | null; name: string } | null {
    const spoke = history.findLast((h) => h.group && tokens[at]!.start - tokens[h.at]!.start <= SPEAKER_WINDOW) ?? null;
    const named = groupNamedBefore(at);
    if (named && (!spoke || named.end > tokens[spoke.at]!.start)) return named;
    return spoke ? { actor: spoke.ref.actor, name: spoke.ref.name ?? spoke.ref.text } : null;
  }

  /** The last group, organisation or country named in this or the previous sentence, before `at`. */
  function groupNamedBefore(at: number): { actor: ActorRef | null; name: string; end: number } | null {
    // This paragraph and the one before: a quotation may hold several sentences, so count paragraphs.
    const paragraph = doc.sentences[tokens[at]!.sentence]!.paragraph;
    const floor = doc.sentences.find((s) => s.paragraph >= paragraph - 1)!.start;
    const limit = tokens[at]!.start;
    const withActor = entities.findLast(
      (e) => e.end <= limit && e.start >= floor && e.actor !== null && (e.type === 'ORG' || e.type === 'NORP' || e.type === 'GPE') && !isAfterLocative(e.start),
    );
    if (withActor) return { actor: withActor.actor, name: withActor.actor!.name, end: withActor.end };
    if (entities.length > 0) return null;
    // No entities (the entity stages did not run): the last proper name that is neither a place nor a date.
    for (let k = at - 1; k >= 0 && tokens[k]!.start >= floor; k--) {
      if (tokens[k]!.pos !== 'PROPN' || CALENDAR.has(tokens[k]!.normal)) continue;
      let from = k;
      while (from > 0 && tokens[from - 1]!.pos === 'PROPN') from--;
      if (!isLocative(tokens, from)) {
        const start = tokens[from]!.start;
        return { actor: null, name: text.slice(start, tokens[k]!.end), end: tokens[k]!.end };
      }
      k = from;
    }
    return null;
  }

  function isAfterLocative(charStart: number): boolean {
    // Binary search: the first token starting at or after charStart.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < charStart) lo = mid + 1;
      else hi = mid;
    }
    return lo < tokens.length && isLocative(tokens, lo);
  }
}

function isLocative(tokens: Token[], from: number): boolean {
  let k = from - 1;
  while (k >= 0 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ')) k--;
  return k >= 0 && LOCATIVE.has(tokens[k]!.normal);
}
