import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { Params } from '../query-params.js';

export function quotesRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  r.get('/quotes', async (c) => {
    const p = new Params(c);
    const search = p.search('q');
    const speaker = p.string('speaker');
    return c.json(
      await ctx.store.listQuotes({ ...(search ? { search } : {}), ...(speaker ? { speaker } : {}), ...p.range(), after: p.cursor(), limit: p.limit() }),
    );
  });
  return r;
}
