import codes from 'i18n-iso-countries/codes.json';
import en from 'i18n-iso-countries/langs/en.json';

// Country names and the ISO numeric ids world-atlas uses, from i18n-iso-countries' tables.

const alpha2 = new Map(codes.map(([a2, a3]) => [a3, a2]));
export const alpha3ByNumeric = new Map(codes.map(([, a3, num]) => [num, a3]));

const GROUPS = { IGO: 'International organisations', EUR: 'Europe', AFR: 'Africa', ASA: 'Asia', MEA: 'Middle East', WST: 'The West', PSE: 'Palestine' };

export function countryName(code) {
  if (!code) return 'unknown';
  const a2 = alpha2.get(code);
  const name = a2 ? en.countries[a2] : GROUPS[code];
  return Array.isArray(name) ? name[0] : (name ?? code);
}
