// Finds gazetteer names and role phrases in a run of tokens: index lookups keyed by the first token.
import type { Token } from '../domain/types.js';
import { fold, nameTokens, type Gazetteer, type NameEntry, type RoleMatch } from './gazetteer.js';
import { memoByString } from './string-memo.js';

export interface NameMatch {
  ts: number;
  te: number;
  entry: NameEntry;
}

/** Lower-cased lemma ("ministers" → "minister"); the base layer leaves a few tokens without one. */
export function lemmaOf(t: Token): string {
  return t.lemma ? t.lemma.toLowerCase() : t.normal;
}

/** Whether a string is all ASCII (a loop: cheaper than a RegExp test on a short word, and this runs per token). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Folded form of a token (wink's `normal` is lower-cased already; diacritics are dropped here). */
export function tokenKey(t: Token): string {
  return isAscii(t.normal) ? t.normal : fold(t.normal);
}

/** A middle initial: one capital letter, with or without its full stop ("J.", "W"). */
function isInitial(t: Token): boolean {
  const s = t.text;
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90 && (s.length === 1 || (s.length === 2 && s.charCodeAt(1) === 46));
}

function caseFits(entry: NameEntry, i: number, t: Token): boolean {
  const c = entry.cases[i]!;
  if (c === 'any') return true;
  if (c === 'exact') return t.text === entry.surface[i];
  const ch = t.text.charAt(0);
  return ch !== ch.toLowerCase() || (ch >= '0' && ch <= '9');
}

// Which kind wins when names of the same length match the same tokens: a known actor ("Hamas") over a
// country or place of that name; a country over a city ("Mexico", "Singapore"); a region over a city.
const KIND_RANK = { actor: 0, country: 1, demonym: 2, region: 3, city: 4 } as const;

/** The longest gazetteer name starting at token i (within [i, limit)), or null. */
export function nameAt(gaz: Gazetteer, tokens: Token[], i: number, limit: number): NameMatch | null {
  const list = gaz.phrases.get(tokenKey(tokens[i]!));
  if (!list) return null;
  let best: NameMatch | null = null;
  for (const entry of list) {
    const n = entry.tokens.length;
    if (best && n < best.te - best.ts) break;
    if (i + n > limit) continue;
    // A known person's name matches with middle initials the list leaves out ("Antony J. Blinken").
    const person = entry.target.kind === 'actor' && entry.target.actor.type === 'PERSON' && n > 1;
    let ok = true;
    let j = i;
    for (let k = 0; k < n; k++) {
      if (person && k > 0) while (j < limit - 1 && isInitial(tokens[j]!)) j++;
      const t = tokens[j]!;
      if (j >= limit || (k > 0 && tokenKey(t) !== entry.tokens[k]) || !caseFits(entry, k, t)) {
        ok = false;
        break;
      }
      // A name never runs across a sentence end.
      if (k > 0 && t.sentence !== tokens[i]!.sentence) {
        ok = false;
        break;
      }
      j++;
    }
    if (!ok) continue;
    // Same length: the better kind wins; among known actors the later entry (user files come last).
    if (!best || KIND_RANK[entry.target.kind] < KIND_RANK[best.entry.target.kind] || (entry.target.kind === 'actor' && best.entry.target.kind === 'actor')) {
      best = { ts: i, te: j, entry };
    }
  }
  return best;
}

export interface RoleHit {
  ts: number;
  te: number;
  match: RoleMatch;
}

/** The longest role phrase starting at token i, matched on lower-cased words or lemmas ("ministers"). */
export function roleAt(gaz: Gazetteer, tokens: Token[], i: number, limit: number): RoleHit | null {
  const t0 = tokens[i]!;
  let list = gaz.roles.get(t0.normal);
  if (!list) {
    // Most tokens start no role and have their normal form as lemma: one lookup is enough for them.
    const lemma = lemmaOf(t0);
    if (lemma !== t0.normal) list = gaz.roles.get(lemma);
    if (!list) return null;
  }
  for (const match of list) {
    const n = match.tokens.length;
    if (i + n > limit) continue;
    let ok = true;
    for (let k = 0; k < n; k++) {
      const t = tokens[i + k]!;
      const w = match.tokens[k]!;
      if (t.normal !== w && lemmaOf(t) !== w) {
        ok = false;
        break;
      }
    }
    if (ok) return { ts: i, te: i + n, match };
  }
  return null;
}

/** Every role phrase in [from, to), left to right, longest first at each position. */
export function rolesIn(gaz: Gazetteer, tokens: Token[], from: number, to: number): RoleHit[] {
  const out: RoleHit[] = [];
  for (let i = from; i < to; i++) {
    const hit = roleAt(gaz, tokens, i, to);
    if (hit) {
      out.push(hit);
      i = hit.te - 1;
    }
  }
  return out;
}

/** A name as the lower-cased tokens the base layer gives it, space-joined ("takht - ravanchi"). */
export const nameTokensKey: (name: string) => string = memoByString((name) => nameTokens(name).map((t) => t.toLowerCase()).join(' '));
