import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { Params } from '../query-params.js';
import { ApiError } from '../api-error.js';
import { actorNetwork } from '../../analytics/actor-network.js';

export function actorsRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  r.get('/actors', async (c) => {
    const p = new Params(c);
    const name = p.string('name');
    const country = p.country('country');
    return c.json(await ctx.store.listActors({ ...(name ? { name } : {}), ...(country ? { country } : {}), after: p.cursor(), limit: p.limit() }));
  });
  r.get('/actors/:id', async (c) => {
    const id = c.req.param('id');
    const actor = await ctx.store.getActor(id);
    if (!actor) throw new ApiError('not_found', `no actor with id "${id}"`);
    return c.json(actor);
  });
  // The actor's own network: registry actors it shares event clusters with.
  r.get('/actors/:id/network', async (c) => {
    const p = new Params(c);
    const id = c.req.param('id');
    const actor = await ctx.store.getActor(id);
    if (!actor) throw new ApiError('not_found', `no actor with id "${id}"`);
    if (!actor.country) return c.json({ nodes: [], edges: [] });
    const { items } = await ctx.store.clusterFacts({ country: actor.country, ...p.range() });
    return c.json(actorNetwork(items, { by: 'actor', focus: id, maxEdges: p.limit() }));
  });
  // The whole network: countries (default) or registry actors.
  r.get('/network', async (c) => {
    const p = new Params(c);
    const by = p.oneOf('by', ['country', 'actor'] as const, 'country');
    const range = p.range();
    const limit = p.limit();
    if (by === 'country' && !range.from && !range.to) {
      const { network } = await ctx.cache.corpus();
      const edges = network.edges.slice(0, limit);
      const keep = new Set(edges.flatMap((e) => [e.source, e.target]));
      return c.json({ nodes: network.nodes.filter((n) => keep.has(n.id)), edges });
    }
    const { items } = await ctx.store.clusterFacts(range);
    return c.json(actorNetwork(items, { by, maxEdges: limit }));
  });
  return r;
}
