import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './api-error.js';

/** Turns any error thrown by a route into the API's JSON error shape. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : status < 500 ? 'bad_request' : 'internal';
    return c.json({ error: { code, message: err.message || 'request failed' } }, status);
  }
  // A cursor the backend cannot read is the caller's mistake, not ours.
  if (err instanceof RangeError && /cursor/.test(err.message)) return c.json({ error: { code: 'bad_request', message: err.message } }, 400);
  console.error(err);
  return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
}
