import type { ReadOptions } from '../ingest/read-inputs.js';
import type { InputFormat } from '../domain/types.js';
import { isoDayOption } from './parse-options.js';
import { UsageError } from './usage-error.js';

// The reader options shared by every command that reads news (extract, ingest).

export const FORMATS = ['auto', 'text', 'html', 'jsonl', 'csv', 'feed'] as const;

export const INPUT_OPTIONS = {
  format: { type: 'string', default: 'auto' },
  published: { type: 'string' },
  'text-column': { type: 'string' },
  'title-column': { type: 'string' },
  'date-column': { type: 'string' },
  'url-column': { type: 'string' },
  'id-column': { type: 'string' },
} as const;

export const INPUT_HELP = `  --format F          auto|text|html|jsonl|csv|feed (default auto: by extension and content)
  --published DATE    publication date (YYYY-MM-DD) for articles that carry none
  --text-column NAME  field/column holding the text (jsonl/csv; default found by name)
  --title-column NAME, --date-column NAME, --url-column NAME, --id-column NAME`;

/** Reader options from parsed command-line values. */
export function readOptionsFrom(values: Record<string, string | boolean | undefined>): ReadOptions {
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  return {
    format: format as 'auto' | InputFormat,
    published: isoDayOption('published', values.published as string | undefined),
    fields: {
      text: values['text-column'] as string | undefined,
      title: values['title-column'] as string | undefined,
      published: values['date-column'] as string | undefined,
      url: values['url-column'] as string | undefined,
      id: values['id-column'] as string | undefined,
    },
  };
}
