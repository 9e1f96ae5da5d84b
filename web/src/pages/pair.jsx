import { countryName } from '../countries.js';
import { href } from '../router.js';
import { useFetch } from '../use-fetch.js';
import { SeriesWithEvents } from './series-page.jsx';

/** The pair's alerts, each narrowing the page to its span. */
function PairAlerts({ a, b }) {
  const state = useFetch('alerts', { pair: `${a},${b}`, limit: 100 });
  if (!state.data || state.data.items.length === 0) return null;
  return (
    <section class="panel">
      <h2>Alerts</h2>
      <ul class="alert-list">
        {state.data.items.map((x) => (
          <li key={x.start}>
            <a href={href(['pair', a, b], { from: x.start, to: x.end ?? undefined, by: 'day' })}>
              {x.start} → {x.end ?? 'ongoing'}
            </a>
            <span class="muted">
              {' '}
              peak {x.peak} · score {x.score} · {x.events} conflict events
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Pair({ a, b, route }) {
  return (
    <div class="page">
      <h1>
        <a href={href(['country', a])}>{countryName(a)}</a> – <a href={href(['country', b])}>{countryName(b)}</a>
      </h1>
      <PairAlerts a={a} b={b} />
      <SeriesWithEvents seriesPath={`pairs/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`} route={route} routeParts={['pair', a, b]} eventFilters={{ pair: `${a},${b}` }} />
    </div>
  );
}
