import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { ApiError } from '../api-error.js';
import { Params } from '../query-params.js';

export function articlesRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  r.get('/', async (c) => {
    const p = new Params(c);
    const search = p.search('q');
    const source = p.string('source');
    return c.json(await ctx.store.listArticles({ ...p.range(), ...(source ? { source } : {}), ...(search ? { search } : {}), after: p.cursor(), limit: p.limit() }));
  });
  // One article with every annotation (the extraction contract's shape) once analysed.
  r.get('/:id', async (c) => {
    const id = c.req.param('id');
    const article = await ctx.store.getArticle(id);
    if (!article) throw new ApiError('not_found', `no article with id "${id}"`);
    const analysis = await ctx.store.getAnalysis(id);
    return c.json({
      ...(analysis ?? { ...article, sentences: [], entities: [], times: [], quotes: [], events: [] }),
      origin: article.origin,
      duplicateOf: article.duplicateOf,
      analysedVersion: article.analysedVersion,
    });
  });
  return r;
}
