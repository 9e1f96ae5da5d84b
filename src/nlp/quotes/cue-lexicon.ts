import { readFileSync } from 'node:fs';

/** One attribution cue of `data/quotes/cues.json`. */
export interface CueEntry {
  /** Stable id; every quote found through this cue carries `quote.<id>…` in `rule`. */
  id: string;
  /** The verb takes an addressee before its content ("told Reuters that …"). */
  object: boolean;
  /** A verb of thought, wish or evidence: counts only with a clausal complement. */
  weak: boolean;
  /** A verb of stance or speech act: its object is the content ("endorsed Clinton", "called for a ban"). */
  objectContent: boolean;
  /** A cue only next to a quotation or a colon ("she continued, “…”"), never for indirect speech. */
  quoteOnly: boolean;
  /** A verb of speaking whose content is only a quotation or its topic ("spoke of …"), never a clause after it. */
  topicOnly: boolean;
  /** Fixed word sequence ("according to"); null for verbs. */
  phrase: string[] | null;
}

/** The cue lexicon, indexed for the matcher: verb forms and phrase heads to their entry. */
export interface CueLexicon {
  verbs: Map<string, CueEntry>;
  phrases: Map<string, CueEntry[]>;
  /** Nouns of saying or believing ("claim", "report"): cues when a that-clause follows. */
  nouns: Map<string, CueEntry>;
  /** Head nouns of group or organisation speakers (lower case): "they", not "he", refers back to them. */
  groupHeads: Set<string>;
}

interface RawCue {
  id?: unknown;
  words?: unknown;
  phrase?: unknown;
  object?: unknown;
  weak?: unknown;
  objectContent?: unknown;
  quoteOnly?: unknown;
  topicOnly?: unknown;
  noun?: unknown;
}

const isWordList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((w) => typeof w === 'string' && w.trim() === w && w !== '');

/** Validates and indexes the raw JSON of the cue lexicon; throws on the first bad entry. */
export function parseCueLexicon(raw: unknown): CueLexicon {
  const cues = (raw as { cues?: unknown } | null)?.cues;
  if (!Array.isArray(cues)) throw new Error('cue lexicon: expected {"cues": [...]}');
  const verbs = new Map<string, CueEntry>();
  const phrases = new Map<string, CueEntry[]>();
  const nouns = new Map<string, CueEntry>();
  const ids = new Set<string>();
  for (const [i, c] of (cues as RawCue[]).entries()) {
    if (typeof c?.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(c.id)) throw new Error(`cue lexicon: entry ${i} has no valid id`);
    if (ids.has(c.id)) throw new Error(`cue lexicon: duplicate id ${c.id}`);
    ids.add(c.id);
    const hasWords = c.words !== undefined;
    if (hasWords === (c.phrase !== undefined)) throw new Error(`cue lexicon: ${c.id} needs exactly one of words, phrase`);
    const list = hasWords ? c.words : c.phrase;
    if (!isWordList(list)) throw new Error(`cue lexicon: ${c.id} has a bad word list`);
    const entry: CueEntry = {
      id: c.id,
      object: c.object === true,
      weak: c.weak === true,
      objectContent: c.objectContent === true,
      quoteOnly: c.quoteOnly === true,
      topicOnly: c.topicOnly === true,
      phrase: hasWords ? null : list.map((w) => w.toLowerCase()),
    };
    if (entry.phrase) {
      const head = entry.phrase[0]!;
      phrases.set(head, [...(phrases.get(head) ?? []), entry]);
    } else if (c.noun === true) {
      for (const w of list) nouns.set(w.toLowerCase(), entry);
    } else {
      for (const w of list) {
        const key = w.toLowerCase();
        // One form, one meaning: a form listed twice would make the rule id depend on file order.
        if (verbs.has(key)) throw new Error(`cue lexicon: "${key}" is listed by ${verbs.get(key)!.id} and ${c.id}`);
        verbs.set(key, entry);
      }
    }
  }
  const heads = (raw as { groupHeads?: unknown }).groupHeads ?? [];
  if (!Array.isArray(heads) || !heads.every((w) => typeof w === 'string' && w !== '')) throw new Error('cue lexicon: groupHeads must be a list of words');
  return { verbs, phrases, nouns, groupHeads: new Set((heads as string[]).map((w) => w.toLowerCase())) };
}

/** Reads `data/quotes/cues.json` once, at the edge (called from `createPipeline()`). */
export function loadCueLexicon(): CueLexicon {
  const url = new URL('../../../data/quotes/cues.json', import.meta.url);
  return parseCueLexicon(JSON.parse(readFileSync(url, 'utf8')));
}
