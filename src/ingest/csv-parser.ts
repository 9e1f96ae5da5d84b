// A streaming RFC 4180 CSV parser: quoted fields may hold commas, doubled quotes and newlines.
// Push text in chunks; complete rows come out with the line number they started on.

export interface CsvRow {
  cells: string[];
  line: number;
}

export class CsvParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  private quoteSeen = false;
  private line = 1;
  private rowLine = 1;
  private pendingCR = false;
  readonly delimiter: string;

  constructor(delimiter = ',') {
    this.delimiter = delimiter;
  }

  /** Feeds a chunk; returns the rows it completed. */
  push(chunk: string): CsvRow[] {
    const rows: CsvRow[] = [];
    const d = this.delimiter;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === '\n') continue;
      }
      if (this.inQuotes) {
        if (c === '"') {
          if (chunk[i + 1] === '"') {
            this.field += '"';
            i++;
          } else if (i + 1 === chunk.length) {
            // A quote at the chunk's end may be the first of a doubled pair: decide on the next chunk.
            this.inQuotes = false;
            this.quoteSeen = true;
          } else this.inQuotes = false;
        } else {
          if (c === '\n') this.line++;
          this.field += c;
        }
        continue;
      }
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (c === '"') {
          this.field += '"';
          this.inQuotes = true;
          continue;
        }
      }
      if (c === '"' && this.field === '') this.inQuotes = true;
      else if (c === d) {
        this.row.push(this.field);
        this.field = '';
      } else if (c === '\n' || c === '\r') {
        this.row.push(this.field);
        this.field = '';
        rows.push({ cells: this.row, line: this.rowLine });
        this.row = [];
        this.line++;
        this.rowLine = this.line;
        if (c === '\r') this.pendingCR = true;
      } else this.field += c;
    }
    return rows;
  }

  /** Ends the input; returns the last row if any, and whether a quoted field was left open. */
  end(): { rows: CsvRow[]; unterminated: boolean } {
    const unterminated = this.inQuotes;
    const rows: CsvRow[] = [];
    if (this.field !== '' || this.row.length > 0) {
      this.row.push(this.field);
      rows.push({ cells: this.row, line: this.rowLine });
    }
    this.row = [];
    this.field = '';
    return { rows, unterminated };
  }
}

/** Guesses the delimiter from the header line. */
export function sniffDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = headerLine.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
