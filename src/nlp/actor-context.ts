// What the actors stage learns about one article, kept for the later coders (quotes, events) that ask
// `resolveActorForSpan`, `resolvePronoun` or `geoForSpan` about the same state. Held in a WeakMap keyed by
// the analysis state, so it lives exactly as long as the article's analysis.
import type { AnalysisState } from '../pipeline/analysis-state.js';
import type { ActorRef, Entity, Token } from '../domain/types.js';
import type { Gazetteer, NameTarget } from './gazetteer.js';
import { memoByString } from './string-memo.js';

export interface PersonInfo {
  entity: Entity;
  /** Folded role phrases the article gives this person ("president", "foreign minister"). */
  roles: Set<string>;
}

export interface ActorContext {
  gaz: Gazetteer;
  /** Token range [ts, te) of each entity, by entity id. */
  tokenRange: Map<string, [number, number]>;
  /** Entity covering each token, or undefined. */
  entityAt: Array<Entity | undefined>;
  /** What a gazetteer name matched for an entity, by entity id. */
  targets: Map<string, NameTarget>;
  persons: PersonInfo[];
  /** Countries the article names (alpha-3), for choosing among places of the same name. */
  countries: Set<string>;
}

const contexts = new WeakMap<AnalysisState, ActorContext>();

export function setActorContext(state: AnalysisState, ctx: ActorContext): void {
  contexts.set(state, ctx);
}

export function getActorContext(state: AnalysisState): ActorContext | undefined {
  return contexts.get(state);
}

/** First token index whose start is at or after `offset` (tokens.length when none). */
export function tokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token range [ts, te) covered by a character span. */
export function tokenRangeOf(tokens: Token[], start: number, end: number): [number, number] {
  const ts = tokenAtOrAfter(tokens, start);
  let te = tokenAtOrAfter(tokens, end);
  if (te < ts) te = ts;
  return [ts, te];
}

export function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  // A-Z, digits (E3, G7 start with letters; "2024" does not name anything) and non-ASCII upper case.
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(t.text);
}

/** Lower-case ASCII id of a name: "Antony J. Blinken" → "antony-j-blinken". Memoised: ids are made per mention. */
export const slug: (s: string) => string = memoByString((s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''),
);

/** The actor of a country, optionally narrowed to a role type (GOV, MIL, ...). */
export function countryActor(gaz: Gazetteer, a3: string, type: string | null): ActorRef {
  const name = gaz.countriesByA3.get(a3)?.name ?? a3;
  return { id: type ? `country:${a3}/${type}` : `country:${a3}`, name, code: a3 + (type ?? ''), country: a3 };
}
