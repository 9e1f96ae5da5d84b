// Casualty and crowd counts stated with an event ("killed at least 12 civilians" → dead 12).
import type { EventSize, Token } from '../domain/types.js';

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24,
  hundreds: 200, thousands: 2000,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6 };
const DEAD = new Set(['kill', 'killed', 'dead', 'die', 'died', 'death', 'deaths', 'massacre', 'slay', 'murder']);
const INJURED = new Set(['wound', 'wounded', 'injure', 'injured', 'injury', 'hurt']);
const ARRESTED = new Set(['arrest', 'arrested', 'detain', 'detained', 'jail', 'jailed', 'round']);
const PARTICIPANTS = new Set(['demonstrator', 'demonstrators', 'protester', 'protesters', 'marcher', 'marchers', 'demonstrate', 'protest', 'rally', 'march', 'strike', 'riot']);

function numberAt(tokens: Token[], i: number): number | null {
  const t = tokens[i]!;
  const c = t.text.charCodeAt(0);
  let value: number | null;
  if (c >= 48 && c <= 57) {
    const n = Number(t.text.indexOf(',') >= 0 ? t.text.replace(/,/g, '') : t.text);
    value = Number.isFinite(n) ? n : null;
  } else value = Object.hasOwn(WORDS, t.normal) ? WORDS[t.normal]! : null;
  if (value === null) return null;
  const next = tokens[i + 1];
  if (next && Object.hasOwn(SCALE, next.normal)) value *= SCALE[next.normal]!;
  return value;
}

/** Counts in the sentence tokens [from, to) tied to a kind by the nearest casualty, arrest or crowd word. */
export function findEventSize(tokens: Token[], from: number, to: number): EventSize | null {
  const size: EventSize = {};
  for (let i = from; i < to; i++) {
    const value = numberAt(tokens, i);
    // People are counted in whole numbers: 6.3 is a magnitude, 2.5 a percentage or a price.
    if (value === null || value < 1 || !Number.isInteger(value)) continue;
    // A year or a date is not a count.
    if (/^(1[89]|20)\d\d$/.test(tokens[i]!.text) || tokens[i + 1]?.normal === 'percent') continue;
    let kind: keyof EventSize | null = null;
    let best = 99;
    for (let j = Math.max(from, i - 4); j < Math.min(to, i + 6); j++) {
      const w = tokens[j]!;
      const forms = [w.normal, (w.lemma ?? w.normal).toLowerCase()];
      const d = Math.abs(j - i);
      if (d >= best) continue;
      if (forms.some((f) => DEAD.has(f))) (kind = 'dead'), (best = d);
      else if (forms.some((f) => INJURED.has(f))) (kind = 'injured'), (best = d);
      else if (forms.some((f) => ARRESTED.has(f))) (kind = 'arrested'), (best = d);
      else if (forms.some((f) => PARTICIPANTS.has(f))) (kind = 'participants'), (best = d);
    }
    if (kind && size[kind] === undefined) size[kind] = value;
  }
  return Object.keys(size).length > 0 ? size : null;
}
