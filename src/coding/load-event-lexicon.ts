import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { buildEventLexicon, LexiconError, parsePatterns, type CameoEntry, type EventLexicon } from './event-lexicon.js';

/**
 * Reads the shipped CAMEO table, patterns, people and hazard nouns (data/events/), then any user pattern files, once at the edge.
 * User files come from `extraFiles` and from the environment variable BRINK_EVENT_PATTERNS
 * (paths separated by the platform's path delimiter); their patterns add to or replace shipped ones by id.
 */
export function loadEventLexicon(extraFiles: string[] = []): EventLexicon {
  const cameoDoc = JSON.parse(readFileSync(new URL('../../data/events/cameo.json', import.meta.url), 'utf8')) as {
    codes: CameoEntry[];
  };
  if (!Array.isArray(cameoDoc.codes) || cameoDoc.codes.length < 200) {
    throw new LexiconError('cameo-table', 'data/events/cameo.json: expected the CAMEO code table');
  }
  const shipped = readFileSync(new URL('../../data/events/patterns.tsv', import.meta.url), 'utf8');
  const lists = [parsePatterns(shipped, 'data/events/patterns.tsv')];
  const fromEnv = (process.env['BRINK_EVENT_PATTERNS'] ?? '').split(delimiter).filter(Boolean);
  for (const file of [...fromEnv, ...extraFiles]) lists.push(parsePatterns(readFileSync(file, 'utf8'), file));
  const people = JSON.parse(readFileSync(new URL('../../data/events/people.json', import.meta.url), 'utf8')) as { words: string[] };
  if (!Array.isArray(people.words)) throw new LexiconError('people-words', 'data/events/people.json: expected a "words" list');
  const hazards = JSON.parse(readFileSync(new URL('../../data/events/hazards.json', import.meta.url), 'utf8')) as { words: string[]; verbs: string[]; objects: string[] };
  if (!Array.isArray(hazards.words) || !Array.isArray(hazards.verbs) || !Array.isArray(hazards.objects)) {
    throw new LexiconError('hazard-words', 'data/events/hazards.json: expected "words", "verbs" and "objects" lists');
  }
  return buildEventLexicon(cameoDoc.codes, lists, people.words, hazards.words, hazards.verbs, hazards.objects);
}
