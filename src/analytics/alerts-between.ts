import type { Alert } from './detect-alerts.js';

/** Alerts whose span touches [from, to] (ISO days; an open end runs to the end of the data). */
export function alertsBetween(alerts: readonly Alert[], from?: string | null, to?: string | null): Alert[] {
  return alerts.filter((a) => (!to || a.start <= to) && (!from || (a.end ?? '9999-12-31') >= from));
}
