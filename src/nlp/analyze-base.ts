import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { NlpDoc, Sentence, Token } from '../domain/types.js';

// One wink instance per process, made on first use: loading the model costs ~100 ms, reading a
// doc far less, and commands that never analyse (search, stats, serve) never pay for it.
let wink: { nlp: ReturnType<typeof winkNLP>; its: ReturnType<typeof winkNLP>['its'] } | null = null;
function getWink() {
  if (wink === null) {
    const nlp = winkNLP(model, ['sbd', 'pos']);
    wink = { nlp, its: nlp.its };
  }
  return wink;
}

/**
 * The NLP base layer: paragraph-aware sentences, tokens with offsets, POS tags and lemmas.
 * wink-nlp does not end sentences at newlines, so each newline-separated paragraph is read on its own:
 * a newline always ends a sentence (titles, datelines and list items never run into the next line).
 */
export function analyzeBase(text: string): NlpDoc {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // "\r\n" line ends: the carriage return belongs to the break, not to the last sentence.
    const line = text.slice(lineStart, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    if (line.trim() !== '') {
      readParagraph(text, line, lineStart, paragraph, tokens, sentences);
      paragraph++;
    }
    lineStart = lineEnd + 1;
  }
  return { text, tokens, sentences };
}

function readParagraph(
  text: string,
  line: string,
  offset: number,
  paragraph: number,
  tokens: Token[],
  sentences: Sentence[],
): void {
  const { nlp, its } = getWink();
  const doc = nlp.readDoc(line);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const base = tokens.length;
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    cursor += spaces[i]!.length;
    // wink reproduces its input exactly (precedingSpaces + value); fall back to a search if it ever does not.
    if (line.startsWith(value, cursor) === false) {
      const found = line.indexOf(value, cursor);
      if (found >= 0) cursor = found;
    }
    const start = offset + cursor;
    const end = start + value.length;
    cursor += value.length;
    tokens.push({
      start,
      end,
      text: text.slice(start, end),
      pos: pos[i]!,
      lemma: lemmas[i]!,
      normal: normals[i]!,
      sentence: -1,
    });
  }
  for (const [first, last] of spans) {
    const tokenStart = base + first;
    const tokenEnd = base + last + 1;
    if (tokenEnd <= tokenStart) continue;
    const index = sentences.length;
    for (let t = tokenStart; t < tokenEnd; t++) tokens[t]!.sentence = index;
    sentences.push({
      start: tokens[tokenStart]!.start,
      end: tokens[tokenEnd - 1]!.end,
      tokenStart,
      tokenEnd,
      paragraph,
    });
  }
}
