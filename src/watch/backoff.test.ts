import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueAt, retryDelay } from './backoff.js';
import { formatDuration, parseDuration } from './parse-duration.js';
import type { FeedState } from '../store/store.js';

test('parseDuration: units, bare seconds, and what is refused', () => {
  assert.equal(parseDuration('15m'), 900_000);
  assert.equal(parseDuration('90s'), 90_000);
  assert.equal(parseDuration('2h'), 7_200_000);
  assert.equal(parseDuration('1d'), 86_400_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('45'), 45_000);
  assert.equal(parseDuration('1.5m'), 90_000);
  for (const bad of ['', 'm', '0', '-5m', '15 minutes', '5x']) assert.equal(parseDuration(bad), null, bad);
  assert.deepEqual([30_000, 900_000, 7_200_000, 5_400_000].map(formatDuration), ['30s', '15m', '2h', '1h30m']);
});

test('retryDelay: the interval after a success, doubled per failure in a row, capped at 6 h (or the interval when longer)', () => {
  const m = 60_000;
  assert.equal(retryDelay(0, 15 * m), 15 * m);
  assert.equal(retryDelay(1, 15 * m), 30 * m);
  assert.equal(retryDelay(3, 15 * m), 120 * m);
  assert.equal(retryDelay(50, 15 * m), 360 * m);
  assert.equal(retryDelay(2, 24 * 60 * m), 24 * 60 * m);
});

test('dueAt: never polled is due now; otherwise last poll plus the delay', () => {
  const state = (lastPoll: string | null, failures: number): FeedState => ({
    url: 'http://x.example/feed', lastPoll, lastSuccess: null, lastError: null, httpStatus: null, etag: null, lastModified: null,
    itemsSeen: 0, itemsNew: 0, itemsTotal: 0, failures,
  });
  const now = Date.parse('2024-08-05T12:00:00Z');
  assert.equal(dueAt(undefined, 1000, now), now);
  assert.equal(dueAt(state(null, 0), 1000, now), now);
  assert.equal(dueAt(state('2024-08-05T11:00:00.000Z', 0), 900_000, now), Date.parse('2024-08-05T11:15:00Z'));
  assert.equal(dueAt(state('2024-08-05T11:00:00.000Z', 2), 900_000, now), Date.parse('2024-08-05T12:00:00Z'));
});
