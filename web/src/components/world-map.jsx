import { useMemo } from 'preact/hooks';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { alpha3ByNumeric, countryName } from '../countries.js';
import { href } from '../router.js';

// The world map, drawn offline from Natural Earth (world-atlas): each country shaded by the balance
// of cooperation (green) against conflict (red) in its event clusters; a click opens the country.

const WIDTH = 960;
const HEIGHT = 470;
const shapes = feature(world, world.objects.countries).features;
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
const path = geoPath(projection);
const drawn = shapes.map((f) => ({ code: alpha3ByNumeric.get(String(f.id)) ?? null, d: path(f) })).filter((s) => s.d);

function shade(balance) {
  // −1 (all conflict) red, 0 amber, +1 (all cooperation) green.
  const t = (balance + 1) / 2;
  const hue = Math.round(t * 130);
  return `hsl(${hue} 60% 48%)`;
}

export function WorldMap({ countries }) {
  const by = useMemo(() => new Map(countries.map((c) => [c.country, c])), [countries]);
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="World map of conflict and cooperation">
        <path class="sphere" d={path({ type: 'Sphere' })} />
        {drawn.map((s, i) => {
          const a = s.code ? by.get(s.code) : undefined;
          const title = a
            ? `${countryName(s.code)}: ${a.clusters} clusters, ${a.cooperation} cooperation, ${a.conflict} conflict, mean Goldstein ${a.goldsteinMean}`
            : (s.code ? countryName(s.code) : 'no code');
          const shape = (
            <path d={s.d} class={a ? 'country has-data' : 'country'} style={a ? { fill: shade(a.balance) } : undefined}>
              <title>{title}</title>
            </path>
          );
          return a ? <a key={i} href={href(['country', s.code])}>{shape}</a> : <g key={i}>{shape}</g>;
        })}
      </svg>
      <figcaption>
        <span class="swatch" style={{ background: shade(-1) }} /> conflict <span class="swatch" style={{ background: shade(0) }} /> mixed{' '}
        <span class="swatch" style={{ background: shade(1) }} /> cooperation · a country opens its events
      </figcaption>
    </figure>
  );
}
