// The search language every backend understands, parsed once so each backend only translates it
// (FTS5 MATCH for SQLite, tsquery for PostgreSQL): words and "quoted phrases" must all match,
// `OR` between two terms accepts either, `-term` excludes, `word*` matches a prefix.

export interface SearchTerm {
  /** Words as typed; the backend's tokenizer splits and normalises them. */
  text: string;
  /** True for `word*`. */
  prefix: boolean;
}

export interface SearchClause {
  /** One of these must match (several when joined by OR). */
  any: SearchTerm[];
  /** True for `-term`: rows matching it are excluded. */
  negated: boolean;
}

export interface SearchQuery {
  clauses: SearchClause[];
}

export class SearchQueryError extends Error {
  override name = 'SearchQueryError';
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Parses a user query; throws SearchQueryError when nothing searchable is left. */
export function parseSearchQuery(input: string): SearchQuery {
  const tokens: Array<{ term: SearchTerm; negated: boolean } | 'OR'> = [];
  const re = /(-?)"([^"]*)"?(\*?)|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[4] !== undefined) {
      const word = m[4];
      if (word === 'OR') {
        tokens.push('OR');
        continue;
      }
      const negated = word.startsWith('-') && word.length > 1;
      let text = negated ? word.slice(1) : word;
      const prefix = text.endsWith('*');
      if (prefix) text = text.replace(/\*+$/, '');
      if (HAS_WORD.test(text)) tokens.push({ term: { text, prefix }, negated });
    } else if (HAS_WORD.test(m[2]!)) {
      tokens.push({ term: { text: m[2]!, prefix: m[3] === '*' }, negated: m[1] === '-' });
    }
  }
  const clauses: SearchClause[] = [];
  let joinNext = false;
  for (const t of tokens) {
    if (t === 'OR') {
      joinNext = clauses.length > 0;
      continue;
    }
    const last = clauses[clauses.length - 1];
    if (joinNext && last && !last.negated && !t.negated) last.any.push(t.term);
    else clauses.push({ any: [t.term], negated: t.negated });
    joinNext = false;
  }
  if (!clauses.some((c) => !c.negated)) throw new SearchQueryError('the query has no word to search for');
  return { clauses };
}
