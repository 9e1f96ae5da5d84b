// Actor of any span of text, for the event and quote coders: names, pronouns and noun phrases without a
// name ("senior Russian officials" → RUSGOV, "the German foreign ministry" → DEUGOV, "an Israeli strike"
// → ISRMIL, "the Iranian president" → the president the article named before).
import type { ActorRef, Entity } from '../domain/types.js';
import type { AnalysisState } from '../pipeline/analysis-state.js';
import { countryActor, getActorContext, tokenRangeOf, type ActorContext } from './actor-context.js';
import { codeOf, describeTokens } from './describe-tokens.js';
import { lemmaOf, type RoleHit } from './match-names.js';
import { resolvePronoun } from './resolve-pronoun.js';

// A head noun phrase ends at a preposition or clause word: "officials | in Tehran", "ally | of Putin".
const HEAD_ENDS = new Set(['ADP', 'VERB', 'AUX', 'SCONJ', 'PRON', 'PUNCT']);

/**
 * The actor a span refers to, or null when the text does not say. Call after the `actors` stage.
 * - a pronoun: its antecedent's actor (see resolvePronoun);
 * - a span whose head is a resolved entity: that entity's actor (a capital city stands for its country:
 *   "Moscow denies" → RUS);
 * - a definite description with a person's role ("the Iranian president"): the person the article named
 *   with that role before, when one fits;
 * - otherwise the description's own code: known organisation, or country + role type of the head noun;
 *   unknown parts are left out ("Iranian diplomats" → IRNGOV, "the army" → MIL), never guessed.
 */
export function resolveActorForSpan(state: AnalysisState, start: number, end: number): ActorRef | null {
  const ctx = getActorContext(state);
  if (!ctx) return null;
  const tokens = state.doc.tokens;
  const [ts, te] = tokenRangeOf(tokens, start, end);
  if (te <= ts) return null;
  if (te - ts === 1 && tokens[ts]!.pos === 'PRON') return resolvePronoun(state, ts)?.actor ?? null;

  // The head noun phrase: up to the first preposition, clause word or punctuation outside a name.
  let he = ts;
  while (he < te) {
    const t = tokens[he]!;
    const e = ctx.entityAt[he];
    if (e) {
      he = Math.max(he + 1, ctx.tokenRange.get(e.id)![1]);
      continue;
    }
    if (he > ts && HEAD_ENDS.has(t.pos) && t.text !== '-' && t.pos !== 'PART') break;
    he++;
  }
  he = Math.min(he, te);

  // The last entity of the head, unless it is a possessor ("Iran's foreign ministry") or a modifier.
  let s = ts;
  while (s < he && (tokens[s]!.pos === 'DET' || tokens[s]!.pos === 'ADJ' && !ctx.entityAt[s])) s++;
  const e = ctx.entityAt[s];
  if (e) {
    const range = ctx.tokenRange.get(e.id)!;
    if (range[1] >= he) return entityActor(ctx, e);
  }

  const desc = describeTokens(ctx, tokens, ts, he);
  const roles = desc.roles;
  const head: RoleHit | null = roles.length > 0 ? roles[roles.length - 1]! : null;
  if (head && head.match.role.person && tokens[ts]!.normal === 'the' && tokens[head.te - 1]!.normal === lemmaOf(tokens[head.te - 1]!)) {
    const found = describedPerson(ctx, head, desc.country, start);
    if (found) return found;
  }
  if (desc.org) return desc.org;
  const code = codeOf(desc, head);
  if (!code) return null;
  if (code.country && code.country.length === 3 && code.code.startsWith(code.country)) {
    const a = countryActor(ctx.gaz, code.country, code.code.slice(3) || null);
    return { ...a, name: state.doc.text.slice(tokens[ts]!.start, tokens[he - 1]!.end) };
  }
  return { id: `role:${code.code}`, name: state.doc.text.slice(tokens[ts]!.start, tokens[he - 1]!.end), code: code.code, country: code.country };
}

/** The actor of a resolved entity (ids are unique in an article: the entity itself holds its actor). */
function entityActor(ctx: ActorContext, e: Entity): ActorRef | null {
  const t = ctx.targets.get(e.id);
  // A capital stands for its country's government in news ("Moscow denies"); only the country is certain.
  if (t?.kind === 'city' && t.city.feature === 'PPLC') return countryActor(ctx.gaz, t.city.country, null);
  return e.actor;
}

/** The person named earlier with this role (and country, when the description gives one). */
function describedPerson(ctx: ActorContext, head: RoleHit, country: string | null, before: number): ActorRef | null {
  const role = head.match.tokens.join(' ');
  // "the Secretary" is the person named "Secretary of State …", "the minister" the "foreign minister" before:
  // a shorter title whose words all belong to the person's title; the latest such person wins.
  const words = head.match.tokens;
  const fits = (roles: Set<string>): boolean => {
    if (roles.has(role)) return true;
    for (const r of roles) {
      const parts = r.split(' ');
      if (words.every((w) => parts.includes(w))) return true;
    }
    return false;
  };
  for (let i = ctx.persons.length - 1; i >= 0; i--) {
    const p = ctx.persons[i]!;
    if (p.entity.start >= before || !p.entity.actor || !fits(p.roles)) continue;
    if (country && p.entity.actor.country !== country) continue;
    return p.entity.actor;
  }
  return null;
}
