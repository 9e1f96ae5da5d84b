// The gazetteer: countries, cities, regions, known actors and the role lexicon, indexed for fast lookup.
// Built once from validated data (see load-gazetteer.ts); analysis code only reads it.

export interface CountryEntry {
  a2: string;
  a3: string;
  name: string;
  names: string[];
  demonyms: string[];
  lat: number | null;
  lon: number | null;
  capital: number | null;
}

export interface CityEntry {
  geonameid: number;
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
  feature: string;
  admin1: string;
  altNames: string[];
}

export interface RegionEntry {
  id: string;
  kind: 'admin1' | 'territory' | 'region';
  type: 'GPE' | 'LOC';
  names: string[];
  country: string | null;
  lat: number;
  lon: number;
  admin1?: string;
  code?: string;
}

export interface ActorEntry {
  id: string;
  type: 'PERSON' | 'ORG' | 'GPE' | 'NORP' | 'LOC' | 'FAC';
  code: string;
  country: string | null;
  names: string[];
  /** Web hosts that publish as this actor ("state.gov"): "we" in its own releases is the actor itself. */
  hosts?: string[];
}

export interface RoleEntry {
  id: string;
  type: string;
  person: boolean;
  phrases: string[];
}

export interface GazetteerData {
  countries: CountryEntry[];
  cities: CityEntry[];
  regions: RegionEntry[];
  actors: ActorEntry[];
  roles: RoleEntry[];
}

/** What a run of tokens names. */
export type NameTarget =
  | { kind: 'country'; country: CountryEntry }
  | { kind: 'demonym'; country: CountryEntry }
  | { kind: 'actor'; actor: ActorEntry }
  | { kind: 'region'; region: RegionEntry }
  | { kind: 'city'; city: CityEntry };

/** One name of the phrase index: its folded tokens, and how their case must look in text. */
export interface NameEntry {
  tokens: string[];
  /** Per token: 'exact' (acronyms: same letters, same case), 'cap' (must be capitalised) or 'any'. */
  cases: Array<'exact' | 'cap' | 'any'>;
  surface: string[];
  target: NameTarget;
}

export interface RoleMatch {
  role: RoleEntry;
  tokens: string[];
}

export interface Gazetteer {
  data: GazetteerData;
  /** Names that may be tagged in text, keyed by their first folded token; longest first. */
  phrases: Map<string, NameEntry[]>;
  /** Role phrases keyed by their first lower-cased token; longest first. */
  roles: Map<string, RoleMatch[]>;
  /** Every place name (folded, single-spaced) to its candidates, for geo resolution. */
  places: Map<string, NameTarget[]>;
  /** Known actors by folded name (user-supplied persons included). */
  actorsByName: Map<string, ActorEntry>;
  /** Actors by the web host that publishes as them (lower case, no "www."). */
  actorsByHost: Map<string, ActorEntry>;
  countriesByA3: Map<string, CountryEntry>;
  citiesById: Map<number, CityEntry>;
  /** Admin-1 regions by `country/admin1` ("USA/TX"), for "Paris, Texas". */
  admin1ByCode: Map<string, RegionEntry>;
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;

/** Lower case without diacritics: "Genève" and "Geneve" meet. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '').replace(/[’‘]/g, "'") : lower;
}

/**
 * Splits a name the way the NLP base layer tokenises text: on spaces, with hyphens, parentheses,
 * commas and a possessive "'s" as tokens of their own ("Takht-Ravanchi" → Takht, -, Ravanchi).
 */
export function nameTokens(name: string): string[] {
  const out: string[] = [];
  for (const word of name.trim().split(/\s+/)) {
    for (const piece of word.split(/([-(),]|'s$)/)) if (piece !== '' && piece !== undefined) out.push(piece);
  }
  return out;
}

function caseOf(token: string): 'exact' | 'cap' | 'any' {
  const letters = token.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 'exact';
  if (/^\p{Lu}/u.test(token) || /^\p{N}/u.test(token)) return 'cap';
  return 'any';
}

function addPhrase(index: Map<string, NameEntry[]>, name: string, target: NameTarget): void {
  const surface = nameTokens(name);
  if (surface.length === 0) return;
  const tokens = surface.map(fold);
  const entry: NameEntry = { tokens, cases: surface.map(caseOf), surface, target };
  const list = index.get(tokens[0]!);
  if (list) list.push(entry);
  else index.set(tokens[0]!, [entry]);
}

function addPlace(places: Map<string, NameTarget[]>, name: string, target: NameTarget): void {
  const key = placeKey(name);
  const list = places.get(key);
  if (!list) places.set(key, [target]);
  else if (!list.includes(target)) list.push(target);
}

/** The key of a place name: folded, one space between words, without a leading "the". */
export function placeKey(name: string): string {
  return fold(name).replace(/\s+/g, ' ').replace(/^the /, '').trim();
}

/** Population from which a city is tagged in text by the gazetteer (smaller ones only resolve tagged names). */
export const TAG_CITY_POPULATION = 100_000;

/** The actor that publishes at a URL's host or a parent domain of it ("en.kremlin.ru" → kremlin.ru), or null. */
export function publisherOf(gaz: Gazetteer, url: string | null): ActorEntry | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const actor = gaz.actorsByHost.get(h);
    if (actor) return actor;
  }
  return null;
}

/** Formal styles before a state's short name: "the Republic of Belarus", "the Kingdom of Morocco". */
const STYLES = ['Republic of', 'Kingdom of', 'Federal Republic of', 'Islamic Republic of', "People's Republic of", 'Sultanate of', 'Principality of', 'Grand Duchy of', 'Hashemite Kingdom of', 'United Republic of'];

/**
 * A country's name in each formal style, for its plain names (not abbreviations or names that already carry a
 * style). The NER otherwise splits "the Republic of Belarus Alexander Lukashenko" at "Republic", a town's name.
 */
function styledNames(names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (!/^[A-Z][a-z]/.test(n) || /\b(Republic|Kingdom|State|Sultanate|Principality|Duchy|Emirates?)\b|\./.test(n)) continue;
    for (const style of STYLES) {
      // "the Republic of China" is Taiwan's style, not China's.
      if (n === 'China' && style === 'Republic of') continue;
      out.push(`${style} ${n}`);
    }
  }
  return out;
}

export function buildGazetteer(data: GazetteerData): Gazetteer {
  const phrases = new Map<string, NameEntry[]>();
  const places = new Map<string, NameTarget[]>();
  const actorsByName = new Map<string, ActorEntry>();
  const actorsByHost = new Map<string, ActorEntry>();
  const countriesByA3 = new Map<string, CountryEntry>();
  const citiesById = new Map<number, CityEntry>();
  const admin1ByCode = new Map<string, RegionEntry>();
  for (const country of data.countries) {
    countriesByA3.set(country.a3, country);
    const t: NameTarget = { kind: 'country', country };
    for (const n of country.names) {
      addPhrase(phrases, n, t);
      addPlace(places, n, t);
    }
    for (const n of styledNames(country.names)) addPhrase(phrases, n, t);
    const d: NameTarget = { kind: 'demonym', country };
    for (const n of country.demonyms) addPhrase(phrases, n, d);
  }
  for (const city of data.cities) {
    citiesById.set(city.geonameid, city);
    const t: NameTarget = { kind: 'city', city };
    const tag = city.population >= TAG_CITY_POPULATION || city.feature === 'PPLC';
    for (const n of [city.name, ...city.altNames]) {
      addPlace(places, n, t);
      if (tag) addPhrase(phrases, n, t);
    }
  }
  for (const region of data.regions) {
    if (region.admin1 && region.country) admin1ByCode.set(`${region.country}/${region.admin1}`, region);
    const t: NameTarget = { kind: 'region', region };
    for (const n of region.names) {
      addPlace(places, n, t);
      addPhrase(phrases, n, t);
    }
  }
  for (const actor of data.actors) {
    const t: NameTarget = { kind: 'actor', actor };
    for (const n of actor.names) {
      actorsByName.set(placeKey(n), actor);
      addPhrase(phrases, n, t);
    }
    for (const h of actor.hosts ?? []) actorsByHost.set(h, actor);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const roles = new Map<string, RoleMatch[]>();
  for (const role of data.roles) {
    for (const p of role.phrases) {
      const tokens = nameTokens(p).map(fold);
      const m: RoleMatch = { role, tokens };
      const list = roles.get(tokens[0]!);
      if (list) list.push(m);
      else roles.set(tokens[0]!, [m]);
    }
  }
  for (const list of roles.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { data, phrases, roles, places, actorsByName, actorsByHost, countriesByA3, citiesById, admin1ByCode };
}
