// Verb forms and capitals in the base layer's tokens, read without a parser: is this word the clause's verb,
// is that verb passive, is the sentence a headline? Pure functions over tokens, for the event coder.
import type { Token } from '../domain/types.js';

/** Lower-cased lemma of a token (its normal form when it has none). */
export const lower = (t: Token): string => (t.lemma ?? t.normal).toLowerCase();

const HEADLINE_OBJECT_START = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM']);
const ARTICLE = new Set(['a', 'an', 'the']);
/** What may open the object of a third-person verb read as a noun after a common noun: not a noun or adjective. */
const SINGULAR_SUBJECT_OBJECT = new Set(['DET', 'PROPN', 'NUM', 'PRON']);
/** What may open the object of a base-form verb read as a noun: not a noun or adjective ("police arrest records"). */
const PLURAL_OBJECT_START = new Set(['DET', 'NUM', 'PRON', 'PROPN']);
/** Prepositions a base-form verb read as a noun may take ("Protesters clash with police"). */
const PLURAL_PREPOSITIONS = new Set(['with', 'against', 'on']);
/** Collective nouns that take a plural verb and have no plural ending. */
const COLLECTIVE = new Set(['police', 'people']);

/** Whether the subject that ends with the bracket at `close` is a list ("X and Y (GAM)"). */
function pluralList(tokens: Token[], from: number, close: number): boolean {
  let open = close - 1;
  while (open > from && open >= close - 4 && tokens[open]!.text !== '(') open--;
  if (tokens[open]?.text !== '(') return false;
  for (let j = open - 1; j >= from; j--) {
    if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX') return false;
    if (tokens[j]!.normal === 'and') return true;
  }
  return false;
}

/** A plural noun or name ("Rebels", "Israelis", "police"): the subject of a base-form present verb. */
function pluralSubject(t: Token): boolean {
  if (COLLECTIVE.has(t.normal)) return true;
  // A name has itself for lemma: "Israelis", "Rebels" at a sentence's start (not "Cyprus", "Congress").
  if (t.pos === 'PROPN') return /[^su]s$/.test(t.normal);
  return t.pos === 'NOUN' && /[^s]s$/.test(t.normal) && t.lemma !== t.normal;
}

/**
 * Whether token k is a verb. The tagger reads the present tense of news summaries as a plural noun after a
 * name ("Germany bans the movement", "The Air Force launches airstrikes") and its base form as a noun after a
 * plural subject ("Police arrest six men"): such a word is the clause's verb when its subject precedes it, an
 * object follows, and no verb came before it in the sentence.
 */
export function isVerb(tokens: Token[], from: number, k: number): boolean {
  const tok = tokens[k]!;
  // "Is it a sign that …": a verb tag after an article is the tagger's mistake for a noun.
  if (tok.pos === 'VERB') return !(k > from && ARTICLE.has(tokens[k - 1]!.normal));
  // "Rebels abducted two engineers": a past tense the tagger does not know, read as a noun after its subject.
  if (tok.pos === 'NOUN' && tok.normal.endsWith('ed') && tok.lemma === tok.normal && k > from && (tokens[k - 1]!.pos === 'NOUN' || tokens[k - 1]!.pos === 'PROPN') &&
    PLURAL_OBJECT_START.has(tokens[k + 1]?.pos ?? '')) return true;
  // "have retaken": a participle after "have" read as a noun.
  if (tok.pos === 'NOUN' && /(en|ed)$/.test(tok.normal) && k > from && tokens[k - 1]!.pos === 'AUX' && lower(tokens[k - 1]!) === 'have') return true;
  if (tok.pos !== 'NOUN' || k === from) return false;
  const next = tokens[k + 1];
  if (/[^s]s$/.test(tok.normal)) {
    // After a name, or after a common noun that heads its phrase ("The Chilean government bans a …"); a noun
    // before a name or a number is rather a compound ("government bans", "court sentences") only before a noun.
    const prev = tokens[k - 1]!;
    if (prev.pos === 'NOUN' ? !SINGULAR_SUBJECT_OBJECT.has(next?.pos ?? '') || prev.normal !== prev.lemma : prev.pos !== 'PROPN') return false;
    if (!HEADLINE_OBJECT_START.has(next?.pos ?? '')) return false;
  } else {
    // "Police arrest six men", "Protesters clash with troops": the base form after a plural subject, or after
    // a list of subjects ending in an acronym ("The government and rebels of the movement (GAM) sign a deal").
    const listed = tokens[k - 1]!.text === ')' && pluralList(tokens, from, k - 1);
    if (tok.normal !== tok.lemma || !(listed || pluralSubject(tokens[k - 1]!)) || next === undefined) return false;
    if (!PLURAL_OBJECT_START.has(next.pos) && !(next.pos === 'ADP' && PLURAL_PREPOSITIONS.has(next.normal))) return false;
  }
  for (let j = from; j < k; j++) if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX') return false;
  return true;
}

/** "…, the UN rights chief, reports that rebels have killed…": a speech verb the tagger read as a plural noun. */
export function sayVerbAsNoun(tokens: Token[], k: number): boolean {
  const tok = tokens[k]!;
  return tok.pos === 'NOUN' && /[^s]s$/.test(tok.normal) && tokens[k + 1]?.normal === 'that' &&
    (tokens[k - 1]?.text === ',' || tokens[k - 1]?.pos === 'PROPN');
}

/** A capitalised word that is not all capitals ("Order", not "NATO"). */
export const titleCase = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90 && t.text.length > 1 && t.text !== t.text.toUpperCase();
};

/** A sentence most of whose words are capitalised: a headline or title, where capitals mark no names. */
export function isHeadline(tokens: Token[], from: number, to: number): boolean {
  let words = 0;
  let caps = 0;
  for (let k = from; k < to; k++) {
    const c = tokens[k]!.text.charCodeAt(0);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) continue;
    words++;
    if (c <= 90) caps++;
  }
  return words > 0 && caps * 2 > words;
}

/** A possessive "'s" token (straight or curly apostrophe). */
export const isPossessive = (t: Token | undefined): boolean => t !== undefined && (t.normal === "'s" || t.normal === '’s');

/** Participles that with this preposition right after them are passive without an auxiliary ("…, charged with murder"). */
const REDUCED_PASSIVE: Record<string, string> = { of: 'accuse convict suspect acquit clear', with: 'charge' };

/** Verbs that always take an object: without one, their participle is passive. */
const OBJECT_VERBS = new Set(['kill', 'injure', 'wound', 'arrest', 'detain', 'abduct', 'kidnap', 'execute', 'capture', 'jail', 'imprison']);
/** Verbs that take a reported clause without "that". */
const REPORTING = new Set(['say', 'report', 'claim', 'believe', 'think', 'fear', 'announce', 'confirm', 'state', 'allege']);
/** Words that count victims before a participle ("those killed", "dozens wounded"). */
const VICTIM_COUNTS = new Set(['those', 'people', 'persons', 'others', 'dozens', 'hundreds', 'thousands', 'scores', 'many', 'several', 'more', 'civilians']);
/** Verbs whose participle is their base form: "were hit by drones", "was cut off". */
const SAME_FORM_PARTICIPLES = new Set(['hit', 'cut', 'set', 'put', 'shut', 'beat', 'cast', 'spread', 'burst', 'hurt', 'let', 'split', 'quit', 'bid', 'broadcast', 'upset', 'thrust', 'shed']);

/**
 * "25 killed in the blast", "those injured", "dozens wounded": a count of victims before a participle with no
 * object after it. Passive, and its subject is that count, not an actor of the clause.
 */
export function victimParticiple(tokens: Token[], from: number, t: number): boolean {
  const trig = tokens[t]!;
  const prev = tokens[t - 1];
  const next = tokens[t + 1];
  return prev !== undefined && t - 1 >= from && (prev.pos === 'NUM' || VICTIM_COUNTS.has(prev.normal)) && trig.normal !== lower(trig) &&
    (next === undefined || next.pos === 'ADP' || next.pos === 'PUNCT' || next.pos === 'CCONJ' || next.normal === 'when' || next.normal === 'after');
}

const POSSESSIVE_DETERMINER = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * "Jailed union leaders …", "the wounded soldiers": a participle that opens a noun phrase (first in the sentence,
 * after a determiner or a preposition) and is followed by the rest of it describes people; it states no event of its own.
 */
export function attributiveParticiple(tokens: Token[], from: number, t: number): boolean {
  const trig = tokens[t]!;
  const w = trig.normal;
  if (!(w.endsWith('ed') || w.endsWith('en')) || w === trig.lemma) return false;
  const prev = t > from ? tokens[t - 1]! : null;
  const next = tokens[t + 1];
  // After a determiner, a possessive or a preposition ("hand over ousted dictator X", "of jailed leader Y").
  const opens = prev === null || prev.pos === 'DET' || (prev.pos === 'ADP' && prev.normal !== 'to') || POSSESSIVE_DETERMINER.has(prev.normal);
  return opens && next !== undefined && (next.pos === 'ADJ' || next.pos === 'NOUN' || next.pos === 'PROPN');
}

/** A past participle: a verb whose form differs from its lemma and ends like one ("shot", "injured", "taken"). */
function participle(t: Token): boolean {
  return t.pos === 'VERB' && (t.normal !== lower(t) || SAME_FORM_PARTICIPLES.has(t.normal)) && (/(ed|en|wn|ht|t)$/.test(t.normal) || SAME_FORM_PARTICIPLES.has(t.normal));
}

/**
 * "X was the first lawmaker arrested in the probe", "they named the soldiers killed on Monday": a participle right
 * after a common noun that is itself an object or complement (a verb comes before it in its clause), with no
 * object of its own, describes that noun; it is passive, not the clause's verb. So is, in headline grammar, a
 * participle of a verb that must take an object after a noun phrase with no verb before it.
 */
export function reducedRelative(tokens: Token[], from: number, t: number): boolean {
  const trig = tokens[t]!;
  const prev = tokens[t - 1];
  const next = tokens[t + 1];
  if (prev === undefined || t - 1 <= from || !participle(trig)) return false;
  // Headline grammar with no verb before: "Three soldiers injured in a drone strike", "A Hezbollah militant killed
  // in …". Only verbs that always take an object read so ("rebels attacked in the night" may be active).
  const headline = OBJECT_VERBS.has(lower(trig)) && (prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'ADJ');
  if (prev.pos !== 'NOUN' && !headline) return false;
  if (next !== undefined && !(next.pos === 'PUNCT' || (next.pos === 'ADP' && next.normal !== 'to' && next.normal !== 'of'))) return false;
  for (let k = t - 2; k >= from; k--) {
    const tok = tokens[k]!;
    // (In a headline, "and" may join the names of one noun phrase: "A Hezbollah and PIJ militant killed in …".)
    if (tok.pos === 'CCONJ' && headline) continue;
    if (tok.text === ',' || tok.pos === 'SCONJ' || tok.pos === 'CCONJ' || tok.normal === 'that' || tok.normal === 'who' || tok.normal === 'which') return false;
    // "Reports say rebels attacked in the night": after a verb of saying, the noun opens the reported clause.
    if (tok.pos === 'VERB' || tok.pos === 'AUX') return prev.pos === 'NOUN' && !REPORTING.has(lower(tok));
  }
  return headline;
}

/** Whether the verb at t is passive: after a form of "be"/"get", in a participle clause, or after a count of victims. */
export function isPassive(tokens: Token[], from: number, t: number): boolean {
  const trig = tokens[t]!;
  if (trig.normal === lower(trig) && !/(ed|en|wn|ht)$/.test(trig.normal) && !SAME_FORM_PARTICIPLES.has(trig.normal)) return false;
  // "is providing", "was refusing": a progressive after "be" is active.
  if (trig.normal.endsWith('ing') && lower(trig) !== trig.normal) return false;
  // A reduced relative or participle clause: "Tarrant, 28, charged with murder", "a man suspected of spying".
  const next = tokens[t + 1]?.normal ?? '';
  if (REDUCED_PASSIVE[next]?.split(' ').includes(lower(trig)) && trig.normal !== lower(trig)) return true;
  if (victimParticiple(tokens, from, t)) return true;
  if (reducedRelative(tokens, from, t)) return true;
  let reach = t - 3;
  for (let k = t - 1; k >= from && k >= reach; k--) {
    const tok = tokens[k]!;
    // "after being attacked by …": the tagger gives "being" no lemma "be".
    if ((tok.pos === 'AUX' || tok.pos === 'VERB') && (lower(tok) === 'be' || lower(tok) === 'get' || tok.normal === 'being')) return true;
    // "were shot and critically injured": a participle coordinated with a passive one shares its "be".
    if ((tok.normal === 'and' || tok.normal === 'or') && k - 1 >= from && participle(tokens[k - 1]!)) {
      k--;
      reach = k - 3;
      continue;
    }
    // "is to hit" plans an act: the infinitive marker ends the verb group.
    if ((tok.pos !== 'ADV' && tok.pos !== 'PART') || tok.normal === 'to') return false;
  }
  return false;
}
