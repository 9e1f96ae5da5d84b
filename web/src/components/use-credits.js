import { useEffect, useState } from 'preact/hooks';
import { getArticle } from '../api.js';

/** Article id → url, for the credit line beside evidence taken from licensed corpora. */
export function useArticleUrls(ids) {
  const [urls, setUrls] = useState(() => new Map());
  const key = [...new Set(ids)].sort().join('\n');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split('\n') : [];
    Promise.all(wanted.map((id) => getArticle(id).then((a) => [id, a.url], () => [id, null]))).then((pairs) => {
      if (live) setUrls(new Map(pairs));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return urls;
}
