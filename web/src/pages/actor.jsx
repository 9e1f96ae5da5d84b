import { useMemo } from 'preact/hooks';
import { useFetch } from '../use-fetch.js';
import { href, navigate } from '../router.js';
import { countryName } from '../countries.js';
import { Status } from '../components/status.jsx';
import { Network } from '../components/network.jsx';
import { EventList } from '../components/event-list.jsx';
import { QuoteList } from '../components/quote-list.jsx';

const shortName = (id) => id.split(':').pop().replace(/-/g, ' ');

/** Roles over time: one row per actor code with the months it was used. */
function Roles({ roles }) {
  const byCode = useMemo(() => {
    const m = new Map();
    for (const r of roles) {
      const row = m.get(r.code) ?? { code: r.code, count: 0, first: r.month, last: r.month };
      row.count += r.count;
      if (r.month < row.first) row.first = r.month;
      if (r.month > row.last) row.last = r.month;
      m.set(r.code, row);
    }
    return [...m.values()].sort((a, b) => b.count - a.count);
  }, [roles]);
  if (byCode.length === 0) return <p class="muted">No roles recorded.</p>;
  return (
    <ul class="roles">
      {byCode.map((r) => (
        <li key={r.code}>
          <code>{r.code || '—'}</code> {r.first === r.last ? r.first : `${r.first} → ${r.last}`} <span class="muted">({r.count} mentions)</span>
        </li>
      ))}
    </ul>
  );
}

export function Actor({ id }) {
  const profile = useFetch(`actors/${encodeURIComponent(id)}`);
  const network = useFetch(`actors/${encodeURIComponent(id)}/network`, { limit: 40 });
  const a = profile.data;
  return (
    <div class="page">
      <h1>{a ? a.name : shortName(id)}</h1>
      <Status state={profile} />
      {a ? (
        <section class="panel">
          <p>
            <code>{a.code || '—'}</code>
            {a.country ? (
              <>
                {' '}
                · <a href={href(['country', a.country])}>{countryName(a.country)}</a>
              </>
            ) : null}{' '}
            · {a.mentions} mentions · {a.events} events · {a.quotes} quotes
          </p>
          <h2>Also called</h2>
          <p class="aliases">{a.aliases.map((x) => `${x.text} (${x.count})`).join(' · ') || '—'}</p>
          <h2>Roles over time</h2>
          <Roles roles={a.roles} />
        </section>
      ) : null}
      <section class="panel">
        <h2>Network</h2>
        <p class="hint">Actors sharing event clusters with this one: green cooperation, red conflict; a node opens its actor.</p>
        {network.data && network.data.nodes.length > 0 ? (
          <Network network={network.data} focus={id} label={shortName} onNode={(n) => n !== id && navigate(['actor', n])} />
        ) : (
          <Status state={network} empty={network.data ? 'No network yet.' : null} />
        )}
      </section>
      <QuoteList params={{ speaker: id }} title="Quotes" />
      <EventList filters={{ actor: id }} title="Events" />
    </div>
  );
}
