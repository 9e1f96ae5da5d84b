import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { Params } from '../query-params.js';
import { GRANULARITIES, periodOf, periodsBetween } from '../../analytics/period.js';

// The whole corpus's event clusters by period (the dashboard's "volume over time"): read from the
// cached corpus summary, so it costs no query. Empty periods between the ends are kept as zeros.

export function volumeRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  r.get('/volume', async (c) => {
    const p = new Params(c);
    const by = p.oneOf('by', GRANULARITIES, 'week');
    const { from, to } = p.range();
    const { volume } = await ctx.cache.corpus();
    const days = [...volume.keys()].filter((d) => (!from || d >= from) && (!to || d <= to)).sort();
    const first = from ?? days[0];
    const last = to ?? days[days.length - 1];
    if (first === undefined || last === undefined) return c.json({ by, points: [] });
    const counts = new Map<string, number>(periodsBetween(first, last, by).map((period) => [period, 0]));
    for (const day of days) {
      const period = periodOf(day, by);
      counts.set(period, (counts.get(period) ?? 0) + volume.get(day)!);
    }
    return c.json({ by, points: [...counts].map(([period, clusters]) => ({ period, clusters })) });
  });
  return r;
}
