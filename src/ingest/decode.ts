// Bytes → text. Handles UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or NUL-pattern),
// and Windows-1252 / Latin-1, which news scrapes and old CSV exports still use.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Set when the bytes are not valid in any encoding we accept: the reason for the user. */
  problem: string | null;
}

/** Encoding of a byte sample: BOMs first, then UTF-16 NUL patterns, then UTF-8 validity. */
export function sniffEncoding(sample: Uint8Array): { encoding: Encoding; bom: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const n = Math.min(sample.length, 4096) & ~1;
  if (n >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (sample[i] === 0) evenNul++;
      if (sample[i + 1] === 0) oddNul++;
    }
    const pairs = n / 2;
    if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
    if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
  }
  return { encoding: utf8Verdict(sample, true) === 'cp1252' ? 'windows-1252' : 'utf-8', bom: 0 };
}

/**
 * 'utf8' when the bytes are valid UTF-8; 'cp1252' when they hold high bytes but no valid
 * multi-byte sequence at all (a legacy single-byte file); 'broken' when valid UTF-8 sequences
 * are mixed with invalid ones (real corruption). `truncatedTail` tolerates a sequence cut at the end.
 */
export function utf8Verdict(bytes: Uint8Array, truncatedTail = false): 'utf8' | 'cp1252' | 'broken' {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + len > bytes.length) {
      if (!truncatedTail) invalid++;
      break;
    }
    let ok = true;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  if (invalid === 0) return 'utf8';
  return valid === 0 ? 'cp1252' : 'broken';
}

/** Decodes a whole buffer, choosing the encoding from its content. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const { encoding, bom } = sniffEncoding(bytes.subarray(0, 65536));
  const body = bytes.subarray(bom);
  if (encoding !== 'utf-8') return { text: new TextDecoder(encoding).decode(body), encoding, problem: null };
  const verdict = utf8Verdict(body);
  if (verdict === 'utf8') return { text: new TextDecoder('utf-8').decode(body), encoding, problem: null };
  if (verdict === 'cp1252') return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', problem: null };
  return {
    text: new TextDecoder('utf-8').decode(body),
    encoding,
    problem: `invalid UTF-8 at byte ${firstInvalidUtf8(body)}; invalid bytes replaced with U+FFFD`,
  };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/** True when a sample looks like binary data rather than text in any supported encoding. */
export function looksBinary(sample: Uint8Array): boolean {
  const { encoding } = sniffEncoding(sample);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  const n = Math.min(sample.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.1;
}
