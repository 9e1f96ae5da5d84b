// Generates data/events/cameo.json, the CAMEO event table the coder ships with, from the reference
// files in ../shared/reference/cameo (facts: codes, names, Goldstein scores, the PLOVER mapping).
// Run from the package root: node scripts/build-cameo.mjs
//
// Each entry: {code, name, goldstein, quadclass, plover, mode, context, intent, refuse}.
// - quadclass by root (contract): 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4.
// - plover/mode/context from CAMEO2PLOVER-2021.txt, with the contract's exceptions:
//   163 (impose embargo, boycott, sanctions) → SANCTION; 02 appeals → REQUEST (mode/context of the
//   parallel 10 demand code); 01 statements → plover null.
// - intent: the code for "expressing the intent" to do this action (CAMEO's 03 for cooperative
//   actions, 13 for hostile ones), used when a source announces its own future action.
// - refuse: the code for refusing to do it (CAMEO 12), used for "X will not / refuses to …".
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const ref = new URL('../../shared/reference/cameo/', import.meta.url);
const out = new URL('../data/events/cameo.json', import.meta.url);

const rows = readFileSync(new URL('cameo.tsv', ref), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const plover = new Map();
let rootType = null;
for (const raw of readFileSync(new URL('CAMEO2PLOVER-2021.txt', ref), 'utf8').split('\n')) {
  const line = raw.split('#')[0].trim();
  const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
  if (!m) continue;
  const [, code, rest] = m;
  const parts = rest.split(',').map((s) => s.trim());
  if (code.length === 2) {
    rootType = parts[0] || null;
    if (!plover.has(code)) plover.set(code, { plover: rootType, mode: null, context: [] });
    continue;
  }
  const context = (parts[2] ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  plover.set(code, { plover: parts[0] || rootType, mode: parts[1] || null, context });
}

const quadOf = (root) => (root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4);

function ploverFor(code) {
  const root = code.slice(0, 2);
  if (root === '01') return { plover: null, mode: null, context: [] };
  if (code === '163') return { plover: 'SANCTION', mode: 'restrict', context: ['diplomatic'] };
  if (root === '02') {
    const parallel = ploverFor('10' + code.slice(2));
    return { plover: 'REQUEST', mode: parallel.mode, context: parallel.context };
  }
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const hit = plover.get(c);
    if (hit) return { plover: hit.plover, mode: hit.mode, context: hit.context };
  }
  return { plover: null, mode: null, context: [] };
}

// Intent and refusal codes (own rules, following the CAMEO manual's pairing of 03/13/12 with 04–20).
const INTENT = {
  '04': '036', '040': '036', '041': '036', '042': '036', '043': '036', '044': '036', '045': '039', '046': '036',
  '05': '032', '057': '032', '06': '031', '061': '0311', '062': '0312', '063': '0313', '064': '0314',
  '07': '033', '071': '0331', '072': '0332', '073': '0333', '074': '0334', '075': '033',
  '08': '035', '081': '0351', '0811': '0351', '0812': '0351', '0813': '0351', '0814': '0351', '082': '0352',
  '083': '034', '0831': '0341', '0832': '0342', '0833': '0343', '0834': '0344',
  '084': '0353', '0841': '0353', '0842': '0353', '085': '0354', '086': '0355', '0861': '0355', '0862': '0355',
  '0863': '0355', '087': '0356', '0871': '0356', '0872': '0356', '0873': '0356', '0874': '0356',
  '14': '133', '15': '138', '16': '130', '161': '1313', '162': '1311', '1621': '1311', '1622': '1311', '1623': '1311',
  '163': '1312', '164': '134', '165': '135', '166': '136', '1661': '136', '1662': '136', '1663': '136',
  '17': '131', '171': '131', '172': '132', '1721': '1321', '1722': '1322', '1723': '1323', '1724': '1324',
  '173': '137', '174': '137', '175': '137', '18': '1383', '19': '138', '190': '1384', '191': '1381', '192': '1382',
  '20': '1385',
};
const REFUSE = {
  '03': '120', '04': '125', '045': '126', '046': '125', '05': '120', '057': '127', '06': '121', '061': '1211',
  '062': '1212', '063': '1213', '064': '1214', '07': '122', '071': '1221', '072': '1222', '073': '1223', '074': '1224',
  '075': '122', '08': '124', '081': '1241', '082': '1242', '083': '123', '0831': '1231', '0832': '1232', '0833': '1233',
  '0834': '1234', '084': '1243', '0841': '1243', '0842': '1243', '085': '1244', '086': '1245', '087': '1246',
};
const lookup = (table, code) => {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) if (table[c]) return table[c];
  return null;
};

const table = rows.map(([code, name, goldstein]) => {
  const root = Number(code.slice(0, 2));
  return {
    code,
    name,
    goldstein: Number(goldstein),
    quadclass: quadOf(root),
    ...ploverFor(code),
    intent: root >= 4 && root !== 9 && root !== 10 && root !== 11 && root !== 12 && root !== 13 ? lookup(INTENT, code) : null,
    refuse: root >= 3 && root <= 8 ? lookup(REFUSE, code) : null,
  };
});

mkdirSync(new URL('.', out), { recursive: true });
const doc = {
  source: 'CAMEO codebook (Gerner, Schrodt et al.) via ../shared/reference/cameo; PLOVER mapping CAMEO2PLOVER-2021 (Schrodt); generated by scripts/build-cameo.mjs',
  codes: table,
};
writeFileSync(out, JSON.stringify(doc, null, 0).replace(/\},\{/g, '},\n{') + '\n');
console.log(`wrote ${table.length} CAMEO codes to data/events/cameo.json`);
