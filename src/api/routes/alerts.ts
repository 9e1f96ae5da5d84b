import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { Params } from '../query-params.js';
import { ApiError } from '../api-error.js';
import { alertsBetween } from '../../analytics/alerts-between.js';
import { alertsAtom } from '../alerts-atom.js';

export function alertsRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  // A list like every other (`{items, next}`), newest first: a long history raises thousands of alerts,
  // and a client wants the latest few. Items have the contract's alert shape.
  r.get('/alerts', async (c) => {
    const p = new Params(c);
    const { from, to } = p.range();
    const pair = p.pair();
    const limit = p.limit();
    const cursor = p.cursor();
    const offset = cursor === null ? 0 : Number(cursor);
    if (!Number.isInteger(offset) || offset < 0) throw new ApiError('bad_request', `cursor "${cursor}" is not one this API returned`);
    const { alerts } = await ctx.cache.corpus();
    const list = from || to || pair ? alertsBetween(alerts, from, to).filter((a) => !pair || (a.pair.includes(pair[0]) && a.pair.includes(pair[1]))) : alerts;
    const items = [];
    for (let i = list.length - 1 - offset; i >= 0 && items.length < limit; i--) items.push(list[i]);
    const next = offset + items.length < list.length ? String(offset + items.length) : null;
    return c.json({ items, next });
  });
  r.get('/alerts.atom', async (c) => {
    const { alerts, computedAt } = await ctx.cache.corpus();
    return c.body(alertsAtom(alerts, c.req.url, computedAt), 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });
  r.get('/stats', async (c) => c.json(await ctx.cache.stats()));
  return r;
}
