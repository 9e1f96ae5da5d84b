import { useEffect, useState } from 'preact/hooks';

// Hash routing (#/pair/RUS/UKR?from=…): works behind any static server and needs no server routes.

export function parseHash(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  return { parts, query: Object.fromEntries(query) };
}

export function useRoute() {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** `#/a/b?x=1` from path parts and query params (empty params left out). */
export function href(parts, query = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  return `#/${parts.map((p) => encodeURIComponent(p)).join('/')}${qs.size > 0 ? `?${qs}` : ''}`;
}

export function navigate(parts, query) {
  location.hash = href(parts, query);
}
