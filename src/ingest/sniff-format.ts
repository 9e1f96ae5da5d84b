import type { InputFormat } from '../domain/types.js';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text', '.text': 'text',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'jsonl',
  '.csv': 'csv', '.tsv': 'csv',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed', '.rdf': 'feed',
};

/** Chooses a reader from the file name (without .gz) and, failing that, from the first characters. */
export function sniffFormat(name: string, head: string): InputFormat {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  const dot = base.lastIndexOf('.');
  const byExt = dot >= 0 ? BY_EXTENSION[base.slice(dot)] : undefined;
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (byExt === 'feed' && /^<!doctype html|^<html/i.test(s)) return 'html';
  if (byExt) return byExt;
  if (s.startsWith('{')) return 'jsonl';
  if (s.startsWith('<')) {
    const probe = s.slice(0, 2000).toLowerCase();
    if (/<rss[\s>]|<feed[\s>]|<rdf:rdf[\s>]/.test(probe)) return 'feed';
    return 'html';
  }
  const firstLine = s.split('\n', 1)[0] ?? '';
  if (/^"?[\w ]+"?(,"?[\w ]+"?)+\r?$/.test(firstLine) && /(^|,)"?(text|body|content)"?(,|\r?$)/i.test(firstLine)) return 'csv';
  return 'text';
}
