// Publication dates arrive as ISO strings, RFC 2822 feed dates, "2019-01-04", epoch seconds…

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export interface NormalizedDate {
  /** YYYY-MM-DD */
  date: string;
  /** Full ISO timestamp when a time of day was given. */
  at: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Normalises a date string to an ISO day (and timestamp when it has a time); null when it is not a date. */
export function normalizeDate(raw: string): NormalizedDate | null {
  const s = raw.trim();
  if (s === '') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!valid(y, mo, d)) return null;
    const date = `${y}-${pad(mo)}-${pad(d)}`;
    if (m[4] === undefined) return { date, at: null };
    const parsed = new Date(s.replace(' ', 'T'));
    return { date, at: Number.isNaN(parsed.getTime()) ? null : parsed.toISOString() };
  }
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m && valid(Number(m[1]), Number(m[2]), Number(m[3]))) return { date: `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`, at: null };
  m = /^(\d{10})(\d{3})?$/.exec(s);
  if (m) {
    const d = new Date(Number(m[1]) * 1000);
    return { date: d.toISOString().slice(0, 10), at: d.toISOString() };
  }
  // "Mon, 05 Aug 2024 10:00:00 GMT", "August 5, 2024", "5 August 2024"
  m = /(?:^|[\s,])(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/.exec(s) ?? null;
  let y: number | undefined, mo: number | undefined, d: number | undefined;
  if (m && MONTHS[m[2]!.slice(0, 3).toLowerCase()]) {
    d = Number(m[1]);
    mo = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    y = Number(m[3]);
  } else {
    m = /([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(s);
    if (m && MONTHS[m[1]!.slice(0, 3).toLowerCase()]) {
      mo = MONTHS[m[1]!.slice(0, 3).toLowerCase()];
      d = Number(m[2]);
      y = Number(m[3]);
    }
  }
  if (y === undefined || mo === undefined || d === undefined || !valid(y, mo, d)) return null;
  const hasTime = /\d{1,2}:\d{2}/.test(s);
  const parsed = hasTime ? new Date(s) : null;
  const at = parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : null;
  return { date: `${y}-${pad(mo)}-${pad(d)}`, at };
}
