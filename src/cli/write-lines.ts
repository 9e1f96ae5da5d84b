import type { Writable } from 'node:stream';

/** Writes a line, waiting when the stream's buffer is full so memory stays bounded. */
export async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', resolve));
}
