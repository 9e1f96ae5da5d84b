// Reads and validates the gazetteer files of data/gazetteer/ (once, at the edge) plus any user actor files.
import { readFileSync } from 'node:fs';
import type { ActorEntry, CityEntry, CountryEntry, Gazetteer, GazetteerData, RegionEntry, RoleEntry } from './gazetteer.js';
import { buildGazetteer } from './gazetteer.js';

const DIR = new URL('../../data/gazetteer/', import.meta.url);
const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC']);

/** A gazetteer or user actor file that cannot be used; the message names the file and the problem. */
export class GazetteerError extends Error {
  readonly code = 'GAZETTEER_INVALID';
}

function readJson(url: URL): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new GazetteerError(`${url.pathname}: cannot read gazetteer file: ${(err as Error).message}`);
  }
}

function check(ok: boolean, where: string, what: string): void {
  if (!ok) throw new GazetteerError(`${where}: ${what}`);
}

const isStr = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isNames = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every(isStr);

function validActor(a: Record<string, unknown>, where: string): ActorEntry {
  check(isStr(a.id), where, 'actor needs an "id"');
  check(isStr(a.type) && ACTOR_TYPES.has(a.type), where, `actor ${String(a.id)}: "type" must be one of ${[...ACTOR_TYPES].join(', ')}`);
  check(typeof a.code === 'string' && /^[A-Z]*$/.test(a.code), where, `actor ${String(a.id)}: "code" must be upper-case CAMEO letters`);
  check(a.country === null || a.country === undefined || (isStr(a.country) && /^[A-Z]{3}$/.test(a.country)), where, `actor ${String(a.id)}: "country" must be a 3-letter code or null`);
  check(isNames(a.names), where, `actor ${String(a.id)}: "names" must be a non-empty list of strings`);
  check(a.hosts === undefined || (Array.isArray(a.hosts) && a.hosts.every((h) => isStr(h) && /^[a-z0-9.-]+\.[a-z]+$/.test(h))), where,
    `actor ${String(a.id)}: "hosts" must be a list of lower-case web hosts ("state.gov")`);
  const entry: ActorEntry = { id: a.id as string, type: a.type as ActorEntry['type'], code: a.code as string, country: (a.country as string | null | undefined) ?? null, names: a.names as string[] };
  if (a.hosts !== undefined) entry.hosts = a.hosts as string[];
  return entry;
}

/**
 * User actor files: JSON `{"actors": [{id, type, code, country, names}]}` (or a bare list), or TSV with a
 * header row `id type code country names` where names are separated by `|`.
 */
export function parseActorFile(text: string, where: string): ActorEntry[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new GazetteerError(`${where}: invalid JSON: ${(err as Error).message}`);
    }
    const list = Array.isArray(doc) ? doc : (doc as { actors?: unknown }).actors;
    check(Array.isArray(list), where, 'expected a list of actors or {"actors": [...]}');
    return (list as Array<Record<string, unknown>>).map((a, i) => validActor(a, `${where}#${i + 1}`));
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = (lines.shift() ?? '').split('\t').map((h) => h.trim().toLowerCase());
  for (const col of ['id', 'type', 'code', 'names']) check(header.includes(col), where, `TSV header lacks column "${col}"`);
  return lines.map((line, i) => {
    const cells = line.split('\t');
    const get = (col: string): string => (cells[header.indexOf(col)] ?? '').trim();
    const country = header.includes('country') ? get('country') : '';
    return validActor(
      { id: get('id'), type: get('type').toUpperCase(), code: get('code'), country: country === '' ? null : country, names: get('names').split('|').map((n) => n.trim()).filter(Boolean) },
      `${where}:${i + 2}`,
    );
  });
}

function loadData(): GazetteerData {
  const c = readJson(new URL('countries.json', DIR));
  check(Array.isArray(c.countries), 'countries.json', 'no "countries" list');
  const countries = c.countries as CountryEntry[];
  for (const x of countries) check(/^[A-Z]{3}$/.test(x.a3) && isNames(x.names) && Array.isArray(x.demonyms), 'countries.json', `bad country ${JSON.stringify(x).slice(0, 80)}`);
  const ci = readJson(new URL('cities.json', DIR));
  check(Array.isArray(ci.rows), 'cities.json', 'no "rows" list');
  const cities: CityEntry[] = (ci.rows as unknown[][]).map((r) => {
    check(r.length >= 8 && typeof r[0] === 'number' && typeof r[3] === 'number', 'cities.json', `bad row ${JSON.stringify(r)}`);
    return {
      geonameid: r[0] as number, name: r[1] as string, country: r[2] as string, lat: r[3] as number, lon: r[4] as number,
      population: r[5] as number, feature: r[6] as string, admin1: r[7] as string, altNames: (r[8] as string[] | undefined) ?? [],
    };
  });
  const re = readJson(new URL('regions.json', DIR));
  check(Array.isArray(re.regions), 'regions.json', 'no "regions" list');
  const regions = re.regions as RegionEntry[];
  for (const x of regions) check(isStr(x.id) && isNames(x.names) && typeof x.lat === 'number', 'regions.json', `bad region ${String(x.id)}`);
  const ac = readJson(new URL('actors.json', DIR));
  check(Array.isArray(ac.actors), 'actors.json', 'no "actors" list');
  const actors = (ac.actors as Array<Record<string, unknown>>).map((a) => validActor(a, 'actors.json'));
  const ro = readJson(new URL('roles.json', DIR));
  check(Array.isArray(ro.roles), 'roles.json', 'no "roles" list');
  const roles = ro.roles as RoleEntry[];
  for (const x of roles) check(isStr(x.id) && /^[A-Z]{3}$/.test(x.type) && isNames(x.phrases), 'roles.json', `bad role ${String(x.id)}`);
  return { countries, cities, regions, actors, roles };
}

let cached: GazetteerData | null = null;

/**
 * Loads the shipped gazetteer plus user actor files (later files win on a shared name).
 * Paths come from the caller (e.g. `--actors FILE`) and from BRINK_ACTORS (paths separated by the
 * platform's path delimiter, `:` on Unix).
 */
export function loadGazetteer(actorFiles: string[] = []): Gazetteer {
  cached ??= loadData();
  const extra: ActorEntry[] = [];
  for (const file of actorFiles) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new GazetteerError(`${file}: cannot read actor file: ${(err as Error).message}`);
    }
    extra.push(...parseActorFile(text, file));
  }
  return buildGazetteer({ ...cached, actors: [...cached.actors, ...extra] });
}

/** Actor files named by the BRINK_ACTORS environment variable. */
export function actorFilesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const v = env.BRINK_ACTORS;
  if (!v) return [];
  return v.split(process.platform === 'win32' ? ';' : ':').filter(Boolean);
}
