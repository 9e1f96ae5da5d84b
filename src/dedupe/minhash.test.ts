import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BANDS, estimatedJaccard, isNearDuplicate, lshBandKeys, minhashSignature, NUM_HASHES, shingleHashes } from './minhash.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { dateBucket, isoWeek } from './cluster-key.js';

const STORY =
  'Heavy rain flooded the lower districts of the river city overnight, forcing hundreds of families to leave their homes ' +
  'and closing the main bridge to traffic. The mayor said emergency shelters had been opened in three schools and that ' +
  'the army would help to move people from the worst-hit streets before a second storm arrives on Thursday.';

/** Exact Jaccard similarity of two texts' shingle sets, to check the estimate against. */
function jaccard(a: string, b: string): number {
  const x = new Set(shingleHashes(a));
  const y = new Set(shingleHashes(b));
  let both = 0;
  for (const h of x) if (y.has(h)) both++;
  return both / (x.size + y.size - both);
}

test('minhash: deterministic, case and punctuation blind, sized as configured', () => {
  const sig = minhashSignature(STORY);
  assert.equal(sig.length, NUM_HASHES);
  assert.deepEqual(minhashSignature(STORY), sig);
  assert.deepEqual(minhashSignature(STORY.toUpperCase().replace(/,/g, ' ;')), sig);
  assert.equal(minhashSignature('  ... ').length, 0);
  assert.equal(lshBandKeys(sig).length, BANDS);
  for (const k of lshBandKeys(sig)) assert.ok(Number.isSafeInteger(k) && k >= 0);
  // Short texts (fewer words than a shingle) still get a signature.
  assert.equal(minhashSignature('Two words').length, NUM_HASHES);
});

test('minhash: the estimate follows the true Jaccard similarity', () => {
  const edited = STORY.replace('three schools', 'four schools').replace('on Thursday', 'on Friday');
  const other = 'The central bank kept its main interest rate unchanged on Wednesday, saying inflation had slowed for a fourth month.';
  const trueSim = jaccard(STORY, edited);
  assert.ok(Math.abs(estimatedJaccard(minhashSignature(STORY), minhashSignature(edited)) - trueSim) < 0.2, `true ${trueSim}`);
  assert.equal(estimatedJaccard(minhashSignature(STORY), minhashSignature(STORY)), 1);
  assert.ok(estimatedJaccard(minhashSignature(STORY), minhashSignature(other)) < 0.1);
  const light = STORY.replace('on Thursday', 'on Friday');
  assert.ok(isNearDuplicate(minhashSignature(STORY), minhashSignature(light)));
  assert.ok(!isNearDuplicate(minhashSignature(STORY), minhashSignature(other)));
  // Near-duplicates share at least one band (what makes them LSH candidates).
  const a = new Set(lshBandKeys(minhashSignature(STORY)));
  assert.ok(lshBandKeys(minhashSignature(light)).some((k) => a.has(k)));
});

test('near-duplicate index: exact and near copies point at the first article, others at nothing', () => {
  const index = new NearDuplicateIndex();
  assert.equal(index.checkAndAdd('a', STORY, 'h1'), null);
  assert.equal(index.checkAndAdd('b', 'A completely different report about a football match that ended in a draw.', 'h2'), null);
  assert.equal(index.checkAndAdd('c', STORY, 'h1'), 'a');
  assert.equal(index.checkAndAdd('d', STORY.replace('on Thursday', 'later this week'), 'h3'), 'a');
  assert.equal(index.checkAndAdd('a', STORY, 'h1'), null, 'the same article again is not its own duplicate');
});

test('cluster buckets: fixed calendar cells by precision', () => {
  assert.equal(isoWeek('2024-08-05'), '2024-W32');
  assert.equal(isoWeek('2024-12-30'), '2025-W01');
  assert.equal(isoWeek('2021-01-03'), '2020-W53');
  assert.equal(dateBucket('2024-08-05', 'day'), '2024-08-05');
  assert.equal(dateBucket('2024-08-05', 'week'), '2024-W32');
  assert.equal(dateBucket('2024-W31', 'week'), '2024-W31');
  assert.equal(dateBucket('2024-08', 'month'), '2024-08');
  assert.equal(dateBucket('2024', 'year'), '2024');
  assert.equal(dateBucket('PAST_REF', null), null);
});
