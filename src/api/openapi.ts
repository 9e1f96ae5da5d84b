// The OpenAPI 3.1 description of the HTTP API, written by hand; a test checks that every route the
// app serves is listed here and every path listed here is served.

const day = { type: 'string', format: 'date', example: '2022-02-24' };
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', description, schema });
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const range = [q('from', 'first day (inclusive)', day), q('to', 'last day (inclusive)', day)];
const page = [q('limit', 'page size, 1–500 (default 50)', { type: 'integer', minimum: 1, maximum: 500 }), q('cursor', 'the `next` of the previous page')];
const eventFilters = [
  q('actor', 'actor id, CAMEO actor code or country code on either side'),
  q('pair', 'two country codes, either direction', { type: 'string', example: 'RUS,UKR' }),
  q('code', 'CAMEO code prefix', { type: 'string', example: '19' }),
  q('plover', 'PLOVER type', { type: 'string', example: 'ASSAULT' }),
  q('quadclass', 'QuadClass 1–4', { type: 'integer', minimum: 1, maximum: 4 }),
  q('place', 'location name or country code'),
  q('modality', '`counted` (asserted and future, default) or `all`', { type: 'string', enum: ['counted', 'all'] }),
  ...range,
];
const by = q('by', 'period', { type: 'string', enum: ['day', 'week', 'month'], default: 'week' });
const list = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', required: ['items', 'next'], properties: { items: { type: 'array' }, next: { type: ['string', 'null'] } } } } },
});
const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const errors = {
  '400': { $ref: '#/components/responses/Error' },
  '404': { $ref: '#/components/responses/Error' },
};
const get = (summary: string, parameters: unknown[], ok: unknown) => ({ get: { summary, parameters, responses: { '200': ok, ...errors } } });

export const OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Brink API', version: '1', description: 'Political event data from news text. Read-only except POST /api/ingest (token).' },
  paths: {
    '/api/stats': get('Counts of what the store holds', [], json('{articles, duplicates, events, clusters, quotes, actors, …}')),
    '/api/articles': get('Articles, newest stored first, or full-text search (q) best first', [q('q', 'full-text query'), q('source', 'outlet'), ...range, ...page], list('articles')),
    '/api/articles/{id}': get('One article with sentences, entities, times, quotes and events', [path('id', 'article id')], json('the extraction contract record')),
    '/api/events': get('Stored events with evidence, newest first', [...eventFilters, ...page], list('events')),
    '/api/clusters': get('Event clusters (one real-world event across articles)', [q('country', 'country code on either side'), q('pair', 'RUS,UKR'), q('code', 'CAMEO root (2 digits)'), q('plover', 'PLOVER type'), q('quadclass', '1–4'), ...range, ...page], list('clusters')),
    '/api/pairs': get('Country pairs by cluster count', [q('country', 'only pairs with this country'), page[0]], list('pairs')),
    '/api/pairs/{a}/{b}/series': get('A pair’s clusters by period: QuadClass, PLOVER, Goldstein, volume-normalised escalation index', [path('a', 'country code'), path('b', 'country code'), by, ...range], json('{pair, by, points, totals}')),
    '/api/volume': get('Event clusters of the whole corpus by period (volume over time)', [by, ...range], json('{by, points: [{period, clusters}]}')),
    '/api/countries': get('Per-country map aggregates', [], list('countries')),
    '/api/countries/{code}/series': get('A country’s clusters by period', [path('code', 'country code'), by, ...range], json('{country, by, points, totals}')),
    '/api/actors': get('Actors by id', [q('name', 'name prefix'), q('country', 'country code'), ...page], list('actors')),
    '/api/actors/{id}': get('Actor profile: aliases, roles over time, counts', [path('id', 'actor id')], json('profile')),
    '/api/actors/{id}/network': get('The actor’s network of registry actors', [path('id', 'actor id'), ...range, page[0]], json('{nodes, edges}')),
    '/api/network': get('Actor network: edges weighted by clusters, signed by cooperation/conflict', [q('by', 'country or actor', { type: 'string', enum: ['country', 'actor'] }), ...range, page[0]], json('{nodes, edges}')),
    '/api/quotes': get('Quotations, by full-text query and speaker', [q('q', 'full-text query'), q('speaker', 'speaker actor id or name'), ...range, ...page], list('quotes')),
    '/api/alerts': get('Escalation alerts {pair, start, peak, end, score, events}, newest start first', [q('pair', 'RUS,UKR'), ...range, ...page], list('alerts')),
    '/api/alerts.atom': get('The alerts as an Atom feed', [], { description: 'Atom feed', content: { 'application/atom+xml': {} } }),
    '/api/export': get('All matching events, streamed', [q('format', 'csv, jsonl, gdelt (TSV) or plover (JSON)', { type: 'string', enum: ['csv', 'jsonl', 'gdelt', 'plover'] }), ...eventFilters, q('limit', 'at most this many events')], { description: 'a file' }),
    '/api/ingest': {
      post: {
        summary: 'Store and analyse articles: a JSON article, an array, or JSON Lines ({id?, url?, title?, published?, text|html})',
        security: [{ bearer: [] }],
        requestBody: { content: { 'application/json': {}, 'application/x-ndjson': {} } },
        responses: { '200': list('one outcome per article'), '400': { $ref: '#/components/responses/Error' }, '401': { $ref: '#/components/responses/Error' }, '403': { $ref: '#/components/responses/Error' }, '413': { $ref: '#/components/responses/Error' } },
      },
    },
    '/api/feeds': get('Health of each feed `brink watch` polls: last poll, last success, last error, HTTP status, items seen/new, validators', [], json('{items: [{url, lastPoll, lastSuccess, lastError, httpStatus, etag, lastModified, itemsSeen, itemsNew, itemsTotal, failures}]}')),
    '/api/openapi.json': get('This document', [], json('OpenAPI 3.1')),
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    responses: {
      Error: {
        description: 'an error',
        content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } } } },
      },
    },
  },
} as const;
