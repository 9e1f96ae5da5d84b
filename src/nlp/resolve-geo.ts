// Geo resolution: a place name to one point, chosen among the gazetteer's places of that name by
// feature type, population and the article's other places ("Georgia" next to Atlanta is the US state).
import type { Geo } from '../domain/types.js';
import { placeKey, type CityEntry, type Gazetteer, type NameTarget } from './gazetteer.js';
import { memoByString } from './string-memo.js';

export interface GeoContext {
  /** Countries the article names or places in (alpha-3). */
  countries: Set<string>;
  /** Admin-1 regions the article names, as `country/admin1` ("USA/TX"). */
  admin1: Set<string>;
  /** A qualifier right after the name ("Paris, Texas"): the places it may be. */
  qualifier?: NameTarget[];
}

function countryOf(t: NameTarget): string | null {
  switch (t.kind) {
    case 'country':
    case 'demonym':
      return t.country.a3;
    case 'city':
      return t.city.country;
    case 'region':
      return t.region.country;
    case 'actor':
      return null;
  }
}

// Scores are on one scale: a country beats a region of the same name, which beats a city of 10^6 people;
// naming the candidate's country elsewhere in the article adds as much as a 30-fold population.
function score(t: NameTarget, ctx: GeoContext, key: string): number {
  const exonym = t.kind === 'city' && altNameKeys(t.city).has(key);
  let s: number;
  switch (t.kind) {
    case 'country':
      s = 70;
      break;
    case 'region':
      // A state or province outranks a mid-sized city of its name ("Ontario", "New Brunswick").
      s = t.region.kind === 'region' ? 75 : 65;
      break;
    case 'city':
      s = 10 * Math.log10(Math.max(t.city.population, 1000)) + (t.city.feature === 'PPLC' ? 10 : /^PPLA\d?$/.test(t.city.feature) ? 3 : 0);
      if (ctx.admin1.has(`${t.city.country}/${t.city.admin1}`)) s += 10;
      // An English exonym ("Geneva" for Genève) exists because English writers know the place.
      if (exonym) s += 10;
      break;
    default:
      return -Infinity;
  }
  const c = countryOf(t);
  if (c && t.kind !== 'country' && ctx.countries.has(c)) s += 15;
  if (ctx.qualifier && ctx.qualifier.length > 0) {
    const fits = ctx.qualifier.some((q) =>
      q.kind === 'country' ? q.country.a3 === c
      : q.kind === 'region' && q.region.admin1 && t.kind === 'city' ? q.region.country === t.city.country && q.region.admin1 === t.city.admin1
      : false,
    );
    if (fits) s += 100;
  }
  return s;
}

/** The geo of a place target. Countries sit at their country point (near the centre), not at the capital. */
export function geoOf(t: NameTarget): Geo | null {
  switch (t.kind) {
    case 'country':
      return t.country.lat === null || t.country.lon === null ? null : { name: t.country.name, country: t.country.a3, lat: t.country.lat, lon: t.country.lon };
    case 'region':
      return { name: t.region.names[0]!, country: t.region.country, lat: t.region.lat, lon: t.region.lon };
    case 'city':
      return { name: t.city.name, country: t.city.country, lat: t.city.lat, lon: t.city.lon, geonameid: t.city.geonameid };
    default:
      return null;
  }
}

// Place keys of the names met in text, which come back in every article ("Iran", "the United States").
export const placeKeyOf: (name: string) => string = memoByString(placeKey);

/** Keys of a city's alternative names, made once per city (the gazetteer is read-only). */
const altKeysOfCity = new WeakMap<CityEntry, Set<string>>();

function altNameKeys(city: CityEntry): Set<string> {
  let keys = altKeysOfCity.get(city);
  if (!keys) {
    keys = new Set(city.altNames.map(placeKey));
    altKeysOfCity.set(city, keys);
  }
  return keys;
}

/** Place candidates of a name, best first (empty when the gazetteer does not know it). */
export function placeCandidates(gaz: Gazetteer, name: string, ctx: GeoContext): NameTarget[] {
  const key = placeKeyOf(name);
  const list = gaz.places.get(key);
  if (!list) return [];
  if (list.length === 1) return list;
  // Each candidate scored once, not at every comparison of the sort.
  const scores = new Map<NameTarget, number>();
  for (const t of list) scores.set(t, score(t, ctx, key));
  return [...list].sort((a, b) => scores.get(b)! - scores.get(a)!);
}

/** Below this population a city in a country the article does not name is too weak a guess. */
const WEAK_CITY_POPULATION = 50_000;

/**
 * The best geo for a place name in this context, or null. A small town abroad is not taken for a
 * place in an article about other countries: "Suffolk" in a story about England is no US town, and a
 * name the gazetteer lacks (the English county) stays unresolved rather than wrong.
 */
export function resolvePlace(gaz: Gazetteer, name: string, ctx: GeoContext): { target: NameTarget; geo: Geo } | null {
  for (const t of placeCandidates(gaz, name, ctx)) {
    if (t.kind === 'city' && t.city.population < WEAK_CITY_POPULATION && ctx.countries.size > 0 && !ctx.countries.has(t.city.country) && !ctx.qualifier?.length) return null;
    const geo = geoOf(t);
    if (geo) return { target: t, geo };
  }
  return null;
}

/** Whether a name is unambiguous: one candidate place only (its country is then evidence for the others). */
export function isUnambiguousPlace(gaz: Gazetteer, name: string): NameTarget | null {
  const list = gaz.places.get(placeKeyOf(name));
  return list && list.length === 1 ? list[0]! : null;
}
