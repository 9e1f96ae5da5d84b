// The actor mentions of one sentence, for the event coder's argument finding. Everything about who a
// span is comes from the shared actors layer (entities of the `actors` stage, the project gazetteer,
// resolveActorForSpan, resolvePronoun, geoForSpan); this file only lays those answers out by token.
import type { ActorRef, Geo, Token } from '../domain/types.js';
import type { AnalysisState } from '../pipeline/analysis-state.js';
import { countryActor, getActorContext, type ActorContext } from '../nlp/actor-context.js';
import { geoOf } from '../nlp/resolve-geo.js';
import { lemmaOf, nameAt } from '../nlp/match-names.js';
import { resolveActorForSpan } from '../nlp/resolve-actor-for-span.js';
import { resolvePronoun } from '../nlp/resolve-pronoun.js';
import { speakerAt } from './speaker-at.js';
import type { NameTarget } from '../nlp/gazetteer.js';

/** An actor found in a sentence: a token range with its actor (and place, when it is one). */
export interface ActorMention {
  /** Token indices, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  actor: ActorRef | null;
  geo: Geo | null;
  /** A pronoun; `actor` is its antecedent's when resolvePronoun found one. */
  pronoun: boolean;
}

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'him', 'her', 'them', 'us']);
/** "I" and "me" name someone only inside a quotation or turn whose speaker is known. */
const SPEAKER_PRONOUNS = new Set(['i', 'me']);
// Noun-phrase tokens of a description without a name ("senior Russian officials", "the army").
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'NUM']);

/** An actor that says who in codes the event data can use: a country, or an international body. */
const useful = (a: ActorRef | null | undefined): a is ActorRef => !!a && (a.country !== null || /^(IGO|NGO|IMG)/.test(a.code));

function targetActor(ctx: ActorContext, t: NameTarget): ActorRef | null {
  if (t.kind === 'country' || t.kind === 'demonym') return countryActor(ctx.gaz, t.country.a3, null);
  if (t.kind === 'actor') return { id: t.actor.id, name: t.actor.names[0] ?? t.actor.id, code: t.actor.code, country: t.actor.country };
  if (t.kind === 'city' && t.city.feature === 'PPLC') return countryActor(ctx.gaz, t.city.country, null);
  return null;
}

/**
 * Mentions of tokens [from, to), sorted by first token: entities with an actor or a place, gazetteer names
 * the tagger missed (capitalised tokens only), descriptions the actors layer resolves to a country or body,
 * and third-person pronouns. `cursor` walks state.entities once per article (sentences come in order).
 */
export function sentenceMentions(state: AnalysisState, from: number, to: number, cursor: { e: number }): ActorMention[] {
  const tokens = state.doc.tokens;
  const ctx = getActorContext(state);
  const sFrom = tokens[from]!.start;
  const sTo = tokens[to - 1]!.end;
  const out: ActorMention[] = [];
  const entities = state.entities;
  while (cursor.e < entities.length && entities[cursor.e]!.start < sFrom) cursor.e++;
  const covered = new Uint8Array(to - from);
  let extendedTo = -1;
  for (let k = cursor.e; k < entities.length; k++) {
    const e = entities[k]!;
    if (e.start >= sTo) break;
    if (e.end > sTo) continue;
    const range = ctx?.tokenRange.get(e.id);
    if (!range) continue;
    let first = range[0];
    let last = range[1];
    if (first < extendedTo) continue;
    let start = e.start;
    let end = e.end;
    let actor = e.actor;
    if (!useful(actor) && ctx) {
      // The tagger may misread a country as a person ("Finland will give…") or cut a name ("South | Korean"),
      // and a group may be named by its country ("Bosnian Serbs", "east Bosnia"): the gazetteer's name wins.
      // A name may also start up to three words before the entity: "North | Korean" tagged as "Korean" alone,
      // "Democratic People 's | Republic of Korea" as "Republic of Korea".
      const free = out.length === 0 ? from : out[out.length - 1]!.last;
      let before = first;
      while (before > Math.max(from, free, first - 3) && (/^\p{Lu}/u.test(tokens[before - 1]!.text) || /^['’]s$/.test(tokens[before - 1]!.text))) before--;
      for (let k = before; k < last && !useful(actor); k++) {
        const m = nameAt(ctx.gaz, tokens, k, to);
        const a = m && m.te > first ? targetActor(ctx, m.entry.target) : null;
        if (m && a) {
          actor = a;
          if (k < first) {
            first = k;
            start = tokens[k]!.start;
          }
          if (m.te > last) {
            last = extendedTo = m.te;
            end = tokens[m.te - 1]!.end;
          }
        }
      }
    }
    for (let i = first; i < last; i++) if (i >= from && i < to) covered[i - from] = 1;
    // A treaty, a law or an event is no actor, nor is the place in its name ("the Paris Agreement", "the
    // Algerian Civil War").
    if (e.type === 'LAW' || e.type === 'EVENT') continue;
    if (!useful(actor) && e.geo?.country) actor = countryActor(ctx!.gaz, e.geo.country, null);
    if (!actor && !e.geo) continue;
    out.push({ first, last, start, end, actor, geo: e.geo, pronoun: false });
  }
  if (!ctx) return out.sort((a, b) => a.first - b.first);
  const roles = ctx.gaz.roles;
  const isRole = (k: number): boolean => roles.has(tokens[k]!.normal) || roles.has(lemmaOf(tokens[k]!));
  // Titles are written in capitals ("The Deputy Minister condemned…"): a role word tagged PROPN is a noun here.
  const nounLike = (k: number): boolean => tokens[k]!.pos === 'NOUN' || (tokens[k]!.pos === 'PROPN' && isRole(k));
  for (let i = from; i < to; i++) {
    if (covered[i - from]) continue;
    const t = tokens[i]!;
    const c = t.text.charCodeAt(0);
    if (c >= 65 && c <= 90) {
      const m = nameAt(ctx.gaz, tokens, i, to);
      if (m) {
        let free = true;
        for (let k = m.ts; k < m.te; k++) if (covered[k - from]) free = false;
        const actor = free ? targetActor(ctx, m.entry.target) : null;
        if (actor) {
          const geo = geoOf(m.entry.target);
          out.push({ first: m.ts, last: m.te, start: t.start, end: tokens[m.te - 1]!.end, actor, geo, pronoun: false });
          for (let k = m.ts; k < m.te; k++) covered[k - from] = 1;
          i = m.te - 1;
          continue;
        }
      }
    }
    if (t.pos === 'PRON' && SPEAKER_PRONOUNS.has(t.normal)) {
      const speaker = speakerAt(state, i);
      if (speaker) out.push({ first: i, last: i + 1, start: t.start, end: t.end, actor: speaker, geo: null, pronoun: true });
      continue;
    }
    if (t.pos === 'PRON' && PRONOUNS.has(t.normal)) {
      out.push({ first: i, last: i + 1, start: t.start, end: t.end, actor: resolvePronoun(state, i)?.actor ?? null, geo: null, pronoun: true });
      continue;
    }
    if (nounLike(i)) {
      // A description: the noun phrase ending at the last noun of this run ("senior Russian officials").
      let s = i;
      while (s > from && !covered[s - 1 - from] && (NP_POS.has(tokens[s - 1]!.pos) || nounLike(s - 1))) s--;
      let e = i + 1;
      while (e < to && !covered[e - from] && (nounLike(e) || tokens[e]!.pos === 'ADJ')) e++;
      while (e > i + 1 && !nounLike(e - 1)) e--;
      // Only a run with a role word can describe an actor ("officials", "the army"): skip the rest cheaply.
      let role = false;
      for (let k = s; k < e && !role; k++) role = isRole(k);
      const actor = role ? resolveActorForSpan(state, tokens[s]!.start, tokens[e - 1]!.end) : null;
      if (useful(actor)) {
        out.push({ first: s, last: e, start: tokens[s]!.start, end: tokens[e - 1]!.end, actor, geo: null, pronoun: false });
        for (let k = s; k < e; k++) covered[k - from] = 1;
      }
      i = e - 1;
    }
  }
  return out.sort((a, b) => a.first - b.first);
}
