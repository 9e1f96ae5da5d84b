import type { Command } from '../command.js';
import { isoDayOption, parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { DB_HELP, DB_OPTION, openCommandStore, ReportedError } from '../db-option.js';
import { parseSearchQuery, SearchQueryError, type SearchQuery } from '../../store/search-query.js';

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'who said what: stored quotations by words and speaker',
  help: `Usage: brink quotes [options] [QUERY...]

Lists stored quotations with their speaker, newest first, or best first when QUERY is given
(same query language as "brink search": words, "phrases", OR, -exclude, prefix*).

Options:
${DB_HELP}
  --speaker NAME      speaker actor id, or a name found in the speaker's name or mention
  --from/--to DAY     publication day from/to, YYYY-MM-DD
  --limit N           at most N quotations (default 20)
  --json              a JSON array of {articleId, quoteId, kind, text, speaker, speakerActor, cue, published}
  -h, --help          show this help

Examples:
  brink quotes sanctions --speaker Lavrov
  brink quotes --speaker person:usa:antony-blinken --from 2022-02-01 --json`,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      ...DB_OPTION, speaker: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' },
    });
    if (values.help) {
      console.log(this.help);
      return 0;
    }
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10000) throw new UsageError('--limit must be a whole number from 1 to 10000');
    const from = isoDayOption('from', values.from as string | undefined);
    const to = isoDayOption('to', values.to as string | undefined);
    let search: SearchQuery | undefined;
    if (positionals.length > 0) {
      try {
        search = parseSearchQuery(positionals.join(' '));
      } catch (err) {
        if (err instanceof SearchQueryError) throw new UsageError(err.message);
        throw err;
      }
    }
    let store;
    try {
      store = await openCommandStore('quotes', values.db as string | undefined, false);
    } catch (err) {
      if (err instanceof ReportedError) return 1;
      throw err;
    }
    try {
      const page = await store.listQuotes({
        ...(search ? { search } : {}), ...(values.speaker ? { speaker: String(values.speaker) } : {}),
        ...(from ? { from } : {}), ...(to ? { to } : {}), limit,
      });
      if (values.json) {
        process.stdout.write(JSON.stringify(page.items) + '\n');
        return 0;
      }
      if (page.items.length === 0) {
        process.stderr.write('no quotations\n');
        return 0;
      }
      const lines = page.items.map((q) => {
        const who = q.speakerActor ? `${q.speakerActor.name}${q.speaker && q.speaker !== q.speakerActor.name ? ` ("${q.speaker}")` : ''}` : (q.speaker ?? 'unknown speaker');
        return `${q.published ?? 'undated'}  ${who}${q.cue ? ` ${q.cue}` : ''}:\n   ${q.kind === 'direct' ? `"${q.text}"` : q.text}\n   ${q.articleId}/${q.quoteId}`;
      });
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    } finally {
      await store.close();
    }
  },
};
