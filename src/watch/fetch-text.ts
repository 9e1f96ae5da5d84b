import { decodeBytes } from '../ingest/decode.js';
import { BRINK_VERSION } from '../pipeline/version.js';

/** Largest body accepted (bytes): a feed or page larger than this is refused, not read into memory. */
const MAX_BYTES = 20 * 1024 * 1024;

export interface FetchRequest {
  timeoutMs: number;
  /** Validators from the previous response: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export type FetchOutcome =
  | { ok: true; status: number; notModified: boolean; text: string; etag: string | null; lastModified: string | null }
  | { ok: false; status: number | null; error: string };

const USER_AGENT = `brink/${BRINK_VERSION} (feed watcher)`;

/** One GET with a timeout; never throws: a network failure or a non-2xx status is an outcome. */
export async function fetchText(url: string, req: FetchRequest): Promise<FetchOutcome> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: req.accept ?? '*/*' };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(req.timeoutMs) });
  } catch (err) {
    return { ok: false, status: null, error: networkError(err, req.timeoutMs) };
  }
  const etag = res.headers.get('etag');
  const lastModified = res.headers.get('last-modified');
  if (res.status === 304) {
    await res.body?.cancel();
    return { ok: true, status: 304, notModified: true, text: '', etag: etag ?? req.etag ?? null, lastModified: lastModified ?? req.lastModified ?? null };
  }
  if (res.status < 200 || res.status > 299) {
    await res.body?.cancel();
    return { ok: false, status: res.status, error: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
  }
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_BYTES) {
    await res.body?.cancel();
    return { ok: false, status: res.status, error: `response too large (${declared} bytes)` };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    return { ok: false, status: res.status, error: networkError(err, req.timeoutMs) };
  }
  if (bytes.length > MAX_BYTES) return { ok: false, status: res.status, error: `response too large (${bytes.length} bytes)` };
  return { ok: true, status: res.status, notModified: false, text: decodeBytes(bytes).text, etag, lastModified };
}

/** A short reason for a failed request: the system error code when there is one (ECONNREFUSED…). */
function networkError(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${Math.round(timeoutMs / 1000)} s`;
  const cause = e.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND') return 'host not found';
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return (cause?.message ?? e.message ?? String(err)).replace(/\s+/g, ' ').slice(0, 200);
}
