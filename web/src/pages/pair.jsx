import { countryName } from '../countries.js';
import { href } from '../router.js';
import { SeriesWithEvents } from './series-page.jsx';

export function Pair({ a, b, route }) {
  return (
    <div class="page">
      <h1>
        <a href={href(['country', a])}>{countryName(a)}</a> – <a href={href(['country', b])}>{countryName(b)}</a>
      </h1>
      <SeriesWithEvents seriesPath={`pairs/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`} route={route} routeParts={['pair', a, b]} eventFilters={{ pair: `${a},${b}` }} />
    </div>
  );
}
