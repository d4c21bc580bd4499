/**
 * How much a command reads from one file before it stops with a sentence instead of running out of
 * memory. The defaults hold every sheet a real export has (Excel's own grid is 1,048,576 rows) while
 * keeping the process within the 4 GB heap Node gives it on a 16 GB machine:
 * - 1,024 MB uncompressed: a 1,000,000-row × 20-column sheet is about 600 MB of XML; a zip bomb
 *   (GBs of repeated empty rows compressed to KBs) declares far more and is refused before inflating.
 * - 10,000,000 cells with values: about 170 bytes per cell while reading (bench/cli-validate.bench.mjs
 *   measures it), so 10 million cells stay under 2 GB.
 * `--max-size MB` and `--max-cells N` raise them for a file known to be genuine.
 */
export interface ReadLimits {
  /** Uncompressed bytes read from the file (a zip's parts, or a text file's bytes). */
  readonly maxBytes: number;
  /** Cells holding a value, or slots of a sheet's used range, over all sheets. */
  readonly maxCells: number;
}

export const MB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 1024 * MB, maxCells: 10_000_000 };

/** A file over one of the limits: the command line names the file and the flag that raises it. */
export class ReadLimitError extends Error {
  constructor(
    readonly limit: "size" | "cells",
    readonly value: number,
  ) {
    super(`over the ${limit} limit (${value})`);
  }
}

/** A single part (a sheet's XML, a text file) too large for one JavaScript string: no flag helps. */
export class PartTooLargeError extends Error {
  constructor(readonly part: string) {
    super(`${part} is too large to read in one piece`);
  }
}

/** The longest string V8 makes (2^29 - 24 characters); a part past it cannot be parsed in one piece. */
export const MAX_PART_CHARS = 2 ** 29 - 24;

/** Counts what has been read against the limits. */
export class ReadBudget {
  private bytes = 0;
  private cellCount = 0;

  constructor(readonly limits: ReadLimits) {}

  addBytes(n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.maxBytes) throw new ReadLimitError("size", this.limits.maxBytes);
  }

  addCells(n: number): void {
    this.cellCount += n;
    if (this.cellCount > this.limits.maxCells) throw new ReadLimitError("cells", this.limits.maxCells);
  }

  get cells(): number {
    return this.cellCount;
  }
}
