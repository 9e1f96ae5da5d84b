import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Article, ExtractRecord } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { AnalyticsCache } from './analytics-cache.js';
import { ApiError } from './api-error.js';
import type { AppContext } from './app-context.js';
import { handleError } from './handle-error.js';
import { OPENAPI } from './openapi.js';
import { articlesRoutes } from './routes/articles.js';
import { eventsRoutes } from './routes/events.js';
import { pairsRoutes } from './routes/pairs.js';
import { actorsRoutes } from './routes/actors.js';
import { quotesRoutes } from './routes/quotes.js';
import { alertsRoutes } from './routes/alerts.js';
import { exportsRoutes } from './routes/exports.js';
import { ingestRoutes } from './routes/ingest.js';
import { volumeRoutes } from './routes/volume.js';
import { feedsRoutes } from './routes/feeds.js';

export interface AppOptions {
  store: Store;
  /** Enables POST /api/ingest for requests with this Bearer token. */
  ingestToken?: string | null;
  /** Analyses ingested articles; without it they are stored only (run `brink analyze`). */
  analyze?: ((article: Article) => ExtractRecord) | null;
  /** Pipeline version stored with analyses. */
  version?: string;
  /** How long corpus summaries are reused (ms). */
  cacheMs?: number;
  /** A folder with the built dashboard (index.html): served under / when present. */
  staticRoot?: string | null;
}

/** The HTTP app: every route under /api, one error handler; no port (tests call `app.request`). */
export function createApp(options: AppOptions): Hono {
  const version = options.version ?? 'unknown';
  const ctx: AppContext = {
    store: options.store,
    cache: new AnalyticsCache(options.store, version, options.cacheMs),
    ingestToken: options.ingestToken || null,
    analyze: options.analyze ?? null,
    version,
  };
  const api = new Hono();
  api.get('/openapi.json', (c) => c.json(OPENAPI));
  for (const routes of [alertsRoutes, eventsRoutes, pairsRoutes, actorsRoutes, quotesRoutes, exportsRoutes, ingestRoutes, volumeRoutes, feedsRoutes]) api.route('/', routes(ctx));
  api.route('/articles', articlesRoutes(ctx));

  const app = new Hono();
  app.onError(handleError);
  app.notFound((c) => handleError(new ApiError('not_found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`), c));
  app.route('/api', api);
  const root = options.staticRoot;
  if (root && existsSync(`${root}/index.html`)) mountStatic(app, root);
  return app;
}

/** The dashboard hook: static files from `root`, and index.html for other non-API paths (client-side routing). */
function mountStatic(app: Hono, root: string): void {
  const assets = serveStatic({ root });
  const index = serveStatic({ root, path: 'index.html' });
  app.use('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : assets(c, next)));
  app.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : index(c, next)));
}
