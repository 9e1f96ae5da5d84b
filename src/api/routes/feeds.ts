import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';

/** GET /feeds: the health of every feed `brink watch` polls (read fresh: it changes with each poll). */
export function feedsRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  r.get('/feeds', async (c) => c.json({ items: await ctx.store.listFeeds() }));
  return r;
}
