// Calendar arithmetic for TimeML values: pure functions over {y, m, d} days in the proleptic Gregorian calendar.

export interface Day {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function parseDay(iso: string | null | undefined): Day | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

export function formatDay(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

function toUtc(day: Day): number {
  return Date.UTC(day.y, day.m - 1, day.d);
}

function fromUtc(ms: number): Day {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * 86_400_000);
}

/** Same day n months later, clamped to the month's end. */
export function addMonths(day: Day, n: number): Day {
  const total = day.y * 12 + (day.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: Math.min(day.d, last) };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(day: Day): number {
  const w = new Date(toUtc(day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week of a day: the week belongs to the year holding its Thursday. */
export function isoWeek(day: Day): { year: number; week: number } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  return { year: thursday.y, week: Math.floor((toUtc(thursday) - jan1) / 86_400_000 / 7) + 1 };
}

export function formatWeek(day: Day): string {
  const { year, week } = isoWeek(day);
  return `${pad(year, 4)}-W${pad(week)}`;
}

export function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/**
 * The day with ISO weekday `wd` nearest the anchor in a direction:
 * 'onOrBefore' (past-tense news: "said Monday"), 'before' ("last Monday"),
 * 'after' ("will meet Monday", "next Monday"), 'sameWeek' ("this Monday").
 */
export function weekdayFrom(anchor: Day, wd: number, dir: 'onOrBefore' | 'before' | 'after' | 'sameWeek'): Day {
  const a = isoWeekday(anchor);
  switch (dir) {
    case 'onOrBefore':
      return addDays(anchor, -((a - wd + 7) % 7));
    case 'before':
      return addDays(anchor, -((a - wd + 7) % 7 || 7));
    case 'after':
      return addDays(anchor, (wd - a + 7) % 7 || 7);
    case 'sameWeek':
      return addDays(anchor, wd - a);
  }
}

/** Year of an unyeared month: the latest on or before the anchor's month (past), or the next on or after it (future). */
export function yearOfMonth(anchor: Day, month: number, dir: 'onOrBefore' | 'before' | 'onOrAfter' | 'after'): number {
  switch (dir) {
    case 'onOrBefore':
      return month <= anchor.m ? anchor.y : anchor.y - 1;
    case 'before':
      return month < anchor.m ? anchor.y : anchor.y - 1;
    case 'onOrAfter':
      return month >= anchor.m ? anchor.y : anchor.y + 1;
    case 'after':
      return month > anchor.m ? anchor.y : anchor.y + 1;
  }
}

/** Quarter (1–4) of a month. */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** Shifts a quarter by n quarters. */
export function shiftQuarter(y: number, q: number, n: number): { y: number; q: number } {
  const total = y * 4 + (q - 1) + n;
  return { y: Math.floor(total / 4), q: (total % 4) + 1 };
}

/** Months that a season covers in the northern hemisphere (winter spans the turn of the year: its year is December's). */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** The season holding a day: [year, code]; January and February belong to the previous year's winter. */
export function seasonOf(day: Day): { y: number; s: string } {
  if (day.m <= 2) return { y: day.y - 1, s: 'WI' };
  if (day.m === 12) return { y: day.y, s: 'WI' };
  return { y: day.y, s: day.m <= 5 ? 'SP' : day.m <= 8 ? 'SU' : 'FA' };
}

/** Year of a season named relative to the anchor: 'last' = the latest one before the current season, 'next' the first after. */
export function yearOfSeason(anchor: Day, season: string, dir: 'last' | 'this' | 'next' | 'onOrBefore' | 'onOrAfter'): number {
  const cur = seasonOf(anchor);
  const order = (s: string): number => SEASON_START[s] ?? 0;
  const c = order(cur.s) === 12 ? 12 : order(cur.s);
  const s = order(season);
  switch (dir) {
    case 'this':
      return cur.y;
    case 'last':
      return s < c ? cur.y : cur.y - 1;
    case 'onOrBefore':
      return s <= c ? cur.y : cur.y - 1;
    case 'next':
      return s > c ? cur.y : cur.y + 1;
    case 'onOrAfter':
      return s >= c ? cur.y : cur.y + 1;
  }
}
