import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Entity, EntityType } from '../domain/types.js';
import type { AnalysisState } from '../pipeline/analysis-state.js';
import { analyzeBase } from './analyze-base.js';
import { createActorsStage } from './actors-stage.js';
import { loadGazetteer, parseActorFile } from './load-gazetteer.js';
import { buildGazetteer, publisherOf } from './gazetteer.js';
import { resolveActorForSpan } from './resolve-actor-for-span.js';
import { resolvePronoun } from './resolve-pronoun.js';
import { geoForSpan } from './geo-for-span.js';

const gaz = loadGazetteer();
const stage = createActorsStage(gaz);

/** Runs the actors stage on text; `tagged` are hand-made tagger spans (by their text, first occurrence after `after`). */
function run(text: string, tagged: Array<[string, EntityType, string?]> = [], g = gaz): AnalysisState {
  const article: Article = { id: 't', url: null, source: null, title: null, published: '2025-03-01', publishedAt: null, publishedEstimated: false, text, origin: 't', format: 'jsonl' };
  const entities: Entity[] = tagged.map(([s, type, after], i) => {
    const start = text.indexOf(s, after === undefined ? 0 : text.indexOf(after));
    assert.ok(start >= 0, s);
    return { id: `x${i}`, start, end: start + s.length, text: s, type, actor: null, geo: null, rule: 'tagger' };
  });
  const state: AnalysisState = { article, doc: analyzeBase(text), entities, times: [], quotes: [], events: [] };
  (g === gaz ? stage : createActorsStage(g)).run(state);
  return state;
}

function entity(state: AnalysisState, text: string, nth = 0): Entity {
  const found = state.entities.filter((e) => e.text === text);
  assert.ok(found[nth], `no entity ${JSON.stringify(text)} in ${state.entities.map((e) => e.text).join(' | ')}`);
  return found[nth]!;
}

function span(state: AnalysisState, phrase: string) {
  const start = state.doc.text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return resolveActorForSpan(state, start, start + phrase.length);
}

test('gazetteer entities: countries, demonyms, cities, organisations, no overlap with the tagger', () => {
  const s = run('The Brazilian delegation flew from Lisbon to Nairobi, where the NATO envoy met officials of Kenya and the African Union.', [['African Union', 'ORG']]);
  assert.equal(entity(s, 'Brazilian').type, 'NORP');
  assert.equal(entity(s, 'Brazilian').rule, 'gazetteer.demonym');
  assert.equal(entity(s, 'Lisbon').type, 'GPE');
  assert.equal(entity(s, 'Kenya').rule, 'gazetteer.country');
  assert.equal(entity(s, 'NATO').actor?.code, 'IGOWSTNAT');
  // The tagger's span is kept, not duplicated, and still resolved from the gazetteer.
  assert.equal(s.entities.filter((e) => e.text.includes('African Union')).length, 1);
  assert.equal(entity(s, 'African Union').actor?.code, 'IGOAFR');
  assert.deepEqual(s.entities.map((e) => e.id), s.entities.map((_, i) => `e${i + 1}`));
  // Lower-case words that spell a name are not names: "us", "chad" in running text.
  const t = run('Tell us what the chad in the ballot meant.');
  assert.equal(t.entities.length, 0);
});

test('a city inside a longer name is not a city', () => {
  const s = run('Officials signed the Paris Agreement while Michael Jackson songs played.');
  assert.ok(!s.entities.some((e) => e.text === 'Paris' || e.text === 'Jackson'));
});

test('actor codes from titles, demonyms and organisations before the name', () => {
  const s = run('Ukrainian Foreign Minister Olena Petrenko met European Union envoy Karl Lindqvist and Turkish army commander Emre Yilmaz.');
  assert.deepEqual(pick(entity(s, 'Olena Petrenko')), { code: 'UKRGOV', country: 'UKR' });
  assert.deepEqual(pick(entity(s, 'Karl Lindqvist')), { code: 'IGOEUREEC', country: 'EUR' });
  assert.deepEqual(pick(entity(s, 'Emre Yilmaz')), { code: 'TURMIL', country: 'TUR' });
  assert.equal(entity(s, 'Olena Petrenko').rule, 'gazetteer.title-person');
  assert.match(entity(s, 'Olena Petrenko').actor!.id, /^person:ukr:olena-petrenko$/);
});

test('actor codes from an apposition, and a group named in it wins', () => {
  const s = run('Brigadier General Omar Haddad, a senior Islamic Revolutionary Guard Corps (IRGC) officer who runs logistics, spoke. Nadia Karim, the secretary of Egypt\'s security council, replied.', [['Nadia Karim', 'PERSON']]);
  assert.deepEqual(pick(entity(s, 'Omar Haddad')), { code: 'IRNMIL', country: 'IRN' });
  assert.deepEqual(pick(entity(s, 'Nadia Karim')), { code: 'EGYGOV', country: 'EGY' });
  // The acronym refers back to its expansion.
  assert.equal(entity(s, 'IRGC').corefOf, entity(s, 'Islamic Revolutionary Guard Corps').id);
});

test('a host country after "to" and a US state before a title do not give the person their country', () => {
  const s = run('Canadian Ambassador to Mexico Claire Fortin met Georgia Governor Sam Okafor in Atlanta, Georgia.', [['Claire Fortin', 'PERSON'], ['Sam Okafor', 'PERSON']]);
  assert.deepEqual(pick(entity(s, 'Claire Fortin')), { code: 'CANGOV', country: 'CAN' });
  assert.deepEqual(pick(entity(s, 'Sam Okafor')), { code: 'USAGOV', country: 'USA' });
  assert.equal(entity(s, 'Georgia').geo?.country, 'USA');
  assert.equal(entity(s, 'Georgia').actor, null);
});

test('unknown parts are left out, never guessed', () => {
  const s = run('The talks were chaired by Lina Moreau, a veteran mediator.', [['Lina Moreau', 'PERSON']]);
  assert.deepEqual(pick(entity(s, 'Lina Moreau')), { code: '', country: null });
  const t = run('Officials said Chilean mediator Pablo Rios arrived.', [['Pablo Rios', 'PERSON']]);
  assert.deepEqual(pick(entity(t, 'Pablo Rios')), { code: 'CHL', country: 'CHL' });
  assert.deepEqual(pick(entity(t, 'Chilean')), { code: 'CHL', country: 'CHL' });
});

test('demonyms with a role noun, and countries, code the group', () => {
  const s = run('Polish officials denied it, and a Polish strike hit the depot; Norway objected.');
  assert.deepEqual(pick(entity(s, 'Polish')), { code: 'POLGOV', country: 'POL' });
  assert.deepEqual(pick(entity(s, 'Polish', 1)), { code: 'POLMIL', country: 'POL' });
  assert.deepEqual(entity(s, 'Norway').actor, { id: 'country:NOR', name: 'Norway', code: 'NOR', country: 'NOR' });
  // A demonym several territories share, given to the country news means by it.
  assert.deepEqual(pick(entity(run('French diplomats left the talks.'), 'French')), { code: 'FRAGOV', country: 'FRA' });
});

test('coreference: surnames to full names, across the article', () => {
  const s = run('Defense Minister Tomas Varga of Hungary arrived on Monday.\nVarga later met Prime Minister Anna Kowalczyk. Kowalczyk said little.');
  const full = entity(s, 'Tomas Varga');
  const short = entity(s, 'Varga');
  assert.equal(short.corefOf, full.id);
  assert.equal(short.rule, 'coref.surname');
  assert.deepEqual(short.actor, full.actor);
  assert.equal(entity(s, 'Kowalczyk').corefOf, entity(s, 'Anna Kowalczyk').id);
});

test('coreference: a surname the tagger read as a place is the person named before, unless it names a capital', () => {
  const text = 'UN envoy Marta Salamanca met the rebels on Friday.\nThe rebels praised Salamanca and her team. Officials in Paris said Tom Paris would stay in Paris.';
  const s = run(text, [['Marta Salamanca', 'PERSON'], ['Salamanca', 'GPE', 'praised'], ['Tom Paris', 'PERSON']]);
  const shortStart = text.indexOf('Salamanca and');
  const short = s.entities.find((e) => e.start === shortStart && e.text === 'Salamanca');
  assert.ok(short, 'the later surname is an entity');
  assert.equal(short.type, 'PERSON');
  assert.equal(short.corefOf, entity(s, 'Marta Salamanca').id);
  assert.equal(short.geo, null);
  // "Paris" after "Tom Paris" is still the capital.
  const city = s.entities.filter((e) => e.text === 'Paris');
  assert.ok(city.length >= 1);
  for (const e of city) assert.equal(e.type, 'GPE');
});

test('a shorter title finds the person named with the full one', () => {
  const s = run('Hungarian Secretary of State Tomas Varga arrived on Monday. Later the secretary left, and the Danish foreign minister Lars Dahl came. The minister spoke.');
  assert.equal(span(s, 'the secretary')?.country, 'HUN');
  assert.equal(span(s, 'The minister')?.country, 'DNK');
});

test('a known person written with a middle initial is the registry\'s person, with its id', () => {
  const s = run('Foreign Minister Sergei V. Lavrov arrived on Monday. Lavrov left on Tuesday.', [['Sergei V. Lavrov', 'PERSON']]);
  const full = s.entities.find((e) => e.text === 'Sergei V. Lavrov');
  assert.equal(full?.actor?.id, 'person:rus:sergei-lavrov');
  assert.equal(full?.actor?.code, 'RUSGOV');
});

test('resolvePronoun: subject of the sentence, else of the nearest earlier sentence', () => {
  const s = run('Foreign Minister Lars Dahl met envoy Ingrid Berg in Oslo.\n"We made progress," he told reporters. Denmark said it would respond.');
  const he = s.doc.tokens.findIndex((t) => t.normal === 'he');
  assert.equal(resolvePronoun(s, he)?.text, 'Lars Dahl');
  const it = s.doc.tokens.findIndex((t) => t.normal === 'it');
  assert.equal(resolvePronoun(s, it)?.text, 'Denmark');
  const we = s.doc.tokens.findIndex((t) => t.normal === 'we');
  assert.equal(resolvePronoun(s, we), null);
});

test('resolveActorForSpan: noun phrases without names, descriptions and pronouns', () => {
  const s = run('President Amara Diallo of Senegal opened the summit. Senior Russian officials, the Japanese foreign ministry and Iraqi protesters all reacted; the army stayed away. Later the Senegalese president left, and he flew home.');
  assert.equal(span(s, 'Senior Russian officials')?.code, 'RUSGOV');
  assert.equal(span(s, 'the Japanese foreign ministry')?.code, 'JPNGOV');
  assert.equal(span(s, 'Iraqi protesters')?.code, 'IRQOPP');
  assert.deepEqual(pick({ actor: span(s, 'the army') }), { code: 'MIL', country: null });
  // "the Senegalese president" is the president the article named.
  assert.equal(span(s, 'the Senegalese president')?.name, 'Amara Diallo');
  assert.equal(span(s, 'the Senegalese president')?.code, 'SENGOV');
  const he = s.doc.text.indexOf('he flew');
  assert.equal(resolveActorForSpan(s, he, he + 2)?.name, 'Amara Diallo');
  assert.equal(span(s, 'summit'), null);
  // A generic head takes the type of the role word before it.
  const t = run('Malian rebel leaders and a Peruvian army spokesman spoke.');
  assert.equal(span(t, 'Malian rebel leaders')?.code, 'MLIREB');
  assert.equal(span(t, 'a Peruvian army spokesman')?.code, 'PERMIL');
  assert.equal(entity(t, 'Malian').actor?.code, 'MLIREB');
});

test('geo: countries at their country point, cities by population and context', () => {
  const s = run('Delegates from Switzerland met in Geneva, then in Paris, Texas, and in Paris.');
  const ch = entity(s, 'Switzerland').geo!;
  assert.equal(ch.country, 'CHE');
  assert.ok(Math.abs(ch.lat - 46.8) < 1 && Math.abs(ch.lon - 8.2) < 1.5, 'country point near the centre, not Bern');
  assert.equal(entity(s, 'Geneva').geo?.country, 'CHE');
  assert.equal(entity(s, 'Paris', 0).geo?.country, 'USA');
  assert.equal(entity(s, 'Paris', 1).geo?.country, 'FRA');
  assert.ok(entity(s, 'Paris', 1).geo?.geonameid);
});

test('geo: Georgia is the US state among US places, the country otherwise', () => {
  const us = run('Storms hit Alabama and Georgia before reaching Tennessee.');
  assert.equal(entity(us, 'Georgia').geo?.country, 'USA');
  const caucasus = run('Armenia and Georgia held border talks.');
  assert.equal(entity(caucasus, 'Georgia').geo?.country, 'GEO');
  // A place the gazetteer does not know stays unresolved.
  const none = run('They reached Zorblatt Valley.', [['Zorblatt Valley', 'LOC']]);
  assert.equal(entity(none, 'Zorblatt Valley').geo, null);
  assert.equal(geoForSpan(caucasus, caucasus.doc.text.indexOf('Armenia'), caucasus.doc.text.indexOf('Armenia') + 7)?.country, 'ARM');
});

test('user actor files (JSON and TSV) add actors without code changes', () => {
  const tsv = 'id\ttype\tcode\tcountry\tnames\nperson:fra:claire-dubois\tPERSON\tFRAGOV\tFRA\tClaire Dubois|Dubois\n';
  const extra = parseActorFile(tsv, 'user.tsv');
  assert.equal(extra[0]!.names[1], 'Dubois');
  const json = '{"actors":[{"id":"org:xyz-front","type":"ORG","code":"SDNREB","country":"SDN","names":["Xyz Front"]}]}';
  const g = buildGazetteer({ ...gaz.data, actors: [...gaz.data.actors, ...extra, ...parseActorFile(json, 'user.json')] });
  const s = run('Claire Dubois condemned the Xyz Front.', [], g);
  assert.deepEqual(pick(entity(s, 'Claire Dubois')), { code: 'FRAGOV', country: 'FRA' });
  assert.equal(entity(s, 'Xyz Front').actor?.code, 'SDNREB');
  assert.throws(() => parseActorFile('{"actors":[{"id":"x","type":"ORG","code":"bad","names":["X"]}]}', 'bad.json'), /code/);
});

function pick(e: { actor: { code: string; country: string | null } | null }) {
  return e.actor ? { code: e.actor.code, country: e.actor.country } : null;
}

test('leaders of earlier decades are known persons with the code of the office they held', () => {
  const s = run('Tony Blair spoke with Jacques Chirac before Blair flew to Washington.');
  assert.equal(entity(s, 'Tony Blair').actor?.code, 'GBRGOV');
  assert.equal(entity(s, 'Jacques Chirac').actor?.code, 'FRAGOV');
  assert.equal(entity(s, 'Blair').actor?.id, entity(s, 'Tony Blair').actor?.id);
  // A surname that is also a place is not listed alone: the county stays a place.
  assert.notEqual(run('Armagh beat Kerry in the final.').entities.find((e) => e.text === 'Kerry')?.actor?.code, 'USAGOV');
});

test("a state's formal style names the state: the Republic of Moldova, the Kingdom of Morocco, not the Republic of China", () => {
  const s = run('Envoys of the Republic of Moldova and the Kingdom of Morocco met delegates of the Republic of China.');
  assert.equal(entity(s, 'Republic of Moldova').actor?.country, 'MDA');
  assert.equal(entity(s, 'Kingdom of Morocco').actor?.country, 'MAR');
  assert.ok(!s.entities.some((e) => e.text === 'Republic of China' && e.actor?.country === 'CHN'));
});

test('an actor may name the web hosts that publish as it; a bad host is refused with the file named', () => {
  assert.equal(publisherOf(gaz, 'http://en.kremlin.ru/events/president/news/1')?.code, 'RUSGOV');
  assert.equal(publisherOf(gaz, 'https://www.state.gov/briefings/')?.code, 'USAGOV');
  assert.equal(publisherOf(gaz, 'https://example.com/news'), null);
  assert.equal(publisherOf(gaz, 'not a url'), null);
  const own = parseActorFile(JSON.stringify([{ id: 'org:x', type: 'ORG', code: 'PERGOV', country: 'PER', names: ['Casa de Pizarro'], hosts: ['gob.pe'] }]), 'mine.json');
  assert.equal(publisherOf(buildGazetteer({ ...gaz.data, actors: own }), 'https://www.gob.pe/x')?.id, 'org:x');
  assert.throws(() => parseActorFile(JSON.stringify([{ id: 'org:y', type: 'ORG', code: 'PERGOV', country: 'PER', names: ['Y'], hosts: ['HTTP://Gob.pe/'] }]), 'mine.json'), /mine\.json.*hosts/);
});
