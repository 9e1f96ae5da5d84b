import type { NlpDoc, Sentence, Span, Token } from '../../domain/types.js';
import type { CueEntry, CueLexicon } from './cue-lexicon.js';
import { findQuoteMarks, type QuotedSpan } from './find-quote-marks.js';
import { isPersonalPronoun, phraseEndingAt, phraseStartingAt, subjectOf, type TokenRange } from './noun-phrase.js';

/** A quotation with its cue and speaker mention, before the speaker is resolved to an actor. */
export interface Quotation {
  kind: 'direct' | 'indirect' | 'mixed';
  parts: Span[];
  /** Token ranges of the cue and of the speaker mention. */
  cue: TokenRange | null;
  speaker: TokenRange | null;
  /** The speaker is the one of the previous quotation (a quote that goes on without a new attribution). */
  continued: boolean;
  rule: string;
}

/** An attribution being built inside one sentence; content as a token range when indirect. */
interface Attribution {
  quote: Quotation;
  from: number;
  to: number;
}

const CLOSING_PUNCT = new Set(['.', '!', '?', '”', '"', '’', "'", '»', ')', ']', ',', ';', ':', '“']);
/** Words that join two clauses: an attribution after one of them is not inside the earlier content. */
const CLAUSE_JOIN = new Set([',', ';', 'while', 'but', 'and', 'whereas', 'although', 'though', 'as', '—', '–', '-']);
const COMPLEMENTIZER = new Set(['that', 'to', 'whether', 'if', 'how', 'what', 'why', 'when']);
/** Words that open reported content after an adjunct ("said on Monday that …", "told X on Thursday how …"). */
const REPORT_START = new Set(['that', 'how', 'whether', 'why']);
/** Prepositions of adjuncts of place, time and occasion that may stand between a cue and its content. */
const ADJUNCT_PREP = new Set(['in', 'on', 'at', 'after', 'before', 'during', 'since', 'via', 'through', 'following', 'outside', 'inside']);
/** Prepositions that open an adjunct between a cue and its quotation ("said in a statement, “…”"). */
const ADJUNCT_START = new Set(['ADP', 'ADV', 'PROPN', 'NOUN', 'NUM', 'DET', 'ADJ']);

/** Parts of speech before a quotation that is a title or name ("broadcast of “Fox News Sunday”"). */
const TITLE_BEFORE = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ']);
/** Words before a gerund whose subject is the subject of the sentence. */
const GERUND_LEAD = new Set(['while', 'before', 'after', 'by', 'when', 'without', 'for', 'since']);
/** Parts of speech that may open the subject of reported content. */
const NOMINAL_START = new Set(['DET', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ']);
const ATTRIBUTIVE_BEFORE = new Set(['DET', 'PART', 'ADJ']);
const ATTRIBUTIVE_AFTER = new Set(['NOUN', 'ADJ', 'PROPN']);

/** Verbs that lend their subject to an infinitive cue: "appeared to suggest", "continued to call for". */
const RAISING = new Set(['appear', 'seem', 'continue', 'go', 'have', 'try', 'begin', 'start', 'need', 'decline', 'refuse', 'want', 'plan', 'hope', 'vow']);
/** The cue of a verb outside the lexicon that takes a that-clause. */
const THAT_CLAUSE: CueEntry = { id: 'that-clause', object: false, weak: true, objectContent: false, quoteOnly: false, topicOnly: false, phrase: null };
const PARTICLES = new Set(['out', 'up', 'for', 'against', 'about']);
/** Prepositions whose object is what a cue is about ("complained about X", "spoke of X", "accused Y of X"). */
const TOPIC_PREP = new Set(['about', 'of', 'for', 'against']);
/** Verbs of plain saying, after which "of" names who is talked about, not what was said ("said of Trump, “…”"). */
const PLAIN_SAY = new Set(['say', 'tell', 'add', 'write']);
const DASHES = new Set(['―', '—', '–', '-', '--']);

const isVerbal = (t: Token): boolean => t.pos === 'VERB' || t.pos === 'AUX';

/**
 * Finds direct, indirect and mixed quotations with their cue and speaker mention.
 * Per sentence, each cue of the lexicon is tried in three frames: speaker-cue-content ("X said (that) …",
 * "X told Reuters …", "X said, “…”"), content-speaker-cue ("…, X said", "“…,” said X") and "according
 * to X". Quotations split by their attribution become one quote with several parts; quotations that go on
 * without a new attribution keep the previous speaker; quotation marks with no attribution (scare quotes,
 * titles) yield nothing unless they fall inside the content of an attribution, which then is `mixed`.
 */
export function findQuotations(doc: NlpDoc, lexicon: CueLexicon): Quotation[] {
  const { text, tokens, sentences } = doc;
  const marks = findQuoteMarks(text);
  if (marks.length === 0 && !hasCue(tokens, lexicon)) return [];
  const byOpen = new Map<number, QuotedSpan>();
  const byClose = new Map<number, QuotedSpan>();
  for (const q of marks) {
    byOpen.set(q.open, q);
    byClose.set(q.close, q);
  }
  // Which quotation holds each token (marks included); cues inside a quotation are the quoted person's words.
  const inQuote = new Int32Array(tokens.length).fill(-1);
  for (let t = 0, qi = 0; t < tokens.length; t++) {
    while (qi < marks.length && marks[qi]!.close <= tokens[t]!.start) qi++;
    if (qi < marks.length && tokens[t]!.start >= marks[qi]!.open && tokens[t]!.end <= marks[qi]!.close) inQuote[t] = qi;
  }
  const used = new Set<QuotedSpan>();
  const out: Quotation[] = [];

  const openingAt = (i: number): QuotedSpan | undefined => (i < tokens.length ? byOpen.get(tokens[i]!.start) : undefined);
  const closingAt = (i: number): QuotedSpan | undefined => (i >= 0 ? byClose.get(tokens[i]!.end) : undefined);

  /** A quotation that opens at `i`, or after an adjunct and a comma or colon ("in a statement, “…”"). */
  const quotationAfter = (i: number, limit: number): QuotedSpan | undefined => {
    // "adding later, “…”": adverbs may stand between the cue and its quotation.
    while (i < limit && tokens[i]!.pos === 'ADV' && !openingAt(i)) i++;
    const direct = openingAt(i) ?? (tokens[i]?.text === ':' || tokens[i]?.text === ',' ? openingAt(i + 1) : undefined);
    if (direct) return direct;
    if (i >= limit || tokens[i]!.pos !== 'ADP') return undefined;
    for (let j = i + 1; j < limit && j < i + 14; j++) {
      const t = tokens[j]!;
      if (t.text === ',' || t.text === ':') return openingAt(j + 1);
      if (!ADJUNCT_START.has(t.pos) && t.pos !== 'PRON') return undefined;
    }
    return undefined;
  };

  const quoteOf = (q: QuotedSpan, kind: Quotation['kind']): Span[] => {
    used.add(q);
    return kind === 'direct' ? q.parts.map((p) => ({ ...p })) : [];
  };

  /** Adds a second quotation that the attribution splits off ("“A,” he said, “B.”"). */
  const continuation = (after: number, parts: Span[]): void => {
    let j = after;
    const stop = Math.min(tokens.length, after + 14);
    while (j < stop && tokens[j]!.text !== ',' && tokens[j]!.text !== ':' && !openingAt(j) && ADJUNCT_START.has(tokens[j]!.pos)) j++;
    // "“A,” he said, “B.”" and "“A,” he said. “B.”": the second quotation continues the first.
    const stop2 = tokens[j]?.text === '.';
    if (tokens[j]?.text === ',' || tokens[j]?.text === ':' || stop2) j++;
    const q = openingAt(j);
    // After a full stop, the next quotation continues only if no attribution of its own follows it.
    if (q && stop2) {
      const close = tokenAt(tokens, q.close - 1);
      const next = tokens[close + 1];
      if (next && next.sentence === tokens[close]!.sentence && !CLOSING_PUNCT.has(next.text)) return;
    }
    if (q && !used.has(q)) parts.push(...quoteOf(q, 'direct'));
  };

  const clauses = joinBrokenSentences(doc);
  /** Tokens before this index are the content of an earlier attribution (a paragraph after "he added:"). */
  let claimedTo = -1;
  const cues = cueCandidates(tokens, lexicon);
  for (const si of activeClauses(doc, clauses, cues, lexicon)) {
    const s = clauses[si]!;
    const ss = s.tokenStart;
    const se = s.tokenEnd;
    let ce = se;
    while (ce > ss && CLOSING_PUNCT.has(tokens[ce - 1]!.text)) ce--;
    const here: Attribution[] = [];

    const inside = (g: number): Attribution | undefined => here.find((a) => a.from <= g && g < a.to);
    /** Content [from, to) as one indirect/mixed quote (a quotation inside makes it mixed). */
    const indirect = (from: number, to: number): { kind: Quotation['kind']; parts: Span[] } | null => {
      while (from < to && (tokens[from]!.text === ',' || tokens[from]!.text === ':')) from++;
      while (to > from && CLOSING_PUNCT.has(tokens[to - 1]!.text) && !closingAt(to - 1)) to--;
      if (to - from < 2) return null;
      let mixed = false;
      for (let t = from; t < to; t++) {
        const qi = inQuote[t]!;
        if (qi >= 0) {
          mixed = true;
          used.add(marks[qi]!);
        }
      }
      return { kind: mixed ? 'mixed' : 'indirect', parts: [{ start: tokens[from]!.start, end: tokens[to - 1]!.end }] };
    };

    const add = (quote: Quotation, from: number, to: number): void => {
      if (quote.parts.length === 0) return;
      here.push({ quote, from, to });
      out.push(quote);
    };

    /** Content to the left of boundary token `b` (a comma or closing mark): a quotation, or the clause. */
    const leftContent = (b: number, groupEnd: number, cue: TokenRange, speaker: TokenRange | null, rule: string): boolean => {
      const q = closingAt(b) ?? (tokens[b]!.text === ',' ? closingAt(b - 1) : undefined);
      if (q && !used.has(q)) {
        const parts = quoteOf(q, 'direct');
        continuation(groupEnd, parts);
        add({ kind: 'direct', parts, cue, speaker, continued: false, rule: `${rule}.direct` }, ss, ss);
        return true;
      }
      const prev = here.length > 0 ? here[here.length - 1]!.to : ss;
      let from = Math.max(ss, prev);
      while (from < b && (openingAt(from) || CLAUSE_JOIN.has(tokens[from]!.normal))) from++;
      const content = indirect(from, b);
      if (!content) return false;
      add(quotation(content, cue, speaker, rule), from, b);
      return true;
    };

    // "WALLACE: If I may, …": a name and a colon open the paragraph (transcripts, headlines).
    const colon = speakerColon(doc, clauses, si, lexicon);
    if (colon >= 0 && colon + 1 < ce) {
      const q = openingAt(colon + 1);
      const content = q && !used.has(q) ? { kind: 'direct' as const, parts: quoteOf(q, 'direct') } : indirect(colon + 1, ce);
      if (content) add(quotation(content, { from: colon, to: colon + 1 }, { from: ss, to: colon }, 'quote.colon'), colon + 1, ce);
    }

    for (let c = ss; c < se; c++) {
      if (cues.candidate[c] === 0 || inQuote[c]! >= 0 || c < claimedTo) continue;
      const t = tokens[c]!;
      const phrase = phraseAt(tokens, c, se, lexicon);
      if (phrase) {
        const { entry, to } = phrase;
        const cue = { from: c, to };
        const speaker = phraseStartingAt(tokens, to, se) ?? upToComma(to);
        if (!speaker) continue;
        const container = inside(c);
        if (container) {
          // "… would see their taxes rise, according to an analysis": the source of the whole clause, not a
          // verb of thought inside it; otherwise the phrase is part of the earlier content.
          if (!(tokens[c - 1]?.text === ',' && isWeakCue(container.quote))) continue;
          here.splice(here.indexOf(container), 1);
          out.splice(out.indexOf(container.quote), 1);
        }
        let first = ss;
        while (first < c && (openingAt(first) || CLAUSE_JOIN.has(tokens[first]!.normal) || tokens[first]!.pos === 'CCONJ')) first++;
        const rule = `quote.${entry.id}`;
        if (first === c) {
          // "According to X, …": the content follows.
          const start = tokens[speaker.to]?.text === ',' ? speaker.to + 1 : speaker.to;
          const q = openingAt(start);
          if (q && !used.has(q) && q.close >= tokens[ce - 1]!.end) {
            add({ kind: 'direct', parts: quoteOf(q, 'direct'), cue, speaker, continued: false, rule: `${rule}.before.direct` }, start, ce);
          } else {
            const content = indirect(start, ce);
            if (content) add(quotation(content, cue, speaker, `${rule}.before`), start, ce);
          }
        } else if (c - 1 >= ss) {
          leftContent(c - 1, speaker.to, cue, speaker, `${rule}.after`);
        }
        c = speaker.to - 1;
        continue;
      }
      if (t.pos !== 'VERB' && t.pos !== 'NOUN') continue;
      if (t.pos === 'NOUN' && tokens[c + 1]?.normal === 'that') {
        const nounCue = lexicon.nouns.get(t.normal);
        if (nounCue && tryNoun(c, nounCue)) continue;
      }
      const entry = cues.verb[c];
      if (!entry) continue;
      // The tagger reads some verbs as nouns ("The Post reports that …"): a following "that" or quotation decides.
      // So does a colon, or the end of the sentence after content and a comma (“…, The Wall Street Journal reports.”).
      if (t.pos !== 'VERB' && !(t.pos === 'NOUN' && /s$/.test(t.normal) && c > ss && isNameEnd(tokens[c - 1]!) && (tokens[c + 1]?.normal === 'that' || openingAt(c + 1) || tokens[c + 1]?.text === ':' || (c + 1 >= ce && commaBeforeName(c - 1))))) continue;
      // "refused to say", "is said to": not an attribution by the subject.
      if (c > ss && ((tokens[c - 1]!.normal === 'to' && !RAISING.has(tokens[c - 2]?.lemma ?? '')) || (tokens[c - 1]!.lemma === 'be' && !/ing$/.test(t.normal)))) continue;
      // A participle used as an adjective ("Tehran's disputed nuclear program", "the released statement").
      if (c > ss && c + 1 < se && ATTRIBUTIVE_BEFORE.has(tokens[c - 1]!.pos) && ATTRIBUTIVE_AFTER.has(tokens[c + 1]!.pos) && /(ed|en)$/.test(tokens[c]!.normal)) continue;
      tryVerb(c, entry);
    }

    function tryVerb(c: number, entry: CueEntry): void {
      const cue = { from: c, to: c + 1 };
      const rule = `quote.${entry.id}`;
      // ", (perhaps) recognizing that …": a participle clause shares the subject of the sentence.
      let p = c - 1;
      while (p > ss && tokens[p]!.pos === 'ADV') p--;
      // So does a gerund after "while", "before", "by" … ("before asking her, “…”", "by saying he would …").
      const participle = /ing$/.test(tokens[c]!.normal) && p > ss && (tokens[p]!.text === ',' || GERUND_LEAD.has(tokens[p]!.normal));
      let after = c + 1;
      // Phrasal cues: "pointed out", "called for", "called on", "railed against", "warned about".
      let particle: string | null = null;
      while (after < ce && (PARTICLES.has(tokens[after]!.normal) || (entry.id === 'call' && tokens[after]!.normal === 'on') || (tokens[after]!.normal === 'of' && !PLAIN_SAY.has(tokens[c]!.lemma))) && tokens[after]!.pos !== 'NOUN') {
        particle = tokens[after]!.normal;
        after++;
      }
      if (entry.object && after < ce && !COMPLEMENTIZER.has(tokens[after]!.normal) && !openingAt(after)) {
        const object = phraseStartingAt(tokens, after, ce);
        if (object) {
          after = object.to;
          // "accused Holt of lying", "warned voters about …": the topic follows the addressee.
          if (after < ce && TOPIC_PREP.has(tokens[after]!.normal)) particle = tokens[after++]!.normal;
        }
      }
      // "complained about X", "spoke of X", "called for X": the topic after the particle is the content.
      const objectContent = entry.objectContent || (particle !== null && TOPIC_PREP.has(particle));
      let subject = participle ? sentenceSubject() : subjectOf(tokens, c, ss);
      let borrowed = participle;
      // "… announced X and said …": a second verb shares the subject of the first.
      if (!subject && !participle && c - 1 > ss && (tokens[c - 1]!.normal === 'and' || tokens[c - 1]!.normal === 'but')) {
        if (inside(c)) return;
        subject = sentenceSubject();
        borrowed = true;
      }
      const groupStart = borrowed ? c : (subject?.from ?? c);
      // "she wanted to speak …": a cue inside another's content whose subject lies before it is embedded.
      if (groupStart < c && !inside(groupStart) && inside(c)) return;
      const container = inside(groupStart);
      if (container) {
        // A cue inside earlier content is embedded ("said polls show …") unless a new clause begins.
        if (groupStart === 0 || !CLAUSE_JOIN.has(tokens[groupStart - 1]!.normal)) return;
        let end = groupStart - 1;
        while (end > container.from && CLAUSE_JOIN.has(tokens[end - 1]!.normal)) end--;
        const cut = indirect(container.from, end);
        if (cut) {
          container.quote.parts = cut.parts;
          container.quote.kind = cut.kind;
          container.to = end;
        } else {
          // Nothing of the earlier content is left: that cue read the clause wrongly; drop it.
          here.splice(here.indexOf(container), 1);
          out.splice(out.indexOf(container.quote), 1);
        }
      }
      const subjectFirst = subject !== null && subject.to <= c && !borrowed;
      // “…,” he said (…): the quotation just before the speaker and cue is what was said.
      if (!participle) {
        const b = subjectFirst ? subject!.from - 1 : c - 1;
        const closed = b >= ss ? closingAt(b) ?? (tokens[b]!.text === ',' ? closingAt(b - 1) : undefined) : undefined;
        // A title inside a noun phrase is not what was said when the cue has content of its own after it
        // ("on “Fox News Sunday,” Pence said his …"); at the end of the sentence it is a mixed quotation.
        if (closed && !used.has(closed) && !(isTitle(closed) && subjectFirst && ce - after >= 3)) {
          const speaker = subjectFirst ? subject : phraseStartingAt(tokens, c + 1, se);
          if (speaker && leftContent(b, Math.max(c + 1, speaker.to), cue, speaker, `${rule}.after`)) return;
        }
      }
      // Speaker, cue, then a quotation: "Gharibabadi said in a post on X, “…”"; "Said Ellis: “…”".
      const inverted = subject ? null : phraseStartingAt(tokens, c + 1, se);
      const q = quotationAfter(inverted ? inverted.to : after, ce);
      const speakerFirst = subject ?? inverted;
      if (q && !used.has(q) && speakerFirst) {
        const parts = quoteOf(q, 'direct');
        add({ kind: 'direct', parts, cue, speaker: speakerFirst, continued: false, rule: `${rule}.direct` }, after, after);
        return;
      }
      // "The governor added: ⏎ It's typical …": a cue and colon end the paragraph; the next paragraph is what was said.
      if (speakerFirst && tokens[after]?.text === ':' && after === se - 1) {
        const next = clauses[si + 1];
        if (next && next.paragraph > s.paragraph) {
          let to = next.tokenEnd;
          for (let k = si + 2; k < clauses.length && clauses[k]!.paragraph === next.paragraph; k++) to = clauses[k]!.tokenEnd;
          const content = indirect(next.tokenStart, to);
          if (content) {
            out.push(quotation(content, cue, speakerFirst, `${rule}.colon`));
            claimedTo = to;
            return;
          }
        }
      }
      // "She continued, “…”": a verb that is a cue only next to a quotation.
      if (entry.quoteOnly) return;
      // "spoke at the museum": a verb of speaking reports content only as a quotation or a topic ("spoke of …").
      if (entry.topicOnly && !(particle !== null && TOPIC_PREP.has(particle))) return;
      // "said in a statement on Monday that …": the content starts at "that" (or "how", "whether", "why").
      if (after < ce && !COMPLEMENTIZER.has(tokens[after]!.normal) && ADJUNCT_START.has(tokens[after]!.pos)) {
        let found = false;
        let misread = false;
        for (let j = after + 1; j < ce && j < after + 16; j++) {
          const t = tokens[j]!;
          // "… that", or "told his supporters at a rally to …".
          if (REPORT_START.has(t.normal) || (t.normal === 'to' && entry.object && (tokens[j + 1]?.pos === 'VERB' || openingAt(j + 1)))) {
            after = j;
            found = true;
            break;
          }
          // One noun the tagger read as a verb may sit in the adjunct ("at a campaign stop in Toledo").
          if (t.pos === 'VERB' && !misread && tokens[j - 1]!.pos === 'NOUN') {
            misread = true;
            continue;
          }
          if (!ADJUNCT_START.has(t.pos) && t.pos !== 'PRON' && t.text !== ',' && t.text !== '-') break;
        }
        // "said after the convention he would …": prepositional adjuncts, then a clause with its own subject.
        if (!found && !entry.weak && !objectContent && ADJUNCT_PREP.has(tokens[after]!.normal)) {
          let k = after;
          while (k < ce && ADJUNCT_PREP.has(tokens[k]!.normal)) {
            const np = phraseStartingAt(tokens, k + 1, ce);
            if (!np) break;
            k = np.to;
            if (tokens[k]?.text === ',') k++;
          }
          const first = tokens[k];
          if (k > after && k < ce && first && (isPersonalPronoun(first) || first.pos === 'DET' || first.pos === 'PROPN') && rightContentOk(k, ce, entry, false, objectContent)) after = k;
        }
      }
      const leftOpen = subjectFirst && subject!.from - 1 >= ss && (tokens[subject!.from - 1]!.text === ',' || closingAt(subject!.from - 1) !== undefined);
      // "…, which, Tompkins said, is usually full": an attribution set off by commas inside its content.
      if (!participle && !entry.weak && leftOpen && tokens[after]?.text === ',' && after + 1 < ce && tokens[subject!.from - 1]!.text === ',') {
        const left = contentBefore(subject!.from - 1);
        if (left && after + 2 < ce) {
          const right = indirect(after + 1, ce);
          if (right) {
            const parts = [{ start: tokens[left]!.start, end: tokens[subject!.from - 2]!.end }, ...right.parts];
            const kind = right.kind === 'mixed' || hasQuoteIn(left, subject!.from - 1) ? 'mixed' : 'indirect';
            add({ kind, parts, cue, speaker: subject, continued: false, rule: `${rule}.inside` }, left, ce);
            return;
          }
        }
      }
      // Speaker, cue, then reported content: "X said (that) …", "X told Reuters …".
      if (subject && after < ce && rightContentOk(after, ce, entry, !leftOpen, objectContent)) {
        const content = indirect(after, ce);
        if (content) {
          add(quotation(content, cue, subject, rule), after, ce);
          return;
        }
      }
      if (participle || entry.weak) return;
      // “…,” Scott Pruitt, the attorney general of Oklahoma, said: the quotation a few words back.
      for (let k = c - 1; k > ss && k > c - 30; k--) {
        const closed = closingAt(k) ?? (tokens[k]!.text === ',' ? closingAt(k - 1) : undefined);
        if (closed) {
          const speaker = used.has(closed) ? null : phraseStartingAt(tokens, tokens[k + 1]?.text === ',' ? k + 2 : k + 1, c);
          if (speaker && leftContent(k, c + 1, cue, speaker, `${rule}.after`)) return;
          break;
        }
        if (openingAt(k) || tokens[k]!.text === ';') break;
      }
      // Content first: "…, X said", "…, said X".
      const before = tokens[c - 1];
      if (before && before.text === ',') {
        const speaker = phraseStartingAt(tokens, c + 1, se);
        if (speaker) leftContent(c - 1, speaker.to, cue, speaker, `${rule}.after`);
        return;
      }
      if (leftOpen) leftContent(subject!.from - 1, c + 1, cue, subject, `${rule}.after`);
    }

    /** "Trump's claim that …", "a Times report that …": the possessor or the name before the noun speaks. */
    function tryNoun(c: number, entry: CueEntry): boolean {
      if (inside(c) || c - 1 < ss) return false;
      let speaker: TokenRange | null = null;
      const prev = tokens[c - 1]!;
      if (prev.normal === "'s" || prev.normal === '’s') speaker = phraseEndingAt(tokens, c - 1, ss);
      else if (prev.pos === 'PROPN') {
        let from = c - 1;
        while (from - 1 >= ss && tokens[from - 1]!.pos === 'PROPN') from--;
        speaker = { from, to: c };
      }
      if (!speaker) return false;
      const content = indirect(c + 1, ce);
      if (!content) return false;
      add(quotation(content, { from: c, to: c + 1 }, speaker, `quote.${entry.id}`), c + 1, ce);
      return true;
    }

    /** The quotation follows a preposition, article, noun or adjective of its sentence: it names something. */
    function isTitle(q: QuotedSpan): boolean {
      const o = tokenAt(tokens, q.open);
      return o > ss && TITLE_BEFORE.has(tokens[o - 1]!.pos);
    }

    /** The quotation was found through a verb of thought, wish or evidence (or any verb with a that-clause). */
    function isWeakCue(q: Quotation): boolean {
      if (!q.cue || q.rule.startsWith('quote.that-clause')) return q.cue !== null;
      const t = tokens[q.cue.from]!;
      return (lexicon.verbs.get(t.lemma) ?? lexicon.verbs.get(t.normal) ?? lexicon.verbs.get(stem(t.normal)))?.weak === true;
    }

    /** A comma just before the name that ends at token `last`. */
    function commaBeforeName(last: number): boolean {
      let k = last;
      while (k > ss && (tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'DET')) k--;
      return k < last && tokens[k]!.text === ',';
    }

    /** Where content before the comma at `b` starts (after earlier attributions), or null when too short. */
    function contentBefore(b: number): number | null {
      const prev = here.length > 0 ? here[here.length - 1]!.to : ss;
      let from = Math.max(ss, prev);
      while (from < b && (openingAt(from) || CLAUSE_JOIN.has(tokens[from]!.normal))) from++;
      return b - from >= 2 ? from : null;
    }

    function hasQuoteIn(from: number, to: number): boolean {
      for (let t = from; t < to; t++) if (inQuote[t]! >= 0) return true;
      return false;
    }

    /** The words from `from` to the next comma or the clause end, when short enough to name a source. */
    function upToComma(from: number): TokenRange | null {
      let k = from;
      while (k < ce && tokens[k]!.text !== ',' && k < from + 12) k++;
      return k > from && (k === ce || tokens[k]!.text === ',') ? { from, to: k } : null;
    }

    function sentenceSubject(): TokenRange | null {
      if (here.length > 0) return here[here.length - 1]!.quote.speaker;
      let i = ss;
      // "In the spin room after the debate, Obama's aides …": an opening adjunct is not the subject.
      if (tokens[ss]!.pos === 'ADP' || tokens[ss]!.pos === 'SCONJ') {
        let k = ss + 1;
        while (k < se && k < ss + 16 && tokens[k]!.text !== ',') k++;
        if (tokens[k]?.text === ',') i = k + 1;
      }
      while (i < se && !(tokens[i]!.pos === 'PROPN' || tokens[i]!.pos === 'NOUN' || tokens[i]!.pos === 'PRON' || tokens[i]!.pos === 'DET')) i++;
      return phraseStartingAt(tokens, i, se);
    }

    function rightContentOk(after: number, end: number, entry: CueEntry, commaOk: boolean, objectContent: boolean): boolean {
      let first = tokens[after]!;
      if (first.text === ',') {
        // "Mr. Obama said, a majority of Americans …": only when no content stands before the speaker.
        if (entry.weak || !commaOk || after + 1 >= end) return false;
        first = tokens[after + 1]!;
        after++;
      }
      // After a verb of thought or wish, "to" opens content only as an infinitive ("hopes to win", not "responded to calls").
      if (entry.weak && first.normal === 'to') return after + 1 < end && isVerbal(tokens[after + 1]!) && end - after >= 3;
      if (COMPLEMENTIZER.has(first.normal)) return end - after >= 3;
      // The topic may be a gerund ("called for reducing the rate").
      if (objectContent) return phraseStartingAt(tokens, after, end) !== null || (first.pos === 'VERB' && /ing$/.test(first.normal) && end - after >= 2);
      if (openingAt(after)) return true;
      if (first.pos === 'ADP') return false;
      let clauseEnd = after;
      while (clauseEnd < end && tokens[clauseEnd]!.text !== ',' && tokens[clauseEnd]!.text !== ';') clauseEnd++;
      // The content must read as a clause: a verb before the next comma, or a quotation …
      for (let j = after + 1; j < clauseEnd; j++) if (isVerbal(tokens[j]!) || openingAt(j)) return true;
      // … or, after a verb of saying, a subject with an aside set off by commas ("say the program, run by …, has brought").
      if (!entry.weak && clauseEnd < end && NOMINAL_START.has(first.pos)) {
        for (let j = clauseEnd + 1; j < end; j++) if (tokens[j]!.pos === 'AUX' || (tokens[j]!.pos === 'VERB' && tokens[j - 1]!.text !== ',' && tokens[j - 1]!.pos !== 'PRON')) return true;
      }
      // … or, after a verb of saying, a longer stretch that the tagger may have misread ("… demands that …").
      return !entry.weak && clauseEnd - after >= 4 && ADJUNCT_START.has(first.pos) && first.pos !== 'ADV';
    }
  }

  // “…” ― Steve Quinlan: a quotation signed after a dash.
  for (const q of marks) {
    if (used.has(q)) continue;
    const close = tokenAt(tokens, q.close - 1);
    if (close < 0 || !DASHES.has(tokens[close + 1]?.text ?? '')) continue;
    const speaker = phraseStartingAt(tokens, close + 2, tokens.length);
    if (!speaker || tokens[speaker.from]!.pos !== 'PROPN') continue;
    used.add(q);
    out.push({ kind: 'direct', parts: q.parts.map((p) => ({ ...p })), cue: null, speaker, continued: false, rule: 'quote.dash' });
  }

  // Quotations no attribution claimed: a whole-sentence quotation goes on in the voice of the last speaker.
  let last: Quotation | null = null;
  const ordered = out.slice().sort((a, b) => a.parts[0]!.start - b.parts[0]!.start);
  const claimed = ordered.filter((x) => x.speaker);
  let k = 0;
  for (const q of marks) {
    if (used.has(q)) continue;
    while (k < claimed.length && claimed[k]!.parts[0]!.start < q.open) last = claimed[k++]!;
    if (!last || !isWholeSentence(q) || q.open - lastEnd(last) > 1500) continue;
    // Right after the previous quotation (“A,” she said. “B.”, or the next paragraph): one quote in several parts.
    if (last.kind === 'direct' && q.open - lastEnd(last) <= 60 && !text.slice(lastEnd(last), q.open).includes('\n')) {
      last.parts.push(...q.parts.map((p) => ({ ...p })));
      continue;
    }
    const goesOn: Quotation = { kind: 'direct', parts: q.parts.map((p) => ({ ...p })), cue: null, speaker: last.speaker, continued: true, rule: 'quote.continued' };
    out.push(goesOn);
    last = goesOn;
  }
  return out.sort((a, b) => a.parts[0]!.start - b.parts[0]!.start);

  function lastEnd(q: Quotation): number {
    return q.parts[q.parts.length - 1]!.end;
  }

  /** The quotation fills its sentence(s): its opening mark starts one and its closing mark ends one. */
  function isWholeSentence(q: QuotedSpan): boolean {
    const first = tokenAt(tokens, q.open);
    const lastTok = tokenAt(tokens, q.close - 1);
    if (first < 0 || lastTok < 0) return false;
    const sFirst = sentences[tokens[first]!.sentence]!;
    const sLast = sentences[tokens[lastTok]!.sentence]!;
    const startsSentence = sFirst.tokenStart === first || (first > 0 && tokens[first - 1]!.sentence !== tokens[first]!.sentence);
    let endTok = sLast.tokenEnd - 1;
    while (endTok > lastTok && CLOSING_PUNCT.has(tokens[endTok]!.text)) endTok--;
    return startsSentence && endTok <= lastTok && lastTok - first >= 4;
  }
}

/**
 * A new quotation of indirect or mixed content. Written out field by field: an object spread
 * (`{ ...content, cue, … }`) is slow in findQuotations, which V8 runs unoptimized.
 */
function quotation(content: { kind: Quotation['kind']; parts: Span[] }, cue: TokenRange, speaker: TokenRange | null, rule: string): Quotation {
  return { kind: content.kind, parts: content.parts, cue, speaker, continued: false, rule };
}

/**
 * The sentences, with wrong splits undone: a "sentence" that starts with a lower-case word in the same
 * paragraph continues the one before ("Rep. Gwen Moore (D-Wis.) | said Friday."), so an attribution is
 * not cut off from its speaker or its quotation.
 */
function joinBrokenSentences(doc: NlpDoc): Sentence[] {
  const out: Sentence[] = [];
  for (const s of doc.sentences) {
    const prev = out[out.length - 1];
    const first = doc.tokens[s.tokenStart];
    if (prev && first && prev.paragraph === s.paragraph && (/^\p{Ll}/u.test(first.text) || openParenthesis(doc.tokens, prev))) {
      // Written out, in the order of analyzeBase's sentences: a spread copy has a map of its own, and code that meets
      // both kinds of sentence is optimized again.
      out[out.length - 1] = { start: prev.start, end: s.end, tokenStart: prev.tokenStart, tokenEnd: s.tokenEnd, paragraph: prev.paragraph };
    } else out.push(s);
  }
  return out;
}

/** The sentence ends inside a parenthesis ("Rep. Trey Gowdy (R-S. | C.) said"). */
function openParenthesis(tokens: Token[], s: Sentence): boolean {
  let depth = 0;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    if (tokens[k]!.text === '(') depth++;
    else if (tokens[k]!.text === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/** Index of the colon after a one-to-three-word capitalised name that opens a paragraph, or -1. */
function speakerColon(doc: NlpDoc, clauses: Sentence[], index: number, lexicon: CueLexicon): number {
  const s = clauses[index]!;
  if (index > 0 && clauses[index - 1]!.paragraph === s.paragraph) return -1;
  for (let k = s.tokenStart; k < s.tokenEnd && k < s.tokenStart + 4; k++) {
    const t = doc.tokens[k]!;
    if (t.text === ':') return k > s.tokenStart ? k : -1;
    // "Said Kowalski: …" is a cue with its speaker, not a name and a colon.
    if (!/^\p{Lu}/u.test(t.text) || t.pos === 'PRON' || t.pos === 'DET' || lexicon.verbs.has(t.lemma)) return -1;
  }
  return -1;
}

/**
 * What the cue scan of findQuotations looks at, per token, computed once for the article: most tokens can open no
 * cue, and findQuotations (too large for V8's optimizing compiler) then skips them, and whole sentences without one.
 */
interface CueCandidates {
  /** 1 where a token may open a cue phrase, or is a verb or noun with a cue entry or a noun cue before "that". */
  candidate: Uint8Array;
  /** The verb cue of a verb or noun token ("that-clause" for any verb before the conjunction "that"); null for none. */
  verb: Array<CueEntry | null>;
}

function cueCandidates(tokens: Token[], lexicon: CueLexicon): CueCandidates {
  const candidate = new Uint8Array(tokens.length);
  const verb = new Array<CueEntry | null>(tokens.length).fill(null);
  for (let c = 0; c < tokens.length; c++) {
    const t = tokens[c]!;
    if (lexicon.phrases.has(t.normal)) candidate[c] = 1;
    if (t.pos !== 'VERB' && t.pos !== 'NOUN') continue;
    // (Checked: reading past the array's end makes V8 throw away this function's optimized code.)
    const next = c + 1 < tokens.length ? tokens[c + 1] : undefined;
    let entry = lexicon.verbs.get(t.lemma) ?? verbCueOfForm(lexicon, t.normal);
    // Any verb with a that-clause reports what someone holds or says ("she hinted that …", "he realized that …").
    if (!entry && t.pos === 'VERB' && next?.normal === 'that' && next.pos === 'SCONJ') entry = THAT_CLAUSE;
    verb[c] = entry;
    if (entry || (t.pos === 'NOUN' && next?.normal === 'that' && lexicon.nouns.has(t.normal))) candidate[c] = 1;
  }
  return { candidate, verb };
}

/** The verb cue of a word form, by the form itself or its stem ("tweeted" → "tweet"). */
function verbCueOfForm(lexicon: CueLexicon, form: string): CueEntry | null {
  const entry = lexicon.verbs.get(form);
  if (entry) return entry;
  // stem() changes only forms ending in -d (-ed), -g (-ing) or -s: the others need no new string.
  const last = form.charCodeAt(form.length - 1);
  return last === 100 || last === 103 || last === 115 ? lexicon.verbs.get(stem(form)) ?? null : null;
}

/**
 * Indices of the clauses where an attribution may be found: those holding a cue candidate or opening with a
 * speaker's name and a colon. In the others the scan finds nothing and changes nothing.
 */
function activeClauses(doc: NlpDoc, clauses: Sentence[], cues: CueCandidates, lexicon: CueLexicon): number[] {
  const active: number[] = [];
  for (let si = 0; si < clauses.length; si++) {
    const s = clauses[si]!;
    let any = false;
    for (let c = s.tokenStart; c < s.tokenEnd && !any; c++) any = cues.candidate[c] === 1;
    if (any || speakerColon(doc, clauses, si, lexicon) >= 0) active.push(si);
  }
  return active;
}

/** Regular inflections off: "tweeted" → "tweet", "blasts" → "blast" (the tagger's lemmas miss rare verbs). */
function stem(word: string): string {
  if (word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ed')) return word.endsWith('eed') ? word : word.slice(0, -2);
  if (word.endsWith('ing')) return word.slice(0, -3);
  if (word.endsWith('es') && /(sh|ch|ss|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const isNameEnd = (t: Token): boolean => t.pos === 'PROPN' || (t.pos === 'NOUN' && /s$/.test(t.normal));

/** Index of the token that starts at or covers char `at`; -1 when none. */
function tokenAt(tokens: Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t.end <= at) lo = mid + 1;
    else if (t.start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function phraseAt(tokens: Token[], c: number, end: number, lexicon: CueLexicon): { entry: CueEntry; to: number } | null {
  const entries = lexicon.phrases.get(tokens[c]!.normal);
  if (!entries) return null;
  for (const entry of entries) {
    const words = entry.phrase!;
    if (c + words.length > end) continue;
    if (words.every((w, k) => tokens[c + k]!.normal === w)) return { entry, to: c + words.length };
  }
  return null;
}

/** Cheap early exit: an article without quotation marks and without any cue has no quotes. */
function hasCue(tokens: Token[], lexicon: CueLexicon): boolean {
  for (const t of tokens) if (lexicon.verbs.has(t.lemma) || lexicon.phrases.has(t.normal)) return true;
  return false;
}
