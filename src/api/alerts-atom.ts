import type { Alert } from '../analytics/detect-alerts.js';

// The alerts as an Atom feed: one entry per alert, newest first; an entry's id is stable for the
// pair and start day, and `updated` moves when the alert's end or score changes.

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function alertsAtom(alerts: readonly Alert[], selfUrl: string, updated: string): string {
  const base = new URL(selfUrl);
  const entries = [...alerts]
    .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0))
    .slice(0, 200)
    .map((a) => {
      const pair = `${a.pair[0]}–${a.pair[1]}`;
      const link = new URL(`/api/pairs/${a.pair[0]}/${a.pair[1]}/series?by=day&from=${a.start}`, base).href;
      const when = a.end ?? a.peak;
      const summary = `${pair}: ${a.events} conflict event clusters from ${a.start}${a.end ? ` to ${a.end}` : ' (ongoing)'}, peak ${a.peak}, score ${a.score}.`;
      return `  <entry>
    <id>tag:brink,${a.start}:alert/${a.pair[0]}-${a.pair[1]}</id>
    <title>${xml(`Escalation ${pair} from ${a.start}`)}</title>
    <updated>${when}T00:00:00Z</updated>
    <link href="${xml(link)}"/>
    <summary>${xml(summary)}</summary>
    <content type="application/json">${xml(JSON.stringify(a))}</content>
  </entry>`;
    });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>tag:brink,2024:alerts</id>
  <title>Brink escalation alerts</title>
  <updated>${xml(updated)}</updated>
  <link rel="self" href="${xml(selfUrl)}"/>
${entries.join('\n')}
</feed>
`;
}
