// How surprising k or more events are when λ were expected: −log10 P(X ≥ k), X ~ Poisson(λ).
// Computed in log space, so a war that brings hundreds of events where two were expected gives a
// large finite number rather than Infinity.

const LOG_FACT: number[] = [0];

function logFactorial(k: number): number {
  if (k < 2048) {
    for (let i = LOG_FACT.length; i <= k; i++) LOG_FACT.push(LOG_FACT[i - 1]! + Math.log(i));
    return LOG_FACT[k]!;
  }
  // Stirling's series: ample precision beyond the table.
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k);
}

/** −log10 P(X ≥ k) for X ~ Poisson(lambda); 0 when k ≤ 0. */
export function poissonSurprise(k: number, lambda: number): number {
  if (k <= 0) return 0;
  if (lambda <= 0) return Infinity;
  const logLambda = Math.log(lambda);
  // Sum the tail terms from k upwards (log-sum-exp); they shrink fast once j exceeds λ.
  const logTerm = (j: number) => j * logLambda - lambda - logFactorial(j);
  let max = -Infinity;
  const terms: number[] = [];
  const stop = Math.max(k + 50, Math.ceil(lambda + 12 * Math.sqrt(lambda) + 50));
  for (let j = k; j <= stop; j++) {
    const t = logTerm(j);
    terms.push(t);
    if (t > max) max = t;
    if (j > lambda && t < max - 40) break;
  }
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  const logP = Math.min(0, max + Math.log(sum));
  return -logP / Math.LN10;
}
