import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { Params } from '../query-params.js';
import { alertsBetween } from '../../analytics/alerts-between.js';
import { alertsAtom } from '../alerts-atom.js';

export function alertsRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  // The contract's shape: a JSON array ordered by start.
  r.get('/alerts', async (c) => {
    const p = new Params(c);
    const { from, to } = p.range();
    const pair = p.pair();
    const { alerts, alertsJson } = await ctx.cache.corpus();
    if (!from && !to && !pair) return c.body(alertsJson, 200, { 'content-type': 'application/json; charset=utf-8' });
    const out = alertsBetween(alerts, from, to).filter((a) => !pair || (a.pair.includes(pair[0]) && a.pair.includes(pair[1])));
    return c.json(out);
  });
  r.get('/alerts.atom', async (c) => {
    const { alerts, computedAt } = await ctx.cache.corpus();
    return c.body(alertsAtom(alerts, c.req.url, computedAt), 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });
  r.get('/stats', async (c) => c.json(await ctx.cache.stats()));
  return r;
}
