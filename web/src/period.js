// The API's series periods (`2022-02-24`, `2022-W08`, `2022-02`) as inclusive day ranges, so a
// chart bar can link to the events behind it.

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

export function periodRange(period) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return { from: period, to: period };
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { from: `${period}-01`, to: iso(Date.UTC(y, mo, 0)) };
  }
  const w = /^(\d{4})-W(\d{2})$/.exec(period);
  if (w) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = Date.UTC(Number(w[1]), 0, 4);
    const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    const start = monday1 + (Number(w[2]) - 1) * 7 * DAY;
    return { from: iso(start), to: iso(start + 6 * DAY) };
  }
  return {};
}
