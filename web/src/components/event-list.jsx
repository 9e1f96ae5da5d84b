import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api.js';
import { href } from '../router.js';
import { Credit } from './credit.jsx';
import { sideName } from './event-codes.jsx';
import { QUAD_COLORS } from './quad-chart.jsx';
import { useArticleUrls } from './use-credits.js';

// Events with their evidence sentence (trigger marked) and a link to the sentence in its article:
// where every chart and map on the dashboard leads.

function Evidence({ event }) {
  const text = event.evidenceText ?? '';
  const a = event.trigger.start - event.evidence.start;
  const b = event.trigger.end - event.evidence.start;
  if (a < 0 || b > text.length || a >= b) return <q class="evidence">{text}</q>;
  return (
    <q class="evidence">
      {text.slice(0, a)}
      <mark>{text.slice(a, b)}</mark>
      {text.slice(b)}
    </q>
  );
}

function Side({ arg }) {
  if (arg?.actor) return <a href={href(['actor', arg.actor.id])}>{arg.actor.name}</a>;
  return <span>{sideName(arg)}</span>;
}

export function EventItem({ event, url }) {
  return (
    <li class="event">
      <div class="event-head">
        <span class="quad" style={{ background: QUAD_COLORS[event.quadclass - 1] }} title={`QuadClass ${event.quadclass}`} />
        <span class="date">{event.date ?? event.published ?? 'undated'}</span>
        <span class="who">
          <Side arg={event.source} /> → <Side arg={event.target} />
        </span>
        <span class="code" title={`rule ${event.rule}`}>
          CAMEO {event.cameo}
          {event.plover ? ` · ${event.plover}` : ''} · G {event.goldstein}
          {event.modality !== 'asserted' ? ` · ${event.modality}` : ''}
        </span>
      </div>
      <Evidence event={event} />
      <div class="event-foot">
        <a href={href(['article', event.articleId], { event: event.id })}>{event.articleTitle || 'article'}</a>
        {event.published ? <span class="muted"> · {event.published}</span> : null}
      </div>
      <Credit url={url} />
    </li>
  );
}

/** A paged list of `/api/events` for the given filters (pair as "AAA,BBB", actor, from, to, code…). */
export function EventList({ filters, title = 'Events' }) {
  const [items, setItems] = useState([]);
  const [next, setNext] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(filters);
  const load = (cursor, keep) => {
    setLoading(true);
    getJson('events', { ...filters, limit: 25, cursor }).then(
      (page) => {
        setItems((old) => [...keep(old), ...page.items]);
        setNext(page.next);
        setError(null);
        setLoading(false);
      },
      (err) => {
        setError(err);
        setLoading(false);
      },
    );
  };
  useEffect(() => load(null, () => []), [key]);
  // Events carry their article's url; older servers do not, so look those up.
  const urls = useArticleUrls(items.filter((e) => !('articleUrl' in e)).map((e) => e.articleId));
  return (
    <section class="panel events-panel">
      <h2>{title}</h2>
      {error ? <p class="error" role="alert">{error.message}</p> : null}
      {!loading && !error && items.length === 0 ? <p class="muted">No events match.</p> : null}
      <ol class="event-list">
        {items.map((e) => (
          <EventItem key={`${e.articleId}/${e.id}`} event={e} url={'articleUrl' in e ? e.articleUrl : urls.get(e.articleId)} />
        ))}
      </ol>
      {loading ? <p class="muted">Loading…</p> : null}
      {next && !loading ? (
        <button type="button" onClick={() => load(next, (old) => old)}>
          More events
        </button>
      ) : null}
    </section>
  );
}
