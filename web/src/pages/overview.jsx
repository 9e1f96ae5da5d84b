import { useFetch } from '../use-fetch.js';
import { href, navigate } from '../router.js';
import { countryName } from '../countries.js';
import { periodRange } from '../period.js';
import { Status } from '../components/status.jsx';
import { VolumeChart } from '../components/volume-chart.jsx';
import { WorldMap } from '../components/world-map.jsx';

const pairLabel = (pair) => `${countryName(pair[0])} – ${countryName(pair[1])}`;

function Stats() {
  const state = useFetch('stats');
  const s = state.data;
  if (!s) return <Status state={state} />;
  return (
    <ul class="stats">
      {['articles', 'events', 'clusters', 'quotes', 'actors'].filter((k) => k in s).map((k) => (
        <li key={k}>
          <strong>{Number(s[k]).toLocaleString('en')}</strong> {k}
        </li>
      ))}
    </ul>
  );
}

function Volume() {
  const months = useFetch('volume', { by: 'month' });
  const weeks = useFetch('volume', { by: 'week' });
  // Weeks unless the corpus spans years (the slider then pages through months).
  const data = weeks.data && weeks.data.points.length <= 400 ? weeks.data : months.data;
  return (
    <section class="panel">
      <h2>Volume over time</h2>
      <p class="hint">Event clusters (one real-world event across articles) per {data?.by ?? 'period'}; a bar opens its events.</p>
      {data && data.points.length === 0 ? <p class="muted">No events yet: add articles with "brink ingest".</p> : null}
      {data && data.points.length > 0 ? <VolumeChart points={data.points} onSelect={(p) => p && navigate(['events'], periodRange(p))} /> : null}
      {data ? null : <Status state={weeks.error ? weeks : months} />}
    </section>
  );
}

function Alerts() {
  // The API lists alerts newest first.
  const state = useFetch('alerts', { limit: 12 });
  const alerts = state.data ? state.data.items : [];
  return (
    <section class="panel">
      <h2>Current alerts</h2>
      <p class="hint">Pairs breaking sharply from their own baseline, newest first.</p>
      <Status state={state} empty={state.data && alerts.length === 0 ? 'No alerts.' : null} />
      <ul class="alert-list">
        {alerts.map((a) => (
          <li key={`${a.pair.join()}-${a.start}`}>
            <a href={href(['pair', a.pair[0], a.pair[1]], { from: a.start, to: a.end ?? undefined })}>{pairLabel(a.pair)}</a>
            <span class="muted">
              {' '}
              {a.start} → {a.end ?? 'ongoing'} · score {a.score} · {a.events} conflict events
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Pairs() {
  const state = useFetch('pairs', { limit: 15 });
  const items = state.data?.items ?? [];
  return (
    <section class="panel">
      <h2>Most active pairs</h2>
      <Status state={state} empty={state.data && items.length === 0 ? 'No pairs yet.' : null} />
      <ul class="pair-list">
        {items.map((p) => (
          <li key={p.pair.join()}>
            <a href={href(['pair', p.pair[0], p.pair[1]])}>{pairLabel(p.pair)}</a>
            <span class="muted">
              {' '}
              {p.clusters} clusters, {p.conflict} conflict
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MapPanel() {
  const state = useFetch('countries');
  return (
    <section class="panel wide">
      <h2>Conflict and cooperation by country</h2>
      {state.data ? <WorldMap countries={state.data.items} /> : <Status state={state} />}
    </section>
  );
}

export function Overview() {
  return (
    <div class="page">
      <h1>Overview</h1>
      <Stats />
      <div class="grid">
        <Volume />
        <Alerts />
        <MapPanel />
        <Pairs />
      </div>
    </div>
  );
}
