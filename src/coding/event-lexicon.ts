// The event lexicon: the CAMEO table and the trigger patterns, parsed and validated (pure; the files
// are read by load-event-lexicon.ts). Patterns are indexed by the forms of their first item so that
// matching costs one map lookup per token.

export interface CameoEntry {
  code: string;
  name: string;
  goldstein: number;
  quadclass: number;
  plover: string | null;
  mode: string | null;
  context: string[];
  /** Code for announcing the intent to do this (03 cooperative, 13 hostile), or null. */
  intent: string | null;
  /** Code for refusing to do this (12), or null. */
  refuse: string | null;
}

/**
 * One item of a pattern: a set of accepted forms, optionally only with some parts of speech ("to:ADP" is the
 * preposition, not the infinitive marker of "going to open"), or a gap of a few tokens.
 */
export type PatternItem = { gap: false; forms: Set<string>; pos: Set<string> | null } | { gap: true };

export type FrameKind = 'intent' | 'threat' | 'refuse' | 'appeal' | 'demand' | 'order' | 'accuse';
export type TargetRule = 'after' | 'self' | 'none' | 'with';
/**
 * `people`: the verb's direct object must name people ("released the hostages", not "released a report");
 * `things`: it must not ("dismissed the claims", not "dismissed the minister"); `named`: it must hold a name
 * of a place or actor ("went to Tehran", not "went to the polls"); `none`: the verb takes no object or clause
 * ("demonstrated in the capital", not "demonstrated that …"); `someone`: a direct object, if any, names people
 * or an actor ("met the president", "met in Geneva", not "met this challenge").
 */
export type ObjectRule = 'people' | 'things' | 'named' | 'none' | 'someone' | null;

export interface EventPattern {
  id: string;
  cameo: string;
  items: PatternItem[];
  /** Index into `items` of the trigger item. */
  trigger: number;
  symmetric: boolean;
  nominal: boolean;
  target: TargetRule;
  frame: FrameKind | null;
  object: ObjectRule;
  confidence: number;
  /** How many tokens a "..." may skip (option gap=N; 6 unless set). */
  gap: number;
  /** Head nouns (lemmas) the verb's direct object must not have (option not=a|b: "provided assessments" is no aid). */
  notObject: Set<string> | null;
  example: string;
  /** Position in the merged lexicon; earlier wins among equally specific matches. */
  order: number;
  /** Index of the trigger among the non-gap items (its place in a match's positions). */
  triggerPosition: number;
}

export interface EventLexicon {
  cameo: Map<string, CameoEntry>;
  /** Nouns that name people (last word of each entry, lower case), for `object=people`. */
  people: Set<string>;
  /** Nouns of natural hazards and accidents: a violent event they do is no political event. */
  hazards: Set<string>;
  /** Verbs of accidents ("crash"): a participle after them states no act of anyone. */
  hazardVerbs: Set<string>;
  /** What one fights without fighting anyone ("a pandemic", "corruption"). */
  hazardObjects: Set<string>;
  patterns: EventPattern[];
  /** Patterns by each form of their first item. */
  byFirst: Map<string, EventPattern[]>;
}

export class LexiconError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const FRAMES = new Set<FrameKind>(['intent', 'threat', 'refuse', 'appeal', 'demand', 'order', 'accuse']);

/**
 * Parses pattern lines (`id<TAB>cameo<TAB>match<TAB>options<TAB>example`); `#` starts a comment.
 * A line whose cameo is `-` removes the pattern with that id (for user override files).
 */
export function parsePatterns(text: string, origin: string): Array<EventPattern | { remove: string }> {
  const out: Array<EventPattern | { remove: string }> = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, n) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const where = `${origin}:${n + 1}`;
    const [id, cameo, match, options = '', example = ''] = line.split('\t').map((s) => s.trim());
    if (!id || !cameo) throw new LexiconError('pattern-fields', `${where}: a pattern needs an id and a cameo code`);
    if (cameo === '-') {
      out.push({ remove: id });
      return;
    }
    if (!match) throw new LexiconError('pattern-fields', `${where}: pattern ${id} has no match`);
    if (!/^\d{2,4}$/.test(cameo)) throw new LexiconError('pattern-cameo', `${where}: bad cameo code ${cameo}`);
    let trigger = -1;
    const items: PatternItem[] = [];
    for (const raw of match.split(/\s+/)) {
      if (raw === '...') {
        if (items.length === 0 || items[items.length - 1]!.gap) throw new LexiconError('pattern-match', `${where}: misplaced "..."`);
        items.push({ gap: true });
        continue;
      }
      let word = raw.toLowerCase();
      if (word.startsWith('@')) {
        word = word.slice(1);
        trigger = items.length;
      }
      const [words = '', tags] = word.split(':');
      if (!words.split('|').some(Boolean)) throw new LexiconError('pattern-match', `${where}: an item without a word in ${id}`);
      const pos = tags ? new Set(tags.toUpperCase().split('+').filter(Boolean)) : null;
      items.push({ gap: false, forms: new Set(words.split('|').filter(Boolean)), pos });
    }
    if (items[items.length - 1]!.gap) throw new LexiconError('pattern-match', `${where}: a match cannot end with "..."`);
    const p: EventPattern = {
      id,
      cameo,
      items,
      trigger: trigger < 0 ? 0 : trigger,
      symmetric: false,
      nominal: false,
      target: 'after',
      frame: null,
      object: null,
      confidence: 0.7,
      gap: 6,
      notObject: null,
      example,
      order: 0,
      triggerPosition: 0,
    };
    for (let k = 0; k < p.trigger; k++) if (!items[k]!.gap) p.triggerPosition++;
    for (const opt of options.split(';').map((s) => s.trim()).filter(Boolean)) {
      const [key, value] = opt.split('=');
      if (key === 'sym') p.symmetric = true;
      else if (key === 'nominal') p.nominal = true;
      else if (key === 'target' && (value === 'after' || value === 'self' || value === 'none' || value === 'with')) p.target = value;
      else if (key === 'frame' && FRAMES.has(value as FrameKind)) p.frame = value as FrameKind;
      else if (key === 'object' && (value === 'people' || value === 'things' || value === 'named' || value === 'none' || value === 'someone')) p.object = value;
      else if (key === 'not' && value && /^[a-z-]+(\|[a-z-]+)*$/.test(value)) p.notObject = new Set(value.split('|'));
      else if (key === 'conf' && Number(value) > 0 && Number(value) <= 1) p.confidence = Number(value);
      else if (key === 'gap' && Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 15) p.gap = Number(value);
      else throw new LexiconError('pattern-option', `${where}: unknown option ${opt}`);
    }
    out.push(p);
  });
  return out;
}

/** Merges pattern lists in order (a later pattern with the same id replaces the earlier one) and indexes them. */
export function buildEventLexicon(
  cameoEntries: CameoEntry[],
  patternLists: Array<Array<EventPattern | { remove: string }>>,
  peopleWords: string[] = [],
  hazardWords: string[] = [],
  hazardVerbs: string[] = [],
  hazardObjects: string[] = [],
): EventLexicon {
  const cameo = new Map(cameoEntries.map((e) => [e.code, e]));
  const byId = new Map<string, EventPattern>();
  for (const list of patternLists) {
    for (const p of list) {
      if ('remove' in p) byId.delete(p.remove);
      else {
        if (!cameo.has(p.cameo)) throw new LexiconError('pattern-cameo', `pattern ${p.id}: unknown CAMEO code ${p.cameo}`);
        byId.delete(p.id);
        byId.set(p.id, p);
      }
    }
  }
  const patterns = [...byId.values()];
  const byFirst = new Map<string, EventPattern[]>();
  patterns.forEach((p, i) => {
    p.order = i;
    const first = p.items[0]!;
    if (first.gap) return;
    for (const form of first.forms) {
      const list = byFirst.get(form);
      if (list) list.push(p);
      else byFirst.set(form, [p]);
    }
  });
  const people = new Set(peopleWords.map((w) => w.toLowerCase().split(/\s+/).pop()!).filter(Boolean));
  const lowerSet = (words: string[]): Set<string> => new Set(words.map((w) => w.toLowerCase()));
  return { cameo, people, hazards: lowerSet(hazardWords), hazardVerbs: lowerSet(hazardVerbs), hazardObjects: lowerSet(hazardObjects), patterns, byFirst };
}
