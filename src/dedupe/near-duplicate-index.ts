import { isNearDuplicate, lshBandKeys, minhashSignature } from './minhash.js';

/**
 * In-memory LSH index of the articles seen so far in one run (`brink extract`): answers which
 * earlier article a new one near-duplicates. Memory grows with the run: 16 band keys and one
 * 64-value signature per article with words.
 */
export class NearDuplicateIndex {
  private readonly bands = new Map<number, string[]>();
  private readonly signatures = new Map<string, Uint32Array>();
  private readonly byHash = new Map<string, string>();

  /**
   * Id of an earlier article that `text` duplicates exactly (same content hash) or nearly
   * (MinHash estimate ≥ threshold), or null; then adds this article to the index.
   */
  checkAndAdd(id: string, text: string, contentHash: string): string | null {
    const exact = this.byHash.get(contentHash);
    // The same article read twice (same id) is itself, not a duplicate of another.
    if (exact !== undefined) return exact === id ? null : exact;
    const sig = minhashSignature(text);
    const keys = lshBandKeys(sig);
    for (const key of keys) {
      for (const other of this.bands.get(key) ?? []) {
        if (isNearDuplicate(sig, this.signatures.get(other)!)) {
          this.byHash.set(contentHash, other);
          return other;
        }
      }
    }
    this.byHash.set(contentHash, id);
    // Only originals are indexed, so a chain of edits always points at the first version.
    this.signatures.set(id, sig);
    for (const key of keys) {
      const ids = this.bands.get(key);
      if (ids) ids.push(id);
      else this.bands.set(key, [id]);
    }
    return null;
  }
}
