// Fallback actor names for the event coder: a token trie over country names, demonyms, groups and
// capitals. Used where the actors/geo stage has no actor for a span (pure; loaded by load-actor-gazetteer.ts).
import type { ActorRef, Geo, Token } from '../domain/types.js';

export interface GazetteerEntry {
  name: string;
  actor: ActorRef;
  /** Coordinates when the name is a place (a capital, a region). */
  geo: Geo | null;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry: GazetteerEntry | null;
}

export interface ActorGazetteer {
  root: TrieNode;
}

/** An actor found in a sentence: a token range with its actor (and place, when it is one). */
export interface ActorMention {
  /** Token indices, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  actor: ActorRef | null;
  geo: Geo | null;
  /** Pronoun mentions are resolved later by the coder. */
  pronoun: boolean;
}

const keyOf = (s: string): string => s.toLowerCase();

/** Splits a name like wink-nlp tokenises it closely enough: words, and "'s" apart. */
function nameTokens(name: string): string[] {
  return name.split(/\s+/).filter(Boolean).map(keyOf);
}

export function buildActorGazetteer(entries: GazetteerEntry[]): ActorGazetteer {
  const root: TrieNode = { next: new Map(), entry: null };
  for (const e of entries) {
    let node = root;
    for (const t of nameTokens(e.name)) {
      let child = node.next.get(t);
      if (!child) node.next.set(t, (child = { next: new Map(), entry: null }));
      node = child;
    }
    // The first entry for a name wins: the shipped table is listed before the generic lists.
    if (!node.entry) node.entry = e;
  }
  return { root };
}

/** Longest gazetteer names in tokens [from, to); names must start with a capital letter. */
export function findGazetteerMentions(gaz: ActorGazetteer, tokens: Token[], from: number, to: number): ActorMention[] {
  const out: ActorMention[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    const c = t.text.charCodeAt(0);
    if (!(c >= 65 && c <= 90)) {
      i++;
      continue;
    }
    let node = gaz.root.next.get(t.normal);
    let best: { end: number; entry: GazetteerEntry } | null = null;
    let j = i + 1;
    while (node) {
      if (node.entry) best = { end: j, entry: node.entry };
      if (j >= to) break;
      node = node.next.get(tokens[j]!.normal);
      j++;
    }
    if (best) {
      const start = t.start;
      const end = tokens[best.end - 1]!.end;
      out.push({
        first: i,
        last: best.end,
        start,
        end,
        text: '',
        actor: best.entry.actor,
        geo: best.entry.geo,
        pronoun: false,
      });
      i = best.end;
    } else i++;
  }
  return out;
}
