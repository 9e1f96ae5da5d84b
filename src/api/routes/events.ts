import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { Params } from '../query-params.js';
import type { EventQuery } from '../../store/query-types.js';
import { ApiError } from '../api-error.js';

/** The event filters shared by /api/events and /api/export. */
export function eventFilters(p: Params): Omit<EventQuery, 'limit'> {
  const actor = p.string('actor');
  const pair = p.pair();
  const code = p.code();
  const plover = p.plover();
  const quadclass = p.quadclass();
  const place = p.string('place');
  const modality = p.oneOf('modality', ['counted', 'all'], 'counted');
  return {
    ...(actor ? { actor } : {}), ...(pair ? { pair } : {}), ...(code ? { code } : {}), ...(plover ? { plover } : {}),
    ...(quadclass !== undefined ? { quadclass } : {}), ...(place ? { place } : {}), ...p.range(), countedOnly: modality === 'counted',
  };
}

export function eventsRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  r.get('/events', async (c) => {
    const p = new Params(c);
    return c.json(await ctx.store.listEvents({ ...eventFilters(p), after: p.cursor(), limit: p.limit() }));
  });
  r.get('/clusters', async (c) => {
    const p = new Params(c);
    const country = p.country('country');
    const pair = p.pair();
    const code = p.code();
    if (code && code.length !== 2) throw new ApiError('bad_request', 'clusters are per CAMEO root: code must have 2 digits');
    const plover = p.plover();
    const quadclass = p.quadclass();
    return c.json(
      await ctx.store.clusterFacts({
        ...(country ? { country } : {}), ...(pair ? { pair } : {}), ...(code ? { cameoRoot: code } : {}), ...(plover ? { plover } : {}),
        ...(quadclass !== undefined ? { quadclass } : {}), ...p.range(), after: p.cursor(), limit: p.limit(),
      }),
    );
  });
  return r;
}
