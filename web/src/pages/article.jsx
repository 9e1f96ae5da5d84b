import { useMemo } from 'preact/hooks';
import { useFetch } from '../use-fetch.js';
import { href } from '../router.js';
import { safeUrl } from '../safe-url.js';
import { Status } from '../components/status.jsx';
import { Credit } from '../components/credit.jsx';
import { AnnotatedText } from '../components/annotated-text.jsx';
import { EventCodes, sideName } from '../components/event-codes.jsx';

/** The span to focus: an event's evidence sentence or a quote, from the URL. */
function focusOf(record, query) {
  if (query.event) {
    const ev = record.events.find((e) => e.id === query.event);
    if (ev) return ev.evidence;
  }
  if (query.quote) {
    const q = record.quotes.find((x) => x.id === query.quote);
    if (q) return { start: q.start, end: q.end };
  }
  return null;
}

const excerpt = (text) => (text.length > 90 ? `${text.slice(0, 90).replace(/\s+\S*$/, '')}…` : text);

export function Article({ id, route }) {
  const state = useFetch(`articles/${encodeURIComponent(id)}`);
  const r = state.data;
  const focus = useMemo(() => (r ? focusOf(r, route.query) : null), [r, route.query.event, route.query.quote]);
  if (!r) return <div class="page"><Status state={state} /></div>;
  const link = safeUrl(r.url);
  return (
    <div class="page article">
      {/* Items without a title (e.g. one-sentence Current Events entries) are named by their first words. */}
      <h1>{r.title || <span class="untitled">{excerpt(r.text)}</span>}</h1>
      <p class="muted">
        {r.published ?? 'undated'}
        {r.source ? ` · ${r.source}` : ''}
        {link ? (
          <>
            {' · '}
            <a href={link} rel="noopener noreferrer" target="_blank">
              original
            </a>
          </>
        ) : null}
        {r.duplicateOf ? (
          <>
            {' · duplicate of '}
            <a href={href(['article', r.duplicateOf])}>the original</a>
          </>
        ) : null}
      </p>
      <Credit url={r.url} />
      <p class="legend">
        <span class="ent">entity</span> <span class="time">time</span> <span class="quote">quote</span> <mark class="ev">event</mark> — hover or tap an event for
        its codes and rule
      </p>
      <AnnotatedText record={r} focus={focus} />
      <section class="panel">
        <h2>Events ({r.events.length})</h2>
        <ol class="event-codes-list">
          {r.events.map((e) => (
            <li key={e.id}>
              <a href={href(['article', id], { event: e.id })}>
                {sideName(e.source)} → {sideName(e.target)}: “{e.trigger.text}”
              </a>
              <EventCodes event={e} />
            </li>
          ))}
        </ol>
      </section>
      <section class="panel">
        <h2>Quotes ({r.quotes.length})</h2>
        <ul class="quote-list">
          {r.quotes.map((q) => (
            <li key={q.id}>
              <a href={href(['article', id], { quote: q.id })}>{q.text}</a>
              <span class="muted"> — {q.speaker ? (q.speaker.name ?? q.speaker.text) : 'unknown speaker'}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
