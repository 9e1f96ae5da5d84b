import { createHash } from 'node:crypto';

/** Short stable hash (hex) of a string. */
export function shortHash(value: string, length = 16): string {
  return createHash('sha1').update(value).digest('hex').slice(0, length);
}

/**
 * An article's id when its input gives none: a hash of where it came from and its position there,
 * so it stays the same when text cleaning improves (the content hash would not).
 */
export function articleId(sourceRef: string, position: number): string {
  return shortHash(`${sourceRef}#${position}`);
}
