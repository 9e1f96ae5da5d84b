// Geo of any span, for the event coder's event locations ("in Tehran", "near the Lebanese border").
import type { Geo } from '../domain/types.js';
import type { AnalysisState } from '../pipeline/analysis-state.js';
import { getActorContext } from './actor-context.js';
import { resolvePlace } from './resolve-geo.js';

const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);

/**
 * The place a span names: the geo of the last place entity inside it ("the port of Hodeidah" →
 * Hodeidah), else the gazetteer's best reading of the span's text in the article's context, else null.
 * Call after the `actors` stage.
 */
export function geoForSpan(state: AnalysisState, start: number, end: number): Geo | null {
  let found: Geo | null = null;
  for (const e of state.entities) {
    if (e.start >= end) break;
    if (e.end > start && e.start >= start && e.end <= end && PLACE_TYPES.has(e.type) && e.geo) found = e.geo;
  }
  if (found) return found;
  const ctx = getActorContext(state);
  if (!ctx) return null;
  return resolvePlace(ctx.gaz, state.doc.text.slice(start, end), { countries: ctx.countries, admin1: new Set() })?.geo ?? null;
}
