import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSentence, prepareTransitions } from './decode.js';
import { FEATURE_SLOTS } from './features.js';
import { ROW_STRIDE, TAG_COUNT, allowedEnd, allowedTransition, tagOf, BEGIN, LAST, UNIT, OUTSIDE } from './tag-set.js';

test('BILOU constraints: an I or L only continues a B or I of the same class', () => {
  assert.ok(allowedTransition(-1, tagOf(0, BEGIN)));
  assert.ok(!allowedTransition(-1, tagOf(0, LAST)));
  assert.ok(allowedTransition(tagOf(1, BEGIN), tagOf(1, LAST)));
  assert.ok(!allowedTransition(tagOf(1, BEGIN), tagOf(2, LAST)));
  assert.ok(!allowedTransition(tagOf(1, BEGIN), OUTSIDE));
  assert.ok(!allowedEnd(tagOf(0, BEGIN)));
  assert.ok(allowedEnd(tagOf(0, UNIT)));
});

test('Viterbi follows the weights within the constraints', () => {
  // Two tokens; token 0 has feature bucket 1, token 1 bucket 2; every other slot uses bucket 0 (all zero).
  const feats = new Int32Array(2 * FEATURE_SLOTS);
  feats[0] = 1;
  feats[FEATURE_SLOTS] = 2;
  const weights = new Float32Array(3 * ROW_STRIDE);
  const b = tagOf(0, BEGIN);
  const l = tagOf(0, LAST);
  const u = tagOf(0, UNIT);
  weights[1 * ROW_STRIDE + b] = 2;
  weights[1 * ROW_STRIDE + u] = 1;
  weights[2 * ROW_STRIDE + l] = 2;
  const out = new Int32Array(2);
  decodeSentence(feats, 0, 2, weights, prepareTransitions(new Float64Array((TAG_COUNT + 1) * TAG_COUNT)), out);
  assert.deepEqual([...out], [b, l]);
  // A lone B cannot end the sentence: with one token the best legal tag is U.
  decodeSentence(feats, 0, 1, weights, prepareTransitions(new Float64Array((TAG_COUNT + 1) * TAG_COUNT)), out);
  assert.equal(out[0], u);
});
