import { useFetch } from '../use-fetch.js';
import { countryName } from '../countries.js';
import { href } from '../router.js';
import { Status } from '../components/status.jsx';
import { SeriesWithEvents } from './series-page.jsx';

export function Country({ code, route }) {
  const pairs = useFetch('pairs', { country: code, limit: 20 });
  const items = pairs.data?.items ?? [];
  return (
    <div class="page">
      <h1>{countryName(code)}</h1>
      <section class="panel">
        <h2>Pairs</h2>
        <Status state={pairs} empty={pairs.data && items.length === 0 ? 'No pairs.' : null} />
        <ul class="pair-list inline">
          {items.map((p) => {
            const other = p.pair[0] === code ? p.pair[1] : p.pair[0];
            return (
              <li key={other}>
                <a href={href(['pair', code, other])}>{countryName(other)}</a> <span class="muted">{p.clusters}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <SeriesWithEvents seriesPath={`countries/${encodeURIComponent(code)}/series`} route={route} routeParts={['country', code]} eventFilters={{ actor: code }} />
    </div>
  );
}
