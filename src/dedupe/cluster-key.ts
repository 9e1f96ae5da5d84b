import type { CodedEvent } from '../domain/types.js';

// Event clusters: the same real-world event reported by several articles. Events fall into one
// cluster when they share the actor pair, the CAMEO root, the place and a date bucket. Buckets are
// fixed calendar cells (the day, the ISO week, the month or the year, by the event's date
// precision), so near dates never chain into month-long clusters; an event dated only to its
// month never joins day-precise ones.

export interface ClusterKey {
  /** Stable text key, unique per cluster. */
  key: string;
  sourceActor: string | null;
  targetActor: string | null;
  cameoRoot: string;
  place: string | null;
  /** The date bucket: `2024-08-05`, `2024-W32`, `2024-08` or `2024`. */
  bucket: string;
}

/** ISO 8601 week (`YYYY-Www`) of a day. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86400000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The bucket of a date by its precision; null when the date cannot be read. */
export function dateBucket(date: string, precision: string | null): string | null {
  if (precision === 'week' && /^\d{4}-W\d{2}$/.test(date)) return date;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const month = /^(\d{4})-(\d{2})(?!\d)/.exec(date);
  const year = /^(\d{4})(?!\d)/.exec(date);
  if (precision === 'year') return year ? year[1]! : null;
  if (precision === 'month') return month ? `${month[1]}-${month[2]}` : null;
  if (precision === 'week') return day ? isoWeek(day[0]) : null;
  if (day) return day[0];
  if (month) return `${month[1]}-${month[2]}`;
  return year ? year[1]! : null;
}

function actorKey(arg: CodedEvent['source']): string | null {
  if (!arg?.actor) return null;
  return arg.actor.id || arg.actor.code || null;
}

/**
 * The cluster an event belongs to, or null when it has no usable date or no actor at all.
 * Undated events take the article's publication day (news reports what just happened).
 */
export function clusterKey(event: CodedEvent, articlePublished: string | null): ClusterKey | null {
  const date = event.date ?? articlePublished;
  const precision = event.date ? event.datePrecision : 'day';
  if (!date) return null;
  const bucket = dateBucket(date, precision);
  if (!bucket) return null;
  const sourceActor = actorKey(event.source);
  const targetActor = actorKey(event.target);
  if (sourceActor === null && targetActor === null) return null;
  const cameoRoot = event.cameo.slice(0, 2);
  const place = event.location ? (event.location.country ?? '') + ':' + event.location.name : null;
  const key = [sourceActor ?? '-', targetActor ?? '-', cameoRoot, place ?? '-', bucket].join('|');
  return { key, sourceActor, targetActor, cameoRoot, place, bucket };
}
