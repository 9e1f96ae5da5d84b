import { createReadStream, promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { Article, InputFormat, ReadItem } from '../domain/types.js';
import { decodeBytes, looksBinary, sniffEncoding, utf8Verdict, type Encoding } from './decode.js';
import { sniffFormat } from './sniff-format.js';
import { splitDump, dumpBlockToArticle } from './text-dump.js';
import { recordToArticle, resolveFields, type FieldMap } from './record-fields.js';
import { CsvParser, sniffDelimiter } from './csv-parser.js';
import { readWholeDocument } from './read-document.js';

// The I/O edge of ingestion: paths, folders, stdin and gzip in; articles or per-item errors out.
// Streamed formats (text dumps, JSONL, CSV) keep memory bounded whatever the file size.

export interface ReadOptions {
  format: 'auto' | InputFormat;
  /** Publication date for articles that carry none. */
  published: string | null;
  /** Field/column overrides for JSONL and CSV. */
  fields: FieldMap;
}

const SNIFF_BYTES = 65536;
/** HTML pages and feeds are parsed whole; larger ones are refused rather than exhausting memory. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** One JSONL line or CSV row longer than this is reported and skipped. */
const MAX_RECORD_CHARS = 32 * 1024 * 1024;
/** A text dump with no article break for this long is cut here so memory stays bounded. */
const MAX_BLOCK_CHARS = 8 * 1024 * 1024;

/** Reads every path (file, folder, or '-' for stdin) in order. */
export async function* readInputs(paths: string[], opts: ReadOptions): AsyncGenerator<ReadItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* readStream(process.stdin, 'stdin', '-', opts);
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(path);
    } catch (err) {
      yield { kind: 'error', where: path, reason: describeFsError(err) };
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of await listFiles(path)) yield* readFile(file, opts);
    } else yield* readFile(path, opts);
  }
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (err as Error).message;
}

/** Files under a folder, recursively, in a stable (sorted) order; hidden files skipped. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

async function* readFile(path: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  yield* readStream(createReadStream(path, { highWaterMark: SNIFF_BYTES }), basename(path), path, opts);
}

/** Byte chunks of a stream, gunzipped when the stream starts with the gzip magic number. */
async function* bytesOf(stream: Readable): AsyncGenerator<Buffer> {
  const it = stream[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value as Buffer;
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    (async () => {
      try {
        gunzip.write(head);
        for (let r = await it.next(); !r.done; r = await it.next()) {
          if (!gunzip.write(r.value)) await new Promise((res) => gunzip.once('drain', res));
        }
        gunzip.end();
      } catch (err) {
        gunzip.destroy(err as Error);
      }
    })();
    for await (const chunk of gunzip) yield chunk as Buffer;
    return;
  }
  yield head;
  for (let r = await it.next(); !r.done; r = await it.next()) yield r.value as Buffer;
}

/** Collects at least `n` bytes (or all) from the front of a chunk iterator, keeping the rest readable. */
async function peek(chunks: AsyncGenerator<Buffer>, n: number): Promise<{ head: Buffer; rest: AsyncGenerator<Buffer> }> {
  const parts: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const r = await chunks.next();
    if (r.done) {
      done = true;
      break;
    }
    parts.push(r.value);
    size += r.value.length;
  }
  const head = Buffer.concat(parts);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (!done) yield* chunks;
  }
  return { head, rest: rest() };
}

async function* readStream(stream: Readable, name: string, origin: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  try {
    const { head, rest } = await peek(bytesOf(stream), SNIFF_BYTES);
    if (head.length === 0) {
      yield { kind: 'error', where: origin, reason: 'empty file' };
      return;
    }
    if (looksBinary(head)) {
      yield { kind: 'error', where: origin, reason: 'binary data, not text (unsupported file type)' };
      return;
    }
    const { encoding } = sniffEncoding(head);
    const headText = new TextDecoder(encoding).decode(head.subarray(0, 4096));
    const format = opts.format === 'auto' ? sniffFormat(name, headText) : opts.format;
    if (format === 'jsonl' && encoding === 'utf-8') yield* readJsonlBytes(rest, origin, opts);
    else if (format === 'jsonl') yield* readJsonlText(decodeStream(rest, encoding), origin, opts);
    else if (format === 'csv') yield* readCsv(decodeStream(rest, encoding), origin, opts);
    else if (format === 'text') yield* readTextDump(decodeStream(rest, encoding), origin, opts);
    else yield* readDocument(rest, origin, format, opts);
  } catch (err) {
    yield { kind: 'error', where: origin, reason: `read failed: ${(err as Error).message}` };
  }
}

type TextChunk = string | { problem: string };

/** Decodes a byte stream with the sniffed encoding; reports (once) and replaces invalid UTF-8. */
async function* decodeStream(chunks: AsyncGenerator<Buffer>, encoding: Encoding): AsyncGenerator<TextChunk> {
  let decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let offset = 0;
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      first = false;
      const { bom } = sniffEncoding(chunk);
      chunk = chunk.subarray(bom);
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      yield { problem: `invalid UTF-8 in bytes ${offset}–${offset + chunk.length}; replaced with U+FFFD` };
      decoder = new TextDecoder('utf-8');
      yield decoder.decode(chunk, { stream: true });
    }
    offset += chunk.length;
  }
  yield decoder.decode();
}

async function* readTextDump(chunks: AsyncGenerator<TextChunk>, origin: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  let buffer = '';
  let position = 0;
  const emit = function* (text: string): Generator<ReadItem> {
    for (const block of splitDump(text)) {
      const article = dumpBlockToArticle(block, origin, position, { published: opts.published });
      if (article) {
        position++;
        yield { kind: 'article', article };
      }
    }
  };
  for await (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      yield { kind: 'error', where: origin, reason: chunk.problem };
      continue;
    }
    buffer += chunk.replace(/\r\n?/g, '\n');
    // Cut at the last article break seen so far; what follows may still grow.
    const cut = lastBreak(buffer);
    if (cut > 0) {
      yield* emit(buffer.slice(0, cut));
      buffer = buffer.slice(cut);
    } else if (buffer.length > MAX_BLOCK_CHARS) {
      const nl = buffer.lastIndexOf('\n\n');
      const at = nl > 0 ? nl : buffer.length;
      yield* emit(buffer.slice(0, at));
      buffer = buffer.slice(at);
    }
  }
  if (buffer.trim() !== '') yield* emit(buffer);
}

function lastBreak(text: string): number {
  const re = /\n[ \t]*\n(?:[ \t]*\n)+/g;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index + m[0].length;
  // A break at the very end may continue in the next chunk; it is still a valid cut point.
  return last;
}

async function* readJsonlBytes(chunks: AsyncGenerator<Buffer>, origin: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  let carry: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  let position = 0;
  let first = true;
  const utf8 = new TextDecoder('utf-8');
  const cp1252 = new TextDecoder('windows-1252');
  const handle = (bytes: Buffer): ReadItem | null => {
    lineNo++;
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const verdict = utf8Verdict(bytes);
    if (verdict === 'broken') return { kind: 'error', where: `${origin}:${lineNo}`, reason: 'invalid UTF-8; line skipped' };
    const line = (verdict === 'utf8' ? utf8 : cp1252).decode(bytes);
    const item = jsonlLine(line, origin, lineNo, position, opts);
    if (item?.kind === 'article') position++;
    return item;
  };
  for await (const chunk of chunks) {
    let start = 0;
    let buf: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      const item = handle(buf.subarray(start, nl));
      if (item) yield item;
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
    if (carry.length > MAX_RECORD_CHARS) {
      // Skip the rest of an over-long line without holding it.
      lineNo++;
      yield { kind: 'error', where: `${origin}:${lineNo}`, reason: `line longer than ${MAX_RECORD_CHARS} bytes; skipped` };
      buf = Buffer.alloc(0);
      carry = Buffer.alloc(0);
      let found = false;
      for await (const more of chunks) {
        const nl = more.indexOf(0x0a);
        if (nl >= 0) {
          carry = Buffer.from(more.subarray(nl + 1));
          found = true;
          break;
        }
      }
      if (!found) return;
    }
  }
  if (carry.length > 0) {
    const item = handle(carry);
    if (item) yield item;
  }
}

async function* readJsonlText(chunks: AsyncGenerator<TextChunk>, origin: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  let carry = '';
  let lineNo = 0;
  let position = 0;
  for await (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      yield { kind: 'error', where: origin, reason: chunk.problem };
      continue;
    }
    const lines = (carry + chunk).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) {
      const item = jsonlLine(line, origin, ++lineNo, position, opts);
      if (item?.kind === 'article') position++;
      if (item) yield item;
    }
  }
  if (carry !== '') {
    const item = jsonlLine(carry, origin, ++lineNo, position, opts);
    if (item) yield item;
  }
}

/** One JSONL line → an article, an error, or nothing for a blank line. */
export function jsonlLine(line: string, origin: string, lineNo: number, position: number, opts: ReadOptions): ReadItem | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  const where = `${origin}:${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (err) {
    return { kind: 'error', where, reason: `invalid JSON (${(err as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'error', where, reason: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  const result = recordToArticle(record, resolveFields(Object.keys(record), opts.fields), origin, lineNo - 1, 'jsonl', opts.published);
  if ('error' in result) return { kind: 'error', where, reason: result.error };
  return finishRecord(result.article, result.html, where);
}

function finishRecord(article: Article, html: string | null, where: string): ReadItem {
  if (html === null) return { kind: 'article', article };
  const items = readWholeDocument(html, where, 'html', { published: article.published, url: article.url });
  const page = items.find((i) => i.kind === 'article');
  if (!page || page.kind !== 'article') return items[0] ?? { kind: 'error', where, reason: 'no article in html field' };
  // Fields given in the record win over what the page says.
  const p = page.article;
  return {
    kind: 'article',
    article: {
      ...p,
      id: article.id,
      url: article.url ?? p.url,
      title: article.title ?? p.title,
      source: article.source ?? p.source,
      published: article.published ?? p.published,
      publishedAt: article.publishedAt ?? p.publishedAt,
      origin: article.origin,
      format: article.format,
    },
  };
}

async function* readCsv(chunks: AsyncGenerator<TextChunk>, origin: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  let parser: CsvParser | null = null;
  let header: string[] | null = null;
  let fields: FieldMap = {};
  let position = 0;
  let pending = '';
  const toItems = function* (rows: Array<{ cells: string[]; line: number }>): Generator<ReadItem> {
    for (const row of rows) {
      if (header === null) {
        header = row.cells.map((c) => c.trim());
        fields = resolveFields(header, opts.fields);
        if (!fields.text && !fields.html) {
          yield { kind: 'error', where: `${origin}:${row.line}`, reason: `no text column in header (${header.join(', ')}); use --text-column` };
        }
        continue;
      }
      if (row.cells.length === 1 && row.cells[0]!.trim() === '') continue;
      const where = `${origin}:${row.line}`;
      if (row.cells.length !== header.length) {
        yield { kind: 'error', where, reason: `row has ${row.cells.length} cells, header has ${header.length}; row skipped` };
        continue;
      }
      if (!fields.text && !fields.html) continue;
      const record: Record<string, unknown> = {};
      header.forEach((h, i) => (record[h] = row.cells[i]));
      const result = recordToArticle(record, fields, origin, position, 'csv', opts.published);
      if ('error' in result) {
        yield { kind: 'error', where, reason: result.error };
        continue;
      }
      position++;
      yield finishRecord(result.article, result.html, where);
    }
  };
  for await (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      yield { kind: 'error', where: origin, reason: chunk.problem };
      continue;
    }
    if (parser === null) {
      pending += chunk;
      const nl = pending.indexOf('\n');
      if (nl < 0 && pending.length < SNIFF_BYTES) continue;
      parser = new CsvParser(origin.toLowerCase().endsWith('.tsv') ? '\t' : sniffDelimiter(pending.slice(0, nl < 0 ? undefined : nl)));
      yield* toItems(parser.push(pending));
      pending = '';
      continue;
    }
    yield* toItems(parser.push(chunk));
  }
  if (parser === null) {
    parser = new CsvParser(sniffDelimiter(pending.split('\n', 1)[0] ?? ''));
    yield* toItems(parser.push(pending));
  }
  const { rows, unterminated } = parser.end();
  if (unterminated) yield { kind: 'error', where: `${origin}:${rows[0]?.line ?? '?'}`, reason: 'unterminated quoted field at end of file; row skipped' };
  else yield* toItems(rows);
}

/** HTML pages and feeds: parsed whole, with a size cap. */
async function* readDocument(chunks: AsyncGenerator<Buffer>, origin: string, format: InputFormat, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) {
      yield { kind: 'error', where: origin, reason: `${format} document larger than ${MAX_DOCUMENT_BYTES >> 20} MB; skipped` };
      return;
    }
    parts.push(chunk);
  }
  const decoded = decodeBytes(Buffer.concat(parts));
  if (decoded.problem) yield { kind: 'error', where: origin, reason: decoded.problem };
  yield* readWholeDocument(decoded.text, origin, format, { published: opts.published });
}
