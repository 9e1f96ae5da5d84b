import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { ApiError } from '../api-error.js';
import type { Article } from '../../domain/types.js';
import { recordToArticle, resolveFields } from '../../ingest/record-fields.js';
import { readWholeDocument } from '../../ingest/read-document.js';
import { contentHash } from '../../pipeline/extract-article.js';

// POST /api/ingest: a JSON article, a JSON array of them, or JSON Lines → stored, analysed.
// Refused (403) unless a token is configured, and (401) without that token as a Bearer credential.

const MAX_BODY = 10 * 1024 * 1024;
const MAX_ARTICLES = 5000;

function parseBody(body: string, contentType: string): unknown[] {
  const trimmed = body.trim();
  if (trimmed === '') throw new ApiError('bad_request', 'empty body: send a JSON article, a JSON array of articles, or JSON Lines');
  const lines = /ndjson|jsonl|x-jsonlines/.test(contentType) || (!trimmed.startsWith('[') && trimmed.includes('\n'));
  if (!lines) {
    try {
      const v = JSON.parse(trimmed) as unknown;
      return Array.isArray(v) ? v : [v];
    } catch (err) {
      throw new ApiError('bad_request', `body is not valid JSON: ${(err as Error).message}`);
    }
  }
  return trimmed.split('\n').filter((l) => l.trim() !== '').map((l, i) => {
    try {
      return JSON.parse(l) as unknown;
    } catch (err) {
      throw new ApiError('bad_request', `line ${i + 1} is not valid JSON: ${(err as Error).message}`);
    }
  });
}

function toArticles(records: unknown[]): { articles: Article[]; errors: Array<{ index: number; error: string }> } {
  const articles: Article[] = [];
  const errors: Array<{ index: number; error: string }> = [];
  records.forEach((rec, i) => {
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      errors.push({ index: i, error: 'not a JSON object' });
      return;
    }
    const r = rec as Record<string, unknown>;
    const out = recordToArticle(r, resolveFields(Object.keys(r)), 'api', i, 'jsonl', null);
    if ('error' in out) {
      errors.push({ index: i, error: out.error });
      return;
    }
    if (out.html === null) {
      articles.push(out.article);
      return;
    }
    for (const item of readWholeDocument(out.html, out.article.origin, 'html', { published: out.article.published, url: out.article.url })) {
      if (item.kind === 'error') errors.push({ index: i, error: item.reason });
      else articles.push({ ...item.article, id: out.article.id });
    }
  });
  return { articles, errors };
}

export function ingestRoutes(ctx: AppContext): Hono {
  const r = new Hono();
  r.post('/ingest', async (c) => {
    if (ctx.ingestToken === null) throw new ApiError('forbidden', 'ingest is disabled: start the server with --token or BRINK_API_TOKEN');
    const auth = c.req.header('authorization') ?? '';
    if (auth !== `Bearer ${ctx.ingestToken}`) throw new ApiError('unauthorized', 'ingest needs "Authorization: Bearer <token>"');
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > MAX_BODY) throw new ApiError('payload_too_large', `body over ${MAX_BODY} bytes: split it`);
    const body = await c.req.text();
    if (body.length > MAX_BODY) throw new ApiError('payload_too_large', `body over ${MAX_BODY} bytes: split it`);
    const records = parseBody(body, c.req.header('content-type') ?? '');
    if (records.length > MAX_ARTICLES) throw new ApiError('payload_too_large', `more than ${MAX_ARTICLES} articles: split them`);
    const { articles, errors } = toArticles(records);
    const outcomes = await ctx.store.addArticles(articles.map((article) => ({ article, contentHash: contentHash(article.text), lang: null })));
    const results: Array<Record<string, unknown>> = [];
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i]!;
      const result: Record<string, unknown> = { ...o };
      if (ctx.analyze && (o.status === 'stored' || (o.status === 'exists' && o.duplicateOf === null && o.analysedVersion !== ctx.version))) {
        try {
          const record = ctx.analyze(articles[i]!);
          await ctx.store.saveAnalysis(record, ctx.version);
          result.analysed = true;
          result.events = record.events.length;
        } catch (err) {
          result.analysed = false;
          result.error = (err as Error).message;
        }
      }
      results.push(result);
    }
    ctx.cache.invalidate();
    return c.json({ items: results, errors, next: null }, errors.length > 0 && results.length === 0 ? 400 : 200);
  });
  return r;
}
