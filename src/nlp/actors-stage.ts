// The `actors` stage: runs right after the entity tagger. Adds gazetteer entities the tagger missed,
// links mentions that refer back (surnames, acronyms), gives every PERSON/ORG/GPE/NORP mention an actor
// reference and every GPE/LOC/FAC mention a geo. Pure: the gazetteer is loaded at the edge and passed in.
import type { ActorRef, Entity, Token } from '../domain/types.js';
import type { AnalysisState, Stage } from '../pipeline/analysis-state.js';
import { countryActor, isCapitalised, setActorContext, slug, tokenRangeOf, type ActorContext, type PersonInfo } from './actor-context.js';
import { apposition, ofPhrase, preModifiers } from './descriptor-windows.js';
import { codeOf, describeTokens, EMPTY_DESCRIPTION, mergeDescriptions, specificType, type Description } from './describe-tokens.js';
import { fold, type Gazetteer, type NameTarget } from './gazetteer.js';
import { nameAt, rolesIn, type RoleHit } from './match-names.js';
import { isUnambiguousPlace, placeKeyOf, resolvePlace, type GeoContext } from './resolve-geo.js';
import { tagNames } from './tag-names.js';

export function createActorsStage(gaz: Gazetteer): Stage {
  return { name: 'actors', run: (state) => runActors(state, gaz) };
}

const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);

/** The gazetteer target a whole entity names, if any ("Iran" → the country). */
function fullTarget(gaz: Gazetteer, tokens: Token[], ts: number, te: number): NameTarget | null {
  if (te <= ts) return null;
  const m = nameAt(gaz, tokens, ts, te);
  return m && m.te === te ? m.entry.target : null;
}

function actorFromEntry(t: NameTarget & { kind: 'actor' }): ActorRef {
  return { id: t.actor.id, name: t.actor.names[0]!, code: t.actor.code, country: t.actor.country };
}

/** The role type of the words right after a name or demonym, up to the noun phrase's end ("Israeli | officials have"). */
function followingType(gaz: Gazetteer, tokens: Token[], te: number): { type: string; end: number } | null {
  const head = followingHead(gaz, tokens, te);
  return head ? { type: specificType(rolesIn(gaz, tokens, te, head.te), head), end: head.te } : null;
}

function followingHead(gaz: Gazetteer, tokens: Token[], te: number): RoleHit | null {
  const sentence = tokens[te - 1]?.sentence;
  let k = te;
  while (k < tokens.length && k - te < 4) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || !(t.pos === 'NOUN' || t.pos === 'ADJ' || (t.pos === 'PROPN' && !isCapitalised(t)))) break;
    k++;
  }
  const roles = rolesIn(gaz, tokens, te, k);
  return roles.length > 0 ? roles[roles.length - 1]! : null;
}

export function runActors(state: AnalysisState, gaz: Gazetteer): void {
  // The stage is split into phases, each a function of its own: V8 leaves functions with more than 4,000
  // bytes of bytecode unoptimised here (see pipeline/jit-limits.ts), and one function for the whole stage
  // was over that limit.
  const { tokens, text } = state.doc;
  const { roleHits, roleStarts, inRole } = indexRoles(gaz, tokens);
  state.entities = withoutTitleWords(state.entities, tokens, inRole);
  const { targets, ranges } = tagNames(gaz, text, tokens, state.entities, roleHits, roleStarts);
  const entities = state.entities.sort((a, b) => a.start - b.start || b.end - a.end);
  entities.forEach((e, i) => (e.id = `e${i + 1}`));
  const ctx = buildContext(gaz, tokens, entities, targets, ranges);
  setActorContext(state, ctx);
  // Organisations, places and nationality words first: persons are described by them.
  describeNonPersons(ctx, text, tokens, entities, inRole);
  resolvePlaces(ctx, tokens, entities);
  describePersons(ctx, tokens, entities, inRole);
}

/** Role phrases once per article: titles before names, role words in descriptions. */
function indexRoles(gaz: Gazetteer, tokens: Token[]): { roleHits: RoleHit[]; roleStarts: Array<RoleHit | undefined>; inRole: Uint8Array } {
  const roleHits = rolesIn(gaz, tokens, 0, tokens.length);
  const roleStarts = new Array<RoleHit | undefined>(tokens.length);
  const inRole = new Uint8Array(tokens.length);
  for (const hit of roleHits) {
    roleStarts[hit.ts] = hit;
    inRole.fill(1, hit.ts, hit.te);
  }
  return { roleHits, roleStarts, inRole };
}

/**
 * A "person" the tagger found inside a title ("the Crown Prince and | Prime | Minister of Bahrain") is part
 * of the title, not a name.
 */
function withoutTitleWords(entities: Entity[], tokens: Token[], inRole: Uint8Array): Entity[] {
  return entities.filter((e) => {
    if (e.type !== 'PERSON' || e.rule !== 'ner.perceptron') return true;
    const [ts, te] = tokenRangeOf(tokens, e.start, e.end);
    for (let k = ts; k < te; k++) if (!inRole[k]) return true;
    return false;
  });
}

function buildContext(gaz: Gazetteer, tokens: Token[], entities: Entity[], targets: Map<Entity, NameTarget>, ranges: Map<Entity, [number, number]>): ActorContext {
  const ctx: ActorContext = {
    gaz,
    tokenRange: new Map(),
    entityAt: new Array<Entity | undefined>(tokens.length),
    targets: new Map(),
    persons: [],
    countries: new Set(),
  };
  for (const e of entities) {
    const range = ranges.get(e)!;
    ctx.tokenRange.set(e.id, range);
    for (let k = range[0]; k < range[1]; k++) ctx.entityAt[k] ??= e;
    const t = targets.get(e) ?? fullTarget(gaz, tokens, range[0], range[1]);
    if (t) ctx.targets.set(e.id, t);
  }
  return ctx;
}

/** Actors of organisations, places and nationality words (acronyms refer back to their expansion). */
function describeNonPersons(ctx: ActorContext, text: string, tokens: Token[], entities: Entity[], inRole: Uint8Array): void {
  const gaz = ctx.gaz;
  const acronymOf = new Map<string, Entity>();
  for (const e of entities) {
    if (e.type === 'PERSON') continue;
    const [ts, te] = ctx.tokenRange.get(e.id)!;
    const t = ctx.targets.get(e.id);
    // An acronym defined right after this name: "(IRGC)" refers back to it.
    if (tokens[te]?.text === '(' && tokens[te + 2]?.text === ')') acronymOf.set(tokens[te + 1]!.text, e);
    const expansion = acronymOf.get(e.text);
    if (expansion && expansion !== e) e.corefOf = expansion.id;
    if (t?.kind === 'country') e.actor = countryActor(gaz, t.country.a3, null);
    else if (t?.kind === 'demonym') {
      const head = followingType(gaz, tokens, te);
      e.actor = countryActor(gaz, t.country.a3, head ? head.type : null);
      if (head) e.actor.name = text.slice(e.start, tokens[head.end - 1]!.end);
    } else if (t?.kind === 'actor') e.actor = actorFromEntry(t);
    else if (t?.kind === 'region' && t.region.code) e.actor = { id: t.region.id, name: t.region.names[0]!, code: t.region.code, country: t.region.code };
    else if (expansion?.actor) e.actor = { ...expansion.actor };
    // A capital tagged as an organisation stands for its country ("Tehran's nuclear program").
    else if (t?.kind === 'city' && t.city.feature === 'PPLC' && e.type !== 'GPE' && e.type !== 'LOC' && e.type !== 'FAC') e.actor = countryActor(gaz, t.city.country, null);
    else if (e.type === 'ORG') e.actor = describeOrg(ctx, tokens, e, ts, te, inRole);
  }
}

/** Geos of places: countries the article names decide among places of the same name. */
function resolvePlaces(ctx: ActorContext, tokens: Token[], entities: Entity[]): void {
  const gaz = ctx.gaz;
  const geoCtx: GeoContext = { countries: ctx.countries, admin1: new Set() };
  for (const e of entities) {
    const place = PLACE_TYPES.has(e.type);
    // Asked at most once per mention: the name's only place, if it has exactly one.
    const only = place ? isUnambiguousPlace(gaz, e.text) : null;
    if (e.actor?.country && (e.type === 'NORP' || (e.type === 'GPE' && ctx.targets.get(e.id)?.kind === 'country' && only))) {
      ctx.countries.add(e.actor.country);
    }
    if (place) {
      if (only?.kind === 'city') ctx.countries.add(only.city.country);
      else if (only?.kind === 'region' && only.region.country) {
        ctx.countries.add(only.region.country);
        if (only.region.admin1) geoCtx.admin1.add(`${only.region.country}/${only.region.admin1}`);
      }
    }
  }
  for (const e of entities) {
    if (!PLACE_TYPES.has(e.type)) continue;
    // A name the gazetteer knows as an organisation ("ISNA") is no place, whatever the tagger said.
    if (ctx.targets.get(e.id)?.kind === 'actor') continue;
    const [, te] = ctx.tokenRange.get(e.id)!;
    // "Paris, Texas": a place right after a comma qualifies this one.
    const next = tokens[te]?.text === ',' ? ctx.entityAt[te + 1] : undefined;
    const qualifier = next && PLACE_TYPES.has(next.type) ? gaz.places.get(placeKeyOf(next.text)) : undefined;
    const r = resolvePlace(gaz, e.text, { countries: geoCtx.countries, admin1: geoCtx.admin1, qualifier });
    e.geo = r ? r.geo : null;
  }
  // A country name the article uses for another place ("Georgia" among US states) is not that country.
  for (const e of entities) {
    const t = ctx.targets.get(e.id);
    if (e.type === 'GPE' && t?.kind === 'country' && e.geo && e.geo.country !== t.country.a3) e.actor = null;
  }
}

/** Persons: a known person, else what the titles and appositions around the name say. */
function describePersons(ctx: ActorContext, tokens: Token[], entities: Entity[], inRole: Uint8Array): void {
  const roleCover = (i: number): boolean => inRole[i] === 1;
  /** Ids of the gazetteer's persons met in this article. */
  const known = new Set<string>();
  for (const e of entities) if (e.type === 'PERSON') describePerson(ctx, tokens, e, roleCover, known);
  linkPersons(ctx.persons, known);
}

function describePerson(ctx: ActorContext, tokens: Token[], e: Entity, roleCover: (i: number) => boolean, known: Set<string>): void {
  const gaz = ctx.gaz;
  const [ts, te] = ctx.tokenRange.get(e.id)!;
  const t = ctx.targets.get(e.id);
  const { from, owner } = preModifiers(tokens, ts, ctx.entityAt, roleCover);
  // "US Ambassador to Germany X": the country after "to" is the host, not the person's.
  let hostAt = ts;
  for (let k = from; k < ts; k++) if (tokens[k]!.normal === 'to') hostAt = k;
  const pre = describeTokens(ctx, tokens, from, hostAt);
  if (hostAt < ts) pre.roles = rolesIn(gaz, tokens, from, ts);
  const ownerDesc = owner ? describeTokens(ctx, tokens, owner[0], owner[1]) : EMPTY_DESCRIPTION;
  const [as, ae] = apposition(tokens, te);
  const [os, oe] = ofPhrase(tokens, te, ctx.entityAt);
  const app = mergeDescriptions(describeTokens(ctx, tokens, as, ae), describeTokens(ctx, tokens, os, oe));
  // Coordinated names share the first one's description: "ministers Kazem Gharibabadi and Majid Takht-Ravanchi".
  const prevTok = tokens[ts - 1];
  const prevPerson = prevTok && prevTok.normal === 'and' && t === undefined ? ctx.entityAt[ts - 2] : undefined;
  const desc: Description = mergeDescriptions(mergeDescriptions(pre, ownerDesc), app);
  const head = pre.roles.length > 0 ? pre.roles[pre.roles.length - 1]! : app.roles[0] ?? null;
  if (prevPerson?.type === 'PERSON' && !head && !desc.country && !desc.org) {
    const info = ctx.persons.find((p) => p.entity === prevPerson);
    if (info && prevPerson.actor) {
      e.actor = { id: personId(e.text, prevPerson.actor.country), name: e.text, code: prevPerson.actor.code, country: prevPerson.actor.country };
      ctx.persons.push({ entity: e, roles: new Set(info.roles) });
      return;
    }
  }
  const roles = new Set<string>();
  for (const r of [...pre.roles, ...app.roles]) if (r.match.role.person) roles.add(r.match.tokens.join(' '));
  if (t?.kind === 'actor') {
    e.actor = actorFromEntry(t);
    known.add(e.actor.id);
  } else if (t?.kind === 'city' && t.city.feature === 'PPLC') {
    // A capital tagged as a person or organisation stands for its country ("Moscow denies").
    e.actor = countryActor(gaz, t.city.country, null);
  } else {
    const code = codeOf(desc, head);
    e.actor = { id: personId(e.text, code?.country ?? null), name: e.text, code: code?.code ?? '', country: code?.country ?? null };
  }
  ctx.persons.push({ entity: e, roles });
}

/** Registry-style person id; the country, when known, keeps namesakes of different countries apart. */
export function personId(name: string, country: string | null): string {
  const s = slug(name) || 'unnamed';
  return country ? `person:${country.toLowerCase()}:${s}` : `person:${s}`;
}

/**
 * Mentions of one person (full name, then surname or repeated name) form a chain: each later mention
 * points at the first (`corefOf`) and all share the most specific actor any mention of the chain supports
 * (`known`: ids of gazetteer persons, which stay as the registry has them).
 */
function linkPersons(persons: PersonInfo[], known: Set<string>): void {
  const chains: PersonInfo[][] = [];
  /** The folded words of each chain's first mention (same index as `chains`). */
  const heads: string[][] = [];
  for (const p of persons) {
    const words = p.entity.text.split(/\s+/).map(fold);
    const at = heads.findIndex((head) => words.length <= head.length && words.every((w, i) => head[head.length - words.length + i] === w));
    if (at >= 0) {
      p.entity.corefOf = chains[at]![0]!.entity.id;
      chains[at]!.push(p);
    } else {
      chains.push([p]);
      heads.push(words);
    }
  }
  for (const chain of chains) {
    let best: ActorRef | null = null;
    for (const p of chain) {
      const a = p.entity.actor;
      if (a && (!best || a.code.length > best.code.length)) best = a;
    }
    const roles = new Set<string>();
    for (const p of chain) for (const r of p.roles) roles.add(r);
    const name = chain[0]!.entity.text;
    for (const p of chain) {
      p.roles = roles;
      // A known person keeps the registry's id and name however the article writes it ("Antony J. Blinken").
      if (best && known.has(best.id)) p.entity.actor = best;
      else if (best) p.entity.actor = { ...best, name: best.id.startsWith('person:') ? name : best.name, id: best.id.startsWith('person:') ? personId(name, best.country) : best.id };
    }
  }
}

/** An organisation the gazetteer does not know: country and type from its name and the words around it. */
function describeOrg(ctx: ActorContext, tokens: Token[], e: Entity, ts: number, te: number, inRole: Uint8Array): ActorRef {
  const inside = describeTokens(ctx, tokens, ts, te, e);
  const { from } = preModifiers(tokens, ts, ctx.entityAt, (i) => inRole[i] === 1);
  const pre = describeTokens(ctx, tokens, from, ts);
  // A known group inside a longer name: "Palestinian group Hamas".
  if (inside.org) return inside.org;
  const desc = mergeDescriptions(inside, pre);
  const head = inside.roles.length > 0 ? inside.roles[inside.roles.length - 1]! : followingHead(ctx.gaz, tokens, te);
  const code = codeOf({ ...desc, org: null }, head);
  const country = code?.country ?? null;
  return { id: `org:${country ? country.toLowerCase() + ':' : ''}${slug(e.text) || 'unnamed'}`, name: e.text, code: code?.code ?? '', country };
}
