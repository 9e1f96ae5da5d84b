import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.js';

/** `{data, error, loading}` of one API call, refetched when `path` or `params` change. */
export function useFetch(path, params = {}) {
  const key = path === null ? null : `${path}?${JSON.stringify(params)}`;
  const [state, setState] = useState({ data: null, error: null, loading: key !== null });
  useEffect(() => {
    if (key === null) return undefined;
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    getJson(path, params).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
