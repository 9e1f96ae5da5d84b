import type { Context } from 'hono';
import { ApiError } from './api-error.js';
import { parseSearchQuery, SearchQueryError, type SearchQuery } from '../store/search-query.js';

// Reading and validating query parameters: every bad value is a 400 that names the parameter.

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

const PLOVER_TYPES = new Set([
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST',
  'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
]);

export class Params {
  constructor(private readonly c: Context) {}

  string(name: string, max = 200): string | undefined {
    const v = this.c.req.query(name);
    if (v === undefined || v === '') return undefined;
    if (v.length > max) throw new ApiError('bad_request', `${name} is too long (at most ${max} characters)`);
    return v;
  }

  /** `limit`: 1..MAX_LIMIT, default DEFAULT_LIMIT. */
  limit(max = MAX_LIMIT, fallback = DEFAULT_LIMIT): number {
    const v = this.string('limit');
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1 || n > max) throw new ApiError('bad_request', `limit must be a whole number from 1 to ${max}, got "${v}"`);
    return n;
  }

  cursor(): string | null {
    const v = this.string('cursor');
    if (v === undefined) return null;
    if (!/^[\w.:-]{1,200}$/.test(v)) throw new ApiError('bad_request', `cursor "${v}" is not one this API returned`);
    return v;
  }

  day(name: string): string | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new ApiError('bad_request', `${name} must be a date as YYYY-MM-DD, got "${v}"`);
    return v;
  }

  range(): { from?: string; to?: string } {
    const from = this.day('from');
    const to = this.day('to');
    if (from && to && from > to) throw new ApiError('bad_request', `from (${from}) is after to (${to})`);
    return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }

  country(name: string): string | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    return countryCode(name, v);
  }

  /** `pair=RUS,UKR`. */
  pair(name = 'pair'): [string, string] | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const parts = v.split(',');
    if (parts.length !== 2) throw new ApiError('bad_request', `${name} must be two country codes separated by a comma, like RUS,UKR`);
    return [countryCode(name, parts[0]!), countryCode(name, parts[1]!)];
  }

  code(): string | undefined {
    const v = this.string('code');
    if (v === undefined) return undefined;
    if (!/^\d{2,4}$/.test(v)) throw new ApiError('bad_request', `code must be a CAMEO code of 2 to 4 digits, got "${v}"`);
    return v;
  }

  plover(): string | undefined {
    const v = this.string('plover');
    if (v === undefined) return undefined;
    const up = v.toUpperCase();
    if (!PLOVER_TYPES.has(up)) throw new ApiError('bad_request', `plover must be one of ${[...PLOVER_TYPES].join(', ')}, got "${v}"`);
    return up;
  }

  quadclass(): number | undefined {
    const v = this.string('quadclass');
    if (v === undefined) return undefined;
    if (!/^[1-4]$/.test(v)) throw new ApiError('bad_request', `quadclass must be 1, 2, 3 or 4, got "${v}"`);
    return Number(v);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.string(name);
    if (v === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(v)) throw new ApiError('bad_request', `${name} must be one of ${allowed.join(', ')}, got "${v}"`);
    return v as T;
  }

  search(name = 'q'): SearchQuery | undefined {
    const v = this.string(name, 500);
    if (v === undefined) return undefined;
    try {
      return parseSearchQuery(v);
    } catch (err) {
      if (err instanceof SearchQueryError) throw new ApiError('bad_request', `${name}: ${err.message}`);
      throw err;
    }
  }
}

export function countryCode(name: string, v: string): string {
  const up = v.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(up)) throw new ApiError('bad_request', `${name} must hold three-letter country codes (RUS, UKR, IGO…), got "${v}"`);
  return up;
}
