// Adds the entities the tagger missed: gazetteer names, persons named after a title ("Defense Minister
// Sergei Shoigu", "diplomat Enrique Mora"), later surname mentions of persons ("Shoigu") and acronyms
// defined in parentheses ("… Guard Corps (IRGC)"). Never overlaps an existing entity.
import type { Entity, EntityType, Token } from '../domain/types.js';
import type { Gazetteer, NameTarget } from './gazetteer.js';
import { isCapitalised, tokenRangeOf } from './actor-context.js';
import { nameAt, nameTokensKey, type RoleHit } from './match-names.js';

// Capitalised words that follow titles but do not name a person ("officials Tuesday").
const NOT_NAMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'i', 'mr', 'mr.', 'mrs',
  'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'on', 'in', 'the', 'of', 'and',
]);
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'sheikh']);

export interface TagResult {
  /** Gazetteer targets of the entities the gazetteer added, by entity object. */
  targets: Map<Entity, NameTarget>;
  /** Token range [ts, te) of every entity, by entity object. */
  ranges: Map<Entity, [number, number]>;
}

function kindRule(t: NameTarget): { type: EntityType; rule: string } {
  switch (t.kind) {
    case 'country':
      return { type: 'GPE', rule: 'gazetteer.country' };
    case 'demonym':
      return { type: 'NORP', rule: 'gazetteer.demonym' };
    case 'city':
      return { type: 'GPE', rule: 'gazetteer.city' };
    case 'region':
      return { type: t.region.type, rule: `gazetteer.${t.region.kind}` };
    case 'actor':
      return { type: t.actor.type, rule: t.actor.type === 'PERSON' ? 'gazetteer.person' : 'gazetteer.org' };
  }
}

function nameLike(t: Token): boolean {
  return isCapitalised(t) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X') && !NOT_NAMES.has(t.normal);
}

/** A run of name tokens from i: capitalised words, joined by hyphens without spaces ("Takht-Ravanchi"). */
function nameRun(tokens: Token[], i: number, occupied: Uint8Array, roleStarts: Array<RoleHit | undefined>): number {
  let k = i;
  const sentence = tokens[i]?.sentence;
  while (k < tokens.length && k - i < 5) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || occupied[k]) break;
    if (t.text === '-' && k > i && tokens[k - 1]!.end === t.start && tokens[k + 1] && tokens[k + 1]!.start === t.end && isCapitalised(tokens[k + 1]!)) {
      k++;
      continue;
    }
    if (!nameLike(t)) break;
    // A role word or a known place/organisation ends the name ("Minister Lavrov Moscow" is rare; "General Staff" is a role).
    if (k > i && roleStarts[k]) break;
    k++;
  }
  return k;
}

/** What the tagging passes of one article share. */
interface Tagging {
  gaz: Gazetteer;
  text: string;
  tokens: Token[];
  /** The article's entities; the passes append to it. */
  entities: Entity[];
  roleStarts: Array<RoleHit | undefined>;
  /** 1 where a token belongs to an entity already. */
  occupied: Uint8Array;
  /** Indices of the capitalised tokens, ascending: names start only there, and they are few. */
  capitals: number[];
  targets: Map<Entity, NameTarget>;
  ranges: Map<Entity, [number, number]>;
}

/**
 * Tags names into `entities` (in place). `roleHits` are the role phrases of one left-to-right scan of the
 * article (see rolesIn), `roleStarts[i]` the one starting at token i.
 */
export function tagNames(
  gaz: Gazetteer,
  text: string,
  tokens: Token[],
  entities: Entity[],
  roleHits: RoleHit[],
  roleStarts: Array<RoleHit | undefined>,
): TagResult {
  // Each pass is a function of its own (not a closure of this one): V8 compiles small functions quickly and
  // recompiles only the pass a new kind of text deoptimises.
  const capitals: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isCapitalised(tokens[i]!)) capitals.push(i);
  const tg: Tagging = { gaz, text, tokens, entities, roleStarts, occupied: new Uint8Array(tokens.length), capitals, targets: new Map(), ranges: new Map() };
  for (const e of entities) {
    const range = tokenRangeOf(tokens, e.start, e.end);
    tg.ranges.set(e, range);
    tg.occupied.fill(1, range[0], range[1]);
  }
  // 1. Persons after a title or role word: "President Masoud Pezeshkian", "diplomat Enrique Mora",
  //    "ministers Kazem Gharibabadi and Majid Takht-Ravanchi". Done first, so a person named after a
  //    place ("President George Washington") stays a person.
  tagTitledPersons(tg, roleHits);
  // 2. Later mentions of a person by surname or full name (again after the gazetteer's persons).
  tagSurnames(tg);
  // 3. Gazetteer names, longest first, starting at a capitalised word.
  tagGazetteerNames(tg);
  // 4. Acronyms defined in parentheses after a name, then their later uses: "… Guard Corps (IRGC)".
  tagAcronyms(tg);
  tagSurnames(tg);
  return { targets: tg.targets, ranges: tg.ranges };
}

function addEntity(tg: Tagging, ts: number, te: number, type: EntityType, rule: string): Entity {
  const start = tg.tokens[ts]!.start;
  const end = tg.tokens[te - 1]!.end;
  const e: Entity = { id: '', start, end, text: tg.text.slice(start, end), type, actor: null, geo: null, rule };
  tg.entities.push(e);
  tg.occupied.fill(1, ts, te);
  // The same range tokenRangeOf gives: tokens do not overlap and none is empty.
  tg.ranges.set(e, [ts, te]);
  return e;
}

/**
 * Words that name a country, a nationality, a known organisation or a capital keep that sense even when
 * a person of the article bears them as a surname ("Tom Paris" does not make "in Paris" a person).
 */
function namesPlaceOrBody(tg: Tagging, ts: number, te: number): boolean {
  const g = nameAt(tg.gaz, tg.tokens, ts, te);
  if (!g || g.te !== te) return false;
  const t = g.entry.target;
  return t.kind === 'city' ? t.city.feature === 'PPLC' : !(t.kind === 'actor' && t.actor.type === 'PERSON');
}

function tagTitledPersons(tg: Tagging, roleHits: RoleHit[]): void {
  const { gaz, tokens, occupied, roleStarts } = tg;
  const n = tokens.length;
  /** Where the next title may start: after the names tagged after the last one. */
  let next = 0;
  for (const hit of roleHits) {
    if (hit.ts < next || !hit.match.role.person) continue;
    let s = hit.te;
    if (s < n && HONORIFICS.has(tokens[s]!.normal)) s++;
    // A title goes on ("Deputy | Minister Tomas Varga"): the next role phrase is no name, the name follows it.
    if (roleStarts[s]) continue;
    if (s >= n || occupied[s] || !nameLike(tokens[s]!) || tokens[s]!.pos !== 'PROPN') continue;
    // Not a gazetteer name ("President Iran", "minister Hamas"): those are other things.
    const g = nameAt(gaz, tokens, s, n);
    const end = nameRun(tokens, s, occupied, roleStarts);
    if (g && g.te >= end && g.entry.target.kind !== 'actor') continue;
    if (g && g.entry.target.kind === 'actor' && g.entry.target.actor.type !== 'PERSON') continue;
    if (end === s) continue;
    addEntity(tg, s, end, 'PERSON', 'gazetteer.title-person');
    next = tagCoordinatedPersons(tg, end);
  }
}

/** Coordinated names share the title: "… Kazem Gharibabadi and Majid Takht-Ravanchi". Returns where they end. */
function tagCoordinatedPersons(tg: Tagging, end: number): number {
  const { gaz, tokens, occupied, roleStarts } = tg;
  const n = tokens.length;
  let k = end;
  while (k + 1 < n && (tokens[k]!.normal === 'and' || tokens[k]!.text === ',') && !occupied[k + 1] && nameLike(tokens[k + 1]!) && tokens[k + 1]!.pos === 'PROPN') {
    const e2 = nameRun(tokens, k + 1, occupied, roleStarts);
    const g2 = nameAt(gaz, tokens, k + 1, n);
    if (e2 - (k + 1) < 2 || (g2 && g2.te >= e2)) break;
    addEntity(tg, k + 1, e2, 'PERSON', 'gazetteer.title-person');
    k = e2;
  }
  return k;
}

/** The name forms (full name, surname) of the persons tagged so far, keyed as nameTokensKey, to where first seen. */
function knownNameForms(entities: Entity[]): Map<string, number> {
  const surnames = new Map<string, number>();
  for (const e of entities) {
    if (e.type !== 'PERSON') continue;
    const words = e.text.trim().split(/\s+/);
    if (words.length < 2) continue;
    for (const form of [e.text, words[words.length - 1]!]) {
      const key = nameTokensKey(form);
      if (key.length >= 3 && !surnames.has(key)) surnames.set(key, e.start);
    }
  }
  return surnames;
}

function tagSurnames(tg: Tagging): void {
  const surnames = knownNameForms(tg.entities);
  if (surnames.size === 0) return;
  retypeLoneSurnames(tg, surnames);
  tagSurnameMentions(tg, surnames);
}

/**
 * The tagger may read a lone surname as a place or an organisation ("talks with Mora and his team"):
 * in one article a surname of a person already named is that person (one sense per discourse).
 */
function retypeLoneSurnames(tg: Tagging, surnames: Map<string, number>): void {
  // A mention at or before the first person's first mention can be no later mention: no key needed for it.
  let earliest = Infinity;
  for (const start of surnames.values()) if (start < earliest) earliest = start;
  for (const e of tg.entities) {
    if (e.start <= earliest || e.type === 'PERSON' || e.rule?.startsWith('gazetteer.') || e.rule?.startsWith('coref.')) continue;
    const firstSeen = surnames.get(nameTokensKey(e.text));
    if (firstSeen === undefined || firstSeen >= e.start) continue;
    const [ts, te] = tg.ranges.get(e)!;
    if (namesPlaceOrBody(tg, ts, te)) continue;
    e.type = 'PERSON';
    e.rule = 'coref.surname';
  }
}

/** Untagged later mentions of a known name form ("Shoigu" after "Sergei Shoigu"). */
function tagSurnameMentions(tg: Tagging, surnames: Map<string, number>): void {
  const { tokens, occupied, roleStarts } = tg;
  // First words of the known forms: most capitalised words start none, and need no key built.
  const firstWords = new Set<string>();
  for (const key of surnames.keys()) firstWords.add(key.split(' ', 1)[0]!);
  let next = 0;
  for (const i of tg.capitals) {
    if (i < next || occupied[i] || tokens[i]!.pos !== 'PROPN' || !firstWords.has(tokens[i]!.normal)) continue;
    // Longest run of up to 4 name tokens matching a known name form.
    const run = nameRun(tokens, i, occupied, roleStarts);
    for (let end = run; end > i; end--) {
      const key = tokens.slice(i, end).map((t) => t.normal).join(' ');
      const firstSeen = surnames.get(key);
      if (firstSeen !== undefined && firstSeen < tokens[i]!.start && !namesPlaceOrBody(tg, i, end)) {
        addEntity(tg, i, end, 'PERSON', 'coref.surname');
        next = end;
        break;
      }
    }
  }
}

function tagGazetteerNames(tg: Tagging): void {
  const { gaz, tokens, occupied } = tg;
  const n = tokens.length;
  let next = 0;
  for (const i of tg.capitals) {
    if (i < next || occupied[i]) continue;
    const m = nameAt(gaz, tokens, i, n);
    if (!m) continue;
    let free = true;
    for (let k = m.ts; k < m.te; k++) if (occupied[k]) free = false;
    if (!free) continue;
    const t = m.entry.target;
    // Descriptive group names ("European powers") are for resolveActorForSpan, not entities.
    if (t.kind === 'actor' && m.entry.cases[m.entry.cases.length - 1] === 'any') continue;
    if (t.kind === 'city' && !wholeCityName(tokens, m.ts, m.te)) continue;
    const { type, rule } = kindRule(t);
    const e = addEntity(tg, m.ts, m.te, type, rule);
    tg.targets.set(e, t);
    next = m.te;
  }
}

/** A city name only when it is the whole name: not "Jackson" in "Michael Jackson", not "Paris Agreement". */
function wholeCityName(tokens: Token[], ts: number, te: number): boolean {
  const sentence = tokens[ts]!.sentence;
  const joins = (x: Token | undefined): boolean =>
    !!x && x.sentence === sentence && (x.pos === 'PROPN' || x.pos === 'NOUN' || x.pos === 'ADJ') && isCapitalised(x);
  if (joins(tokens[ts - 1]) || joins(tokens[te])) return false;
  return !(te - ts === 1 && tokens[ts]!.pos !== 'PROPN');
}

const ACRONYM = /^[A-Z][A-Z0-9&]{1,7}$/;

function tagAcronyms(tg: Tagging): void {
  const { tokens, occupied } = tg;
  const acronyms = new Set<string>();
  for (const e of tg.entities) {
    if (e.type !== 'ORG' && e.type !== 'GPE' && e.type !== 'FAC') continue;
    const [, te] = tg.ranges.get(e)!;
    if (tokens[te]?.text === '(' && tokens[te + 2]?.text === ')' && ACRONYM.test(tokens[te + 1]!.text)) {
      acronyms.add(tokens[te + 1]!.text);
    }
  }
  for (let i = 0; i < tokens.length && acronyms.size > 0; i++) {
    if (!occupied[i] && acronyms.has(tokens[i]!.text)) addEntity(tg, i, i + 1, 'ORG', 'coref.acronym');
  }
}
