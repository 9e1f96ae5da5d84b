import { useFetch } from '../use-fetch.js';
import { href } from '../router.js';
import { Credit } from './credit.jsx';
import { Status } from './status.jsx';
import { useArticleUrls } from './use-credits.js';

/** Quotations from `/api/quotes` (by speaker or full-text query), each linked to its article. */
export function QuoteList({ params, title = 'Quotes' }) {
  const state = useFetch('quotes', { limit: 25, ...params });
  const items = state.data?.items ?? [];
  const urls = useArticleUrls(items.map((q) => q.articleId));
  return (
    <section class="panel">
      <h2>{title}</h2>
      <Status state={state} empty={state.data && items.length === 0 ? 'No quotes.' : null} />
      <ul class="quote-list">
        {items.map((q) => (
          <li key={`${q.articleId}/${q.quoteId}`}>
            <blockquote>{q.text}</blockquote>
            <p class="quote-meta">
              —{' '}
              {q.speakerActor ? <a href={href(['actor', q.speakerActor.id])}>{q.speakerActor.name}</a> : <span>{q.speaker ?? 'unknown speaker'}</span>}
              {q.published ? <span class="muted"> · {q.published}</span> : null} ·{' '}
              <a href={href(['article', q.articleId], { quote: q.quoteId })}>in its article</a>
            </p>
            <Credit url={urls.get(q.articleId)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
