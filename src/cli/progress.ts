/**
 * Progress on stderr for long batch commands: a redrawn bar when stderr is a terminal, a plain
 * counts line every few seconds otherwise (logs and CI keep a readable trail).
 */
export class Progress {
  private readonly tty: boolean;
  private readonly started = performance.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly everyMs = 5000,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  /** Items per second since the start. */
  rate(done: number): number {
    const s = (performance.now() - this.started) / 1000;
    return s > 0 ? done / s : 0;
  }

  elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Redraws when due. `fraction` (0–1) draws a bar; `counts` is the text after it. */
  update(done: number, counts: string, fraction: number | null = null, force = false): void {
    const now = performance.now();
    if (!force && now - this.lastDraw < (this.tty ? 100 : this.everyMs)) return;
    this.lastDraw = now;
    const rate = `${Math.round(this.rate(done)).toLocaleString('en-US')}/s`;
    if (this.tty) {
      const width = 24;
      const bar = fraction === null ? '' : `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '-')}] ${(fraction * 100).toFixed(0).padStart(3)}% `;
      const cols = this.out.columns ?? 100;
      this.out.write(`\r\x1b[K${`${this.label}: ${bar}${counts} (${rate})`.slice(0, cols - 1)}`);
      this.drawn = true;
    } else {
      this.out.write(`${this.label}: ${counts} (${rate})\n`);
    }
  }

  /** Clears the bar so the next line (a problem report or the summary) starts clean. */
  clear(): void {
    if (this.tty && this.drawn) {
      this.out.write('\r\x1b[K');
      this.drawn = false;
    }
  }
}

/** Thousands separators, for counts people read. */
export function n(value: number): string {
  return value.toLocaleString('en-US');
}
