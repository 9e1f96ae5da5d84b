// Where a long series' first view should begin: events dated only to a year mentioned in a text
// ("in 2008") land far before the rest, and a chart from there squeezes the real data into a
// sliver. The first view starts where the first 2% of the total has passed; the slider still
// reaches everything.
export function denseStart(values, share = 0.02) {
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (sum > total * share) return Math.max(0, i - 1);
  }
  return 0;
}
