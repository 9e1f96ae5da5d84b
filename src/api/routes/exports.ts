import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { Params } from '../query-params.js';
import { eventFilters } from './events.js';
import { CONTENT_TYPES, EXPORT_FORMATS, exportEvent, exportFooter, exportHeader } from '../export-formats.js';
import type { Store } from '../../store/store.js';
import type { EventQuery } from '../../store/query-types.js';
import type { ExportFormat } from '../export-formats.js';

const PAGE = 1000;

/** Every matching event in the format, produced page by page (memory stays flat on any size). */
export async function* exportLines(store: Store, format: ExportFormat, filters: Omit<EventQuery, 'limit'>, max = Infinity): AsyncGenerator<string> {
  yield exportHeader(format);
  let after: string | null = null;
  let count = 0;
  let seen = 0;
  do {
    const page = await store.listEvents({ ...filters, after, limit: Math.min(PAGE, max - seen) });
    for (const e of page.items) {
      seen++;
      const line = exportEvent(format, e, count);
      if (line === null) continue;
      count++;
      yield line;
    }
    after = page.next;
  } while (after !== null && seen < max);
  yield exportFooter(format, count);
}

export function exportsRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  r.get('/export', async (c) => {
    const p = new Params(c);
    const format = p.oneOf('format', EXPORT_FORMATS, 'jsonl');
    const filters = eventFilters(p);
    const max = c.req.query('limit') === undefined ? Infinity : p.limit(1_000_000);
    const lines = exportLines(ctx.store, format, filters, max);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // Send about 64 KB at a time rather than one line per chunk.
        let chunk = '';
        while (chunk.length < 65536) {
          const next = await lines.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += next.value;
        }
        controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    const ext = format === 'gdelt' ? 'tsv' : format === 'plover' ? 'json' : format;
    return new Response(body, {
      headers: { 'content-type': CONTENT_TYPES[format], 'content-disposition': `attachment; filename="brink-events.${ext}"` },
    });
  });
  return r;
}
