import type { SearchQuery, SearchTerm } from '../search-query.js';

/** A term as an FTS5 string (quoted, so no user text is read as FTS5 syntax). */
function term(t: SearchTerm): string {
  return `"${t.text.replace(/"/g, '""')}"${t.prefix ? ' *' : ''}`;
}

/** Translates the backend-neutral query into an FTS5 MATCH expression. */
export function toFts5(query: SearchQuery): string {
  const clause = (any: SearchTerm[]) => (any.length === 1 ? term(any[0]!) : `(${any.map(term).join(' OR ')})`);
  let expr = query.clauses
    .filter((c) => !c.negated)
    .map((c) => clause(c.any))
    .join(' AND ');
  for (const c of query.clauses) if (c.negated) expr = `(${expr}) NOT ${clause(c.any)}`;
  return expr;
}
