import { useFetch } from '../use-fetch.js';
import { href, navigate } from '../router.js';
import { Status } from '../components/status.jsx';
import { Credit } from '../components/credit.jsx';
import { QuoteList } from '../components/quote-list.jsx';

/** A search snippet: the store marks hits with [ ]; they become <mark> elements, the rest stays text. */
function Snippet({ text }) {
  const parts = text.split(/(\[[^\]]*\])/);
  return <p class="snippet">{parts.map((p, i) => (p.startsWith('[') && p.endsWith(']') ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}</p>;
}

function Articles({ q }) {
  const state = useFetch('articles', { q, limit: 25 });
  const items = state.data?.items ?? [];
  return (
    <section class="panel">
      <h2>Articles</h2>
      <Status state={state} empty={state.data && items.length === 0 ? 'No articles match.' : null} />
      <ol class="article-list">
        {items.map((a) => (
          <li key={a.id}>
            <a href={href(['article', a.id])}>{a.title || a.id}</a> <span class="muted">{a.published ?? ''}</span>
            {a.snippet ? <Snippet text={a.snippet} /> : null}
            <Credit url={a.url} />
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Search({ route }) {
  const q = route.query.q ?? '';
  return (
    <div class="page">
      <h1>Search</h1>
      <form
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(['search'], { q: new FormData(e.currentTarget).get('q') });
        }}
      >
        <input name="q" type="search" value={q} placeholder="e.g. ceasefire, sanctions AND Iran" aria-label="Search articles and quotes" />
        <button type="submit">Search</button>
      </form>
      {q ? (
        <div class="grid">
          <Articles q={q} />
          <QuoteList params={{ q }} title="Quotes" />
        </div>
      ) : (
        <p class="muted">Searches article text and quotations (words, "phrases", AND, OR, NOT).</p>
      )}
    </div>
  );
}
