import { EventList } from '../components/event-list.jsx';

const FILTERS = ['from', 'to', 'pair', 'actor', 'code', 'plover', 'quadclass', 'place'];

/** Events for any filter the API knows, from the URL (where the volume chart's bars lead). */
export function Events({ route }) {
  const filters = Object.fromEntries(FILTERS.filter((k) => route.query[k]).map((k) => [k, route.query[k]]));
  const desc = Object.entries(filters).map(([k, v]) => `${k} ${v}`).join(', ');
  return (
    <div class="page">
      <h1>Events{desc ? `: ${desc}` : ''}</h1>
      <EventList filters={filters} title="Events with their evidence" />
    </div>
  );
}
