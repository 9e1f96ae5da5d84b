import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { countryCode, Params } from '../query-params.js';
import { buildSeries } from '../../analytics/build-series.js';
import { GRANULARITIES } from '../../analytics/period.js';
import { ApiError } from '../api-error.js';

// Pairs and countries: series of event clusters by day, week or month, normalised by the
// corpus's volume; the pair list and the map come from the cached corpus summary.

export function pairsRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  r.get('/pairs', async (c) => {
    const p = new Params(c);
    const limit = p.limit();
    const country = p.country('country');
    const { pairs } = await ctx.cache.corpus();
    return c.json({ items: pairs.filter((x) => !country || x.pair.includes(country)).slice(0, limit), next: null });
  });
  r.get('/pairs/:a/:b/series', async (c) => {
    const p = new Params(c);
    const a = countryCode('pair', c.req.param('a'));
    const b = countryCode('pair', c.req.param('b'));
    if (a === b) throw new ApiError('bad_request', 'a pair needs two different countries (use /api/countries/{code}/series for one)');
    const by = p.oneOf('by', GRANULARITIES, 'week');
    const range = p.range();
    const [{ items }, { volume }] = await Promise.all([ctx.store.clusterFacts({ pair: [a, b], ...range }), ctx.cache.corpus()]);
    const pair: [string, string] = a < b ? [a, b] : [b, a];
    return c.json({ pair, ...buildSeries(items, volume, by, range) });
  });
  r.get('/countries', async (c) => c.json({ items: (await ctx.cache.corpus()).countries, next: null }));
  r.get('/countries/:code/series', async (c) => {
    const p = new Params(c);
    const code = countryCode('country', c.req.param('code'));
    const by = p.oneOf('by', GRANULARITIES, 'week');
    const range = p.range();
    const [{ items }, { volume }] = await Promise.all([ctx.store.clusterFacts({ country: code, ...range }), ctx.cache.corpus()]);
    return c.json({ country: code, ...buildSeries(items, volume, by, range) });
  });
  return r;
}
