// The Store contract: what every backend must do, written once and run against each backend
// (SQLite now in sqlite/sqlite-store.test.ts; PostgreSQL later), never against mocks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, CodedEvent, ExtractRecord } from '../domain/types.js';
import { contentHash } from '../pipeline/extract-article.js';
import { parseSearchQuery } from './search-query.js';
import type { FeedState, NewArticle, Store } from './store.js';

export type StoreFactory = () => Promise<Store>;

function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return {
    id, text, url: null, source: null, title: null, published: '2024-08-05', publishedAt: null,
    publishedEstimated: false, origin: `fixture.jsonl:${id}`, format: 'jsonl', ...extra,
  };
}

function add(a: Article): NewArticle {
  return { article: a, contentHash: contentHash(a.text), lang: 'en' };
}

const LONG =
  'The foreign ministers of the two neighbouring countries met in a lakeside hotel on Tuesday to discuss water rights, ' +
  'border crossings and the return of displaced farmers, and agreed to meet again before the harvest begins in the autumn. ' +
  'Officials on both sides described the talks as frank and useful, while warning that a final settlement would take years.';

const ACTOR_A = { id: 'country-aa', name: 'Aland', code: 'AAA', country: 'AAA' };
const ACTOR_B = { id: 'country-bb', name: 'Bland', code: 'BBB', country: 'BBB' };

function event(id: string, date: string | null, extra: Partial<CodedEvent> = {}): CodedEvent {
  return {
    id, sentence: 0, evidence: { start: 0, end: 20 }, trigger: { start: 4, end: 8, text: 'met' },
    source: { start: 0, end: 3, text: 'Aland', actor: ACTOR_A }, target: { start: 10, end: 15, text: 'Bland', actor: ACTOR_B },
    cameo: '042', plover: 'CONSULT', mode: 'visit', context: ['diplomatic'], goldstein: 1.9, quadclass: 1,
    modality: 'asserted', reported: false, date, datePrecision: date ? 'day' : null, location: null, size: null,
    rule: 'test.meet', coder: 'brink-test', confidence: 0.8, ...extra,
  };
}

function record(a: Article, events: CodedEvent[], quoteText = 'we will keep talking'): ExtractRecord {
  return {
    schema: 1, id: a.id, contentHash: contentHash(a.text), url: a.url, source: a.source, title: a.title,
    published: a.published, publishedAt: a.publishedAt, publishedEstimated: false, lang: 'en', text: a.text,
    sentences: [{ start: 0, end: a.text.length }],
    entities: [
      { id: 'e1', start: 0, end: 5, text: a.text.slice(0, 5), type: 'GPE', actor: ACTOR_A, geo: { name: 'Aland', country: 'AAA', lat: 1.5, lon: 2.5, geonameid: 7 }, rule: 'test.gpe' },
    ],
    times: [{ id: 't1', start: 6, end: 10, text: a.text.slice(6, 10), type: 'DATE', value: '2024-08-05', anchored: true }],
    quotes: [
      {
        id: 'q1', kind: 'direct', start: 0, end: 10, text: quoteText, parts: [{ start: 0, end: 10 }],
        cue: { start: 11, end: 15, text: a.text.slice(11, 15) },
        speaker: { start: 16, end: 20, text: a.text.slice(16, 20), actor: ACTOR_B },
      },
    ],
    events,
    duplicateOf: null,
  };
}

/** Runs the contract against a backend; the factory opens a fresh, empty store each time. */
export function storeContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    test('adding is idempotent by id', async () => {
      const store = await factory();
      try {
        const first = await store.addArticles([add(article('a1', 'Rain fell on the capital for a third day.')), add(article('a2', 'The harbour reopened after the storm passed.'))]);
        assert.deepEqual(first.map((o) => o.status), ['stored', 'stored']);
        const again = await store.addArticles([add(article('a1', 'Rain fell on the capital for a third day.'))]);
        assert.equal(again[0]!.status, 'exists');
        const stats = await store.stats('v1');
        assert.equal(stats.articles, 2);
        assert.equal(stats.duplicates, 0);
        const got = await store.getArticle('a1');
        assert.equal(got?.text, 'Rain fell on the capital for a third day.');
        assert.equal(got?.origin, 'fixture.jsonl:a1');
        assert.equal(await store.getArticle('nope'), null);
      } finally {
        await store.close();
      }
    });

    test('exact and near duplicates are stored marked, pointing at the original', async () => {
      const store = await factory();
      try {
        const nearText = LONG.replace('in the autumn', 'in late autumn');
        const out = await store.addArticles([
          add(article('orig', LONG, { source: 'Outlet One' })),
          add(article('copy', LONG, { source: 'Outlet Two' })),
          add(article('near', nearText)),
          add(article('other', 'A court in the northern province sentenced two smugglers to prison terms on Friday after a long trial.')),
        ]);
        assert.deepEqual(out, [
          { id: 'orig', status: 'stored' },
          { id: 'copy', status: 'duplicate', duplicateOf: 'orig', exact: true },
          { id: 'near', status: 'duplicate', duplicateOf: 'orig', exact: false },
          { id: 'other', status: 'stored' },
        ]);
        // Across batches too.
        const later = await store.addArticles([add(article('near2', LONG.replace('frank and useful', 'frank and constructive')))]);
        assert.deepEqual(later[0], { id: 'near2', status: 'duplicate', duplicateOf: 'orig', exact: false });
        const stats = await store.stats('v1');
        assert.equal(stats.articles, 5);
        assert.equal(stats.duplicates, 3);
        assert.equal(stats.pending, 2, 'duplicates are not analysed');
        assert.equal((await store.getArticle('near'))?.duplicateOf, 'orig');
      } finally {
        await store.close();
      }
    });

    test('full-text search: phrases, OR, exclusion, highlights, ranking', async () => {
      const store = await factory();
      try {
        await store.addArticles([
          add(article('s1', 'Fishermen protested against new quotas in the port city.', { title: 'Quota protest' })),
          add(article('s2', 'Farmers protested about diesel prices outside parliament.')),
          add(article('s3', 'The parliament passed a budget after a long night of debate.')),
        ]);
        const ids = async (q: string) => (await store.searchArticles(parseSearchQuery(q))).map((h) => h.id).sort();
        assert.deepEqual(await ids('protested'), ['s1', 's2']);
        assert.deepEqual(await ids('"diesel prices outside"'), ['s2']);
        assert.deepEqual(await ids('"prices diesel"'), []);
        assert.deepEqual(await ids('quotas OR budget'), ['s1', 's3']);
        assert.deepEqual(await ids('parliament -diesel'), ['s3']);
        assert.deepEqual(await ids('protest'), ['s1', 's2'], 'stemmed');
        assert.deepEqual(await ids('parl*'), ['s2', 's3']);
        const [hit] = await store.searchArticles(parseSearchQuery('diesel'), { highlight: ['<', '>'] });
        assert.match(hit!.snippet, /<diesel>/);
        // A title match ranks first.
        const ranked = await store.searchArticles(parseSearchQuery('quota OR diesel'));
        assert.equal(ranked[0]!.id, 's1');
        assert.ok(ranked[0]!.score >= ranked[1]!.score);
        assert.equal((await store.searchArticles(parseSearchQuery('protested'), { limit: 1 })).length, 1);
        // Text that would be syntax in the backend's own query language is searched as words.
        assert.deepEqual(await ids('NEAR(protested AND "OR'), []);
        assert.deepEqual(await ids("diesel's"), []);
      } finally {
        await store.close();
      }
    });

    test('analysis round-trips, replaces atomically and is found by version', async () => {
      const store = await factory();
      try {
        const a = article('r1', 'Aland met Bland in the border town and agreed to talk again.');
        await store.addArticles([add(a), add(article('r2', 'Nothing political happened in the quiet valley today.'))]);
        let page = await store.pendingAnalysis('v1', null, 10);
        assert.deepEqual(page.articles.map((x) => x.id), ['r1', 'r2']);
        assert.equal(page.next, null);
        page = await store.pendingAnalysis('v1', null, 1);
        assert.deepEqual(page.articles.map((x) => x.id), ['r1']);
        assert.deepEqual((await store.pendingAnalysis('v1', page.next, 1)).articles.map((x) => x.id), ['r2']);

        const rec = record(a, [event('v1', '2024-08-05'), event('v2', null, { cameo: '111', target: null, size: { dead: 2 }, location: { name: 'Border Town', country: 'AAA', lat: 3, lon: 4 } })]);
        await store.saveAnalysis(rec, 'v1');
        assert.deepEqual(await store.getAnalysis('r1'), rec);
        await store.saveAnalysis(rec, 'v1');
        let stats = await store.stats('v1');
        assert.equal(stats.events, 2, 're-saving does not duplicate');
        assert.equal(stats.quotes, 1);
        assert.equal(stats.entities, 1);
        assert.equal(stats.times, 1);
        assert.equal(stats.sentences, 1);
        assert.equal(stats.actors, 2, 'actors merged by id');
        assert.equal(stats.analysed, 1);
        assert.deepEqual((await store.pendingAnalysis('v1', null, 10)).articles.map((x) => x.id), ['r2']);
        assert.deepEqual((await store.pendingAnalysis('v2', null, 10)).articles.map((x) => x.id), ['r1', 'r2'], 'older version is pending again');

        // Quotes are searchable, and a replaced analysis leaves nothing of the old one behind.
        assert.equal((await store.searchQuotes(parseSearchQuery('keep talking')))[0]?.articleId, 'r1');
        await store.saveAnalysis(record(a, [], 'no further comment'), 'v2');
        stats = await store.stats('v2');
        assert.equal(stats.events, 0);
        assert.equal(stats.clusters, 0);
        assert.deepEqual(await store.searchQuotes(parseSearchQuery('talking')), []);
        assert.equal((await store.searchQuotes(parseSearchQuery('comment')))[0]?.quoteId, 'q1');
        await assert.rejects(store.saveAnalysis(record(article('ghost', 'x'), []), 'v1'));
      } finally {
        await store.close();
      }
    });

    test('event clusters: same pair, root, place and day across articles; counts by mention, article, outlet', async () => {
      const store = await factory();
      try {
        const arts = [
          article('c1', 'Aland met Bland on Monday in the capital of Bland.', { source: 'Daily One' }),
          article('c2', 'Talks: Aland and Bland held a meeting in the capital on Monday.', { source: 'Evening Two' }),
          article('c3', 'Report from Aland: the two governments met and talked for hours.', { source: 'Daily One' }),
          article('c4', 'Another meeting between Aland and Bland was held the following day.', { source: 'Daily One' }),
        ];
        await store.addArticles(arts.map(add));
        await store.saveAnalysis(record(arts[0]!, [event('v1', '2024-08-05'), event('v2', '2024-08-05', { cameo: '111' })]), 'v1');
        await store.saveAnalysis(record(arts[1]!, [event('v1', '2024-08-05')]), 'v1');
        await store.saveAnalysis(record(arts[2]!, [event('v1', '2024-08-05')]), 'v1');
        await store.saveAnalysis(record(arts[3]!, [event('v1', '2024-08-06')]), 'v1');
        let stats = await store.stats('v1');
        assert.equal(stats.events, 5);
        assert.equal(stats.clusters, 3, 'one cluster per day and root; the next day does not chain');
        const [top, ...rest] = await store.listClusters(10);
        assert.deepEqual(top, {
          key: top!.key, sourceActor: 'country-aa', targetActor: 'country-bb', cameoRoot: '04', place: null, bucket: '2024-08-05',
          mentions: 3, articles: 3, outlets: 2,
        });
        assert.deepEqual(rest.map((c) => [c.bucket, c.mentions, c.articles]).sort(), [['2024-08-05', 1, 1], ['2024-08-06', 1, 1]]);
        // Re-analysis leaves the clusters as they were.
        await store.saveAnalysis(record(arts[1]!, [event('v1', '2024-08-05')]), 'v1');
        stats = await store.stats('v1');
        assert.equal(stats.clusters, 3);
        assert.equal((await store.listClusters(1))[0]!.mentions, 3);
        await store.saveAnalysis(record(arts[3]!, []), 'v1');
        assert.equal((await store.stats('v1')).clusters, 2, 'an emptied cluster disappears');
      } finally {
        await store.close();
      }
    });
    test('a batch of analyses: one transaction, the same results as saving one by one', async () => {
      const one = await factory();
      const many = await factory();
      try {
        const arts = [
          article('b1', 'Aland met Bland on Monday in the capital of Bland.', { source: 'Daily One' }),
          article('b2', 'Talks: Aland and Bland held a meeting in the capital on Monday.', { source: 'Evening Two' }),
          article('b3', 'Another meeting between Aland and Bland was held the following day.', { source: 'Daily One' }),
          article('b4', 'Nothing political happened in the quiet valley today.'),
        ];
        // The same actor with a longer code and a first country later in the batch: merged as one by one.
        const longer = { ...ACTOR_A, code: 'AAAGOV', country: null };
        const records = [
          record(arts[0]!, [event('v1', '2024-08-05'), event('v2', '2024-08-05', { cameo: '111' })]),
          record(arts[1]!, [event('v1', '2024-08-05', { source: { start: 0, end: 5, text: 'Aland', actor: longer } })]),
          record(arts[2]!, [event('v1', '2024-08-06')]),
          record(arts[1]!, [event('v1', '2024-08-05'), event('v3', '2024-08-06')], 'said twice: the later one counts'),
        ];
        for (const s of [one, many]) await s.addArticles(arts.map(add));
        for (const r of records) await one.saveAnalysis(r, 'v1');
        await many.saveAnalyses(records, 'v1');
        assert.deepEqual(await many.stats('v1'), await one.stats('v1'));
        assert.equal((await many.stats('v1')).analysed, 3);
        assert.deepEqual(await many.listClusters(10), await one.listClusters(10));
        assert.equal((await many.listClusters(1))[0]!.articles, 2, 'b1 and b2 on Monday');
        for (const a of arts) assert.deepEqual(await many.getAnalysis(a.id), await one.getAnalysis(a.id), a.id);
        assert.deepEqual(await many.getActor('country-aa'), await one.getActor('country-aa'));
        assert.equal((await many.getActor('country-aa'))!.code, 'AAAGOV', 'the longer code wins');

        // Re-analysis in a batch replaces what was there; an emptied cluster disappears.
        const again = [record(arts[0]!, []), record(arts[2]!, [event('v1', '2024-08-06')]), record(arts[3]!, [])];
        for (const r of again) await one.saveAnalysis(r, 'v2');
        await many.saveAnalyses(again, 'v2');
        assert.deepEqual(await many.stats('v2'), await one.stats('v2'));
        assert.deepEqual(await many.listClusters(10), await one.listClusters(10));
        assert.deepEqual(await many.getAnalysis('b1'), await one.getAnalysis('b1'));

        // A record for an article that is not stored fails the batch, and nothing of it is kept.
        const before = await many.stats('v3');
        await assert.rejects(many.saveAnalyses([record(arts[3]!, [event('v9', '2024-08-07')]), record(article('ghost', 'x'), [])], 'v3'), /ghost/);
        assert.deepEqual(await many.stats('v3'), before);
        assert.deepEqual((await many.getAnalysis('b4'))!.events, []);
        await many.saveAnalyses([], 'v3');
        assert.deepEqual(await many.stats('v3'), before, 'an empty batch changes nothing');
      } finally {
        await one.close();
        await many.close();
      }
    });
    test('listings: events, cluster facts, articles, actors and quotes with filters and cursors', async () => {
      const store = await factory();
      try {
        const C = { id: 'country-cc', name: 'Cland', code: 'CCCGOV', country: 'CCC' };
        const arts = [
          article('l1', 'Aland met Bland in the capital and both sides spoke warmly.', { published: '2024-08-05', source: 'Daily One', title: 'Talks' }),
          article('l2', 'Aland shelled a border post held by Bland, killing two guards.', { published: '2024-08-12', source: 'Evening Two' }),
          article('l3', 'Cland accused Aland of hiding the facts about the border attack.', { published: '2024-09-02', source: 'Daily One' }),
        ];
        await store.addArticles(arts.map(add));
        const arg = (text: string, actor: typeof ACTOR_A) => ({ start: 0, end: 5, text, actor });
        await store.saveAnalysis(record(arts[0]!, [event('v1', '2024-08-05')], 'we will keep talking'), 'v1');
        await store.saveAnalysis(record(arts[1]!, [
          event('v1', '2024-08-12', { cameo: '195', plover: 'ASSAULT', goldstein: -10, quadclass: 4, location: { name: 'Border Post', country: 'BBB', lat: 1, lon: 2 }, evidence: { start: 0, end: 27 } }),
          event('v2', '2024-08-12', { cameo: '190', plover: 'ASSAULT', goldstein: -10, quadclass: 4, modality: 'hypothetical' }),
        ], 'the border is calm'), 'v1');
        await store.saveAnalysis(record(arts[2]!, [
          event('v1', '2024-09', { datePrecision: 'month', cameo: '112', plover: 'ACCUSE', goldstein: -2, quadclass: 3, source: arg('Cland', C), target: arg('Aland', ACTOR_A) }),
        ], 'they are hiding the facts'), 'v1');

        // Events: newest first, counted modalities only by default, each with its evidence text and article.
        const all = await store.listEvents({ limit: 10 });
        assert.deepEqual(all.items.map((e) => `${e.articleId}/${e.id}`), ['l3/v1', 'l2/v1', 'l1/v1']);
        assert.equal(all.next, null);
        assert.equal(all.items[1]!.evidenceText, 'Aland shelled a border post');
        assert.equal(all.items[1]!.cameo, '195');
        assert.equal(all.items[1]!.published, '2024-08-12');
        assert.equal(all.items[1]!.articleUrl, null);
        assert.ok(all.items[1]!.cluster);
        assert.equal((await store.listEvents({ limit: 10, countedOnly: false })).items.length, 4);
        const ids = async (q: Omit<Parameters<Store['listEvents']>[0], 'limit'>) => (await store.listEvents({ limit: 10, ...q })).items.map((e) => e.articleId);
        assert.deepEqual(await ids({ pair: ['BBB', 'AAA'] }), ['l2', 'l1']);
        assert.deepEqual(await ids({ actor: 'CCC' }), ['l3']);
        assert.deepEqual(await ids({ actor: 'country-cc' }), ['l3']);
        assert.deepEqual(await ids({ actor: 'CCCGOV' }), ['l3']);
        assert.deepEqual(await ids({ code: '19' }), ['l2']);
        assert.deepEqual(await ids({ code: '1%' }), [], 'LIKE wildcards are literal');
        assert.deepEqual(await ids({ plover: 'ACCUSE' }), ['l3']);
        assert.deepEqual(await ids({ quadclass: 1 }), ['l1']);
        assert.deepEqual(await ids({ from: '2024-08-06', to: '2024-08-31' }), ['l2']);
        assert.deepEqual(await ids({ place: 'border post' }), ['l2']);
        assert.deepEqual(await ids({ place: 'BBB' }), ['l2']);
        const p1 = await store.listEvents({ limit: 2 });
        assert.equal(p1.items.length, 2);
        assert.ok(p1.next);
        const p2 = await store.listEvents({ limit: 2, after: p1.next });
        assert.deepEqual(p2.items.map((e) => e.articleId), ['l1']);
        assert.equal(p2.next, null);

        // Cluster facts: countries, QuadClass, PLOVER, mean Goldstein and the bucket's first day.
        const facts = (await store.clusterFacts({})).items;
        assert.deepEqual(facts.map((f) => [f.sourceCountry, f.targetCountry, f.quadclass, f.plover, f.goldstein, f.day, f.bucket]).sort(), [
          ['AAA', 'BBB', 1, 'CONSULT', 1.9, '2024-08-05', '2024-08-05'],
          ['AAA', 'BBB', 4, 'ASSAULT', -10, '2024-08-12', '2024-08-12'],
          ['CCC', 'AAA', 3, 'ACCUSE', -2, '2024-09-01', '2024-09'],
        ]);
        assert.equal((await store.clusterFacts({ pair: ['BBB', 'AAA'] })).items.length, 2);
        assert.equal((await store.clusterFacts({ country: 'CCC' })).items.length, 1);
        assert.equal((await store.clusterFacts({ cameoRoot: '19' })).items.length, 1);
        assert.equal((await store.clusterFacts({ quadclass: 3 })).items.length, 1);
        assert.equal((await store.clusterFacts({ plover: 'CONSULT' })).items.length, 1);
        assert.deepEqual((await store.clusterFacts({ from: '2024-08-06', to: '2024-09-01' })).items.map((f) => f.day).sort(), ['2024-08-12', '2024-09-01']);
        const c1 = await store.clusterFacts({ limit: 2 });
        assert.equal(c1.items.length, 2);
        const c2 = await store.clusterFacts({ limit: 2, after: c1.next });
        assert.equal(c2.items.length, 1);
        assert.equal(c2.next, null);

        // Articles: newest stored first, paged; full-text search best first.
        const a1 = await store.listArticles({ limit: 2 });
        assert.deepEqual(a1.items.map((a) => a.id), ['l3', 'l2']);
        assert.deepEqual((await store.listArticles({ limit: 2, after: a1.next })).items.map((a) => a.id), ['l1']);
        assert.deepEqual((await store.listArticles({ limit: 10, source: 'Daily One', from: '2024-09-01' })).items.map((a) => a.id), ['l3']);
        const found = await store.listArticles({ limit: 10, search: parseSearchQuery('shelled') });
        assert.deepEqual(found.items.map((a) => a.id), ['l2']);
        assert.match(found.items[0]!.snippet!, /\[shelled\]/);

        // Actors: by id, paged; a profile with aliases and roles over time.
        const actors = await store.listActors({ limit: 2 });
        assert.deepEqual(actors.items.map((a) => a.id), ['country-aa', 'country-bb']);
        assert.deepEqual((await store.listActors({ limit: 2, after: actors.next })).items.map((a) => a.id), ['country-cc']);
        assert.deepEqual((await store.listActors({ limit: 10, name: 'bl' })).items.map((a) => a.id), ['country-bb']);
        assert.deepEqual((await store.listActors({ limit: 10, country: 'CCC' })).items.map((a) => a.id), ['country-cc']);
        const profile = await store.getActor('country-aa');
        assert.equal(profile?.mentions, 3);
        assert.deepEqual(profile?.aliases, [{ text: 'Aland', count: 2 }, { text: 'Cland', count: 1 }]);
        assert.deepEqual(profile?.roles, [{ month: '2024-08', code: 'AAA', count: 2 }, { month: '2024-09', code: 'AAA', count: 1 }]);
        assert.equal(profile?.events, 4);
        assert.equal(await store.getActor('nobody'), null);

        // Quotes: newest first, by speaker, by date, full-text.
        const quotes = await store.listQuotes({ limit: 10 });
        assert.deepEqual(quotes.items.map((q) => q.articleId), ['l3', 'l2', 'l1']);
        assert.equal(quotes.items[0]!.speakerActor?.id, 'country-bb');
        assert.equal((await store.listQuotes({ limit: 10, speaker: 'blan' })).items.length, 3);
        assert.equal((await store.listQuotes({ limit: 10, speaker: 'nobody' })).items.length, 0);
        assert.deepEqual((await store.listQuotes({ limit: 10, to: '2024-08-05' })).items.map((q) => q.articleId), ['l1']);
        assert.deepEqual((await store.listQuotes({ limit: 10, search: parseSearchQuery('calm') })).items.map((q) => q.text), ['the border is calm']);
        const q1 = await store.listQuotes({ limit: 1 });
        assert.deepEqual((await store.listQuotes({ limit: 1, after: q1.next })).items.map((q) => q.articleId), ['l2']);
      } finally {
        await store.close();
      }
    });

    test('feed health: saved per URL, replaced on the next save, listed by URL', async () => {
      const store = await factory();
      try {
        assert.deepEqual(await store.listFeeds(), []);
        const ok: FeedState = {
          url: 'http://b.example/feed.xml', lastPoll: '2024-08-05T10:00:00.000Z', lastSuccess: '2024-08-05T10:00:00.000Z', lastError: null,
          httpStatus: 200, etag: '"v1"', lastModified: 'Mon, 05 Aug 2024 09:00:00 GMT', itemsSeen: 3, itemsNew: 3, itemsTotal: 3, failures: 0,
        };
        const down: FeedState = {
          url: 'http://a.example/rss', lastPoll: '2024-08-05T10:00:00.000Z', lastSuccess: null, lastError: 'connection refused',
          httpStatus: null, etag: null, lastModified: null, itemsSeen: 0, itemsNew: 0, itemsTotal: 0, failures: 1,
        };
        await store.saveFeedState(ok);
        await store.saveFeedState(down);
        assert.deepEqual(await store.listFeeds(), [down, ok]);
        const again = { ...ok, lastPoll: '2024-08-05T10:15:00.000Z', httpStatus: 304, itemsNew: 0, etag: '"v2"' };
        await store.saveFeedState(again);
        assert.deepEqual(await store.listFeeds(), [down, again]);
      } finally {
        await store.close();
      }
    });
  });
}
