// The event coder: pattern hits → events with source, target, CAMEO/PLOVER codes, modality, date,
// place and size. Arguments come from clause structure over the base layer's tokens (no parser):
// the subject is the actor phrase before the verb group, the target the first actor after the trigger.
import type { ActorRef, ArgRef, CodedEvent, Geo, Modality, Token } from '../domain/types.js';
import type { AnalysisState } from '../pipeline/analysis-state.js';
import { dateForSpan } from '../nlp/times/date-for-span.js';
import { getActorContext } from '../nlp/actor-context.js';
import { resolvePronoun } from '../nlp/resolve-pronoun.js';
import { geoForSpan } from '../nlp/geo-for-span.js';
import type { CameoEntry, EventLexicon, FrameKind } from './event-lexicon.js';
import { findEventSize } from './event-size.js';
import { matchPatterns, type PatternHit } from './match-patterns.js';
import { coordinatedHazard, hazardDoer, hazardObject } from './hazard-doer.js';
import { speakerAt } from './speaker-at.js';
import { attributiveParticiple, isHeadline, isPassive, isPossessive, isVerb, lower, reducedRelative, sayVerbAsNoun, titleCase, victimParticiple } from './verb-forms.js';
import { sentenceMentions, type ActorMention } from './sentence-mentions.js';

export interface EventCoderResources {
  lexicon: EventLexicon;
  coder: string;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);
const SAY = new Set(['say', 'said', 'says', 'tell', 'told', 'report', 'announce', 'state', 'claim', 'add', 'write', 'post', 'quote', 'according', 'statement', 'declare']);
const FUTURE = new Set(['will', 'shall', "'ll", 'wo', 'would', 'schedule', 'plan', 'expect', 'due', 'set', 'intend', 'going', 'go', 'prepare', 'poise']);
// "must" and "should" say what someone wants done, not what was done.
const HYPOTHETICAL = new Set(['could', 'might', 'may', 'can', 'should', 'ca', 'must']);
const NEGATION = new Set(['not', "n't", 'never', 'yet']);
/** Words that open an introductory phrase ending at the sentence's first comma. */
const INTRODUCTORY = /^(on|in|at|after|before|during|following|with|under|for|according|citing|amid|despite|unlike|since|as)$/;
/** Words of capability: what follows them is possible, not done ("capable of striking", "ready for attacking"). */
const CAPABLE = new Set(['ready', 'capable', 'able', 'unable']);
/** First-person pronouns: inside a quotation or a transcript turn they name its speaker. */
const FIRST_PERSON = new Set(['i', 'me', 'we', 'us']);
/** Personal pronouns that name an actor through coreference. */
const PERSONAL = new Set(['we', 'us', 'they', 'them', 'it', 'he', 'she', 'him', 'her', 'i', 'you']);
/** Words that open a subordinate clause. */
const SUBORDINATOR = new Set(['as', 'because', 'while', 'after', 'before', 'although', 'though', 'unless', 'if', 'when', 'since', 'whereas', 'once', 'until']);
const CLAUSE_BREAK = new Set([';', ':', '(', ')', '"', '“', '”', 'because', 'while', 'after', 'before', 'although', 'though', 'unless', 'if', 'when', 'since', 'whereas', 'but']);
const RELATIVE = new Set(['who', 'which', 'whose', 'that']);
/** Words that open a clause, not an object: a verb followed by one takes no object there (subject-only pronouns, "that"). */
const SUBJECT_ONLY = new Set(['they', 'he', 'she', 'we', 'i', 'that']);
/** A bare personal pronoun as an event's argument. */
const PRONOUN_ARG = /^(it|we|they|he|she|them|us|him|her|you|i|me)$/i;
/** Words that open an adverbial clause: what follows them is no object of the verb before ("injured when the rebels attacked"). */
const CLAUSE_OPENER = new Set(['unless', 'if', 'because', 'after', 'while', 'since', 'when', 'whenever', 'although', 'though', 'whereas', 'until']);
/** Prepositions that aim a threat at someone ("respond to", "act against", "strike on"). */
const AIMED = new Set(['to', 'against', 'on']);
/** Words that open a participle clause after the verb it hangs on ("… after accusing X", "… while visiting Y"). */
const PARTICIPLE_OPENER = new Set(['after', 'before', 'while', 'when', 'since', 'by', 'without', 'despite', 'upon', 'on']);
const COORD = new Set(['and', ',', 'or', '&']);
const TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'finally', 'again', 'also', 'recently', 'reportedly', 'routinely', 'flatly', 'bluntly', 'outright', 'once', 'already', 'still', 'now', 'then', 'jointly']);
const AGENT_NOUNS = new Set(['strike', 'strikes', 'attack', 'attacks', 'airstrike', 'airstrikes', 'raid', 'raids', 'bombing', 'bombings', 'bomb', 'bombs', 'shelling', 'offensive', 'assault', 'assaults', 'fire', 'gunfire', 'ambush', 'ambushes']);
/** A country code (alpha-3), not a group code such as IGO or EUR. */
const COUNTRY = /^(?!IGO|EUR|NGO|IMG|AFR|ASA|MEA|WST)[A-Z]{3}$/;
/** Codes of bodies that belong to no country (international and non-governmental organisations). */
const BODY = /^(IGO|NGO|IMG|MNC)/;
const TROOPS = new Set(['troops', 'soldiers', 'peacekeepers', 'contingent', 'warships', 'battalion', 'brigade', 'units']);
const POSSESSIVE = new Set(['their', 'its', 'his', 'her', 'our']);
/** Participles used as prepositions: "postponed a visit following the explosion" is not the subject's explosion. */
const PREPOSITION_PARTICIPLES = new Set(['following', 'including', 'regarding', 'concerning', 'considering', 'excluding', 'pending', 'amid', 'during']);
/** Verbs whose subject undergoes the act named by their object ("faced charges", "survived an attack"). */
const UNDERGO = new Set(['face', 'receive', 'suffer', 'survive', 'escape', 'endure', 'sustain', 'deny', 'fear', 'await', 'risk', 'evade', 'undergo']);
const TOPIC = new Set(['on', 'over', 'about', 'regarding', 'concerning']);
const LOC_PREP = new Set(['in', 'at', 'near', 'outside', 'inside', 'through', 'thru', 'across']);
const QUOTE = new Set(['"', '“', '”', "'", '‘', '’', '``', "''"]);

interface Event0 {
  hit: PatternHit;
  cameo: string;
  sources: ArgRef[];
  targets: ArgRef[];
  sourceFromPronoun: boolean;
  modality: Modality;
  /** Last token the event covers (for frames, the embedded action's). */
  lastToken: number;
}

const isGroupSep = (t: Token): boolean => COORD.has(t.normal);

/** Codes the events of one analysed article. */
export function codeEvents(state: AnalysisState, res: EventCoderResources): CodedEvent[] {
  const { doc } = state;
  const tokens = doc.tokens;
  const events: CodedEvent[] = [];
  let lastSubject: ArgRef | null = null;
  const cursor = { e: 0 };
  const actorCtx = getActorContext(state);
  const seen = new Map<string, number>();

  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s]!;
    const from = sent.tokenStart;
    const to = sent.tokenEnd;
    const hits = matchPatterns(res.lexicon, tokens, from, to);
    if (hits.length === 0) continue;
    const mentions = sentenceMentions(state, from, to, cursor);
    const headline = isHeadline(tokens, from, to);
    const insideName = (t: number): boolean => {
      const e = actorCtx?.entityAt[t];
      if (e !== undefined && e.type !== 'NORP' && e.end - e.start > tokens[t]!.end - tokens[t]!.start) return true;
      // A capitalised word within a run of capitalised words the tagger missed ("the Order of Friendship").
      if (headline || t === from || !titleCase(tokens[t]!)) return false;
      const next = tokens[t + 1]?.normal === 'of' ? tokens[t + 2] : tokens[t + 1];
      return (t - 1 > from && titleCase(tokens[t - 1]!)) || (next !== undefined && t + 1 < to && titleCase(next));
    };
    const peopleNoun = (tok: Token): boolean => namesPeople(state, res.lexicon.people, tok);
    const clauseSubject = (t: number): ActorMention[] => subjectOf(tokens, mentions, from, t, 0, peopleNoun);

    const resolve = (m: ActorMention, role: 'source' | 'target', source: ArgRef | null): ArgRef => {
      // "I" and "we" inside a quotation are its speaker ("'We will punish them,' the Chilean president said").
      if (m.pronoun && FIRST_PERSON.has(tokens[m.first]!.normal)) {
        const speaker = speakerAt(state, m.first);
        return { start: m.start, end: m.end, text: doc.text.slice(m.start, m.end), actor: speaker ?? m.actor };
      }
      // An object pronoun is not the subject it was resolved to ("X said it will punish it").
      const reflexive = role === 'target' && m.pronoun && m.actor?.country != null && m.actor.country === source?.actor?.country;
      if (!m.pronoun || (m.actor && !reflexive)) return { start: m.start, end: m.end, text: doc.text.slice(m.start, m.end), actor: m.actor };
      // resolvePronoun found no antecedent: the subject of this or the last coded clause.
      let actor: ActorRef | null = null;
      if (SUBJECT_PRONOUNS.has(tokens[m.first]!.normal) && role === 'source') {
        const earlier = mentions.find((x) => !x.pronoun && x.actor && x.last <= m.first);
        actor = earlier?.actor ?? lastSubject?.actor ?? null;
      } else {
        for (const x of mentions) {
          if (x.pronoun || !x.actor || x.last > m.first) continue;
          if (source?.actor && x.actor.country === source.actor.country) continue;
          actor = x.actor;
        }
      }
      return { start: m.start, end: m.end, text: doc.text.slice(m.start, m.end), actor };
    };

    // An actor the text gives no country ("President Museveni", "opposition groups") is taken to belong to
    // the country the sentence (else the article so far) names most: domestic actors are news about their country.
    const here = new Map<string, number>();
    // Who reports it (", ABC of Australia reported") says nothing about whose actors the sentence is about.
    const attribution = trailingAttribution(tokens, from, to);
    for (const m of mentions) {
      const c = m.actor?.country;
      if (c && COUNTRY.test(c) && !m.pronoun && m.first < attribution && !ethnic(tokens, m)) here.set(c, (here.get(c) ?? 0) + 1);
    }
    for (const [c, n] of here) seen.set(c, (seen.get(c) ?? 0) + n);
    const contextCountry = mostNamed(here) ?? mostNamed(seen);
    // "ethnic Albanians in Macedonia": an ethnic group is coded with the country it lives in, the one the text names.
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      const c = m.actor?.country;
      if (!contextCountry || !c || c === contextCountry || !ethnic(tokens, m) || !m.actor!.code.startsWith(c)) continue;
      mentions[i] = { ...m, actor: { ...m.actor!, id: `country:${contextCountry}`, code: contextCountry + m.actor!.code.slice(3), country: contextCountry } };
    }
    // "President Widodo visits China, inviting Xi …": who travels to the country the sentence names is not of it,
    // in any event of the sentence.
    const visitors = new Set<string>();
    if (contextCountry) {
      for (const hit of hits) {
        if (!hit.pattern.cameo.startsWith('042')) continue;
        const destination = objectAfter(tokens, mentions, hit.trigger, to, false);
        if (!destination.some((m) => (m.geo?.country ?? m.actor?.country) === contextCountry)) continue;
        for (const m of clauseSubject(hit.trigger)) if (m.actor && m.actor.country === null) visitors.add(m.actor.id);
      }
    }
    const placed = (a: ArgRef): ArgRef => {
      const actor = a.actor;
      if (!contextCountry) return a;
      // A pronoun with no antecedent the actors layer could find ("they would blockade Paris").
      if (!actor && a.end - a.start <= 4 && /^(they|it|we|them|us)$/i.test(a.text)) {
        return { ...a, actor: { id: `country:${contextCountry}`, name: contextCountry, code: contextCountry, country: contextCountry } };
      }
      if (!actor || actor.country !== null || BODY.test(actor.code) || visitors.has(actor.id)) return a;
      return { ...a, actor: { ...actor, code: contextCountry + actor.code, country: contextCountry } };
    };

    const phraseArg = (np: [number, number]): ArgRef => {
      const start = tokens[np[0]]!.start;
      const end = tokens[np[1] - 1]!.end;
      return { start, end, text: doc.text.slice(start, end), actor: null };
    };
    /** A phrase of unnamed people ("Angry farmers") as an actor of the sentence's country, or null. */
    const unnamedPeople = (np: [number, number], country = contextCountry): ArgRef | null => {
      if (!country || !namesPeople(state, res.lexicon.people, tokens[np[1] - 1]!)) return null;
      const a = phraseArg(np);
      return { ...a, actor: { id: `country:${country}`, name: a.text, code: country, country } };
    };

    // Arguments of each hit.
    const drafts: Event0[] = [];
    const triggers = new Set(hits.map((h) => h.trigger));
    const absorbed = new Set<PatternHit>();
    for (const hit of hits) {
      const t = hit.trigger;
      const trig = tokens[t]!;
      const verb = isVerb(tokens, from, t);
      const nominal = hit.pattern.nominal || (!verb && (trig.pos === 'NOUN' || trig.pos === 'PROPN'));
      // A one-word verb pattern does not fire on a noun ("a general strike", "the support of").
      if (!hit.pattern.nominal && hit.positions.length === 1 && !verb) continue;
      // A word inside a name names nothing that happened: "the Volunteer Fire Society", "the Order of Friendship".
      if (insideName(t)) continue;
      if (!hit.pattern.nominal && hit.positions.length === 1 && attributiveParticiple(tokens, from, t)) continue;
      if (verb && /^(17|18|19|20)/.test(hit.pattern.cameo) && hazardDoer(tokens, from, t, to, isPassive(tokens, from, t), res.lexicon)) continue;
      if (verb && /^(18|19|20)/.test(hit.pattern.cameo) && hazardObject(tokens, t, to, res.lexicon.hazardObjects)) continue;
      if (!verb && /^(18|19|20)/.test(hit.pattern.cameo) && coordinatedHazard(tokens, t, res.lexicon)) continue;
      // "open to all provided they respect the law": "provided" before a subject is a condition, not a gift.
      if (lower(trig) === 'provide' && trig.normal !== 'provide' && SUBJECT_ONLY.has(tokens[t + 1]?.normal ?? '')) continue;
      // "our trade declined by 17 percent": "decline" refuses only something ("declined the offer", "declined to").
      if (hit.pattern.frame === 'refuse' && lower(trig) === 'decline' && tokens[t + 1]?.normal !== 'to' && !takesObject(tokens, t + 1)) continue;
      // "released from hospital": a patient going home is no release of a detainee.
      if (hit.pattern.cameo.startsWith('084') && fromCare(tokens, hit.positions[hit.positions.length - 1]!, to)) continue;
      let sourceM: ActorMention[] = [];
      let targetM: ActorMention[] = [];
      let undergoer: ActorMention[] | null = null;
      // The active verb whose subject is the event's agent: the trigger, or the verb a noun event is the object of.
      let governor = -1;
      const last = hit.positions[hit.positions.length - 1]!;
      if (hit.pattern.object === 'named' && !objectNamed(tokens, mentions, last + 1, to)) continue;
      // "demonstrated in the capital", not "demonstrated that they are afraid" or "as these actions demonstrate,".
      if (hit.pattern.object === 'none' && (takesObject(tokens, last + 1) || tokens[from]!.normal === 'as')) continue;
      if (hit.pattern.object === 'someone' && !isPassive(tokens, from, t) && takesObject(tokens, last + 1) && tokens[last + 1]!.pos !== 'PRON' &&
        !objectHasSomeone(state, res.lexicon.people, mentions, last + 1, to)) continue;
      if (hit.pattern.notObject && !isPassive(tokens, from, t)) {
        const head = objectHead(tokens, t + 1, to);
        if (head >= 0 && hit.pattern.notObject.has(lower(tokens[head]!))) continue;
      }
      if ((hit.pattern.object === 'people' || hit.pattern.object === 'things') && !isPassive(tokens, from, t) &&
        objectNamesPeople(state, res.lexicon.people, mentions, last + 1, to) !== (hit.pattern.object === 'people')) continue;
      if (nominal) {
        sourceM = modifierActors(tokens, mentions, from, t);
        const byAgent = afterWord(tokens, mentions, t, to, 'by');
        if (sourceM.length === 0 && byAgent) sourceM = [byAgent];
        // "the E3 informed the council of their readiness to…": a possessive pronoun points at the clause's subject.
        const first = hit.positions[0]!;
        if (sourceM.length === 0 && POSSESSIVE.has(tokens[first - 1]?.normal ?? '')) sourceM = clauseSubject(first);
        if (sourceM.length === 0) {
          // "Ghana announced a halt to…", "kept on with their boycott": a noun event as the object of
          // its clause's verb is the subject's act.
          let k = first - 1;
          while (k > from && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NUM' || POSSESSIVE.has(tokens[k]!.normal))) k--;
          // Not when the noun is itself a subject ("reports that 223 documented massacres were perpetrated").
          const subjectItself = tokens[t + 1]?.pos === 'AUX' || tokens[t + 1]?.pos === 'VERB';
          if (k > from && isVerb(tokens, from, k) && !subjectItself && !hits.some((h) => h.trigger === k) && !PREPOSITION_PARTICIPLES.has(tokens[k]!.normal)) {
            // "faced charges", "received threats": the subject undergoes the act; a passive verb's subject is no agent.
            if (UNDERGO.has(lower(tokens[k]!))) undergoer = clauseSubject(k);
            else if (!isPassive(tokens, from, k)) {
              sourceM = clauseSubject(k);
              governor = k;
            }
          }
        }
        targetM = undergoer ?? objectAfter(tokens, mentions, last, to, true, false, false, triggers);
        if (sourceM.length === 0 && hit.pattern.symmetric && targetM.length > 1) sourceM = targetM;
      } else if (isPassive(tokens, from, t)) {
        // "the first official investigated from …", "soldiers killed in the war": the noun phrase the participle
        // describes undergoes it, not the clause's subject.
        const relative = reducedRelative(tokens, from, t);
        const ofPeople = relative && namesPeople(state, res.lexicon.people, tokens[t - 1]!);
        if (relative && !ofPeople && (hit.pattern.object === 'people' || hit.pattern.object === 'someone')) continue;
        // Only people undergo it: in "the Oxford vaccine supplied through COVAX" the names are no recipients.
        const described = ofPeople ? mentions.filter((m) => m.last <= t && m.last >= t - 3) : [];
        // "X was the first lawmaker arrested": after "be", the noun phrase is the subject again.
        targetM = victimParticiple(tokens, from, t) ? [] : relative && (described.length > 0 || !copulaBefore(tokens, from, t)) ? described : clauseSubject(t);
        // "killed in an Israeli strike": an attack names who did violence, not who blamed or accused ("blamed for the
        // Mumbai attacks").
        const violent = /^(1[5-9]|20)/.test(hit.pattern.cameo);
        const agent = afterWord(tokens, mentions, t, to, 'by') ?? (violent ? agentNoun(tokens, mentions, hits, absorbed, t, to) : null);
        if (agent) sourceM = [agent];
        // "was arrested in Lebanon": with no agent, an investigation, charge or coercion is the state's where it happened.
        else if (/^(09|11|17)/.test(hit.pattern.cameo)) {
          const place = afterWord(tokens, mentions, t, to, 'in');
          if (place?.actor && COUNTRY.test(place.actor.country ?? '')) sourceM = [place];
        }
      } else {
        sourceM = clauseSubject(t);
        governor = t;
        // Symmetric actions ("met in Geneva") take a place as where, not with whom; a protest is against the
        // actor it names ("rioted at a barracks in Goma … against Rwandan control"), else against the place's rulers.
        const protest = hit.pattern.target === 'self';
        targetM = objectAfter(tokens, mentions, t, to, false, hit.pattern.symmetric || protest, hit.pattern.symmetric);
        if (protest && targetM.length === 0) targetM = objectAfter(tokens, mentions, t, to, false);
      }
      if (hit.pattern.target === 'none') targetM = [];
      // "Peru is to blame for the crisis": the subject is who is blamed; who blames is not said.
      if (lower(trig) === 'blame' && tokens[t - 1]?.normal === 'to' && t - 2 >= from && lower(tokens[t - 2]!) === 'be') {
        targetM = sourceM;
        sourceM = [];
      }
      // "agree on joint efforts against the Islamic State": whom a joint act is against is no partner in it.
      // ("fought against the rebels" is with them.)
      if (hit.pattern.symmetric && (res.lexicon.cameo.get(hit.pattern.cameo)?.quadclass ?? 4) <= 2) {
        targetM = targetM.filter((m) => !governedBy(tokens, m, 'against'));
      }
      // "supplying fertilisers from Russia": what is given comes from a place; it is not given to it.
      if (hit.pattern.cameo.startsWith('07') && targetM.length > 0 && governedBy(tokens, targetM[0]!, 'from')) targetM = [];
      // "Fighting continues … between the army and the rebels": with no subject, the two sides act on each other.
      if (sourceM.length === 0 && hit.pattern.symmetric && targetM.length > 1 && tokens[targetM[0]!.first - 1]?.normal !== 'with') {
        const k = targetM[0]!.first;
        if (tokens.slice(Math.max(from, k - 4), k).some((x) => x.normal === 'between')) sourceM = targetM;
      }
      // "agreed to resume their dialogue on Kashmir": what a meeting or agreement is about is no partner.
      if (hit.pattern.symmetric || (hit.pattern.frame === 'intent' && sourceM.length > 1)) {
        targetM = targetM.filter((m) => !inTopic(tokens, hit.positions, last, m.first));
      }
      // "discussed the summit with Indonesia": what is discussed is a topic, the partner comes with "with".
      if (hit.pattern.target === 'with') {
        const partner = afterWord(tokens, mentions, t, to, 'with');
        targetM = partner ? withCoordinated(tokens, mentions, partner, to) : [];
      }
      // One travelling to a place is not of that place ("Under Secretary Zeya will travel to Geneva"): a visit's
      // destination lends its country to no one.
      const destination = hit.pattern.cameo.startsWith('04') && targetM.some((m) => m.geo?.country === contextCountry);
      const sources = sourceM.map((m) => (destination ? resolve(m, 'source', null) : placed(resolve(m, 'source', null))));
      const np = sources.length === 0 && governor >= 0 ? subjectPhrase(tokens, from, governor) : null;
      // "Bosnian Serbs said their forces had completed…": a possessive pronoun names whose the subject is.
      const owner = np && POSSESSIVE.has(tokens[np[0]]!.normal) ? resolvePronoun(state, np[0])?.actor : null;
      if (np && owner) sources.push({ ...phraseArg(np), actor: owner });
      else if (np) {
        // "Islamic fundamentalists continued…", "Prisoners rioted…": a subject noun phrase without a name is an
        // actor of the sentence's country, as far as the text says.
        const people = destination ? null : unnamedPeople(np);
        if (people) sources.push(people);
      }
      // "A roadside bombing near Samarra killed…": violence by no named hand is the country's where it happened.
      if (sources.every((a) => !a.actor) && /^(18|19|20)/.test(hit.pattern.cameo) && explosiveBefore(tokens, from, t) >= 0) {
        const place = placeMention(tokens, mentions, t, explosiveBefore(tokens, from, t));
        const c = place?.geo?.country;
        if (place && c) sources.splice(0, sources.length, { start: place.start, end: place.end, text: doc.text.slice(place.start, place.end), actor: { id: `country:${c}`, name: c, code: c, country: c } });
      }
      const src0 = sources[0] ?? null;
      let targets = targetM.filter((m) => !sourceM.includes(m)).map((m) => placed(resolve(m, 'target', src0)));
      // Nothing is done to itself unless the pattern says so ("The travelator allows…" found one phrase twice).
      targets = targets.filter((a) => !sources.some((x) => x.start === a.start && x.end === a.end));
      if (targets.length === 0 && hit.pattern.target === 'self' && src0) targets = [src0];
      // "Kenyan troops fired on striking dockers to scatter them": unnamed people that a named actor
      // coerces or attacks are of the place where it happened, else of the one country the sentence names.
      if (targets.length === 0 && /^(17|18|19|20)/.test(hit.pattern.cameo) && hit.pattern.target !== 'none' &&
        src0?.actor && !isPassive(tokens, from, t)) {
        const object = peopleAfter(tokens, last + 1, to);
        const victims = object && plainVictims(tokens, object, res.lexicon.people) ? object : null;
        // The one country named is the victims' only when the source is its police or government, not its army abroad.
        const domestic = here.size === 1 && /COP|GOV|JUD/.test(src0.actor.code);
        const country = victims ? placeMention(tokens, mentions, t, t)?.geo?.country ?? (domestic ? contextCountry : null) : null;
        const people = victims && country ? unnamedPeople(victims, country) : null;
        if (people) targets.push(people);
      }
      drafts.push({
        hit,
        cameo: hit.pattern.cameo,
        sources,
        targets,
        sourceFromPronoun: sourceM.some((m) => m.pronoun),
        modality: unreal(tokens, from, hit.positions[0]!) ? 'hypothetical' : denied(tokens, from, t) ? 'negated' : nominal ? 'asserted' : modalityOf(tokens, from, t),
        lastToken: last,
      });
    }

    // Frames take the action in their complement ("threatened to cut ties"): one event, refined code.
    const dropped = new Set<Event0>();
    for (const f of drafts) {
      if (!f.hit.pattern.frame || dropped.has(f)) continue;
      const e = drafts.find(
        (x) => x !== f && !dropped.has(x) && x.hit.trigger > f.lastToken && x.hit.trigger - f.lastToken <= 10 &&
          !crossesBreak(tokens, f.lastToken, x.hit.trigger),
      );
      if (!e) {
        // "warned that it would respond to any Israeli attack": with no act of the lexicon in the complement, a
        // threat is aimed at another side named there after "to", "against" or "on", not at the source's own.
        const own = f.sources[0]?.actor?.country;
        if (f.hit.pattern.frame === 'threat' && own && f.targets.every((a) => a.actor?.country === own)) {
          const other = mentions.find((m) => m.first > f.lastToken && m.last <= to && m.actor?.country && m.actor.country !== own &&
            tokens.slice(Math.max(f.lastToken, m.first - 2), m.first).some((x) => AIMED.has(x.normal)));
          if (other) f.targets = [placed(resolve(other, 'target', f.sources[0]!))];
          else if (f.targets.length > 0 && tokens[f.lastToken + 1]?.normal === 'that') f.targets = [];
        }
        continue;
      }
      dropped.add(e);
      // "to organise and march against…": a verb coordinated with the complement belongs to it.
      for (const x of drafts) if (x.hit.trigger > e.hit.trigger && coordinatedVerb(tokens, e.hit.trigger, x.hit.trigger)) dropped.add(x);
      const kind = f.hit.pattern.frame;
      // "Chile said it must reach a deal": one's own obligation is no demand; the inner act stays, as it is said.
      const src = f.sources[0]?.actor;
      if (kind === 'demand' && src && f.targets.length > 0 && f.targets.every((a) => a.actor?.id === src.id && SUBJECT_PRONOUNS.has(a.text.toLowerCase()))) {
        dropped.delete(e);
        dropped.add(f);
        continue;
      }
      // "urged the EC to support the PLO", "called on Arabs to unite against Israel": asking others to back or
      // oppose a third party rallies support (053) or opposition (113) for or against it.
      const own = f.sources[0]?.actor;
      const third = e.targets.length > 0 && !e.targets.some((a) => a.actor?.id === own?.id || (a.actor?.country != null && a.actor.country === own?.country));
      // (Asking others to sign, apologise or forgive is an appeal for cooperation, not a rally.)
      const rally = kind === 'appeal' && third && /^(05[0-4]|11|12)/.test(e.cameo);
      if (rally) f.cameo = e.cameo.startsWith('05') ? '053' : '113';
      else f.cameo = frameCode(res.lexicon, kind, e.cameo) ?? f.cameo;
      const innerFirst = kind === 'intent' || kind === 'threat' || kind === 'refuse' || rally;
      // "warned Tehran would withdraw": an actor of the source's own side before the inner verb is its subject.
      const ownSide = f.targets.length > 0 && f.targets.every((a) => a.end <= tokens[e.hit.trigger]!.start &&
        a.actor?.country != null && a.actor.country === f.sources[0]?.actor?.country);
      // "turned down an EU offer of mediators": refusing another's proposal is aimed at its author,
      // and what the proposal asks for belongs to it.
      const author = kind === 'refuse' && e.hit.pattern.frame !== null && tokens[e.hit.trigger]!.pos === 'NOUN' &&
        e.sources.length > 0 && e.sources.every((a) => a.end <= tokens[e.hit.trigger]!.start);
      if (author) {
        f.targets = e.sources;
        const asked = drafts.find((x) => x.hit.trigger > e.lastToken && x.hit.trigger - e.lastToken <= 10 && !crossesBreak(tokens, e.lastToken, x.hit.trigger));
        if (asked) dropped.add(asked);
      } else if (innerFirst ? (e.targets.length > 0 && !addressee(f, e)) || ownSide : f.targets.length === 0) f.targets = e.targets;
      f.lastToken = Math.max(f.lastToken, e.lastToken);
    }
    // A nominal event right after another event's trigger is that event's object ("condemned the killing of X").
    for (const d of drafts) {
      if (dropped.has(d) || !(d.hit.pattern.nominal || tokens[d.hit.trigger]!.pos === 'NOUN')) continue;
      const head = drafts.find((x) => x !== d && !dropped.has(x) && x.hit.trigger < d.hit.trigger &&
        d.hit.trigger - x.lastToken <= 8 && !crossesBreak(tokens, x.hit.trigger, d.hit.trigger));
      if (head || absorbed.has(d.hit)) dropped.add(d);
    }

    // "staged demonstrations to demand reforms", "rioted … demanding a referendum": what a protest asks for
    // is the protest's content, not a second event.
    for (const d of drafts) {
      if (dropped.has(d) || !/^(02|10)/.test(d.cameo)) continue;
      const tt = tokens[d.hit.trigger]!;
      if (tokens[d.hit.trigger - 1]?.normal !== 'to' && !tt.normal.endsWith('ing')) continue;
      if (drafts.some((x) => x !== d && !dropped.has(x) && x.hit.trigger < d.hit.trigger && x.cameo.startsWith('14'))) dropped.add(d);
    }
    // "peacekeeping troops arrived in Bosnia": troops arriving are deployed, not visiting or meeting.
    for (const d of drafts) {
      if (dropped.has(d) || !d.cameo.startsWith('04') || d.hit.pattern.nominal) continue;
      for (let k = from; k < d.hit.trigger; k++) if (TROOPS.has(tokens[k]!.normal)) dropped.add(d);
    }
    // "its long-threatened invasion": a verb form inside a compound word is no event.
    for (const d of drafts) if (tokens[d.hit.trigger - 1]?.normal === '-' && tokens[d.hit.trigger - 1]!.end === tokens[d.hit.trigger]!.start) dropped.add(d);

    // A purpose infinitive after another event ("staged demonstrations to demand reforms") only says why.
    for (const d of drafts) {
      if (dropped.has(d) || d.hit.pattern.frame) continue;
      const prev = tokens[d.hit.trigger - 1];
      // "suspected of blowing up…", "accused of killing…": the gerund is what the charge is about; so is any act
      // after an accusation, charge or conviction ("convicted … of torture", "charged with murder", "sentenced … for")
      // or after praise ("applauded both parties for reaching a settlement").
      const charge = (x: Event0): boolean => x !== d && !dropped.has(x) && x.hit.trigger < d.hit.trigger;
      if ((prev?.normal === 'of' && tokens[d.hit.trigger]!.normal.endsWith('ing') && drafts.some(charge)) ||
          ((prev?.normal === 'of' || prev?.normal === 'with' || prev?.normal === 'for') && drafts.some((x) => charge(x) && /^(05|11)/.test(x.cameo)))) {
        dropped.add(d);
        continue;
      }
      if (prev?.normal !== 'to' || tokens[d.hit.trigger - 2]?.pos === 'VERB' && FUTURE.has(lower(tokens[d.hit.trigger - 2]!))) continue;
      // A noun with no actor of its own is what the infinitive describes ("a deal to normalize relations" is the act).
      const purposeOf = (x: Event0): boolean =>
        !(tokens[x.hit.trigger]!.pos === 'NOUN' && x.sources.length + x.targets.length === 0);
      if (drafts.some((x) => x !== d && !dropped.has(x) && x.hit.trigger < d.hit.trigger && purposeOf(x))) dropped.add(d);
    }

    // Background in a subordinate or relative clause ("…, where a dozen guards died") is not coded
    // when the main clause states an event: the main event is what the sentence reports.
    // So is a participle that describes a noun ("over boats impounded by the navy").
    for (const d of drafts) {
      if (dropped.has(d)) continue;
      const t = d.hit.trigger;
      // ("a UN resolution condemning Syria": an -ing form right after a thing, not after people who act.)
      const prev = tokens[t - 1];
      const reduced = tokens[t]!.pos === 'VERB' && prev?.pos === 'NOUN' && t - 1 > from &&
        (tokens[t + 1]?.normal === 'by' || (tokens[t]!.normal.endsWith('ing') && !namesPeople(state, res.lexicon.people, prev) &&
          !AGENT_NOUNS.has(prev.normal) && !EXPLOSIVES.has(prev.normal)));
      // "marched on the palace, chanting slogans": a participle after a protest says how it went.
      const manner = tokens[t - 1]?.normal === ',' && tokens[t]!.normal.endsWith('ing') &&
        drafts.some((x) => x !== d && !dropped.has(x) && x.hit.trigger < t && x.cameo.startsWith('14'));
      if (manner) {
        dropped.add(d);
        continue;
      }
      const sub = reduced ? t : subordinateStart(tokens, from, t);
      if (sub < 0) continue;
      const main = drafts.find((x) => x !== d && !dropped.has(x) && x.hit.trigger < sub);
      if (!main) continue;
      dropped.add(d);
      // "Three police officers were killed when the Taliban attacked a checkpoint": a background attack lends its
      // doer to a violent main event that names none (not a vehicle that "hit a roadside bomb", not a passive).
      const violent = (x: Event0): boolean => /^(18|19|20)/.test(x.cameo);
      if (main.sources.length > 0 || !violent(main) || !violent(d) || tokens[t]!.pos !== 'VERB' || isPassive(tokens, from, t) || !d.sources.some((a) => a.actor)) continue;
      if (tokens.slice(t + 1, Math.min(to, t + 5)).some((x) => EXPLOSIVES.has(x.normal))) continue;
      if (d.sources.some((a) => main.targets.some((b) => b.actor && b.actor.id === a.actor?.id))) continue;
      main.sources = d.sources;
    }

    const speech = speechIn(tokens, mentions, from, to);
    let mainDate: ReturnType<typeof dateForSpan> | null = null;
    let mainAt = -1;
    let size: ReturnType<typeof findEventSize> | undefined;
    for (const d of drafts) {
      if (dropped.has(d)) continue;
      let cameo = d.cameo;
      let modality = d.modality;
      const src0 = d.sources[0] ?? null;
      const entry0 = res.lexicon.cameo.get(cameo)!;
      const root = Number(cameo.slice(0, 2));
      // A news outlet reporting on its country's officials ("…, Zvezda said") is not them speaking.
      const media = /MED$/.test(speech?.actor?.code ?? '');
      const speakerIsSource = speech !== null && src0?.actor != null &&
        (speech.actor?.id === src0.actor.id || (!media && speech.actor?.country === src0.actor.country));
      const selfSpeech = speech !== null && (speakerIsSource || d.sourceFromPronoun || (speech.actor === null && root !== 4));
      // A source announcing its own future action expresses intent (03) or threatens (13): that act happened.
      const condition = conditionalAfter(tokens, d.lastToken, to);
      if (modality === 'future' && condition === 'unless' && root >= 4 && root !== 13) {
        // "will withdraw its force unless…": a conditional announcement is a threat.
        cameo = entry0.intent?.startsWith('13') ? entry0.intent : '130';
        modality = 'asserted';
      } else if (modality === 'future' && (selfSpeech || (condition !== null && root >= 14)) && entry0.intent) {
        cameo = entry0.intent;
        modality = 'asserted';
      }
      if (modality === 'negated' && selfSpeech && entry0.refuse && futureBefore(tokens, from, d.hit.trigger)) {
        cameo = entry0.refuse;
        modality = 'asserted';
      }
      let evSources = d.sources;
      let evTargets = d.targets;
      let symmetric = d.hit.pattern.symmetric;
      // "the bishops stated that the ministers must halt…": what a speaker says another must do
      // is the speaker's demand on that other.
      if (modality === 'hypothetical' && speech?.speaker?.actor && speech.at < d.hit.trigger && !d.sourceFromPronoun &&
        speech.speaker.actor.code !== src0?.actor?.code && obligation(tokens, from, d.hit.trigger)) {
        cameo = frameCode(res.lexicon, 'demand', cameo) ?? '100';
        modality = 'asserted';
        evTargets = d.sources;
        evSources = [placed(resolve(speech.speaker, 'source', null))];
        symmetric = false;
      }
      // "vowed to cut gas supplies if Ukraine refuses": a threat is aimed at whom its condition names.
      if (cameo.startsWith('13') && evTargets.length === 0) {
        const m = conditionSubject(tokens, mentions, d.lastToken, to);
        if (m) evTargets = [placed(resolve(m, 'target', src0))];
      }
      const entry = res.lexicon.cameo.get(cameo) ?? entry0;
      const sources: Array<ArgRef | null> = evSources.length > 0 ? evSources : [null];
      const targets: Array<ArgRef | null> = evTargets.length > 0 ? evTargets : [null];
      const pairs: Array<[ArgRef | null, ArgRef | null]> = [];
      // "Pakistan and India agreed to resume talks": actors that agree together agree with each other.
      if ((symmetric || cameo.startsWith('03')) && evTargets.length === 0 && evSources.length > 1) {
        for (const a of evSources) for (const b of evSources) if (a !== b) pairs.push([a, b]);
      } else {
        for (const a of sources) for (const b of targets) {
          // One does not meet or agree with oneself: "X met … X" comes from two mentions of one actor, and "we"
          // cooperating with the speaker's own country ("we … with the Russian Federation") is a pronoun read wrongly.
          if (symmetric && a?.actor && b?.actor && (a.actor.id === b.actor.id || (a.actor.country !== null &&
            a.actor.country === b.actor.country && (PERSONAL.has(a.text.toLowerCase()) || PERSONAL.has(b.text.toLowerCase()))))) continue;
          pairs.push([a, b]);
          if (symmetric && a && b) pairs.push([b, a]);
        }
      }
      if (pairs.length === 0) pairs.push([sources[0]!, null]);
      if (src0 && !d.sourceFromPronoun) lastSubject = src0;
      else if (src0?.actor) lastSubject = src0;
      let when = dateForSpan(state.times, doc, s, d.hit.trigger, state.article.published);
      const subordinate = mainDate !== null && tiedClause(tokens, mainAt, d.hit.trigger);
      if (!when.timeId && speech && speech.at < d.hit.trigger) {
        // A reported event without its own time is dated by its report ("reported in February that …").
        const byReport = dateForSpan(state.times, doc, s, speech.at, state.article.published);
        if (byReport.timeId) when = byReport;
      }
      // An event in a clause tied to the main one ("warned … after the E3 informed …") shares the main clause's time.
      if (!when.timeId && subordinate && mainDate) when = mainDate;
      else if (when.timeId && !mainDate) {
        mainDate = when;
        mainAt = d.hit.trigger;
      }
      const location = eventLocation(state, tokens, mentions, d.hit.trigger);
      if (size === undefined) size = findEventSize(tokens, from, to, (tok) => namesPeople(state, res.lexicon.people, tok));
      const trig = tokens[d.hit.trigger]!;
      // A speech verb after the event reports it only as a closing attribution (", officials said"), not inside a
      // later phrase ("to reverse their decision announced today").
      const reports = speech !== null && (speech.at < d.hit.trigger || speech.trailing);
      const reported = reports && !speakerIsSource && !(speech.actor === null && selfSpeech) && evSources === d.sources;
      for (const [a, b] of pairs) {
        // An event with no actor on either side ("the war against terrorism") says nothing about who did what.
        if (!a?.actor && !b?.actor) continue;
        // Cooperation by no one named toward a bare pronoun ("It was agreed to …", "they are provided with …") is a
        // passive with its agent left out, not news of who cooperated with whom.
        if (!a?.actor && b && entry.quadclass <= 2 && PRONOUN_ARG.test(b.text)) continue;
        // "We're committed to doing all we can", "if we allow …": a pronoun acting on a pronoun for the same actor.
        if (a?.actor && b?.actor && a.actor.id === b.actor.id && PRONOUN_ARG.test(a.text) && PRONOUN_ARG.test(b.text)) continue;
        let confidence = d.hit.pattern.confidence;
        if (!a?.actor) confidence *= 0.8;
        if (!b?.actor) confidence *= 0.9;
        events.push({
          id: `v${events.length + 1}`,
          sentence: s,
          evidence: { start: sent.start, end: sent.end },
          trigger: { start: trig.start, end: trig.end, text: trig.text },
          source: a,
          target: b,
          cameo: entry.code,
          plover: entry.plover,
          mode: entry.mode,
          context: entry.context,
          goldstein: entry.goldstein,
          quadclass: entry.quadclass,
          modality,
          reported,
          date: when.date,
          datePrecision: when.precision,
          location,
          size,
          rule: d.hit.pattern.id,
          coder: res.coder,
          confidence: Math.round(confidence * 100) / 100,
        });
      }
    }
  }
  return events;
}

/**
 * The code of a frame around an inner act: intent to do it (03/13), refusing it (12), appealing for or demanding
 * it (02/10); an authority ordering a sanction or coercion (16, 17: "ordered the paper to suspend publication")
 * does it. Null when the table has no such code.
 */
function frameCode(lexicon: EventLexicon, kind: FrameKind, inner: string): string | null {
  const fromTable = (code: string | null | undefined): string | null => (code && lexicon.cameo.has(code) ? code : null);
  const entry = lexicon.cameo.get(inner);
  const intent = inner.startsWith('03') || inner.startsWith('13') ? inner : fromTable(entry?.intent);
  if (kind === 'intent') return intent;
  if (kind === 'threat') return intent?.startsWith('13') ? intent : null;
  if (kind === 'refuse') return fromTable(entry?.refuse);
  if (kind === 'order' && /^1[67]/.test(inner)) return inner;
  if (kind !== 'appeal' && kind !== 'demand' && kind !== 'order') return null;
  return intent?.startsWith('03') ? fromTable((kind === 'appeal' ? '02' : '10') + intent.slice(2)) : null;
}

/** "India warned Pakistan against supporting militants in Kashmir": the frame's own object, named before the act, is whom it addresses. */
function addressee(f: Event0, e: Event0): boolean {
  return f.hit.pattern.frame === 'threat' && f.targets.length > 0 && f.targets.every((a) => a.actor !== null && e.targets.every((b) => b.start > a.end));
}

/** The mention and those coordinated with it ("Iran and Russia", "Hungarian and Romanian officials"). */
function withCoordinated(tokens: Token[], mentions: ActorMention[], m: ActorMention, limit: number): ActorMention[] {
  const group = [m];
  let cur = m;
  for (;;) {
    const next = mentions.find((x) => x.first >= cur.last && x.first < limit);
    if (!next || next.pronoun !== cur.pronoun) break;
    // A group followed by a list of its members ("the E3, Britain, France and Germany") stays one actor.
    if ((cur.actor?.country === 'EUR' || cur.actor?.country === 'IGO') && tokens[cur.last]?.normal === ',') break;
    const between = tokens.slice(cur.last, next.first);
    // "Geneva, Switzerland": a place and then its own country are one place.
    if (between.length === 1 && between[0]!.text === ',' && cur.geo && next.geo && cur.geo.country === next.geo.country &&
      next.actor?.id === `country:${next.geo.country}`) {
      cur = next;
      continue;
    }
    // "Israeli Prime Minister Benjamin Netanyahu", "the United States Barack Obama": a country and a title
    // before a name of that country are one actor; the list goes on after the name.
    // A person the actors layer knows no country for keeps the country's mention ("Indian security adviser Ajit Doval").
    const unknownPerson = next.actor !== null && next.actor.country === null && next.actor.id.startsWith('person:');
    if (between.length <= 3 && !cur.pronoun && cur.actor?.country && (next.actor?.country === cur.actor.country || unknownPerson) &&
      between.every((t) => t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ')) {
      if (!unknownPerson) group[group.length - 1] = next;
      cur = next;
      continue;
    }
    // "… and the Prime Minister of the United Kingdom David Cameron": a title before the next name.
    const titled = between.length <= 7 && between[0]?.normal === 'and' &&
      between.slice(1).every((t) => t.pos === 'DET' || t.pos === 'PROPN' || t.normal === 'of');
    if (between.length === 0 || (between.length > 4 && !titled) || !between.some(isGroupSep)) break;
    // "Oman, a quiet mediator, …": a comma and an article open an apposition, not a list.
    if (between[0]!.normal === ',' && between[1]?.pos === 'DET' && !between.some((t) => t.normal === 'and' || t.normal === 'or')) break;
    if (!between.every((t) => isGroupSep(t) || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'NUM' ||
      (titled && (t.pos === 'PROPN' || t.normal === 'of')))) break;
    if (between.filter((t) => t.pos === 'NOUN').length > 1) break;
    group.push(next);
    cur = next;
  }
  return group;
}

/** Subject of the verb at t: the actor phrase before its verb group, through coordination and relative clauses. */
function subjectOf(
  tokens: Token[],
  mentions: ActorMention[],
  from: number,
  t: number,
  depth: number,
  peopleNoun?: (tok: Token) => boolean,
): ActorMention[] {
  let j = t - 1;
  // Skip the verb group and adverbials of time ("has also", "on Saturday", "will not", "is scheduled to").
  while (j >= from) {
    const tok = tokens[j]!;
    const w = tok.normal;
    if (tok.pos === 'AUX' || tok.pos === 'ADV' || tok.pos === 'PART' || TIME_WORDS.has(w) || w === 'to' || QUOTE.has(w) ||
      (tok.pos === 'VERB' && (FUTURE.has(lower(tok)) || lower(tok) === 'have' || lower(tok) === 'be'))) j--;
    else if (tok.pos === 'NUM' || (w === 'on' && j + 1 < t && TIME_WORDS.has(tokens[j + 1]!.normal))) j--;
    else break;
  }
  if (j < from) return [];
  const w = tokens[j]!.normal;
  // "After being arrested in Russia, the journalist …": an opening participle clause has the main clause's subject.
  if (j === from && (SUBORDINATOR.has(w) || w === 'despite') && tokens[t]!.pos === 'VERB') {
    let comma = t + 1;
    while (comma < tokens.length && comma < t + 12 && tokens[comma]!.text !== ',') comma++;
    const head = mentions.find((m) => m.first > comma && m.first <= comma + 6 && m.actor);
    return head && tokens[comma]?.text === ',' ? withCoordinated(tokens, mentions, head, head.last + 4) : [];
  }
  // "pledged to a U.N. delegation visiting Rakhine": a participle right after a noun phrase that a preposition or a
  // verb governs describes that phrase's doing; the phrase is its subject.
  if (j === t - 1 && tokens[j]!.pos === 'NOUN' && tokens[t]!.pos === 'VERB' && tokens[t]!.normal.endsWith('ing')) {
    let np = j;
    while (np - 1 > from && NP_WORD.has(tokens[np - 1]!.pos)) np--;
    const governor = tokens[np - 1];
    if (np - 1 >= from && (governor!.pos === 'ADP' || governor!.pos === 'VERB')) {
      const own = mentions.filter((m) => m.first >= np && m.last <= t && !m.pronoun);
      if (own.length > 0) return [own[own.length - 1]!];
    }
  }
  // "Armenia asked for help after accusing Azerbaijan of …": a participle clause that closes a sentence has the
  // subject of the verb it hangs on.
  if (j > from && PARTICIPLE_OPENER.has(w) && tokens[t]!.pos === 'VERB' && tokens[t]!.normal.endsWith('ing') && depth < 3) {
    for (let k = j - 1; k >= from && tokens[k]!.text !== ','; k--) {
      if (isVerb(tokens, from, k) && !isPassive(tokens, from, k)) return subjectOf(tokens, mentions, from, k, depth + 1, peopleNoun);
    }
    return [];
  }
  // "Israeli jets struck the depot, killing eight soldiers": a participle clause after a comma has the
  // subject of the verb before it, or its agent when that verb is passive (none in "rockets are fired …,
  // injuring three"); the nearest verb, not a speech verb that reports it ("police said rebels shelled …, killing").
  if (w === ',' && tokens[t]!.pos === 'VERB' && tokens[t]!.normal.endsWith('ing') && depth < 3) {
    for (let k = j - 1; k >= from; k--) {
      // "…, according to local authorities, killing 11": an attribution is no verb of the clause.
      if (!isVerb(tokens, from, k) || tokens[k]!.normal === 'according' || tokens[k]!.normal === 'citing') continue;
      // A verb in a subordinate clause ("… a convoy as it drove through, killing seven") is not the one.
      const opener = subordinateOpener(tokens, from, k);
      if (opener >= 0) {
        k = opener;
        continue;
      }
      if (!isPassive(tokens, from, k)) return subjectOf(tokens, mentions, from, k, depth + 1, peopleNoun);
      // "The camp was attacked by militiamen, killing 156": the passive's agent.
      const agent = afterWord(tokens, mentions, k, j, 'by');
      return agent ? [agent] : [];
    }
    return [];
  }
  if (RELATIVE.has(w) && tokens[j]!.pos !== 'SCONJ') {
    // "Hamas, which is at war…": the antecedent is the mention just before the relative pronoun.
    const ante = [...mentions].reverse().find((m) => m.last <= j && m.last >= j - 3);
    return ante ? [ante] : [];
  }
  if ((w === 'and' || w === 'but') && depth < 3) {
    // "the Russians are bombing and shelling": a progressive the tagger read as a noun is the first verb.
    if (j - 2 > from && tokens[j - 1]!.pos === 'NOUN' && tokens[j - 1]!.normal.endsWith('ing') && lower(tokens[j - 2]!) === 'be') {
      return subjectOf(tokens, mentions, from, j - 1, depth + 1, peopleNoun);
    }
    // "…condemned the killing and called on…": the coordinated verb shares the first verb's subject.
    for (let k = j - 1; k >= from; k--) {
      if (tokens[k]!.pos !== 'VERB') continue;
      // "condemns the attack that killed a soldier and urges Beirut …": a verb of a relative clause is not the one.
      if (RELATIVE.has(tokens[k - 1]?.normal ?? '')) continue;
      // "X tells R that Y is doing C, and promises …": after a comma, "and" goes back past the reported clause
      // to the verb that reported it.
      const reporter = tokens[j - 1]?.text === ',' ? reportingVerb(tokens, from, k) : -1;
      return subjectOf(tokens, mentions, from, reporter >= 0 ? reporter : k, depth + 1, peopleNoun);
    }
    // "Chilean troops shot and killed …": the first verb was read as a noun; its subject is the one shared.
    if (j - 1 > from && tokens[j - 1]!.pos === 'NOUN') return subjectOf(tokens, mentions, from, j - 1, depth + 1, peopleNoun);
    return [];
  }
  // "Shoigu, who was moved to the council before …, will meet …": a relative clause between commas right before
  // the verb describes its antecedent, whatever clauses it holds.
  if (tokens[j]!.text === ',') {
    let open = j - 1;
    while (open > from && tokens[open]!.text !== ',') open--;
    if (tokens[open]!.text === ',' && /^(who|which)$/.test(tokens[open + 1]?.normal ?? '')) {
      // Only the clause's own first name: in "Ravi, the student who filmed Clementi, who …, is sentenced" the
      // nearest antecedent is inside an apposition.
      const ante = [...mentions].reverse().find((m) => m.last <= open && m.last >= open - 2 && m.actor);
      if (ante && ante === mentions.find((m) => m.first >= from && m.actor)) return [ante];
    }
  }
  // The clause starts after the last break; an appositive or relative clause between commas is skipped.
  let start = from;
  for (let k = j; k >= from; k--) {
    const tok = tokens[k]!;
    // "The World Food Programme (WFP) warned…": a short aside in brackets does not end the clause.
    if (tok.normal === ')') {
      let open = k - 1;
      while (open >= from && open >= k - 6 && tokens[open]!.normal !== '(' && tokens[open]!.normal !== ')') open--;
      if (open >= from && tokens[open]!.normal === '(') {
        k = open;
        continue;
      }
    }
    if (tok.normal === 'whose' || tok.normal === 'who' || tok.normal === 'which') {
      // "DeBartolo, who used to own the San Francisco 49ers, was convicted": a relative clause closed by a comma
      // before the verb describes the subject; the subject is its antecedent.
      const closed = tokens[j]!.text === ',' && tokens[k - 1]?.text === ',';
      // "Hezbollah whose commander … was killed": the clause's own actor, else the relative's antecedent.
      const own = closed ? [] : mentions.filter((m) => m.first > k && m.last <= j + 1 && !(m.geo && !m.actor));
      if (own.length > 0) return withCoordinated(tokens, mentions, own[0]!, j + 1);
      const ante = [...mentions].reverse().find((m) => m.last <= k && m.last >= k - 3);
      return ante ? [ante] : [];
    }
    if (CLAUSE_BREAK.has(tok.normal) || (tok.normal === 'that' && tok.pos === 'SCONJ') || SAY.has(lower(tok)) && (tok.pos === 'VERB' || sayVerbAsNoun(tokens, k))) {
      start = k + 1;
      break;
    }
    // "what we see is war, and the Russians are bombing …": ", and" between two clauses, each with its own verb
    // group, opens the second (not a list: "Peru, Chile, and Bolivia have attacked").
    if ((tok.normal === 'and' || tok.normal === 'but') && tokens[k - 1]?.text === ',' && tokens.slice(k + 1, t).some((x) => x.pos === 'AUX') &&
      hasVerb(tokens, from, k)) {
      start = k + 1;
      break;
    }
  }
  let firstComma = -1;
  for (let k = start; k <= j; k++) if (tokens[k]!.normal === ',') { firstComma = k; break; }
  let region = mentions.filter((m) => m.first >= start && m.last <= j + 1);
  // "On Monday, X …" / "In Geneva, X …" / "According to a broadcaster, X …": an introductory phrase before the
  // first comma is not the subject.
  // "Weeks after the storming of X, Y …": a subordinate clause that the break word opened ends at the comma.
  const subordinate = start > from && SUBORDINATOR.has(tokens[start - 1]!.normal);
  // With nothing named after the comma the subject is unnamed ("According to the agency, the attacks struck …").
  if (firstComma >= 0 && (subordinate || INTRODUCTORY.test(tokens[start]!.normal)) &&
    (region.some((m) => m.first > firstComma) || /^(according|citing)$/.test(tokens[start]!.normal))) {
    region = region.filter((m) => m.first > firstComma);
  }
  // "Violent protests in Papua, Indonesia, kill 30": a place where a thing happened is not who did it
  // ("officials in Tehran" are Tehran's).
  if (peopleNoun) region = region.filter((m) => !placeOfThing(tokens, m, start, peopleNoun));
  let head = region.find((m) => !(m.geo && !m.actor));
  if (!head) return [];
  // A name the actors layer has no code for, then its acronym in brackets: the acronym says who.
  if (!head.actor?.country && !head.actor?.code && tokens[head.last]?.normal === '(') {
    const alias = region.find((m) => m.first === head!.last + 1 && m.actor?.code);
    if (alias) head = alias;
  }
  // "Hamas's armed wing", "Iran's ISNA agency": the possessor names whose the head is.
  // Not a name after a preposition: "Uzbekistan's embassy in Russia" is Uzbekistan's.
  const owned = isPossessive(tokens[head.last]) ?
    region.find((m) => m.first > head!.last && m.first <= head!.last + 3 && !tokens.slice(head!.last + 1, m.first).some((x) => x.pos === 'ADP')) : undefined;
  if (owned?.actor) head = owned;
  return withCoordinated(tokens, mentions, head, j + 1);
}

/**
 * Whether a name at `at` is inside what a meeting is about: after a topic word that is not the pattern's own
 * ("a meeting on the development of Russia's transport industry"), with no partner word after it ("with X").
 */
function inTopic(tokens: Token[], positions: number[], last: number, at: number): boolean {
  let topic = false;
  for (let k = last + 1; k < at; k++) {
    const w = tokens[k]!.normal;
    if (TOPIC.has(w) && !positions.includes(k)) topic = true;
    else if (w === 'with' || w === 'between') topic = false;
  }
  return topic;
}

const CARE = new Set(['hospital', 'clinic', 'care', 'icu', 'quarantine', 'isolation']);

/** Whether "from (the) hospital" (or care, quarantine) follows the word at k. */
function fromCare(tokens: Token[], k: number, to: number): boolean {
  let j = k + 1;
  while (j < to && j <= k + 3 && tokens[j]!.normal !== 'from') j++;
  if (tokens[j]?.normal !== 'from') return false;
  for (let x = j + 1; x < to && x <= j + 3; x++) if (CARE.has(tokens[x]!.normal)) return true;
  return false;
}

/** Whether a clause with its own verb starts at `at`: a subject of up to five words, then a verb or auxiliary. */
function clauseAhead(tokens: Token[], at: number, to: number): boolean {
  for (let k = at; k < to && k <= at + 5; k++) {
    const pos = tokens[k]!.pos;
    if ((pos === 'AUX' || pos === 'VERB') && k > at) return tokens[k - 1]!.text !== '-';
    if (!(NP_WORD.has(pos) || pos === 'PRON' || pos === 'CCONJ' || isPossessive(tokens[k]!))) return false;
  }
  return false;
}

/** Whether tokens [a, b) hold a verb or auxiliary (not one inside a compound such as "far-left"). */
function hasVerb(tokens: Token[], a: number, b: number): boolean {
  for (let x = a; x < b; x++) {
    const pos = tokens[x]!.pos;
    if (pos === 'AUX' || (pos === 'VERB' && tokens[x - 1]?.text !== '-' && tokens[x + 1]?.text !== '-')) return true;
  }
  return false;
}

/** Whether the nearest verb before the noun phrase that ends before t is a form of "be". */
function copulaBefore(tokens: Token[], from: number, t: number): boolean {
  for (let k = t - 2; k >= from; k--) if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return lower(tokens[k]!) === 'be';
  return false;
}

/** The word opening the subordinate clause that holds verb k ("as it drove"), within its comma-bounded stretch, or -1. */
function subordinateOpener(tokens: Token[], from: number, k: number): number {
  for (let b = k - 1; b >= from && tokens[b]!.text !== ','; b--) {
    const tok = tokens[b]!;
    if (SUBORDINATOR.has(tok.normal) && (tok.pos === 'SCONJ' || tokens[b + 1]?.pos === 'PRON' || tokens[b + 1]?.pos === 'DET')) return b;
  }
  return -1;
}

/** The speech verb ("tells", "said") whose reported clause holds verb k, or -1 when k is in no such clause. */
function reportingVerb(tokens: Token[], from: number, k: number): number {
  for (let b = k - 1; b >= from; b--) {
    const tok = tokens[b]!;
    if (CLAUSE_BREAK.has(tok.normal)) return -1;
    if (tok.pos === 'VERB' && SAY.has(lower(tok))) return b;
    if (tok.normal === 'that' && tok.pos === 'SCONJ') {
      for (let v = b - 1; v >= from; v--) if (tokens[v]!.pos === 'VERB' && SAY.has(lower(tokens[v]!))) return v;
      return -1;
    }
  }
  return -1;
}

/** Whether mention m is a place in a locative phrase ("in Papua, Indonesia") after a noun that names no people. */
function placeOfThing(tokens: Token[], m: ActorMention, start: number, peopleNoun: (tok: Token) => boolean): boolean {
  if (!m.geo) return false;
  let k = m.first - 1;
  while (k >= start && (tokens[k]!.text === ',' || tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'DET')) k--;
  if (k <= start || !LOC_PREP.has(tokens[k]!.normal)) return false;
  const noun = tokens[k - 1]!;
  return (noun.pos === 'NOUN' || noun.pos === 'VERB') && !peopleNoun(noun);
}

/** Actors named before a noun trigger inside its phrase ("an Israeli strike", "Iran's talks"). */
/**
 * The actors that modify a noun event: "an Israeli strike", "Russia's attack", and through a list of
 * adjectives after a possessive: "Russia's premeditated, unprovoked, and unjustified attack", "Putin's
 * full-scale war".
 */
function modifierActors(tokens: Token[], mentions: ActorMention[], from: number, t: number): ActorMention[] {
  let k = t - 1;
  while (k >= from) {
    const tok = tokens[k]!;
    const plain = tok.pos === 'ADJ' || tok.pos === 'PROPN' || tok.pos === 'NOUN' || tok.pos === 'NUM' || isPossessive(tok);
    // Commas, "and" and hyphens join adjectives before a possessive only; the possessive must come.
    const joint = (tok.text === ',' || tok.normal === 'and' || tok.text === '-' || tok.pos === 'ADV') && possessiveBefore(tokens, from, k);
    if (!plain && !joint) break;
    k--;
  }
  const inside = mentions.filter((m) => m.first > k && m.last <= t && !m.pronoun);
  return inside.length > 0 ? withCoordinated(tokens, mentions, inside[0]!, t) : [];
}

/** Whether a possessive ends the modifier chain before token k (within a few adjectives and joints). */
function possessiveBefore(tokens: Token[], from: number, k: number): boolean {
  for (let j = k - 1; j >= from && j >= k - 8; j--) {
    const tok = tokens[j]!;
    if (isPossessive(tok)) return true;
    if (!(tok.pos === 'ADJ' || tok.pos === 'ADV' || tok.text === ',' || tok.normal === 'and' || tok.text === '-' || tok.pos === 'NOUN')) return false;
  }
  return false;
}

const NAMED_NP = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM']);
const OBJECT_START = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM', 'PRON']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'everyone', 'all']);

/** The head of the direct object starting at `at` (its last noun, or an object pronoun), or -1. */
function objectHead(tokens: Token[], at: number, to: number): number {
  let head = -1;
  for (let k = at; k < to && k < at + 8; k++) {
    const tok = tokens[k]!;
    if (tok.pos === 'NOUN' || tok.pos === 'PROPN' || (tok.pos === 'PRON' && OBJECT_PRONOUNS.has(tok.normal))) head = k;
    else if (!(tok.pos === 'DET' || tok.pos === 'NUM' || tok.pos === 'ADJ' || isPossessive(tok) || tok.text === '-' || (tok.pos === 'PRON' && head < 0))) break;
  }
  return head;
}

/**
 * Whether the direct object starting at `at` names people: its head (the last noun of the phrase) is in a
 * name, is a personal pronoun, a role word ("soldiers") or a people noun ("two French hostages").
 * "released a report", "released in the Lancet" have no such object.
 */
function objectNamesPeople(state: AnalysisState, people: Set<string>, mentions: ActorMention[], at: number, to: number): boolean {
  const tokens = state.doc.tokens;
  const head = objectHead(tokens, at, to);
  if (head < 0) return false;
  const h = tokens[head]!;
  if (h.pos === 'PRON') return true;
  if (mentions.some((m) => m.first <= head && head < m.last && m.actor && !m.pronoun)) return true;
  return isPeopleWord(state, people, h);
}

/** Whether mention m is the object of the preposition `prep` ("from Russia", "from the Russian port of …"). */
function governedBy(tokens: Token[], m: ActorMention, prep: string): boolean {
  for (let k = m.first - 1; k >= 0 && k >= m.first - 4; k--) {
    if (tokens[k]!.normal === prep) return true;
    if (!NP_WORD.has(tokens[k]!.pos)) return false;
  }
  return false;
}

/** Whether the word at `at` opens a direct object or a complement clause ("demonstrated that …", "rallied supporters"). */
function takesObject(tokens: Token[], at: number): boolean {
  const tok = tokens[at];
  if (!tok) return false;
  return OBJECT_START.has(tok.pos) || /^(that|how|what|why|whether)$/.test(tok.normal);
}

/** Whether the object phrase at `at` holds an actor's name or a word for people ("the Peruvian leader", "Peru next week"). */
function objectHasSomeone(state: AnalysisState, people: Set<string>, mentions: ActorMention[], at: number, to: number): boolean {
  const tokens = state.doc.tokens;
  for (let k = at; k < to && k < at + 6; k++) {
    const tok = tokens[k]!;
    if (!(NAMED_NP.has(tok.pos) || isPossessive(tok))) break;
    if (mentions.some((m) => m.first <= k && k < m.last && m.actor) || isPeopleWord(state, people, tok)) return true;
  }
  return false;
}

/** Whether the noun phrase starting at `at` holds a place or actor name ("to Tehran", "to the Iranian capital"). */
function objectNamed(tokens: Token[], mentions: ActorMention[], at: number, to: number): boolean {
  let end = at;
  while (end < to && end < at + 6 && NAMED_NP.has(tokens[end]!.pos)) end++;
  return mentions.some((m) => m.first >= at && m.first < end && (m.actor !== null || m.geo !== null) && !m.pronoun);
}

/** The mention after `word` ("by X") following the trigger in its clause. */
function afterWord(tokens: Token[], mentions: ActorMention[], t: number, to: number, word: string): ActorMention | null {
  for (let k = t + 1; k < to && k <= t + 8; k++) {
    if (CLAUSE_BREAK.has(tokens[k]!.normal)) return null;
    // The name in the phrase the word opens ("by a sniper of the Chilean army"), not one in a phrase after it
    // ("by gunmen at her home").
    if (tokens[k]!.normal === word) {
      return mentions.find((m) => m.first > k && m.first <= k + 5 && m.actor && !tokens.slice(k + 1, m.first).some((x) => x.pos === 'ADP' && x.normal !== 'of')) ?? null;
    }
  }
  return null;
}

/** "was killed in an Israeli strike": the attacker named in an attack noun after a passive verb. */
function agentNoun(tokens: Token[], mentions: ActorMention[], hits: PatternHit[], absorbed: Set<PatternHit>, t: number, to: number): ActorMention | null {
  for (let k = t + 1; k < to && k <= t + 12; k++) {
    if (CLAUSE_BREAK.has(tokens[k]!.normal)) return null;
    if (!AGENT_NOUNS.has(tokens[k]!.normal)) continue;
    // "in an Israeli strike", else "in an airstrike on a market by the Chilean air force".
    const mod = modifierActors(tokens, mentions, t + 1, k);
    const agent = mod[0] ?? afterWord(tokens, mentions, k, to, 'by');
    if (!agent) continue;
    for (const h of hits) if (h.trigger === k) absorbed.add(h);
    return agent;
  }
  return null;
}

/** The target: the first actor after the trigger in its clause (and those coordinated with it). */
function objectAfter(
  tokens: Token[],
  mentions: ActorMention[],
  t: number,
  to: number,
  nominal: boolean,
  placesOnly = false,
  symmetric = false,
  triggers: ReadonlySet<number> = new Set(),
): ActorMention[] {
  let end = to;
  for (let k = t + 1; k < to; k++) {
    const tok = tokens[k]!;
    const w = tok.normal;
    // A noun event's phrase ends where its clause's verb and that verb's object begin ("the arrest of the mayor
    // sparked protests in Lima"; "protests are held across Europe" still name where), unless that verb is an
    // event of its own ("an explosion … killed two youths"), in a relative clause or part of a compound
    // ("the Kurdish-led forces").
    const clauseVerb = nominal && k > t + 1 && tok.pos === 'VERB' && tok.normal !== lower(tok) && !tok.normal.endsWith('ing') &&
      !triggers.has(k) && !RELATIVE.has(tokens[k - 1]!.normal) && tokens[k - 1]!.text !== '-' && takesObject(tokens, k + 1);
    if (w === ';' || w === 'according' || (SAY.has(lower(tok)) && tok.pos === 'VERB') || (nominal && k > t + 8) || clauseVerb) {
      end = k;
      break;
    }
    // ", officials said": a trailing attribution is not the object.
    if (w === ',' && sayWithin(tokens, k + 1, Math.min(to, k + 11))) {
      end = k;
      break;
    }
    // "met at the White House to discuss Afghanistan": a purpose clause holds topics, not partners; "meet at
    // the summit and reach a deal that …" ends with the next verb.
    if (symmetric && (w === 'to' || w === 'and') && k > t + 1 && tokens[k + 1]?.pos === 'VERB') {
      end = k;
      break;
    }
    // "reached a deal that will allow American companies …": a relative clause on a noun names no partner.
    if ((w === 'that' || w === 'which') && tok.pos !== 'SCONJ' && k > t + 1 && tokens[k - 1]!.pos === 'NOUN' && !TIME_WORDS.has(tokens[k - 1]!.normal)) {
      end = k;
      break;
    }
    // "rejected the demarcation, and that Greece and Turkey might …", "attacked the post, and Chile responded":
    // ", and" before a clause with its own verb ends the object.
    if ((w === 'and' || w === 'but') && k > t + 1 && (tokens[k + 1]?.normal === 'that' || (tokens[k - 1]!.text === ',' && clauseAhead(tokens, k + 1, to)))) {
      end = k;
      break;
    }
    // "killed five and wounded 110, another attack ascribed to the Taliban": an appositive on the whole clause.
    if (!nominal && w === ',' && tokens[k + 1]?.normal === 'another') {
      end = k;
      break;
    }
    // "after four years", "since Monday" date the act; they open no clause.
    const dated = (w === 'after' || w === 'since') && (tokens[k + 1]?.pos === 'NUM' || TIME_WORDS.has(tokens[k + 1]?.normal ?? ''));
    if (!dated && (CLAUSE_OPENER.has(w) || (w === 'as' && asClause(tokens, k)))) {
      end = k;
      break;
    }
  }
  // A place after "in/at/near" is where it happened, not whom it was done to; so is any name after "at" for
  // a meeting ("held talks at the Kremlin with …"; protesters "at the embassy" protest against it).
  const venue = (m: ActorMention): boolean => {
    const prep = locative(tokens, m, t);
    if (prep !== null) return m.geo !== null || (symmetric && prep === 'at');
    // "in Beijing, China": the country after a place of the same country.
    const before = mentions.find((x) => x.last === m.first - 1 && tokens[m.first - 1]!.text === ',');
    return before !== undefined && before.geo !== null && m.geo !== null && before.geo.country === m.geo.country && locative(tokens, before, t) !== null;
  };
  const first = mentions.find((m) => m.first > t && m.last <= end && !(placesOnly && venue(m)));
  return first ? withCoordinated(tokens, mentions, first, end) : [];
}

/** The preposition of the locative phrase after t that holds mention m ("in Goma", "in Congo's eastern city Goma", "near the village of Kibati"), or null. */
function locative(tokens: Token[], m: ActorMention, t: number): string | null {
  for (let k = m.first - 1; k > t && k >= m.first - 5; k--) {
    const tok = tokens[k]!;
    if (LOC_PREP.has(tok.normal)) return tok.normal;
    if (!(NP_WORD.has(tok.pos) || isPossessive(tok) || tok.normal === 'of')) return null;
  }
  return null;
}

/** Where a closing attribution (", officials in Kyiv said.") starts, else `to`. */
function trailingAttribution(tokens: Token[], from: number, to: number): number {
  for (let k = to - 1; k > from && k >= to - 12; k--) {
    if (tokens[k]!.text === ',' && sayWithin(tokens, k + 1, to)) return k;
  }
  return to;
}

function sayWithin(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.pos === 'VERB' && SAY.has(lower(tokens[k]!))) return true;
  return false;
}

/** Modality from the verb group before the trigger. */
function modalityOf(tokens: Token[], from: number, t: number): Modality {
  let negated = false;
  let future = false;
  let hypothetical = false;
  for (let k = t - 1; k >= from && k >= t - 6; k--) {
    const tok = tokens[k]!;
    const w = tok.normal;
    const l = lower(tok);
    const inGroup = QUOTE.has(w) || tok.pos === 'AUX' || tok.pos === 'PART' || tok.pos === 'ADV' || w === 'to' ||
      (tok.pos === 'VERB' && (FUTURE.has(l) || l === 'be' || l === 'have')) || TIME_WORDS.has(w) || (tok.pos === 'ADJ' && (w === 'due' || w === 'set'));
    if (!inGroup) break;
    // "no longer": "no" is a determiner, so the pair is read here.
    if (w === 'longer' && k > from && tokens[k - 1]!.normal === 'no') {
      negated = true;
      k--;
      continue;
    }
    if (NEGATION.has(w) || NEGATION.has(l)) negated = true;
    // "would have allowed": a past that did not happen.
    else if (w === 'would' && tokens[k + 1]?.normal === 'have' && k + 2 <= t) hypothetical = true;
    else if (FUTURE.has(w) || FUTURE.has(l)) future = true;
    else if (HYPOTHETICAL.has(w)) hypothetical = true;
  }
  // "may be ready for testing or for attacking Japan", "capable of striking": a capability, not an act.
  for (let k = t - 1; k >= from && k >= t - 6; k--) {
    const w = tokens[k]!.normal;
    if (CAPABLE.has(w) && /^(for|to|of)$/.test(tokens[k + 1]?.normal ?? '')) hypothetical = true;
    if (tokens[k]!.pos === 'VERB' && k < t - 1 && !tokens[k]!.normal.endsWith('ing')) break;
  }
  if (negated) return 'negated';
  if (hypothetical) return 'hypothetical';
  if (future) return 'future';
  return 'asserted';
}

const SUBORDINATE = new Set(['after', 'as', 'while', 'since', 'because', 'when', 'following', 'before', 'until', 'where', 'whom', 'which', 'who']);

/** Token index of the subordinator opening the clause that holds t, or -1 in a main clause. */
function subordinateStart(tokens: Token[], from: number, t: number): number {
  for (let k = t - 1; k >= from; k--) {
    const w = tokens[k]!.normal;
    if (w === ';' || w === 'and' || w === 'but') return -1;
    // "a resolution that aims to…": a relative "that" right after a noun opens background.
    if (w === 'that' && k > from && (tokens[k - 1]!.pos === 'NOUN' || tokens[k - 1]!.pos === 'PROPN')) return k;
    if (SUBORDINATE.has(w) && (tokens[k]!.pos === 'SCONJ' || (tokens[k]!.pos === 'ADP' && (w === 'until' || w === 'since')) || tokens[k]!.pos === 'PRON' || tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'DET' || w === 'following')) return k;
    if ((w === 'as' || w === 'before' || w === 'after') && clauseAfter(tokens, k)) return k;
  }
  return -1;
}

/**
 * "resigned as the opposition threatened…", "before they demobilize": a subordinator read as a preposition that
 * opens a clause of its own (not "such as", "as a result", "before the war").
 */
/** Whether "as" at k opens a clause: a noun phrase, then its verb ("as fighting continues", "as the talks ended"). */
function asClause(tokens: Token[], k: number): boolean {
  for (let j = k + 1; j <= k + 5 && j < tokens.length; j++) {
    const pos = tokens[j]!.pos;
    // A gerund may be the subject ("as fighting continues").
    if (j === k + 1 && pos === 'VERB' && tokens[j]!.normal.endsWith('ing')) continue;
    if ((pos === 'VERB' || pos === 'AUX') && j > k + 1) return true;
    if (!(NP_WORD.has(pos) || pos === 'PRON')) return false;
  }
  return false;
}

function clauseAfter(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1]?.normal;
  if (prev === 'such' || prev === 'well' || prev === 'as' || prev === 'so') return false;
  const next = tokens[k + 1];
  if (!next || !(next.pos === 'DET' || next.pos === 'PRON' || next.pos === 'PROPN')) return false;
  for (let j = k + 2; j <= k + 5 && j < tokens.length; j++) {
    if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX') return true;
    if (!NP_WORD.has(tokens[j]!.pos)) return false;
  }
  return false;
}

const TIED = new Set(['after', 'before', 'following', 'when', 'until', 'as', 'once']);

/** True when a temporal subordinator ("after", "when") links the clause of trigger b to the event at a. */
function tiedClause(tokens: Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    const w = tokens[k]!.normal;
    if (w === ';' || w === '.') return false;
    if (TIED.has(w)) return true;
  }
  return false;
}

const NP_WORD = new Set(['NOUN', 'ADJ', 'PROPN', 'DET', 'NUM']);

/** Token range of a plain noun phrase right before the verb group of the verb at t ("Angry paper workers"), or null. */
function subjectPhrase(tokens: Token[], from: number, t: number): [number, number] | null {
  let j = t - 1;
  while (j >= from && (tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'PART')) j--;
  // A common noun opening the sentence may be read as a name for its capital ("Prisoners rioted").
  if (j < from || !(tokens[j]!.pos === 'NOUN' || (j === from && tokens[j]!.pos === 'PROPN'))) return null;
  const modifier = (k: number): boolean => NP_WORD.has(tokens[k]!.pos) && !POSSESSIVE.has(tokens[k]!.normal);
  let k = j;
  while (k > from && modifier(k - 1)) k--;
  // "A group of refugees", "thousands of workers": the head is the people after "of".
  const count = tokens[k - 2];
  if (count && k - 2 >= from && tokens[k - 1]!.normal === 'of' && (count.pos === 'NOUN' || count.pos === 'NUM' || (k - 2 === from && count.pos === 'PROPN'))) {
    k -= 2;
    while (k > from && modifier(k - 1)) k--;
  }
  // "their forces": a possessive pronoun opens the phrase.
  if (k > from && POSSESSIVE.has(tokens[k - 1]!.normal)) k--;
  // Only a phrase that opens its clause is the subject ("…, Prisoners rioted", "said on Monday their forces…"),
  // not an object before a verb.
  const prev = tokens[k - 1];
  if (k > from && prev && !CLAUSE_BREAK.has(prev.normal) && prev.normal !== ',' && !(prev.normal === 'that' && prev.pos === 'SCONJ') &&
    !TIME_WORDS.has(prev.normal) && !(prev.pos === 'VERB' && SAY.has(lower(prev)))) return null;
  return [k, j + 1];
}

/**
 * Whether a noun names people: a role word ("officials"), a people noun ("prisoners") or an agent noun
 * ("fundamentalists", "villagers", "militants", "civilians") — not "the explosions" or "protests".
 */
function namesPeople(state: AnalysisState, people: Set<string>, head: Token): boolean {
  return isPeopleWord(state, people, head) || /(ists?|ants?|ians?|ers)$/.test(head.normal);
}

/** A role word of the gazetteer or a noun of data/events/people.json. */
function isPeopleWord(state: AnalysisState, people: Set<string>, t: Token): boolean {
  const roles = getActorContext(state)?.gaz.roles;
  const l = lower(t);
  if (people.has(t.normal) || people.has(l) || roles?.has(t.normal) === true || roles?.has(l) === true) return true;
  // A capitalised plural the tagger read as a name keeps its "s" in the lemma ("Inmates rioted").
  return l === t.normal && t.normal.endsWith('s') && people.has(t.normal.slice(0, -1));
}

/** A nationality after "ethnic" ("ethnic Albanians", "ethnic Serb civilians") names an ethnic group, not a state. */
function ethnic(tokens: Token[], m: ActorMention): boolean {
  return tokens[m.first - 1]?.normal === 'ethnic';
}

/** The key counted most, the first one seen among equals; null for an empty map. */
function mostNamed(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n) (best = k), (n = v);
  return best;
}

const AIM = new Set(['aim', 'design', 'mean']);

/** "Egypt denied that it had supplied weapons", "denied having attacked": what is denied did not happen, as far as the source says. */
function denied(tokens: Token[], from: number, t: number): boolean {
  for (let k = t - 1; k >= from && k >= t - 10; k--) {
    const tok = tokens[k]!;
    if (tok.normal === ';' || tok.normal === ',' || tok.normal === 'but') return false;
    if (tok.pos === 'VERB' && lower(tok) === 'deny' && (tokens[k + 1]!.normal === 'that' || tokens[k + 1]!.normal === 'having' || k + 1 === t)) return true;
  }
  return false;
}

/**
 * Whether the act at t is only a condition or a purpose: inside an "if"/"unless" clause ("will withdraw unless
 * the junta calls an election"), or what a thing aims at ("a summit aimed at restoring trade", "a
 * bill that aims to widen sanctions").
 */
function unreal(tokens: Token[], from: number, t: number): boolean {
  for (let k = t - 1; k >= from && k >= t - 12; k--) {
    const tok = tokens[k]!;
    const w = tok.normal;
    if (w === ',' || w === ';' || w === ':') return false;
    if (w === 'if' || w === 'unless') return true;
    if ((w === 'to' || w === 'at') && k - 1 > from && AIM.has(lower(tokens[k - 1]!)) && tokens[k - 1]!.pos === 'VERB') {
      const before = tokens[k - 2]!;
      return before.pos === 'NOUN' || RELATIVE.has(before.normal);
    }
  }
  return false;
}

/** What is dug from a mine: "a gold mine" is a place of work. */
const MINED = new Set(['gold', 'coal', 'copper', 'salt', 'diamond', 'iron', 'silver', 'tin', 'uranium', 'jade', 'lithium', 'cobalt', 'zinc', 'nickel', 'phosphate', 'bauxite', 'ruby', 'emerald', 'open-pit', 'mining']);
const EXPLOSIVES = new Set(['bomb', 'bombs', 'bombing', 'bombings', 'bomber', 'bombers', 'explosion', 'explosions', 'blast', 'blasts', 'mine', 'mines', 'landmine', 'landmines', 'minefield', 'grenade', 'grenades']);

/** Where the clause up to t (or t itself) names an explosive as what did it ("A roadside bombing … killed"), else -1. */
function explosiveBefore(tokens: Token[], from: number, t: number): number {
  for (let k = t; k >= from && k >= t - 12; k--) {
    // "a gold mine", "coal mines": a mine that is dug is no explosive.
    if (EXPLOSIVES.has(tokens[k]!.normal) && !(tokens[k]!.normal.startsWith('mine') && MINED.has(tokens[k - 1]?.normal ?? ''))) return k;
    if (k < t && (tokens[k]!.pos === 'VERB' || CLAUSE_BREAK.has(tokens[k]!.normal))) return -1;
  }
  return -1;
}

/** The noun phrase of people that is the object after `at` ("to scatter striking dockers"), or null. */
function peopleAfter(tokens: Token[], at: number, to: number): [number, number] | null {
  let start = -1;
  for (let k = at; k < to && k < at + 8; k++) {
    const tok = tokens[k]!;
    if (NP_WORD.has(tok.pos)) {
      if (start < 0) start = k;
      if (tok.pos === 'NOUN' && !NP_WORD.has(tokens[k + 1]?.pos ?? '')) return [start, k + 1];
    } else if (tok.normal === 'to' || tok.pos === 'VERB') start = -1;
    else return null;
  }
  return null;
}

const RELIGIONS = new Set(['muslim', 'moslem', 'islamic', 'islamist', 'christian', 'catholic', 'protestant', 'orthodox', 'coptic', 'jewish', 'hindu', 'sikh', 'buddhist', 'shiite', 'shia', 'sunni']);

/**
 * Whether a phrase names plain people as victims: a plural or a people noun at its head ("demonstrators", "a man",
 * not "the head"), and no capitalised word but a religion ("Moslem fundamentalist demonstrators", not "a Korean
 * woman", whose country the actors layer left open).
 */
function plainVictims(tokens: Token[], np: [number, number], people: Set<string>): boolean {
  const head = tokens[np[1] - 1]!;
  if (!(people.has(head.normal) || people.has(lower(head)) || /[^s]s$/.test(head.normal))) return false;
  for (let k = np[0]; k < np[1]; k++) if (titleCase(tokens[k]!) && !RELIGIONS.has(tokens[k]!.normal)) return false;
  return true;
}

/** Whether the verb group before t says what must be done ("must agree", "should not reach", "has to leave"). */
function obligation(tokens: Token[], from: number, t: number): boolean {
  for (let k = t - 1; k >= from && k >= t - 4; k--) {
    const w = tokens[k]!.normal;
    if (w === 'must' || w === 'should' || w === 'ought') return true;
    if (!(tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'PART' || tokens[k]!.pos === 'AUX')) return false;
  }
  return false;
}

function futureBefore(tokens: Token[], from: number, t: number): boolean {
  for (let k = t - 1; k >= from && k >= t - 4; k--) if (FUTURE.has(tokens[k]!.normal)) return true;
  return false;
}

/** Whether the verb at b is joined to the word at a by "and"/"or" alone ("unite and ``mobilize''"). */
function coordinatedVerb(tokens: Token[], a: number, b: number): boolean {
  if (b - a > 6 || tokens[b]!.pos !== 'VERB') return false;
  let and = false;
  for (let k = a + 1; k < b; k++) {
    const w = tokens[k]!.normal;
    if (w === 'and' || w === 'or') and = true;
    else if (!/^[`'"“”‘’]+$/.test(w) && tokens[k]!.pos !== 'ADV') return false;
  }
  return and;
}

function crossesBreak(tokens: Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    const w = tokens[k]!.normal;
    if (w === ';' || w === 'but' || w === 'while' || w === 'after' || w === 'because') return true;
    // "blamed Israel and said it will…": another verb starts another predicate.
    if (tokens[k]!.pos === 'VERB' && SAY.has(lower(tokens[k]!))) return true;
  }
  return false;
}

/** The actor that opens the "if"/"unless" clause after t ("… if Ukraine refuses"), or null. */
function conditionSubject(tokens: Token[], mentions: ActorMention[], t: number, to: number): ActorMention | null {
  for (let k = t + 1; k < to; k++) {
    const w = tokens[k]!.normal;
    if (w === ';') return null;
    if (w === 'if' || w === 'unless') return mentions.find((m) => m.first > k && m.first <= k + 3 && m.actor && !m.pronoun) ?? null;
  }
  return null;
}

function conditionalAfter(tokens: Token[], t: number, to: number): 'unless' | 'if' | null {
  for (let k = t + 1; k < to; k++) if (tokens[k]!.normal === 'unless' || tokens[k]!.normal === 'if') return tokens[k]!.normal as 'unless' | 'if';
  return null;
}

/** A speech verb of a sentence: who speaks (if named), where, and whether it closes the sentence (", X said"). */
interface Speech {
  actor: ActorRef | null;
  at: number;
  speaker: ActorMention | null;
  trailing: boolean;
}

/** A speech verb in the sentence and its speaker ("X said", "…, X said", "according to X"). */
function speechIn(tokens: Token[], mentions: ActorMention[], from: number, to: number): Speech | null {
  for (let k = from; k < to; k++) {
    const tok = tokens[k]!;
    if (!(SAY.has(tok.normal) || (tok.pos === 'VERB' && SAY.has(lower(tok))))) continue;
    if (tok.pos === 'NOUN' && tok.normal !== 'statement') continue;
    // "…, a radio station said": the speaker is between the comma and the verb, or unknown.
    let comma = -1;
    for (let c = k - 1; c >= from && c >= k - 8; c--) if (tokens[c]!.normal === ',') { comma = c; break; }
    if (comma >= 0 && tok.normal !== 'according') {
      const m = mentions.find((x) => x.first > comma && x.last <= k && !x.pronoun) ?? null;
      return { actor: m?.actor ?? null, at: k, speaker: m, trailing: true };
    }
    const before = subjectOf(tokens, mentions, from, k, 0).filter((m) => !m.pronoun);
    if (before.length > 0 && tok.normal !== 'according') return { actor: before[0]!.actor, at: k, speaker: before[0]!, trailing: false };
    const after = mentions.find((m) => m.first > k && m.first <= k + 6 && !m.pronoun);
    const preceding = [...mentions].reverse().find((m) => m.last <= k && m.last >= k - 5 && !m.pronoun);
    const m = after ?? preceding ?? null;
    return { actor: m?.actor ?? null, at: k, speaker: m, trailing: tok.normal === 'according' };
  }
  return null;
}

/** The place of the event: a place named after "in/at/near" in the sentence, nearest the trigger. */
function eventLocation(state: AnalysisState, tokens: Token[], mentions: ActorMention[], t: number): Geo | null {
  const m = placeMention(tokens, mentions, t);
  return m ? { ...(geoForSpan(state, m.start, m.end) ?? m.geo!) } : null;
}

/**
 * The place named in a locative phrase ("in Lima", "near the village of Kibati") nearest token t, or null; with
 * `after`, only a place after that token. A country's name that modifies a noun ("outside a United States military
 * base") is not the place.
 */
function placeMention(tokens: Token[], mentions: ActorMention[], t: number, after = -1): ActorMention | null {
  let best: ActorMention | null = null;
  for (const m of mentions) {
    if (!m.geo || m.first === 0 || m.first <= after || locative(tokens, m, -1) === null) continue;
    const next = tokens[m.last];
    // (A city before a noun still says where: "in a Jerusalem market".)
    const modifies = next && (next.pos === 'NOUN' || next.pos === 'PROPN' || (next.pos === 'ADJ' && tokens[m.last + 1]?.pos === 'NOUN'));
    const state = m.geo.geonameid === undefined || m.geo.name === m.actor?.name;
    if (after >= 0 && modifies && state && !TIME_WORDS.has(next.normal)) continue;
    if (!best || Math.abs(m.first - t) < Math.abs(best.first - t)) best = m;
  }
  return best;
}

export type { CameoEntry };
