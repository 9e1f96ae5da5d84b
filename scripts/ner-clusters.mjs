// Word classes for the NER tagger, learned from unlabelled news text (used by scripts/train-ner.mjs).
// Each frequent word is described by its left and right neighbours (among the most frequent words),
// and k-means groups words with similar contexts: "Reuters", "Xinhua" and "AFP" land together, as do
// first names, ministries or club names, which helps with names the labelled data never showed.
// Deterministic: fixed input order, seeds are the most frequent words, fixed iteration count.
import { readFileSync, readdirSync } from 'node:fs';
import { analyzeBase } from '../dist/nlp/analyze-base.js';

/** Texts of the unlabelled corpora in ../shared/corpora, in a fixed order. */
export function unlabelledTexts(shared) {
  const texts = [];
  const jsonl = (url) => {
    for (const line of readFileSync(url, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line);
      if (o.title) texts.push(o.title);
      if (o.text) texts.push(o.text);
    }
  };
  for (const dir of ['wikipedia-current-events', 'state-department-2021-2022', 'kremlin-2021-2022']) {
    const url = new URL(`corpora/${dir}/`, shared);
    for (const f of readdirSync(url).filter((n) => n.endsWith('.jsonl')).sort()) jsonl(new URL(f, url));
  }
  return texts;
}

/**
 * Learns word classes. `texts` are raw texts; extra token streams (arrays of normal forms) may be added.
 * Returns Map normal -> (coarse << 16 | fine).
 */
export function learnClusters(texts, { vocab = 40000, contexts = 300, fine = 256, coarse = 32, iterations = 12, minCount = 4, log = () => {} } = {}) {
  // 1. Token streams (wink's normal forms, as the tagger looks words up).
  const streams = [];
  const freq = new Map();
  for (const text of texts) {
    const doc = analyzeBase(text);
    for (const s of doc.sentences) {
      const words = [];
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const w = doc.tokens[i].normal;
        words.push(w);
        freq.set(w, (freq.get(w) ?? 0) + 1);
      }
      streams.push(words);
    }
  }
  log(`clusters: ${streams.length} sentences, ${freq.size} word types`);
  const ranked = [...freq].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = ranked.slice(0, vocab).map(([w]) => w);
  const index = new Map(words.map((w, i) => [w, i]));
  const C = contexts + 1; // the last context slot is "any other word"
  const D = 2 * C + 2; // left contexts, right contexts, sentence start, sentence end
  // 2. Sparse context counts per word (Map of key -> count, key = word * D + dim).
  const counts = new Map();
  const bump = (w, d) => { const k = w * D + d; counts.set(k, (counts.get(k) ?? 0) + 1); };
  for (const s of streams) {
    for (let i = 0; i < s.length; i++) {
      const w = index.get(s[i]);
      if (w === undefined) continue;
      if (i === 0) bump(w, 2 * C);
      else { const l = index.get(s[i - 1]); bump(w, l !== undefined && l < contexts ? l : contexts); }
      if (i === s.length - 1) bump(w, 2 * C + 1);
      else { const r = index.get(s[i + 1]); bump(w, C + (r !== undefined && r < contexts ? r : contexts)); }
    }
  }
  // 3. CSR rows, square-rooted and L2-normalised (Hellinger), so cosine similarity is a dot product.
  const V = words.length;
  const rowStart = new Int32Array(V + 1);
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const cols = new Int32Array(keys.length);
  const vals = new Float32Array(keys.length);
  keys.forEach((k, j) => { cols[j] = k % D; vals[j] = Math.sqrt(counts.get(k)); rowStart[Math.floor(k / D) + 1]++; });
  for (let w = 0; w < V; w++) rowStart[w + 1] += rowStart[w];
  for (let w = 0; w < V; w++) {
    let norm = 0;
    for (let j = rowStart[w]; j < rowStart[w + 1]; j++) norm += vals[j] * vals[j];
    norm = Math.sqrt(norm) || 1;
    for (let j = rowStart[w]; j < rowStart[w + 1]; j++) vals[j] /= norm;
  }
  log(`clusters: ${V} words, ${keys.length} context counts`);
  // 4. Spherical k-means over words; then k-means over the fine centroids for the coarse classes.
  const assignFine = kmeans(V, D, fine, iterations, (w, cent, k) => {
    let dot = 0;
    for (let j = rowStart[w]; j < rowStart[w + 1]; j++) dot += vals[j] * cent[k * D + cols[j]];
    return dot;
  }, (w, add) => { for (let j = rowStart[w]; j < rowStart[w + 1]; j++) add(cols[j], vals[j]); });
  const centroids = assignFine.centroids;
  const assignCoarse = kmeans(fine, D, coarse, iterations, (c, cent, k) => {
    let dot = 0;
    for (let d = 0; d < D; d++) dot += centroids[c * D + d] * cent[k * D + d];
    return dot;
  }, (c, add) => { for (let d = 0; d < D; d++) if (centroids[c * D + d]) add(d, centroids[c * D + d]); });
  const out = new Map();
  for (let w = 0; w < V; w++) {
    const f = assignFine.assign[w];
    out.set(words[w], (assignCoarse.assign[f] << 16) | f);
  }
  return out;
}

/** Spherical k-means; items are seeded in order (item k seeds cluster k: the most frequent words). */
function kmeans(n, D, K, iterations, similarity, forEachValue) {
  const cent = new Float32Array(K * D);
  for (let k = 0; k < K; k++) forEachValue(k, (d, v) => { cent[k * D + d] += v; });
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = -Infinity, arg = 0;
      for (let k = 0; k < K; k++) {
        const s = similarity(i, cent, k);
        if (s > best) { best = s; arg = k; }
      }
      assign[i] = arg;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) { const k = assign[i]; forEachValue(i, (d, v) => { cent[k * D + d] += v; }); }
    for (let k = 0; k < K; k++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += cent[k * D + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) cent[k * D + d] /= norm;
    }
  }
  return { assign, centroids: cent };
}
