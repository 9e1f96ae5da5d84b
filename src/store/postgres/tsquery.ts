import type { SearchQuery, SearchTerm } from '../search-query.js';

// The backend-neutral query as a to_tsquery() string. Only runs of letters and digits reach the
// string, each single-quoted, so no user text is read as tsquery syntax; a phrase's words are joined
// with <-> (followed by), as FTS5 phrases are, and `word*` becomes a prefix lexeme (:*).
const WORD = /[\p{L}\p{N}]+/gu;

function term(t: SearchTerm): string | null {
  const words = t.text.match(WORD);
  if (!words) return null;
  const parts = words.map((w) => `'${w}'`);
  if (t.prefix) parts[parts.length - 1] += ':*';
  return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`;
}

function clause(any: SearchTerm[]): string | null {
  const terms = any.map(term).filter((x): x is string => x !== null);
  if (terms.length === 0) return null;
  return terms.length === 1 ? terms[0]! : `(${terms.join(' | ')})`;
}

/** Translates the query for to_tsquery('brink', …); null when no word is left to search for. */
export function toTsquery(query: SearchQuery): string | null {
  const must = query.clauses.filter((c) => !c.negated).map((c) => clause(c.any)).filter((x): x is string => x !== null);
  if (must.length === 0) return null;
  const not = query.clauses.filter((c) => c.negated).map((c) => clause(c.any)).filter((x): x is string => x !== null);
  return [...must, ...not.map((x) => `!${x}`)].join(' & ');
}
