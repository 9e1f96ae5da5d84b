// Calendar periods of analytics series. Days are ISO days (UTC); a week is the ISO week
// (`2022-W08`), a month `2022-02`. Series fill every period between their ends with zeros,
// so a quiet stretch shows as quiet rather than vanishing.

export type Granularity = 'day' | 'week' | 'month';

export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

export function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO week (`YYYY-Www`) of a day number. */
function isoWeekOf(n: number): string {
  const d = new Date(n * DAY_MS);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3);
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a day falls in. */
export function periodOf(day: string, by: Granularity): string {
  if (by === 'day') return day.slice(0, 10);
  if (by === 'month') return day.slice(0, 7);
  return isoWeekOf(dayNumber(day));
}

/** Every period from the one holding `first` to the one holding `last`, in order. */
export function periodsBetween(first: string, last: string, by: Granularity): string[] {
  const out: string[] = [];
  const end = dayNumber(last);
  let prev = '';
  // Step a day at a time for weeks and days; months jump to the next first of the month.
  for (let n = dayNumber(first); n <= end; ) {
    const p = periodOf(dayOf(n), by);
    if (p !== prev) out.push(p);
    prev = p;
    if (by === 'month') {
      const d = new Date(n * DAY_MS);
      n = Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS);
    } else n += by === 'week' ? 7 - ((new Date(n * DAY_MS).getUTCDay() + 6) % 7) : 1;
  }
  return out;
}
