import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { parseSearchQuery, SearchQueryError, type SearchQuery } from '../../store/search-query.js';
import type { Store } from '../../store/store.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'full-text search over stored articles, best first, with highlighted snippets',
  help: `Usage: brink search [options] QUERY...

Searches titles and texts of stored articles; results are ranked by relevance (BM25, titles
weigh more) and shown with a snippet, matched words highlighted (bold on a terminal, **so**
otherwise). Words are stemmed ("sanction" finds "sanctions").

Query: every word must match; "quoted words" match as a phrase; A OR B accepts either;
-word excludes; word* matches a prefix. Quote the whole query for the shell, or put it after --
(a word starting with - would otherwise be read as an option).

Options:
${DB_HELP}
  --limit N           at most N results (default 10)
  --json              a JSON array of {id, title, url, source, published, origin, duplicateOf, score, snippet}
  -h, --help          show this help

Examples:
  brink search sanctions Iran
  brink search '"nuclear talks" Geneva -Vienna' --limit 20
  brink search --json 'ceasefire OR truce' | jq '.[].id'`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      ...DB_OPTION,
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('no query: give the words to search for');
    const limit = values.limit === undefined ? 10 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number ≥ 1');
    let query: SearchQuery;
    try {
      query = parseSearchQuery(positionals.join(' '));
    } catch (err) {
      if (err instanceof SearchQueryError) throw new UsageError(err.message);
      throw err;
    }
    let store: Store;
    try {
      store = await openCommandStore('search', values.db as string | undefined, false);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    try {
      const tty = !values.json && Boolean(process.stdout.isTTY);
      const highlight: [string, string] = tty ? ['\x1b[1m', '\x1b[0m'] : ['**', '**'];
      const hits = await store.searchArticles(query, { limit, highlight });
      if (values.json) {
        process.stdout.write(JSON.stringify(hits) + '\n');
        return 0;
      }
      if (hits.length === 0) {
        process.stderr.write('no matches\n');
        return 0;
      }
      const lines: string[] = [];
      hits.forEach((h, i) => {
        const meta = [h.published ?? 'undated', h.source ?? h.url, h.duplicateOf ? `duplicate of ${h.duplicateOf}` : null].filter(Boolean).join(' · ');
        lines.push(`${i + 1}. ${h.title ?? '(no title)'}  [${h.id}]`, `   ${meta}  score ${h.score.toFixed(2)}`, `   ${h.snippet.replace(/\s+/g, ' ')}`, '');
      });
      process.stdout.write(lines.join('\n'));
      return 0;
    } finally {
      await store.close();
    }
  },
};
