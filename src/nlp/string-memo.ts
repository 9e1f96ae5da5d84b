// Memoisation of pure functions of a string (name keys, slugs), for the analysis code that asks the same
// question about the same words over and over: the answer is computed once and looked up after that.

/**
 * Memoises `fn`, a pure function of a string returning a string. The cache is emptied when it reaches
 * `max` entries, so memory stays bounded however many distinct words a long run meets.
 */
export function memoByString(fn: (s: string) => string, max = 20_000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}
