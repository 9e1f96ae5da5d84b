import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildActorGazetteer, type ActorGazetteer, type GazetteerEntry } from './actor-gazetteer.js';

const require = createRequire(import.meta.url);

/**
 * Builds the coder's fallback gazetteer once at the edge: data/events/actor-names.tsv (groups, aliases,
 * capitals), then country names (i18n-iso-countries) and demonyms (i18n-nationality), singular and plural.
 */
export function loadActorGazetteer(): ActorGazetteer {
  const entries: GazetteerEntry[] = [];
  const tsv = readFileSync(new URL('../../data/events/actor-names.tsv', import.meta.url), 'utf8');
  for (const line of tsv.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, code, country, lat, lon] = line.split('\t');
    if (!name || !code) continue;
    const actor = { id: code.toLowerCase(), name, code, country: country || null };
    const geo = lat && lon ? { name, country: country || null, lat: Number(lat), lon: Number(lon) } : null;
    entries.push({ name, actor, geo });
  }
  const countries = require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
  const toAlpha3 = (require('i18n-iso-countries') as { alpha2ToAlpha3(a: string): string | undefined }).alpha2ToAlpha3;
  for (const [a2, names] of Object.entries(countries.countries)) {
    const a3 = toAlpha3(a2);
    if (!a3) continue;
    const list = Array.isArray(names) ? names : [names];
    const main = list[0]!;
    for (const name of list) {
      if (name.length < 3) continue;
      entries.push({ name, actor: { id: a3.toLowerCase(), name: main, code: a3, country: a3 }, geo: null });
    }
  }
  const demonyms = require('i18n-nationality/langs/en.json') as { nationalities: Record<string, string> };
  for (const [a2, raw] of Object.entries(demonyms.nationalities)) {
    const a3 = toAlpha3(a2);
    if (!a3 || /[(),-]/.test(raw)) continue;
    const main = Array.isArray(countries.countries[a2]) ? countries.countries[a2]![0]! : String(countries.countries[a2]);
    const actor = { id: a3.toLowerCase(), name: main, code: a3, country: a3 };
    entries.push({ name: raw, actor, geo: null });
    if (!raw.endsWith('s')) entries.push({ name: raw + 's', actor, geo: null });
  }
  return buildActorGazetteer(entries);
}
