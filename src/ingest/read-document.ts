import type { InputFormat, ReadItem } from '../domain/types.js';
import { readHtml } from './html/read-html.js';
import { readFeed } from './feed/read-feed.js';
import { loadBoilerplateRules } from './html/load-boilerplate-rules.js';

export interface DocumentOptions {
  published: string | null;
  /** The document's own URL when known (a JSONL record's url): used for the URL-path date and the outlet. */
  url?: string | null;
}

/** Parses a whole HTML page or feed held in memory into articles. */
export function readWholeDocument(content: string, origin: string, format: InputFormat, opts: DocumentOptions): ReadItem[] {
  const rules = loadBoilerplateRules();
  if (format === 'feed') return readFeed(content, origin, { published: opts.published, rules });
  if (format === 'html') return readHtml(content, origin, { published: opts.published, url: opts.url ?? null, rules });
  return [{ kind: 'error', where: origin, reason: `${format} is not a whole-document format` }];
}
