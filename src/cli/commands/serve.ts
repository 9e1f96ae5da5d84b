import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { createApp } from '../../api/create-app.js';
import { CODER } from '../../pipeline/version.js';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { extractArticle, type Pipeline } from '../../pipeline/extract-article.js';
import type { Article } from '../../domain/types.js';
import { parseDuration } from '../../watch/parse-duration.js';
import { watchFeeds } from '../../watch/watch-feeds.js';

/** The built dashboard, when there is one (package root/web/dist). */
const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the HTTP API (and the dashboard when built) over the database',
  help: `Usage: brink serve [options]

Serves the read-only HTTP API under /api (OpenAPI document at /api/openapi.json) and, once built,
the dashboard under /. POST /api/ingest (articles as JSON or JSON Lines, stored and analysed) is
enabled only with a token, sent as "Authorization: Bearer <token>".

Options:
${DB_HELP}
  --port N            port (default 8080)
  --host H            address to listen on (default 127.0.0.1)
  --token T           enable POST /api/ingest with this token (default: $BRINK_API_TOKEN)
  --watch FEED_URL    also poll this feed, as "brink watch" does (repeat for more feeds)
  --every DURATION    interval between polls of a watched feed (default 15m)
  -h, --help          show this help

Examples:
  brink serve --db news.db
  BRINK_API_TOKEN=s3cret brink serve --host 0.0.0.0 --port 9000
  brink serve --watch https://example.org/feed.xml --watch https://example.com/rss --every 10m`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      ...DB_OPTION, port: { type: 'string' }, host: { type: 'string' }, token: { type: 'string' }, watch: { type: 'string', multiple: true }, every: { type: 'string' },
    });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const port = values.port === undefined ? 8080 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a whole number from 0 to 65535');
    const hostname = (values.host as string | undefined) ?? '127.0.0.1';
    const token = (values.token as string | undefined) ?? (process.env.BRINK_API_TOKEN || null);
    const feeds = [...new Set((values.watch as string[] | undefined) ?? [])];
    for (const url of feeds) if (!/^https?:\/\/[^/]/i.test(url)) throw new UsageError(`--watch: not an http(s) URL: "${url}"`);
    const everyMs = parseDuration((values.every as string | undefined) ?? '15m');
    if (everyMs === null) throw new UsageError(`--every must be a duration like 90s, 15m or 2h, got "${values.every}"`);
    let store;
    try {
      store = await openCommandStore('serve', values.db as string | undefined, token !== null || feeds.length > 0);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    // The models load on the first ingest only: a read-only server starts at once.
    let pipeline: Pipeline | null = null;
    const analyze = (article: Article) => extractArticle(article, (pipeline ??= createPipeline()), undefined);
    const app = createApp({ store, ingestToken: token, analyze, version: CODER, staticRoot: WEB_DIST });
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      const root = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${info.port}`;
      const dashboard = existsSync(`${WEB_DIST}/index.html`) ? `dashboard ${root}/, ` : '';
      process.stderr.write(`brink serve: ${dashboard}API ${root}/api (database ${store.location}; ingest ${token ? 'enabled' : 'disabled'})\n`);
    });
    const stopWatch = new AbortController();
    const watching = feeds.length === 0 ? Promise.resolve([]) : watchFeeds(store, feeds, {
      once: false, signal: stopWatch.signal, everyMs, timeoutMs: 30_000, follow: false, analyze, version: CODER,
      log: (line) => process.stderr.write(`brink serve: watch: ${line}\n`),
    }).catch((err: unknown) => {
      process.stderr.write(`brink serve: watch stopped: ${(err as Error).message}\n`);
      return [];
    });
    await new Promise<void>((resolve) => {
      const stop = () => {
        stopWatch.abort();
        server.close(() => resolve());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    // Polls in flight finish before the store closes.
    await watching;
    await store.close();
    return 0;
  },
};
