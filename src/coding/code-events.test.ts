// Unit tests of the event coder on sentences written for this project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent } from '../domain/types.js';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { extractArticle } from '../pipeline/extract-article.js';
import { loadEventLexicon } from './load-event-lexicon.js';
import { buildEventLexicon, parsePatterns } from './event-lexicon.js';

// The coder reads the actors and times layers: sentences go through the whole pipeline.
const pipeline = createPipeline();
const resources = { lexicon: loadEventLexicon() };

function code(text: string): CodedEvent[] {
  const article = { id: 'a', url: null, source: null, title: null, published: '2023-03-01', publishedAt: null,
    publishedEstimated: false, text, origin: 't', format: 'jsonl' as const };
  return extractArticle(article, pipeline).events;
}
const pair = (e: CodedEvent): string => `${e.source?.actor?.country ?? '-'}>${e.target?.actor?.country ?? '-'}`;

test('symmetric meeting of a compound subject gives both directions, with the place', () => {
  const ev = code('Peru and Chile met in Geneva on Monday.');
  assert.deepEqual(ev.map((e) => `${e.plover} ${pair(e)}`).sort(), ['CONSULT CHL>PER', 'CONSULT PER>CHL']);
  assert.equal(ev[0]!.location?.country, 'CHE');
  assert.equal(ev[0]!.quadclass, 1);
  assert.equal(ev[0]!.date, '2023-02-27'); // "on Monday" before a Wednesday publication
});

test('a source announcing it will punish another is an asserted threat', () => {
  const ev = code('Chile blamed Peru and said it will punish it.');
  const threat = ev.find((e) => e.plover === 'THREATEN');
  assert.ok(threat);
  assert.equal(pair(threat), 'CHL>PER');
  assert.equal(threat.modality, 'asserted');
  assert.ok(ev.some((e) => e.plover === 'ACCUSE' && pair(e) === 'CHL>PER'));
});

test('a meeting announced by a third party is future and reported', () => {
  const [e] = code('The Peruvian envoy will also meet Chilean officials, a radio station said.');
  assert.equal(e?.plover, 'CONSULT');
  assert.equal(e?.modality, 'future');
  assert.equal(e?.reported, true);
});

test('negation and possibility are kept apart from asserted events', () => {
  assert.equal(code('Peruvian officials have not claimed responsibility.')[0]?.modality, 'negated');
  assert.equal(code('Chile could attack Peru.')[0]?.modality, 'hypothetical');
});

test('passive voice: the attacker named in the strike is the source', () => {
  const ev = code('A Peruvian commander was killed in a Chilean strike on Lima.');
  assert.equal(ev.length, 1);
  assert.equal(ev[0]!.plover, 'ASSAULT');
  assert.equal(pair(ev[0]!), 'CHL>PER');
});

test('sanctions, sizes and frames get the most specific code', () => {
  const [s] = code('Peru imposed sanctions on Bolivia.');
  assert.equal(s?.cameo, '163');
  assert.equal(s?.plover, 'SANCTION');
  const [k] = code('Bolivian soldiers killed at least 12 civilians.');
  assert.deepEqual(k?.size, { dead: 12 });
  // A magnitude is not a head count.
  const [q] = code('Chilean troops attacked Peruvian protesters after a magnitude 6.3 earthquake.');
  assert.equal(q?.size, null);
  const [t] = code('Chile threatened to cut ties with Peru.');
  assert.equal(t?.cameo, '1313');
  assert.equal(pair(t!), 'CHL>PER');
  const [c] = code('Chile called on Peru to release the prisoners.');
  assert.equal(c?.plover, 'REQUEST');
  assert.equal(pair(c!), 'CHL>PER');
});

test('user patterns add, override and remove shipped ones by id', () => {
  const shipped = parsePatterns('a.x\t040\tmeet\t\tex\nb.y\t190\tattack\t\tex', 'shipped');
  const user = parsePatterns('a.x\t042\tmeet\t\tex\nb.y\t-\n', 'user');
  const lex = buildEventLexicon([...resources.lexicon.cameo.values()], [shipped, user]);
  assert.deepEqual(lex.patterns.map((p) => `${p.id}:${p.cameo}`), ['a.x:042']);
  assert.throws(() => parsePatterns('bad\t999x\tmeet', 'f'), /bad cameo/);
});

test('every CAMEO root 01–20 has a pattern, and every pattern has an id, example and known code', () => {
  const roots = new Set(resources.lexicon.patterns.map((p) => p.cameo.slice(0, 2)));
  for (let r = 1; r <= 20; r++) if (r !== 3) assert.ok(roots.has(String(r).padStart(2, '0')), `root ${r}`);
  for (const p of resources.lexicon.patterns) {
    assert.ok(p.example.length > 10, p.id);
    assert.ok(resources.lexicon.cameo.has(p.cameo), p.id);
  }
  assert.equal(resources.lexicon.cameo.get('163')?.plover, 'SANCTION');
  assert.equal(resources.lexicon.cameo.get('021')?.plover, 'REQUEST');
  assert.equal(resources.lexicon.cameo.get('010')?.plover, null);
});

test('a reported event without its own time is dated by its report', () => {
  const ev = code('A Peruvian radio station reported in February that Chile had provided Bolivia with rifles.');
  const aid = ev.find((e) => e.plover === 'AID');
  assert.equal(aid && pair(aid), 'CHL>BOL');
  assert.equal(aid?.date, '2023-02');
  assert.equal(aid?.datePrecision, 'month');
});

test('an actor the text gives no country takes the country the sentence names', () => {
  const [t] = code('President Quispe threatened to ban Peruvian opposition parties.');
  assert.equal(t?.plover, 'THREATEN');
  assert.equal(t?.source?.actor?.country, 'PER');
});

test('a passive arrest with no agent is done by the state where it happened', () => {
  const ev = code('A Chilean journalist was arrested in Peru on Monday.');
  const arrest = ev.find((e) => e.cameo.startsWith('17'));
  assert.equal(arrest && pair(arrest), 'PER>CHL');
});

test('an unnamed subject phrase belongs to the country the sentence names', () => {
  const ev = code('Angry farmers blocked the main highway into Lima on Monday.');
  const e = ev.find((x) => x.plover === 'PROTEST');
  assert.equal(e?.source?.actor?.country, 'PER');
  assert.equal(e?.source?.text, 'Angry farmers');
});

test('a release needs people as its object; a report or a statement is not one', () => {
  const freed = code('Chile released two Peruvian fishermen on Monday.');
  assert.deepEqual(freed.map((e) => `${e.cameo} ${pair(e)}`), ['0841 CHL>PER']);
  assert.deepEqual(code('The Chilean ministry released its annual report on Peru on Monday.').filter((e) => e.cameo === '0841'), []);
  assert.deepEqual(code('In a study released in a journal on Monday, Peruvian doctors described the virus.').filter((e) => e.cameo === '0841'), []);
  // Passive: the subject is what was released.
  assert.equal(code('Three Peruvian sailors were released by Chile.').find((e) => e.cameo === '0841') !== undefined, true);
});

test('"going to" before a verb is the future, not a visit', () => {
  assert.deepEqual(code('Chilean officials said they are going to open a consulate in Peru.').filter((e) => e.cameo === '042'), []);
  assert.deepEqual(code('The Chilean minister went to Lima on Monday.').map((e) => `${e.cameo} ${pair(e)}`), ['042 CHL>PER']);
  assert.deepEqual(code('Voters in Chile go to the polls with supporters of the Peruvian president.').filter((e) => e.cameo === '042'), []);
});

test('a subject that faces charges is their target, not their source', () => {
  const ev = code('A Peruvian senator faced charges of fraud in Chile.').filter((e) => e.plover === 'ACCUSE');
  assert.ok(ev.length > 0);
  for (const e of ev) assert.equal(e.target?.actor?.country, 'PER');
  // A participle clause is passive without an auxiliary.
  const reduced = code('A Peruvian senator, aged 60, appeared in court on Monday, charged with spying for Chile.').filter((e) => e.plover === 'ACCUSE');
  assert.ok(reduced.length > 0);
  for (const e of reduced) assert.notEqual(e.source?.actor?.country, 'PER');
});

test('titles: a capitalised title refers to the person named with it; a title word is no person', () => {
  const ev = code('Deputy Minister Tomas Varga of Hungary spoke today with Peruvian officials.\nThe Deputy Minister condemned Chile’s premeditated, unprovoked, and unjustified attack on Peru.');
  const condemn = ev.find((e) => e.cameo === '111');
  assert.equal(condemn?.source?.actor?.country, 'HUN');
  assert.equal(condemn?.target?.actor?.country, 'CHL');
  const met = code('The Hungarian foreign minister met today with the Crown Prince and Prime Minister of Bahrain.');
  assert.ok(met.some((e) => e.plover === 'CONSULT' && pair(e) === 'HUN>BHR'), met.map(pair).join());
});

test('the owner of a noun event named through a list of adjectives is its source', () => {
  const ev = code('Today is the fifth day of Chile’s full-scale, unprovoked war against Peru.');
  assert.ok(ev.some((e) => e.plover === 'ASSAULT' && pair(e) === 'CHL>PER'), ev.map(pair).join());
});

test('a trigger word inside a name is no event', () => {
  const ev = code('The Chilean president sent greetings to the Peruvian Volunteer Fire Society and presented the Order of Merit to Peru.');
  assert.deepEqual(ev.filter((e) => e.cameo.startsWith('19') || e.cameo.startsWith('10')).map((e) => e.cameo), []);
});

test('a closing attribution does not lend its country to the actors of the sentence', () => {
  const ev = code('Chilean officials met unions on Monday.\nThe government criticised the opposition leaders, a radio station in Peru reported.');
  const criticise = ev.find((e) => e.plover === 'ACCUSE');
  assert.equal(criticise?.source?.actor?.country, 'CHL');
});

test('a participle like its base form is passive after "be": "were hit by"', () => {
  const ev = code('Chilean oil facilities were hit by Peruvian drones on Saturday.').filter((e) => e.plover === 'ASSAULT');
  assert.ok(ev.length > 0);
  for (const e of ev) assert.equal(e.target?.actor?.country, 'CHL');
  assert.ok(ev.some((e) => e.source?.actor?.country === 'PER'), ev.map(pair).join());
});

test('a fire that breaks out is no shooting; troops that fire on people are', () => {
  const ev = code('A fire broke out yesterday at the Chilean embassy near Lima. Peruvian troops fired on Chilean protesters.');
  assert.deepEqual(ev.filter((e) => e.cameo === '193').map(pair), ['PER>CHL']);
});

test('headline grammar: a present tense read as a noun, participle clauses, sworn in, dismissed ministers', () => {
  assert.deepEqual(code('Chile bans the Peruvian opposition party.').map((e) => `${e.cameo} ${pair(e)}`), ['1722 CHL>PER']);
  const strike = code('The Chilean Air Force launches airstrikes on Peruvian army positions in Tacna, killing eight Peruvian soldiers.');
  const kill = strike.find((e) => e.cameo === '1823');
  assert.equal(kill?.source?.actor?.country, 'CHL');
  const passive = code('A Peruvian camp was attacked by Chilean militiamen, killing at least 20 people.').find((e) => e.cameo === '1823');
  assert.equal(passive?.source?.actor?.country, 'CHL');
  assert.deepEqual(code('Rockets are fired at Chilean towns, injuring three Peruvian workers.').filter((e) => e.cameo === '182' && e.source?.actor), []);
  assert.deepEqual(code('Ana Rojas is sworn in as the President of Chile.'), []);
  assert.deepEqual(code('The Chilean president dismisses Defense Minister Pablo Soto.').filter((e) => e.plover === 'REJECT'), []);
  assert.equal(code('The Chilean ministry dismissed the Peruvian allegations.').filter((e) => e.plover === 'REJECT').length, 1);
  assert.deepEqual(code('The Chilean president postponed a visit to Peru following the explosion.').filter((e) => e.cameo.startsWith('18')), []);
});

test('things are no actors: protests in a place, explosions', () => {
  assert.deepEqual(code('Violent protests in Arica, Chile, kill at least 30 people.').filter((e) => e.source?.actor), []);
  assert.deepEqual(code('Peruvian officials met on Monday.\nThe explosions killed twelve people.').filter((e) => e.cameo === '1823' && e.source?.actor), []);
  // A noun event that is the subject of its own verb is not the object of the verb before it.
  const massacre = code('The Chilean Network for Human Rights reports that at least 223 documented massacres were perpetrated in Peru.');
  assert.deepEqual(massacre.filter((e) => e.source?.actor?.country === 'CHL'), []);
  // People in a place are that place's.
  assert.equal(code('Officials in Lima condemned the Chilean strikes.').find((e) => e.plover === 'ACCUSE')?.source?.actor?.country, 'PER');
});

test('lexicon edges: signing a law, totals of cases, supplies cut', () => {
  assert.deepEqual(code('The Chilean president signs the pension bill into law.').filter((e) => e.cameo === '057'), []);
  assert.deepEqual(code('Chile reports 5,000 new cases, bringing the total of confirmed cases to 80,000.').filter((e) => e.cameo === '115'), []);
  assert.ok(code('Chile halted its supplies of copper to Peru on Monday.').some((e) => e.cameo === '162' && pair(e) === 'CHL>PER'));
  assert.ok(code('Chile signed a trade protocol with Peru.').some((e) => e.cameo === '057' && pair(e) === 'CHL>PER'));
});

test('gaps stop at an adjunct that holds the word; nouns and verbs of one form kept apart', () => {
  assert.deepEqual(code('Chile began rebuilding its economy after the war with Peru.').filter((e) => e.rule === 'fight.launch-offensive'), []);
  assert.ok(code('Chile began a war against Peru.').some((e) => e.rule === 'fight.launch-offensive' && pair(e) === 'CHL>PER'));
  assert.deepEqual(code('Chilean troops moved north in order to protect the Peruvian border town.').filter((e) => e.plover === 'REQUEST'), []);
  assert.deepEqual(code('The Chilean minister in charge of defence met Peruvian officials.').filter((e) => e.plover === 'ACCUSE'), []);
  assert.deepEqual(code('Peruvian workers pulled survivors from the rubble in Chile.'), []);
});

test('a speech verb read as a noun still ends the speaker’s clause; liberation armies are rebels', () => {
  const ev = code('Ana Rojas, the UN rights chief, reports that Chilean rebels have killed over 300 Peruvian civilians.');
  assert.deepEqual(ev.filter((e) => e.cameo === '1823').map((e) => e.source?.actor?.code), ['CHLREB']);
  assert.equal(code('The Tupac Liberation Army attacked a Peruvian police post.').find((e) => e.plover === 'ASSAULT')?.source?.actor?.code, 'PERREB');
});

test('what is discussed is a topic; the partner comes with "with"', () => {
  const ev = code('Chilean and Peruvian ministers discussed the Bolivian border summit.');
  assert.deepEqual(ev.filter((e) => e.plover === 'CONSULT').map(pair).sort(), ['CHL>PER', 'PER>CHL']);
  assert.ok(code('The Chilean minister discussed trade with Peru.').some((e) => e.plover === 'CONSULT' && pair(e) === 'CHL>PER'));
});

test('a count of victims before a participle is passive and no actor: "those injured", "25 killed in"', () => {
  assert.deepEqual(code('Chile sent condolences to the families of the victims and to those injured in the blast in Lima.').filter((e) => e.plover === 'ASSAULT'), []);
  const ev = code('At least 25 killed in the Chilean strike on Arica, Peruvian officials said.').filter((e) => e.cameo === '1823');
  assert.deepEqual(ev.map((e) => e.source?.actor?.country), ['CHL']);
});

test('a progressive after "be" is active: its subject is the source, not the target', () => {
  const ev = code('A Chilean businessman is suing the government of Peru for damages.').filter((e) => e.plover === 'ACCUSE');
  assert.deepEqual(ev.map(pair), ['CHL>PER']);
  const aid = code('Chile is providing military intelligence to Bolivia.').filter((e) => e.plover === 'AID');
  assert.deepEqual(aid.map(pair), ['CHL>BOL']);
});

test('a bare day between two words of a pattern; "on" before a day is no target', () => {
  assert.ok(code('Argentina opened its borders yesterday to families fleeing the floods in Bolivia.').some((e) => e.rule === 'aid.open-border-to'));
  assert.ok(code('Chile repeated its demand Monday that Peru free the sailors.').some((e) => e.rule === 'demand.demand-noun'));
  assert.deepEqual(code('Chilean dock workers began a long strike on Monday.').filter((e) => e.plover === 'ASSAULT'), []);
});

test('an aside in brackets does not end the subject; its acronym names the actor', () => {
  const ev = code('The Andean Fisheries Office (FAO) urged Chile to reopen its ports.').filter((e) => e.plover === 'REQUEST');
  assert.ok(ev.some((e) => e.source?.actor?.code.startsWith('IGO') && e.target?.actor?.country === 'CHL'), ev.map(pair).join());
});

test('an ethnic group is coded with the country the text places it in', () => {
  const ev = code('About 200 ethnic Peruvians demonstrated on Sunday in Chile.').filter((e) => e.plover === 'PROTEST');
  assert.deepEqual(ev.map((e) => e.source?.actor?.country), ['CHL']);
  // Without "ethnic" a nationality stays its state's.
  assert.deepEqual(code('Peruvian officials protested on Sunday in Chile.').filter((e) => e.plover === 'PROTEST').map((e) => e.source?.actor?.country), ['PER']);
});

test('unnamed subjects: a noun event as a verb’s object, a group of people, a possessive pronoun', () => {
  const strike = code('Union leaders continued their hunger strike in Lima for a second week.');
  assert.ok(strike.some((e) => e.plover === 'PROTEST' && e.source?.actor?.country === 'PER'), strike.map(pair).join());
  const group = code('A group of nurses has begun a hunger strike at a hospital in Lima.');
  assert.ok(group.some((e) => e.plover === 'PROTEST' && e.source?.actor?.country === 'PER'), group.map(pair).join());
  const own = code('Chilean militias announced on Tuesday that their fighters had completed a pullout from the valley.');
  assert.ok(own.some((e) => e.plover === 'RETREAT' && e.source?.actor?.country === 'CHL'), own.map(pair).join());
  const inmates = code('Inmates rioted overnight at a prison near Lima.');
  assert.ok(inmates.some((e) => e.plover === 'PROTEST' && e.source?.actor?.country === 'PER'), inmates.map(pair).join());
  const first = code('Students rioted at a university in Lima on Friday.');
  assert.ok(first.some((e) => e.plover === 'PROTEST' && e.source?.actor?.country === 'PER'), first.map(pair).join());
});

test('a protest is against the actor it names, else against the place it happens in', () => {
  const named = code('Students rioted at a prison in Peru\'s capital Lima, demanding independence from Chilean rule.').filter((e) => e.plover === 'PROTEST');
  assert.deepEqual(named.map((e) => e.target?.actor?.country), ['CHL']);
  const place = code('Bolivian prisoners rioted on Monday at a jail in southern Peru.').filter((e) => e.plover === 'PROTEST');
  assert.deepEqual(place.map(pair), ['BOL>PER']);
});

test('frames: asking others to back or oppose a third party rallies for or against it; an order to coerce is the act', () => {
  const support = code('Chile urged Peru to support the Bolivian government.');
  assert.deepEqual(support.map((e) => `${e.cameo} ${pair(e)}`), ['053 CHL>BOL']);
  const oppose = code('A Chilean broadcaster urged Peruvians to rally and mobilize against Bolivia.');
  assert.deepEqual(oppose.map((e) => `${e.cameo} ${pair(e)}`), ['113 CHL>BOL']);
  // Asking for support of a plan, with no third party, stays an appeal.
  assert.deepEqual(code('Chile urged Peru to support the peace plan.').map((e) => `${e.cameo} ${pair(e)}`), ['022 CHL>PER']);
  const order = code('The Chilean government ordered the Peruvian newspaper to suspend publication.');
  assert.deepEqual(order.map((e) => `${e.plover} ${pair(e)}`), ['COERCE CHL>PER']);
  assert.equal(code('The Chilean judge ordered the Peruvian envoy to appear in court.').find((e) => e.rule === 'demand.order')?.plover, 'REQUEST');
});

test('what a speaker says another must do is the speaker’s demand on it; reaching a deal is an agreement', () => {
  const ev = code('Chilean diplomats declared this week that the Peruvian cabinet and the striking miners must settle their dispute by May.');
  assert.ok(ev.some((e) => e.plover === 'REQUEST' && pair(e) === 'CHL>PER' && e.modality === 'asserted'), ev.map((e) => `${e.plover} ${pair(e)}`).join());
  // One's own obligation is no demand.
  assert.deepEqual(code('Chile said it must reach a deal with Peru.').filter((e) => e.plover === 'REQUEST'), []);
  assert.ok(code('Peru and Chile reached an agreement on fishing rights.').some((e) => e.plover === 'AGREE' && pair(e) === 'PER>CHL'));
});

test('lexicon: refugees, refuge, arriving peacekeepers, stopping work, insisting, retaking', () => {
  const refuse = code('Chile announced that it would no longer admit migrants from Peru.');
  assert.ok(refuse.some((e) => e.plover === 'REJECT' && e.source?.actor?.country === 'CHL' && e.modality === 'asserted'), refuse.map((e) => e.cameo).join());
  assert.ok(code('Some 5,000 Bolivian villagers sought refuge in Chile last month.').some((e) => e.plover === 'REQUEST' && pair(e) === 'BOL>CHL'));
  assert.ok(code('A battalion of Chilean peacekeepers will deploy in Haiti next month.').some((e) => e.plover === 'AID' && pair(e) === 'CHL>HTI'));
  assert.ok(code('Thousands of Chilean dock workers stopped work on Monday.').some((e) => e.plover === 'PROTEST' && e.source?.actor?.country === 'CHL'));
  assert.deepEqual(code('Chile insisted the unrest in Peru reflected old tensions.').filter((e) => e.plover === 'REQUEST'), []);
  assert.ok(code('Chile insisted on a full inquiry by Peru.').some((e) => e.plover === 'REQUEST'));
  assert.ok(code('Chilean forces have retaken a village in southern Peru.').some((e) => e.cameo === '192' && pair(e) === 'CHL>PER'));
});

test('conditions and purposes are no acts; a threat is aimed at whom its condition names', () => {
  const ev = code('Chile said it would withdraw its soldiers from Peru unless the Peruvian junta calls an election.');
  assert.deepEqual(ev.filter((e) => e.modality === 'asserted').map((e) => e.plover), ['THREATEN']);
  const aim = code('The Chilean president hosted the Peruvian premier for a summit aimed at restoring trade.');
  assert.deepEqual(aim.filter((e) => e.modality === 'asserted').map((e) => e.plover), ['CONSULT']);
  const [t] = code('Chile has threatened to halt the talks if Peru goes ahead with the tests.');
  assert.equal(t && `${t.plover} ${pair(t)}`, 'THREATEN CHL>PER');
});

test('a government’s measure at home targets its own country; "after four years" opens no clause', () => {
  const [c] = code('The Chilean government took steps to expand press freedoms before the vote.');
  assert.equal(c && `${c.cameo} ${pair(c)}`, '0811 CHL>CHL');
  const open = code('Chile opened the mountain pass after six months to allow aid to reach Bolivia.');
  assert.ok(open.some((e) => e.rule === 'yield.open-for-aid' && pair(e) === 'CHL>BOL'), open.map(pair).join());
});

test('violence by no named hand is the country’s where it happened; unnamed victims are the sentence’s country’s', () => {
  const bomb = code('A car bomb outside a market in Kandahar killed three Canadian engineers.').filter((e) => e.cameo === '1823');
  assert.deepEqual(bomb.map(pair), ['AFG>CAN']);
  // A place where protests happened is still no actor of the killing.
  assert.deepEqual(code('Violent protests in Arica, Chile, kill at least 30 people.').filter((e) => e.source?.actor), []);
  const fire = code('Chilean riot police opened fire to scatter striking miners near the smelter.').filter((e) => e.plover === 'ASSAULT');
  assert.deepEqual(fire.map(pair), ['CHL>CHL']);
});

test('refusing another’s appeal is aimed at its author; what the appeal asks for is no act of the refuser', () => {
  const ev = code('Peru rejected a United Nations proposal for stationing observers in its mining towns.');
  assert.deepEqual(ev.map((e) => `${e.plover} ${e.source?.actor?.country}>${e.target?.actor?.code.slice(0, 3)}`), ['REJECT PER>IGO']);
});

test('background: a participle describing a noun, a clause opened by "as"; human shields; preparing to shell', () => {
  const seized = code('Chilean fishermen protested at the port over boats impounded by the Peruvian navy.');
  assert.deepEqual(seized.filter((e) => e.plover === 'COERCE'), []);
  const as = code('The Chilean interior minister quit as the protesters threatened to occupy the ministry.');
  assert.deepEqual(as.filter((e) => e.plover === 'THREATEN'), []);
  // A main verb after its subject noun is no participle.
  assert.ok(code('Chile condemned the raid after Peruvian troops attacked the border post.').some((e) => e.plover === 'ACCUSE'));
  assert.ok(code('The Chilean army has been holding Peruvian villagers as human shields.').some((e) => e.cameo === '184' && pair(e) === 'CHL>PER'));
  assert.deepEqual(code('The Chilean artillery prepared to shell Peruvian supply lines again.').map((e) => e.plover), ['MOBILIZE']);
});

test('no hand named: a name that modifies a noun is no place; an army’s victims abroad are not its country’s', () => {
  const base = code('A car bomb killed four Bolivians outside a Chilean army base.').filter((e) => e.cameo === '1823');
  assert.deepEqual(base.map((e) => e.source?.actor?.country ?? '-'), ['-']);
  const army = code('Chilean troops killed two civilians in a raid on Monday.').filter((e) => e.cameo === '1823');
  assert.deepEqual(army.map(pair), ['CHL>-']);
  const police = code('Chilean police killed two demonstrators on Monday.').filter((e) => e.cameo === '1823');
  assert.deepEqual(police.map(pair), ['CHL>CHL']);
});

test('asking others to sign with a third party is an appeal, not a rally; a court deciding to allow yields', () => {
  const sign = code('Chile urged Peru to sign a trade pact with Bolivia.');
  assert.deepEqual(sign.map((e) => e.plover), ['REQUEST']);
  const court = code('A Chilean tribunal decided to allow the exiled editor to return home.');
  assert.deepEqual(court.map((e) => e.plover), ['CONCEDE']);
});

/** Sentences written for the lexicon tests, each with one event (CAMEO code and country pair) it must give. */
const LEXICON_CASES: Array<[string, string]> = [
  ['Chile deported 50 Peruvian farm workers.', '174 CHL>PER'],
  ['Chilean police used tear gas to disperse Peruvian demonstrators.', '175 CHL>PER'],
  ['Chilean rebels ambushed a Peruvian army convoy.', '190 CHL>PER'],
  ['Chile lifted the closure of the Peruvian border crossings.', '0872 CHL>PER'],
  ['Chilean warplanes bombed Peruvian positions near the border.', '195 CHL>PER'],
  ['Chile and Peru exchanged artillery fire along the border.', '190 CHL>PER'],
  ['The Peruvian government declared a state of emergency in three provinces.', '1724 PER>PER'],
  ['The Chilean junta imposed martial law in the north.', '1724 CHL>CHL'],
  ['The Chilean junta placed the Peruvian envoy under house arrest.', '173 CHL>PER'],
  ['The Chilean cabinet approved the release of 400 Peruvian prisoners.', '0841 CHL>PER'],
  ['Chile declared war on Peru.', '190 CHL>PER'],
  ['The government of Peru ended its ban on Chilean imports.', '081 PER>CHL'],
  ['Chile returned the bodies of two Peruvian soldiers to Peru.', '0841 CHL>PER'],
  ['Peru closed its border with Chile.', '191 PER>CHL'],
  ['The Chilean army put its troops on high alert along the Peruvian border.', '152 CHL>PER'],
  ['The Chilean navy sank a Peruvian fishing boat.', '190 CHL>PER'],
  ['The Andean bank approved a loan of 50 million dollars for Peru.', '071 -'],
  ['The Chilean foreign minister telephoned his Peruvian counterpart.', '041 CHL>PER'],
];

test('lexicon: deporting, tear gas, ambushes, closures, bombing, exchanging fire, emergencies, house arrest, releases, war on', () => {
  for (const [text, want] of LEXICON_CASES) {
    const got = code(text).map((e) => `${e.cameo} ${pair(e)}`);
    // "071 -": the code alone.
    assert.ok(want.endsWith(' -') ? got.some((g) => g.startsWith(want.slice(0, -1))) : got.includes(want), `${text}: ${got.join(', ')}`);
  }
  assert.throws(() => parsePatterns('a.x\t041\tphone @\t\tex', 'f'), /without a word/);
});

test('a participle after a protest says how it went; a city before a noun still says where', () => {
  const riot = code('Peruvian detainees rioted at a holding centre in Chile, setting fire to a guard post.');
  assert.deepEqual(riot.map((e) => e.plover), ['PROTEST']);
  const bomb = code('A suicide bomber blew himself up in a Lima market on Monday.').filter((e) => e.plover === 'ASSAULT');
  assert.ok(bomb.some((e) => e.source?.actor?.country === 'PER'), bomb.map(pair).join());
});

test('a warning names whom it addresses; a denied act is negated; a resolution condemning is background; thousands of people march through a city', () => {
  const [w] = code('Chile warned Peru against supporting the rebels in Bolivia.');
  assert.equal(w && `${w.plover} ${pair(w)}`, 'THREATEN CHL>PER');
  const deny = code('Chile denied that it had supplied weapons to Peruvian rebels.').filter((e) => e.plover === 'AID');
  assert.deepEqual(deny.map((e) => e.modality), ['negated']);
  assert.deepEqual(code('Chile vetoed a UN resolution condemning Peru.').map((e) => e.plover), ['REJECT']);
  const march = code('Thousands of students marched through Lima to protest the visit of the Chilean president.').filter((e) => e.plover === 'PROTEST');
  assert.deepEqual(march.map(pair), ['PER>CHL']);
});

test('a budget is not released like prisoners; nationalising seizes; actors that agree together agree with each other', () => {
  const got = (text: string): string[] => code(text).map((e) => `${e.cameo} ${pair(e)}`);
  assert.deepEqual(got('The Chilean ministry approved the release of the annual budget.').filter((e) => e.startsWith('0841')), []);
  assert.ok(got('Bolivia nationalized gas fields owned by Chilean firms.').some((e) => e.startsWith('1711 BOL>')));
  assert.deepEqual(got('Peru and Chile agreed to resume their dialogue on Bolivia.').sort(), ['030 CHL>PER', '030 PER>CHL']);
  // An attack's result is no background.
  assert.ok(code('A Chilean faction claimed responsibility for an attack killing five Peruvian soldiers.').some((e) => e.cameo === '1823' && e.target?.actor?.country === 'PER'));
});

test('a speaker’s "must" reaches across a long subject; a clause after "before" is background; gap=N is read', () => {
  const ev = code('Chilean bishops stated on Friday that the Peruvian ministers and the governors must halt the evictions.');
  assert.ok(ev.some((e) => e.plover === 'REQUEST' && pair(e) === 'CHL>PER'), ev.map((e) => `${e.plover} ${pair(e)}`).join());
  const before = code('Chilean rebels demanded talks with Peru before they disarm.');
  assert.deepEqual(before.filter((e) => e.plover === 'RETREAT'), []);
  const [wide] = parsePatterns('a.x\t100\tsay ... must\tgap=12\tex', 'f');
  assert.equal(wide && 'gap' in wide ? wide.gap : null, 12);
  assert.throws(() => parsePatterns('a.x\t100\tsay ... must\tgap=99\tex', 'f'), /unknown option/);
});

test('a participle opening a noun phrase describes people and codes nothing; the main verb still does', () => {
  assert.deepEqual(code('Wounded Peruvian soldiers were flown to Chile.'), []);
  assert.deepEqual(code('The ousted Peruvian president met Chilean envoys in Lima.').filter((e) => e.plover === 'COERCE'), []);
  const both = code('Detained Peruvian journalists were released by Chile on Monday.');
  assert.deepEqual(both.map((e) => `${e.cameo} ${pair(e)}`), ['0841 CHL>PER']);
  assert.deepEqual(code('Chile jailed three Peruvian journalists.').map((e) => `${e.cameo} ${pair(e)}`), ['173 CHL>PER']);
});

test('"were preparing to" an attack is mobilising; "is prepared to" is willingness', () => {
  assert.deepEqual(code('Chilean gunners were preparing to bomb Peruvian supply lines.').map((e) => `${e.plover} ${pair(e)}`), ['MOBILIZE CHL>PER']);
  assert.deepEqual(code('Peru is prepared to negotiate with Chile.').map((e) => `${e.cameo} ${pair(e)}`), ['036 PER>CHL']);
});

test('"the PRC" is China', () => {
  assert.deepEqual(code('The PRC condemned the visit of the Taiwanese president to Japan.').map((e) => `${e.plover} ${pair(e)}`), ['ACCUSE CHN>TWN']);
});

test('a present-tense verb the tagger read as a noun after a plural subject is still the verb', () => {
  // "arrest" and "attack" here are tagged as nouns; the subject before them and the object after make them verbs.
  const arrest = code('Chilean police arrest four smugglers near the border.');
  assert.deepEqual(arrest.map((e) => `${e.cameo} ${pair(e)}`), ['173 CHL>CHL']);
  const attack = code('Peruvians attack a Chilean border post.');
  assert.deepEqual(attack.map((e) => `${e.plover} ${pair(e)}`), ['ASSAULT PER>CHL']);
  // A noun before another noun is a compound, not a verb with its object.
  assert.deepEqual(code('Chilean police arrest records were sealed by the court.').filter((e) => e.cameo === '173'), []);
});

test('an opening "according to" phrase names who reports, not who acts', () => {
  const ev = code('According to a Chilean radio station, Peru threatened Bolivia with sanctions.');
  assert.deepEqual(ev.map((e) => `${e.plover} ${pair(e)}`), ['THREATEN PER>BOL']);
  assert.equal(ev[0]!.reported, true);
});

test('", and" after a reported clause goes back to the verb that reported it', () => {
  const ev = code('Chile told reporters that Peru was moving troops, and urged Bolivia to close the border.');
  const appeal = ev.find((e) => e.trigger?.text === 'urged');
  assert.ok(appeal);
  assert.equal(pair(appeal), 'CHL>BOL');
  // Without the comma the second verb stays inside the reported clause.
  const inner = code('Chile said Peru attacked a border post and killed two Bolivian guards.').find((e) => e.trigger?.text === 'killed');
  assert.equal(inner?.source?.actor?.country, 'PER');
});

test('a participle coordinated with a passive one is passive too: the victims are the target', () => {
  const ev = code('Two Chilean soldiers were shot and wounded by Peruvian troops.');
  assert.deepEqual(ev.map((e) => `${e.plover} ${pair(e)}`), ['ASSAULT PER>CHL']);
  // And a first verb read as a noun still lends its subject to the second.
  assert.deepEqual(code('Peruvian troops shot and killed two Chilean smugglers.').map((e) => pair(e)), ['PER>CHL']);
});

test('what a storm, a fire or an avalanche does is no event; gunfire is', () => {
  assert.deepEqual(code('Six Chileans were killed by a storm near Valparaiso.'), []);
  assert.deepEqual(code('A fire at a Peruvian prison kills twelve inmates.'), []);
  assert.deepEqual(code('Cyclone Nora struck the Chilean coast on Monday.'), []);
  const shot = code('A Peruvian helicopter was hit by anti-aircraft fire over the Chilean border.');
  assert.ok(shot.some((e) => e.plover === 'ASSAULT' && e.target?.actor?.country === 'PER'));
});

test('a sentence or conviction is a legal finding; the act it is for is not a second event', () => {
  const ev = code('A Peruvian court sentenced two Chilean officers to ten years for torture.');
  assert.deepEqual(ev.map((e) => `${e.cameo} ${pair(e)}`), ['116 PER>CHL']);
  assert.deepEqual(code('A Peruvian court convicted a Chilean officer of torture.').map((e) => `${e.cameo} ${pair(e)}`), ['116 PER>CHL']);
});

test('a participle after a comma has the doer of the nearest main verb, and none after an accident', () => {
  const ev = code('Chilean police said Peruvian rebels shelled the town, killing five people.');
  assert.equal(ev.find((e) => e.trigger?.text === 'killing')?.source?.actor?.country, 'PER');
  assert.deepEqual(code('A Peruvian airliner crashed near Lima, killing 21 people.'), []);
  assert.deepEqual(code('A storm hit the Chilean coast, killing five.'), []);
  // A verb inside an "as" clause is not the main verb.
  assert.deepEqual(code('A blast hit a Chilean convoy as it drove through the town, killing seven soldiers.').filter((e) => e.cameo === '1823'), []);
});

test('who meets whom: titled names in a list, a venue after "at", topics after "to discuss"', () => {
  const ev = code('Chilean President Gabriel Boric and Peruvian Prime Minister Ana Torres met at the Moneda Palace to discuss Bolivia.');
  assert.deepEqual(ev.map((e) => `${e.plover} ${pair(e)}`).sort(), ['CONSULT CHL>PER', 'CONSULT PER>CHL']);
  // A relative clause on the object names no partner.
  const deal = code('Chile and Peru reached a deal that lets Bolivian trucks use the port.');
  assert.ok(deal.every((e) => e.target?.actor?.country !== 'BOL'), deal.map(pair).join(' '));
});

test('a visit: the destination lends its country to no one, and "city, country" is one place', () => {
  const ev = code('Deputy Minister Ana Torres will travel to Lima, Peru, next week.');
  assert.equal(ev.length, 1);
  assert.equal(ev[0]!.target?.actor?.country, 'PER');
  assert.equal(ev[0]!.source?.actor?.country ?? null, null);
});

test('a treaty is signed, it signs nothing: no actor, and no place from its name', () => {
  const ev = code('Chile signed the Lima Accords and the Santiago Protocol on Monday.');
  assert.ok(ev.length > 0);
  assert.ok(ev.every((e) => e.source?.actor?.country === 'CHL' && e.target === null), ev.map(pair).join(' '));
});

test('a verb tag right after an article is a noun: "the storming of" months later is no new attack', () => {
  assert.deepEqual(code('Weeks after the storming of the Chilean embassy, Peru expelled two diplomats.').filter((e) => e.plover === 'ASSAULT'), []);
});

test('a clause opened by "after" ends at its comma: its names are not the main subject', () => {
  const ev = code('Weeks after the storming of the Chilean embassy, Peru expelled two diplomats.');
  assert.deepEqual(ev.map((e) => `${e.plover} ${e.source?.actor?.country}`), ['SANCTION PER']);
});

test('"would have" is a past that did not happen; "according to" leaves an unnamed subject unnamed', () => {
  assert.deepEqual(code('The old treaty would have allowed Chile to search Peruvian ships.').map((e) => e.modality), ['hypothetical']);
  const ev = code('According to a Chilean agency, the rockets struck a depot in Arica.');
  assert.ok(ev.every((e) => e.source?.actor?.country !== 'CHL' || e.source.text !== 'Chilean'), ev.map(pair).join(' '));
});

test('a list of subjects ending in an acronym takes a base-form verb; praise for reaching a deal is not a deal', () => {
  const signed = code("Peru's cabinet and leaders of the Andean Workers Front (AWF) sign a peace accord in Cusco.");
  assert.ok(signed.some((e) => e.plover === 'SUPPORT' && e.source?.actor?.country === 'PER'), signed.map(pair).join(' '));
  assert.deepEqual(code('The UN chief applauded Chile and Peru for reaching a settlement.').filter((e) => e.plover === 'AGREE'), []);
});

test('"demonstrate" with an object or a clause shows something; it is no protest', () => {
  assert.deepEqual(code("The Peruvian minister's speech demonstrated that the cabinet fears a Chilean veto.").filter((e) => e.plover === 'PROTEST'), []);
  assert.deepEqual(code('As these measures demonstrate, Chile wants calm.').filter((e) => e.plover === 'PROTEST'), []);
  assert.ok(code('Thousands of Peruvians demonstrated in Lima against Chile.').some((e) => e.plover === 'PROTEST' && pair(e) === 'PER>CHL'));
});

test('ordering the arrest of someone is an arrest by who orders it; a noun event stops at its clause verb', () => {
  const ev = code('A Chilean judge ordered the arrest of former Peruvian President Alan Garcia.');
  assert.deepEqual(ev.map((e) => `${e.cameo} ${pair(e)}`), ['173 CHL>PER']);
  // "sparked protests in Lima" is not where or against whom the arrest was.
  assert.ok(code('The arrest of the mayor sparked protests in Lima.').every((e) => e.cameo !== '173' || e.target === null));
});

test('fighting "between" two sides pairs them; an "as" clause holds no object of the main verb', () => {
  const ev = code('A mortar round killed a teacher as fighting went on along the border between the Chilean army and Peruvian rebels.');
  assert.deepEqual(ev.filter((e) => e.cameo === '190').map(pair).sort(), ['CHL>PER', 'PER>CHL']);
  assert.deepEqual(ev.filter((e) => e.cameo === '1823').map(pair), []);
  assert.deepEqual(code('A Peruvian bus plunged into a lake near Lima, killing eleven people.'), []);
});

test('meeting a challenge is no meeting; supplies from a country are not given to it', () => {
  assert.deepEqual(code('The Chilean relay team met every target the coach set.'), []);
  assert.ok(code('Chile and Peru met in Geneva.').some((e) => e.plover === 'CONSULT' && pair(e) === 'CHL>PER'));
  assert.deepEqual(code('Chile supplied grain from Argentine ports.').filter((e) => e.target?.actor?.country === 'ARG'), []);
});

test('"we" and "I" inside a quotation are its speaker', () => {
  const ev = code('"We will punish Peru for this attack," the Chilean president said on Monday.');
  assert.deepEqual(ev.map((e) => `${e.plover} ${pair(e)} ${e.reported}`), ['THREATEN CHL>PER false']);
  const meet = code('The Chilean president said: "I will meet Peruvian officials next week."');
  assert.ok(meet.some((e) => e.source?.actor?.country === 'CHL' && e.target?.actor?.country === 'PER'), meet.map(pair).join(' '));
});

test('in a transcript, "we" is the speaker of the turn, until the next label', () => {
  const ev = code('QUESTION: Will you help Peru?\n\nSECRETARY BLINKEN: We sent food aid to Peru last week.\n\n' +
    'We also sent food aid to Bolivia.\n\nQUESTION: Do you trust Chile? We sent aid to Chile too.');
  const by = (country: string): string | null | undefined => ev.find((e) => e.plover === 'AID' && e.target?.actor?.country === country)?.source?.actor?.country;
  assert.equal(by('PER'), 'USA');
  assert.equal(by('BOL'), 'USA'); // the turn goes on in the next paragraph
  assert.notEqual(by('CHL'), 'USA'); // a question is not the Secretary's
});

test('battling a pandemic or fighting corruption fights no one; opening fire does', () => {
  assert.deepEqual(code('Peru and Bolivia have spent a year battling an epidemic of measles.'), []);
  assert.deepEqual(code('Peru is fighting corruption and inflation.'), []);
  assert.ok(code('Chilean troops battled Peruvian rebels near the border.').some((e) => e.plover === 'ASSAULT'));
});

test('"after being attacked by" is passive; a titled person of no known country keeps the country before the title', () => {
  assert.deepEqual(code('The tanker caught fire a week after being struck by a Peruvian drone.').map((e) => e.source?.actor?.country), ['PER']);
  const ev = code('Chilean security adviser Tomas Ruiz and Peruvian foreign minister Ana Torres met in Lima, Peru, on Monday.');
  assert.deepEqual(ev.map((e) => `${e.plover} ${pair(e)}`).sort(), ['CONSULT CHL>PER', 'CONSULT PER>CHL']);
});

test('verbs the tagger does not know are matched by their regular stems; an opening "after being …" clause has the main subject', () => {
  assert.deepEqual(code('Peruvian rebels abducted two Chilean engineers.').map((e) => `${e.cameo} ${pair(e)}`), ['181 PER>CHL']);
  assert.ok(code('Chile summons the Peruvian ambassador over the incident.').some((e) => e.cameo === '114' && pair(e) === 'CHL>PER'));
  const ev = code('After being detained in Peru, the Chilean reporter Ana Soto was accused of spying.');
  assert.ok(ev.some((e) => e.cameo === '173' && e.target?.actor?.country === 'CHL'), ev.map((e) => `${e.cameo} ${pair(e)}`).join(' '));
});

test('a relative clause between commas before the verb describes the subject, which is its antecedent', () => {
  const ev = code('The Chilean activist Juan Soto, who had lived in Lima, Peru, for years, was released by Bolivia.');
  assert.deepEqual(ev.map((e) => `${e.cameo} ${e.target?.text}`), ['0841 Juan Soto']);
});

test('a name that starts a word before the tagged entity ("North | Korean"); ", another attack ascribed to X" names no victim', () => {
  const ev = code('A North Korean trade delegation arrived in Seoul for talks on Monday.');
  assert.ok(ev.some((e) => e.source?.actor?.country === 'PRK'), ev.map(pair).join(' '));
  const bomb = code('A roadside bomb near Tacna wounded six soldiers, another ambush ascribed to Chilean rebels.');
  assert.ok(bomb.every((e) => e.target?.actor?.country !== 'CHL'), bomb.map(pair).join(' '));
});

test('a possessive names whose the head is, not a place after a preposition ("Bolivia\'s embassy in Chile")', () => {
  const ev = code("Bolivia's embassy in Chile condemned the arrest of two Peruvian students.");
  assert.deepEqual(ev.map((e) => e.source?.actor?.country), ['BOL']);
});

test('official names with a possessive are one country: the DPRK is not the Republic of Korea', () => {
  const ev = code("Chile condemned the Democratic People's Republic of Korea's missile launch.");
  assert.deepEqual(ev.map(pair), ['CHL>PRK']);
  assert.deepEqual(code('ROK officials met DPRK envoys in Geneva.').map(pair).sort(), ['KOR>PRK', 'PRK>KOR']);
});

test('"and" does not coordinate with a verb inside a relative clause', () => {
  const ev = code('The UN envoy deplores the raid from Peruvian soil that wounded a Chilean guard and urges Lima to police its frontier.');
  assert.equal(ev.find((e) => e.trigger?.text === 'urges')?.source?.actor?.code.slice(0, 3), 'IGO');
});

test('a capability is not an act: "may be ready for attacking", "capable of"', () => {
  const ev = code('Analysts think the Peruvian battery could soon be ready for attacking Chilean ports.');
  assert.ok(ev.length > 0 && ev.every((e) => e.modality === 'hypothetical'), ev.map((e) => e.modality).join());
});

test('the popes are the Holy See\'s', () => {
  assert.deepEqual(code('Pope Francis accused the Chilean army of war crimes in Peru.').map(pair), ['VAT>CHL']);
});

test('a relative clause holding other clauses still describes the subject; a news outlet reporting is not the official', () => {
  const ev = code('Ruiz, who headed the Chilean navy before joining the cabinet in March, will also meet Peruvian officials, a Chilean television station said.');
  const meet = ev.find((e) => e.trigger?.text === 'meet');
  assert.equal(meet?.source?.text, 'Ruiz');
  assert.equal(meet?.modality, 'future');
});

test('a participle after a noun in the predicate is passive: that noun undergoes it', () => {
  const ev = code('Bolivian police said Quispe was the first senator arrested in the fraud inquiry.');
  const arrest = ev.find((e) => e.cameo.startsWith('17'));
  assert.ok(arrest);
  assert.equal(arrest.target?.text, 'Quispe');
  assert.notEqual(arrest.source?.text, 'Quispe');
  // Documents, not people, were released: no release of persons.
  assert.equal(code('Papers released by the Peruvian archive describe the plot.').some((e) => e.plover === 'RETREAT'), false);
});

test('a participle clause that closes a sentence has the subject of the verb it hangs on', () => {
  const ev = code('Peru recalled its ambassador after accusing Chile of spying.');
  assert.ok(ev.some((e) => e.plover === 'ACCUSE' && pair(e) === 'PER>CHL'));
});

test('floods, collisions and fires kill without anyone acting', () => {
  assert.deepEqual(code('Flooding in Peru kills nine villagers near Cusco.'), []);
  assert.deepEqual(code('A bus collision in Bolivia kills 14 passengers.'), []);
  assert.deepEqual(code('An explosion and fire aboard a Peruvian ferry injure six crew near Callao.'), []);
});

test('a mine that is dug is no explosive: the place where it is does not become the attacker', () => {
  const ev = code('Armed men storm a copper mine in Arequipa, Peru, killing four workers.');
  assert.equal(ev.some((e) => e.source?.text === 'Arequipa'), false);
  const mine = code('A roadside mine kills two soldiers near Ayacucho, Peru.');
  assert.equal(mine[0]?.source?.actor?.country, 'PER');
});

test('each count goes with the casualty word of its own clause', () => {
  const ev = code('Five Peruvian soldiers are killed and three others are wounded in a Chilean ambush.');
  assert.deepEqual(ev[0]?.size, { dead: 5, injured: 3 });
  // Posts are no crowd; a month's day is no count.
  assert.equal(code('The Chilean army launched strikes against three Peruvian posts on March 4.')[0]?.size, null);
  assert.deepEqual(code('Thousands of farmers protest against the Peruvian government in Lima.')[0]?.size, { participants: 2000 });
});

test('a warning of a response is aimed at the other side named after "to", not at the source itself', () => {
  const ev = code('Peru warned that it would respond firmly to any Chilean incursion.');
  const threat = ev.find((e) => e.plover === 'THREATEN');
  assert.ok(threat);
  assert.equal(pair(threat), 'PER>CHL');
  assert.equal(code('Peru warned that its army is ready.').find((e) => e.plover === 'THREATEN')?.target ?? null, null);
});

test('headline grammar: a count of people with a participle that must take an object is passive; an attribution is no verb', () => {
  const [e] = code('Three Peruvian soldiers injured in Chilean drone strike on border post.');
  assert.equal(pair(e!), 'CHL>PER');
  const ev = code('Chilean forces attack Tacna, Peru, with rockets according to local officials, killing at least nine people.');
  const kill = ev.find((x) => x.cameo === '1823');
  assert.equal(kill?.source?.actor?.country, 'CHL');
});

test('what a meeting is about is no partner; who is to blame is the target; no one cooperating with a bare pronoun is no event', () => {
  const ev = code('The Peruvian president held a meeting on the development of Chile’s mining industry.');
  assert.ok(ev.every((e) => e.target?.actor?.country !== 'CHL'));
  const [blame] = code('Peru is to blame for the border crisis.');
  assert.equal(blame?.target?.actor?.country, 'PER');
  assert.equal(blame?.source, null);
  assert.deepEqual(code('Chile was criticised by Peru. It was agreed to hold more talks.').filter((e) => e.plover === 'AGREE'), []);
});

test('the agent of a passive attack may come after the attack noun; ages count no one; cars are no attackers', () => {
  const [e] = code('At least 40 people are killed in an airstrike on a market in Tumbes by the Chilean air force.');
  assert.equal(e?.source?.actor?.country, 'CHL');
  assert.deepEqual(e?.size, { dead: 40 });
  assert.equal(code('Chilean police arrest an 18-year-old Peruvian student.')[0]?.size, null);
  assert.deepEqual(code('A speeding car injured ten pedestrians in Lima, Peru.'), []);
  // Blamed for attacks: the attacks name no one who blamed.
  assert.ok(code('The group, which Peru blamed for the Lima attacks, was banned.').every((e) => e.plover !== 'ACCUSE' || e.source?.text !== 'Lima'));
});

test('a transcript label with a title ("President of Peru Dina Boluarte:") opens a turn: its "we" is the speaker\'s side', () => {
  const text = 'Talks in Lima.\nPresident of Peru Dina Boluarte: Thank you for coming. We will sign a new trade accord with Chile next month.';
  const ev = code(text).filter((e) => e.source?.text === 'We');
  assert.ok(ev.length > 0);
  assert.ok(ev.every((e) => e.source?.actor?.code === 'PERGOV'), JSON.stringify(ev.map((e) => e.source)));
});

test('", and" between two clauses opens the second one\'s subject; a pronoun acting on itself is no event', () => {
  const e = code('What we see is a war again, and the Chileans are bombing and shelling Peruvian towns.').find((x) => x.trigger.text === 'shelling');
  assert.equal(e?.source?.actor?.country, 'CHL');
  const list = code('Peru, Chile, and Bolivia have attacked Ecuador.');
  assert.deepEqual(list.map((x) => x.source?.actor?.country).sort(), ['BOL', 'CHL', 'PER']);
  assert.deepEqual(code('Peru said that it will allow it.').filter((x) => x.source?.text === 'it' && x.target?.text === 'it'), []);
});

test('whom a joint act is against is no partner; a gas leak is no attacker; a participle after a governed noun phrase is that phrase\'s act', () => {
  const ev = code('Peru, Chile and Bolivia agree on joint efforts against the Shining Path.');
  assert.ok(ev.length > 0);
  assert.ok(ev.every((e) => e.target?.text !== 'Shining Path' && e.source?.text !== 'Shining Path'));
  assert.deepEqual(code('A gas leak at a factory in Arequipa, Peru, kills two workers.'), []);
  const visit = code('The Peruvian army pledges to a U.N. delegation visiting Puno that it will punish abuses.').find((e) => e.plover === 'CONSULT');
  assert.equal(visit?.source?.actor?.code, 'IGOUNO');
});

test('the agent after "by" is in the phrase it opens, not in a place after it', () => {
  const [e] = code('The Peruvian mayor of Tumbes is assassinated by gunmen in Lima.');
  assert.equal(e?.source?.actor ?? null, null);
  const [k] = code('A Peruvian soldier was killed by a sniper of the Chilean army.');
  assert.equal(k?.source?.actor?.country, 'CHL');
});

test('a participle after a preposition opens a noun phrase; leaving hospital is no release', () => {
  assert.deepEqual(code('Peru agrees to hand over ousted president Pedro Castillo to Bolivia.').filter((e) => e.plover === 'SANCTION'), []);
  assert.deepEqual(code('Peruvian President Dina Boluarte is released from hospital after tests.'), []);
  assert.equal(code('Chile released two Peruvian fishermen from prison.')[0]?.plover, 'RETREAT');
});

test('"we" in a government\'s own release is that government; a speech verb inside a later phrase reports nothing', () => {
  const article = { id: 'r', url: 'https://www.state.gov/on-the-border-dispute/', source: null, title: null, published: '2023-03-01',
    publishedAt: null, publishedEstimated: false, text: 'We urge Peru to reverse its decision announced today.', origin: 't', format: 'jsonl' as const };
  const [e] = extractArticle(article, pipeline).events;
  assert.equal(e?.source?.actor?.code, 'USAGOV');
  assert.equal(e?.target?.actor?.country, 'PER');
  assert.equal(e?.reported, false);
  // Elsewhere "we" is not the State Department's.
  const [other] = code('We urge Peru to reverse its decision announced today.');
  assert.notEqual(other?.source?.actor?.code, 'USAGOV');
});

test('a pattern may refuse objects by head noun: assessments are no aid; undertaking actions is no promise', () => {
  assert.deepEqual(code('The Peruvian president provided his assessments of the talks with Chile.').filter((e) => e.plover === 'AID'), []);
  assert.equal(code('Norway is supplying satellite images to Peru.')[0]?.plover, 'AID');
  assert.deepEqual(code('Countries undertaking hostile actions towards Peru face restrictions.'), []);
  const [p] = parsePatterns('x.ok\t070\tprovide\tnot=report|data\tA test.', 'mine.tsv');
  assert.deepEqual([...(p as { notObject: Set<string> }).notObject], ['report', 'data']);
});

test('headline grammar with names joined by "and"; a hazard that titles a name kills no one politically', () => {
  const [e] = code('A Shining Path and MRTA militant killed in Ayacucho in Peruvian airstrikes.');
  assert.equal(e?.source?.actor?.country, 'PER');
  assert.notEqual(e?.source?.text, e?.target?.text);
  assert.deepEqual(code('Hurricane Otis strengthens to a category 5 storm and kills at least 27 people in Acapulco, Mexico.'), []);
});

test('"provided" before a subject is a condition, not aid', () => {
  assert.deepEqual(code('Peru is open to trade with Chile provided they respect the treaty.').filter((e) => e.plover === 'AID'), []);
  assert.equal(code('Chile provided Peru with rice.')[0]?.plover, 'AID');
});

test('", and" before a clause with its own verb ends the object', () => {
  const [e] = code('Peru attacked the border post, and Chile responded with artillery.');
  assert.equal(e?.target ?? null, null);
  assert.deepEqual(code('Peru attacked Bolivia, and Chile.').map((x) => x.target?.actor?.country).sort(), ['BOL', 'CHL']);
});

test('"decline" refuses only something; exercising alone is no joint exercise', () => {
  assert.deepEqual(code('Peruvian exports to Chile declined by 17 percent in 2020.').filter((e) => e.plover === 'REJECT'), []);
  assert.equal(code('Peru declined the Chilean offer.')[0]?.plover, 'REJECT');
  assert.deepEqual(code('The Peruvian president said he exercised with Chilean guests this morning.').filter((e) => e.plover === 'COOPERATE'), []);
});

test('one who visits the country a sentence names is not of it in the sentence\'s other events', () => {
  const ev = code('President Ana Quispe visits Chile for talks, inviting President Gabriel Boric to a summit in Lima.');
  const invite = ev.find((e) => e.plover === 'REQUEST');
  assert.ok(invite);
  assert.notEqual(invite.source?.actor?.country, 'CHL');
});

test('a name in a "when" or "although" clause after the verb is no object of it', () => {
  const [e] = code('Chilean gunmen kill 36 people in Tacna when they attack two Peruvian villages.');
  assert.notEqual(e?.target?.text, 'they');
  assert.equal(code('Peru rejected the claim, although Chile disputed it.')[0]?.target ?? null, null);
});

test('a background attack lends its doer to a killing that names none', () => {
  const [e] = code('Three Colombian police officers were killed when ELN guerrillas attacked a checkpoint in Arauca.');
  assert.equal(e?.plover, 'ASSAULT');
  assert.equal(e?.source?.text, 'ELN');
  assert.equal(e?.target?.actor?.country, 'COL');
  // A vehicle that hits a bomb is no attacker.
  assert.ok(code('Two Peruvian soldiers are killed when their truck hit a roadside bomb in Puno.').every((x) => !/truck/.test(x.source?.text ?? '')));
});
