import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EventCodes } from './event-codes.jsx';

// The article's text with its annotations as nested marks: entities, times, quotes, event triggers
// and the focused sentence. The text is cut at every annotation boundary and each piece is rendered
// as a text node inside spans; nothing from the article is ever parsed as HTML.

function segments(text, annotations) {
  const cuts = new Set([0, text.length]);
  for (const a of annotations) {
    cuts.add(Math.max(0, Math.min(text.length, a.start)));
    cuts.add(Math.max(0, Math.min(text.length, a.end)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const sorted = [...annotations].sort((x, y) => x.start - y.start);
  const out = [];
  let from = 0;
  const open = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    while (from < sorted.length && sorted[from].start <= s) open.push(sorted[from++]);
    const active = open.filter((a) => a.start <= s && a.end >= e);
    for (let k = open.length - 1; k >= 0; k--) if (open[k].end <= s) open.splice(k, 1);
    out.push({ start: s, end: e, text: text.slice(s, e), active });
  }
  return out;
}

export function AnnotatedText({ record, focus }) {
  const [tip, setTip] = useState(null);
  const focusRef = useRef(null);
  const annotations = useMemo(() => {
    const a = [];
    for (const q of record.quotes) a.push({ start: q.start, end: q.end, kind: 'quote', title: `quote (${q.kind})${q.speaker ? ` — ${q.speaker.name ?? q.speaker.text}` : ''}` });
    for (const e of record.entities) a.push({ start: e.start, end: e.end, kind: `ent ent-${e.type}`, title: `${e.type}${e.actor ? ` · ${e.actor.name} (${e.actor.code || e.actor.country || '—'})` : ''}${e.geo ? ` · ${e.geo.name}` : ''}` });
    for (const t of record.times) a.push({ start: t.start, end: t.end, kind: 'time', title: `${t.type} ${t.value}` });
    for (const ev of record.events) a.push({ start: ev.trigger.start, end: ev.trigger.end, kind: 'ev', event: ev });
    if (focus) a.push({ start: focus.start, end: focus.end, kind: 'focus' });
    return a.filter((x) => x.end > x.start);
  }, [record, focus]);
  const parts = useMemo(() => segments(record.text, annotations), [record.text, annotations]);
  useEffect(() => {
    focusRef.current?.scrollIntoView({ block: 'center' });
  }, [focus]);
  let focusMarked = false;
  const show = (ev, target) => {
    const r = target.getBoundingClientRect();
    setTip({ event: ev, x: Math.max(4, Math.min(r.left, innerWidth - 284)), y: r.bottom + 6 });
  };
  return (
    <div class="article-text">
      {parts.map((p, i) => {
        let node = p.text;
        // Innermost first: events, then times, entities, quotes, focus as the outermost.
        const order = ['ev', 'time', 'ent', 'quote', 'focus'];
        const active = [...p.active].sort((x, y) => order.indexOf(x.kind.split(' ')[0]) - order.indexOf(y.kind.split(' ')[0]));
        for (const a of active) {
          if (a.kind === 'ev') {
            const ev = a.event;
            node = (
              <mark
                class="ev"
                tabindex="0"
                data-event={ev.id}
                onMouseEnter={(e) => show(ev, e.currentTarget)}
                onFocus={(e) => show(ev, e.currentTarget)}
                onClick={(e) => show(ev, e.currentTarget)}
                onMouseLeave={() => setTip(null)}
                onBlur={() => setTip(null)}
              >
                {node}
              </mark>
            );
          } else if (a.kind === 'focus') {
            const first = !focusMarked;
            focusMarked = true;
            node = <span class="focus" ref={first ? focusRef : undefined}>{node}</span>;
          } else {
            node = <span class={a.kind} title={a.title}>{node}</span>;
          }
        }
        return <Fragment key={i}>{node}</Fragment>;
      })}
      {tip ? (
        <div class="tip" role="tooltip" style={{ left: `${tip.x}px`, top: `${tip.y}px` }}>
          <strong>{tip.event.trigger.text}</strong>
          <EventCodes event={tip.event} />
        </div>
      ) : null}
    </div>
  );
}
