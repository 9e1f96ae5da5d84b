import type { TimeExpr } from '../../domain/types.js';

export interface PublishedGuess {
  published: string;
  /** False for a dateline (the article states its own date), true for an estimate from its content. */
  estimated: boolean;
}

const FULL_DAY = /^\d{4}-\d\d-\d\d$/;

/**
 * The publication date of an article that carries none, from its own text (times found without an anchor):
 * a dateline — a full date alone at the head of the text ("Friday, January 4, 2019") or after a place name
 * ("TEHRAN, Aug 5 (Reuters) -", the year then taken from the latest year the text names) — else the latest
 * full date the text mentions (estimated), else null.
 */
export function findPublished(text: string, times: TimeExpr[]): PublishedGuess | null {
  const head = times.find((t) => t.start < 300 && t.value.length === 10 && isDateline(text, t));
  if (head) {
    if (FULL_DAY.test(head.value)) return { published: head.value, estimated: false };
    if (/^XXXX-\d\d-\d\d$/.test(head.value)) {
      const year = latestYear(times);
      if (year !== null) return { published: `${year}${head.value.slice(4)}`, estimated: true };
    }
  }
  let latest: string | null = null;
  for (const t of times) {
    if (t.type === 'DATE' && FULL_DAY.test(t.value) && !t.anchored && (latest === null || t.value > latest)) latest = t.value;
  }
  return latest ? { published: latest, estimated: true } : null;
}

/** A date that opens a line, alone or after an upper-case place name and before an agency credit or a dash. */
function isDateline(text: string, t: TimeExpr): boolean {
  const lineStart = text.lastIndexOf('\n', t.start - 1) + 1;
  const lead = text.slice(lineStart, t.start);
  const tail = text.slice(t.end, t.end + 40);
  if (/^\s*$/.test(lead)) return /^\s*(\n|$|[-–—]|\(|\/)/.test(tail) || /^[\s,]*\d{1,2}:\d\d/.test(tail);
  return /^\s*[A-Z][A-Z .'-]+(,\s*[A-Z][A-Za-z .'-]+)?,\s*$/.test(lead) && /^\s*(\([^)]{1,30}\)\s*)?[-–—]/.test(tail);
}

function latestYear(times: TimeExpr[]): number | null {
  let best: number | null = null;
  for (const t of times) {
    const m = /^(\d{4})/.exec(t.value);
    if (m && !t.anchored && t.type === 'DATE') best = Math.max(best ?? 0, Number(m[1]));
  }
  return best;
}
