import type { InputFormat, ReadItem } from '../domain/types.js';

export interface DocumentOptions {
  published: string | null;
}

/** Parses a whole HTML page or feed held in memory into articles. */
export function readWholeDocument(content: string, origin: string, format: InputFormat, opts: DocumentOptions): ReadItem[] {
  void content;
  void opts;
  return [{ kind: 'error', where: origin, reason: `the ${format} reader is not available in this build` }];
}
