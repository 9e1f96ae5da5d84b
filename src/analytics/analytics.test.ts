import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterFact } from '../store/query-types.js';
import { buildSeries, volumeByDay } from './build-series.js';
import { detectAlerts } from './detect-alerts.js';
import { actorNetwork } from './actor-network.js';
import { countryAggregates } from './country-aggregates.js';
import { periodsBetween, periodOf } from './period.js';
import { poissonSurprise } from './poisson-surprise.js';
import { dayOf, dayNumber } from './period.js';

let n = 0;
function fact(day: string, a: string | null, b: string | null, quadclass: number, goldstein = quadclass >= 3 ? -8 : 3): ClusterFact {
  const key = `k${n++}`;
  return {
    key, sourceActor: a && `${a.toLowerCase()}-actor`, targetActor: b && `${b.toLowerCase()}-actor`, sourceCountry: a, targetCountry: b,
    cameoRoot: quadclass >= 3 ? '19' : '04', quadclass, plover: quadclass >= 3 ? 'ASSAULT' : 'CONSULT', goldstein,
    place: null, bucket: day, day, mentions: 1, articles: 1, outlets: 1,
  };
}

/** A quiet background: `perDay` clusters a day between unrelated pairs over the given days. */
function background(from: string, days: number, perDay: number): ClusterFact[] {
  const out: ClusterFact[] = [];
  for (let d = 0; d < days; d++) for (let i = 0; i < perDay; i++) out.push(fact(dayOf(dayNumber(from) + d), `C${i % 7}A`, `C${i % 5}B`, i % 3 === 0 ? 3 : 1));
  return out;
}

test('periods: ISO weeks, months, and gap-free ranges', () => {
  assert.equal(periodOf('2022-02-24', 'week'), '2022-W08');
  assert.equal(periodOf('2021-01-03', 'week'), '2020-W53');
  assert.deepEqual(periodsBetween('2022-01-30', '2022-04-02', 'month'), ['2022-01', '2022-02', '2022-03', '2022-04']);
  assert.deepEqual(periodsBetween('2022-02-26', '2022-03-08', 'week'), ['2022-W08', '2022-W09', '2022-W10']);
  assert.equal(periodsBetween('2022-02-26', '2022-03-01', 'day').length, 4);
});

test('poisson surprise: small and large counts', () => {
  assert.equal(poissonSurprise(0, 1), 0);
  // P(X >= 1 | 1) = 1 - e^-1
  assert.ok(Math.abs(poissonSurprise(1, 1) - -Math.log10(1 - Math.exp(-1))) < 1e-9);
  assert.ok(poissonSurprise(3, 0.05) > 4);
  const huge = poissonSurprise(500, 2);
  assert.ok(Number.isFinite(huge) && huge > 500);
});

test('series: clusters by QuadClass and PLOVER, Goldstein, zero-filled periods, volume-normalised index', () => {
  const pair = [fact('2022-01-03', 'AAA', 'BBB', 1), fact('2022-01-04', 'BBB', 'AAA', 4), fact('2022-03-01', 'AAA', 'BBB', 4), fact('2022-03-02', 'AAA', 'BBB', 3)];
  const volume = volumeByDay([...pair, ...background('2022-01-01', 10, 9), ...background('2022-03-01', 5, 18)]);
  const s = buildSeries(pair, volume, 'month');
  assert.deepEqual(s.points.map((p) => p.period), ['2022-01', '2022-02', '2022-03']);
  const [jan, feb, mar] = s.points;
  assert.deepEqual(jan!.quadclass, [1, 0, 0, 1]);
  assert.deepEqual(mar!.plover, { ASSAULT: 2 });
  assert.equal(jan!.goldsteinSum, -5);
  assert.equal(jan!.goldsteinMean, -2.5);
  assert.equal(feb!.clusters, 0);
  assert.equal(feb!.goldsteinMean, null);
  assert.equal(feb!.escalation, null, 'no corpus volume, no index');
  assert.equal(jan!.corpusClusters, 92);
  assert.equal(mar!.corpusClusters, 92);
  // Same volume in both months, twice the conflict in March: March's index is twice January's.
  assert.ok(Math.abs(mar!.escalation! / jan!.escalation! - 2) < 0.01);
  assert.deepEqual(s.totals, { clusters: 4, conflict: 3, cooperation: 1, goldsteinMean: -5.25 });
});

test('alerts: a sudden burst from a quiet pair alerts; steady conflict and growing coverage do not', () => {
  const facts = background('2022-01-01', 120, 12);
  // A pair in steady low-level conflict all along: never alerts.
  for (let d = 0; d < 120; d += 2) facts.push(fact(dayOf(dayNumber('2022-01-01') + d), 'DDD', 'EEE', 4));
  // Coverage doubles in April for everyone (including DDD-EEE): still no alert.
  facts.push(...background('2022-04-01', 30, 12));
  for (let d = 1; d < 30; d += 2) facts.push(fact(dayOf(dayNumber('2022-04-01') + d), 'DDD', 'EEE', 4));
  // A quiet pair suddenly reported in conflict three times in two days.
  facts.push(fact('2022-03-10', 'RRR', 'UUU', 4), fact('2022-03-10', 'UUU', 'RRR', 4), fact('2022-03-11', 'RRR', 'UUU', 3));
  // Cooperation bursts are not escalation.
  for (let i = 0; i < 6; i++) facts.push(fact('2022-03-20', 'FFF', 'GGG', 1));
  const alerts = detectAlerts(facts);
  const pairs = alerts.map((a) => a.pair.join('-'));
  assert.ok(pairs.includes('RRR-UUU'), `alerts: ${JSON.stringify(alerts)}`);
  assert.ok(!pairs.includes('DDD-EEE'));
  assert.ok(!pairs.includes('FFF-GGG'));
  const a = alerts.find((x) => x.pair.join('-') === 'RRR-UUU')!;
  assert.equal(a.start, '2022-03-10');
  assert.equal(a.peak, '2022-03-10');
  assert.equal(a.events, 3);
  assert.ok(a.end !== null && a.end >= '2022-03-11');
  assert.ok(a.score >= 4);
  // Ordered by start.
  assert.deepEqual(alerts.map((x) => x.start), alerts.map((x) => x.start).sort());
});

test('alerts: no baseline at the start of the data, and a burst still running at the end has no end', () => {
  const early = [fact('2022-01-01', 'RRR', 'UUU', 4), fact('2022-01-01', 'RRR', 'UUU', 4), fact('2022-01-02', 'RRR', 'UUU', 4)];
  assert.deepEqual(detectAlerts(early), []);
  const facts = [...background('2022-01-01', 60, 5), fact('2022-02-28', 'RRR', 'UUU', 4), fact('2022-03-01', 'RRR', 'UUU', 4), fact('2022-03-01', 'RRR', 'UUU', 4)];
  const [a] = detectAlerts(facts);
  assert.equal(a?.end, null);
});

test('network: edges weighted by clusters and signed; country aggregates', () => {
  const facts = [fact('2022-01-01', 'AAA', 'BBB', 1), fact('2022-01-02', 'BBB', 'AAA', 4), fact('2022-01-02', 'AAA', 'BBB', 4), fact('2022-01-03', 'AAA', 'CCC', 2), fact('2022-01-03', 'AAA', 'AAA', 4), fact('2022-01-03', 'AAA', null, 4)];
  const net = actorNetwork(facts);
  assert.deepEqual(net.edges.map((e) => [e.source, e.target, e.clusters, e.sign]), [['AAA', 'BBB', 3, -0.333], ['AAA', 'CCC', 1, 1]]);
  assert.deepEqual(net.nodes, [{ id: 'AAA', clusters: 4 }, { id: 'BBB', clusters: 3 }, { id: 'CCC', clusters: 1 }]);
  assert.deepEqual(actorNetwork(facts, { focus: 'CCC' }).edges.length, 1);
  assert.equal(actorNetwork(facts, { by: 'actor' }).nodes[0]!.id, 'aaa-actor');
  const map = countryAggregates(facts);
  assert.deepEqual(map[0], { country: 'AAA', clusters: 6, cooperation: 2, conflict: 4, goldsteinMean: -4.33, balance: -0.333 });
});
