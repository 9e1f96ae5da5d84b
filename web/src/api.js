// Every request the dashboard makes goes through here: JSON from /api, errors as Error messages
// taken from the API's `{error: {code, message}}` body.

export async function getJson(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const url = `/api/${path}${qs.size > 0 ? `?${qs}` : ''}`;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

const articleCache = new Map();

/** One stored article (cached for the session: evidence lists look up urls for credit lines). */
export function getArticle(id) {
  let p = articleCache.get(id);
  if (!p) {
    p = getJson(`articles/${encodeURIComponent(id)}`);
    p.catch(() => articleCache.delete(id));
    articleCache.set(id, p);
  }
  return p;
}
