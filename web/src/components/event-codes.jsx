import { QUAD_NAMES } from './quad-chart.jsx';

/** The codes of one event, as text: what the article reader's tooltip and the event lists show. */
export function EventCodes({ event }) {
  return (
    <dl class="codes">
      <dt>CAMEO</dt><dd>{event.cameo}</dd>
      <dt>PLOVER</dt><dd>{event.plover ?? '—'}{event.mode ? ` (${event.mode})` : ''}</dd>
      <dt>Goldstein</dt><dd>{event.goldstein}</dd>
      <dt>QuadClass</dt><dd>{event.quadclass} {QUAD_NAMES[event.quadclass - 1] ?? ''}</dd>
      <dt>Modality</dt><dd>{event.modality}{event.reported ? ', reported' : ''}</dd>
      <dt>Date</dt><dd>{event.date ?? '—'}{event.datePrecision ? ` (${event.datePrecision})` : ''}</dd>
      <dt>Rule</dt><dd class="rule">{event.rule}</dd>
    </dl>
  );
}

export function sideName(arg) {
  if (!arg) return '—';
  return arg.actor ? arg.actor.name : arg.text;
}
