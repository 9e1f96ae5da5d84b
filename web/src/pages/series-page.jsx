import { useFetch } from '../use-fetch.js';
import { navigate } from '../router.js';
import { periodRange } from '../period.js';
import { Status } from '../components/status.jsx';
import { QuadChart } from '../components/quad-chart.jsx';
import { EventList } from '../components/event-list.jsx';

/**
 * A series chart (pair or country) above the events behind it: a bar click narrows the event list
 * to that period (kept in the URL, so the view can be shared).
 */
export function SeriesWithEvents({ seriesPath, route, routeParts, eventFilters }) {
  const by = route.query.by ?? 'week';
  const range = { from: route.query.from, to: route.query.to };
  const state = useFetch(seriesPath, { by, ...range });
  const selected = route.query.period;
  const eventRange = selected ? periodRange(selected) : range;
  const totals = state.data?.totals;
  return (
    <>
      <section class="panel">
        <div class="toolbar">
          <label>
            Period{' '}
            <select value={by} onChange={(e) => navigate(routeParts, { ...route.query, by: e.currentTarget.value, period: undefined })}>
              <option value="day">day</option>
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </label>
          {range.from || range.to ? (
            <span class="muted">
              {range.from ?? '…'} → {range.to ?? '…'} <a href={`#/${routeParts.map(encodeURIComponent).join('/')}`}>all dates</a>
            </span>
          ) : null}
        </div>
        {totals ? (
          <p class="hint">
            {totals.clusters} clusters: {totals.cooperation} cooperation, {totals.conflict} conflict, mean Goldstein {totals.goldsteinMean ?? '—'}. A bar opens its
            events.
          </p>
        ) : null}
        {state.data && state.data.points.length > 0 ? (
          <QuadChart series={state.data} onSelect={(period) => period && navigate(routeParts, { ...route.query, period })} />
        ) : (
          <Status state={state} empty={state.data ? 'No event clusters in this range.' : null} />
        )}
      </section>
      <EventList
        filters={{ ...eventFilters, ...eventRange }}
        title={selected ? `Events in ${selected}` : 'Events with their evidence'}
      />
      {selected ? (
        <p>
          <a href={`#/${routeParts.map(encodeURIComponent).join('/')}`}>Show all events</a>
        </p>
      ) : null}
    </>
  );
}
