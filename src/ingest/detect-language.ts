// Language identification good enough to keep non-English articles out of English analysis:
// script first (Cyrillic, Arabic, CJK… are decisive), then function-word frequencies for Latin scripts.

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was', 'on', 'as', 'by', 'he', 'said', 'has', 'have', 'from', 'at', 'are', 'which', 'be', 'this', 'an', 'will', 'its', 'were', 'their', 'not'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'dans', 'que', 'pour', 'qui', 'sur', 'au', 'pas', 'par', 'ce', 'avec', 'il', 'sont', 'aux', 'ont', 'été', 'cette', 'mais', 'ses', 'leur', 'selon', 'ne'],
  de: ['der', 'die', 'und', 'den', 'das', 'ist', 'nicht', 'mit', 'von', 'sich', 'des', 'auf', 'für', 'im', 'dem', 'ein', 'eine', 'zu', 'auch', 'es', 'hat', 'wird', 'wurde', 'sie', 'als', 'nach', 'bei', 'einer', 'aus', 'dass'],
  es: ['el', 'la', 'los', 'las', 'de', 'que', 'y', 'en', 'del', 'un', 'una', 'por', 'con', 'para', 'es', 'se', 'su', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'fue', 'ha', 'este', 'esta', 'son', 'también', 'según'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'un', 'una', 'non', 'sono', 'del', 'della', 'con', 'nel', 'gli', 'le', 'da', 'si', 'al', 'anche', 'è', 'ha', 'dei', 'alla', 'delle', 'come', 'più', 'ma', 'stato', 'questo'],
  pt: ['o', 'a', 'os', 'as', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'no', 'na', 'por', 'se', 'dos', 'das', 'ao', 'foi', 'mais', 'ele', 'é', 'sua', 'seu', 'também', 'pelo'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'voor', 'met', 'niet', 'zijn', 'er', 'aan', 'ook', 'als', 'door', 'bij', 'naar', 'om', 'wordt', 'werd', 'heeft', 'maar', 'nog', 'dit', 'uit', 'over'],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'gibi', 'olan', 'en', 'ama', 'sonra', 'kadar', 'ancak', 'göre', 'ise', 'değil'],
  id: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'dari', 'dalam', 'tidak', 'akan', 'pada', 'juga', 'ke', 'ada', 'oleh', 'karena', 'sudah', 'mereka', 'kami'],
};

const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Armenian}/u, 'hy'],
];

const LETTER = /\p{L}/u;
const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

const LONGEST_STOPWORD = Math.max(...[...LOOKUP.keys()].map((w) => w.length));

/**
 * The words of a lower-cased text (runs of letters) and, per language, how many are its function words.
 * Words are found by scanning: ASCII letters directly, other characters by the letter class; only a word
 * short enough to be a function word is cut out of the text.
 */
function countStopwords(lower: string): { words: number; score: Map<string, number> } {
  const score = new Map<string, number>();
  let words = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    let letter = false;
    let width = 1;
    if (i < lower.length) {
      const c = lower.charCodeAt(i);
      if (c < 0x80) letter = (c | 32) >= 97 && (c | 32) <= 122;
      else {
        const cp = lower.codePointAt(i)!;
        if (cp > 0xffff) width = 2;
        letter = LETTER.test(String.fromCodePoint(cp));
      }
    }
    if (letter) {
      if (start < 0) start = i;
      i += width - 1;
      continue;
    }
    if (start < 0) continue;
    words++;
    if (i - start <= LONGEST_STOPWORD) for (const lang of LOOKUP.get(lower.slice(start, i)) ?? []) score.set(lang, (score.get(lang) ?? 0) + 1);
    start = -1;
  }
  return { words, score };
}

/** ISO 639-1 code of the text's language; 'en' when the text is too short to tell. */
export function detectLanguage(text: string): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  let letters = 0;
  const scriptCounts = new Map<string, number>();
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // ASCII without a regex or a string per character: most news text is ASCII.
    if (c < 0x80) {
      if ((c | 32) >= 97 && (c | 32) <= 122) letters++;
      continue;
    }
    const cp = sample.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (!LETTER.test(ch)) continue;
    letters++;
    if (cp < 0x250) continue;
    for (const [re, lang] of SCRIPTS) {
      if (re.test(ch)) {
        scriptCounts.set(lang, (scriptCounts.get(lang) ?? 0) + 1);
        break;
      }
    }
  }
  if (letters === 0) return 'en';
  for (const [lang, n] of [...scriptCounts].sort((a, b) => b[1] - a[1])) {
    if (n / letters > 0.4) return lang === 'zh' && scriptCounts.has('ja') ? 'ja' : lang;
  }
  const { words, score } = countStopwords(sample.toLowerCase());
  if (words < 6) return 'en';
  let best = 'en';
  let bestScore = 0;
  for (const [lang, s] of score) {
    if (s > bestScore) {
      best = lang;
      bestScore = s;
    }
  }
  // Too little evidence (lists, headlines, short snippets), or English close behind: keep English, the default.
  if (best === 'en' || bestScore < 3 || bestScore / words < 0.05) return 'en';
  return bestScore >= 1.5 * (score.get('en') ?? 0) ? best : 'en';
}
