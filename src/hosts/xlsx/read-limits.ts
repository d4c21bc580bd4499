/**
 * How much a command reads from one file before it stops with a sentence instead of running out of
 * memory. The defaults hold every sheet a real export has while keeping the process inside the heap
 * Node gives it by default (about 4.3 GB on this 2-core, 23 GB machine):
 * - 1,024 MB uncompressed: a full sheet of 1,048,576 rows × 20 columns is about 600 MB of XML; a zip
 *   bomb (GBs of repeated empty rows compressed to KBs) declares more and is refused before inflating.
 * - 20,000,000 cells with values for the readers that keep only values (.xlsx streamed, text): about
 *   60 bytes a cell at the peak of reading (1,000,000 lines × 8 columns: 500 MB), so a 1,000,000-line
 *   export of 20 columns reads in about 1.2 GB and leaves the rest of the heap to the analysis.
 * - 8,000,000 cells where a library holds the whole workbook's model (SheetJS for .xls/.ods; ExcelJS
 *   for --out weighs far more, see `FULL_LOAD_MAX_CELLS`): about 300 bytes a cell there (200,000 weekly rows, 1.8 million cells, 635 MB), so
 *   8 million stay near 2.4 GB.
 * `--max-size MB` and `--max-cells N` raise them for a file known to be genuine (with
 * `node --max-old-space-size` for more heap).
 *
 * What a sheet holds is counted as it will be kept: a used range's empty rows count one slot each (a
 * sheet from A1 to A1048576 is a million rows even with two values: 100 of them held 1.6 GB), and
 * each sheet `SHEET_SLOTS` more, so neither tall empty ranges nor thousands of sheets pass the limit
 * unseen. A cell's text is limited apart from these (`MAX_CELL_CHARS`): no flag raises it.
 */
export interface ReadLimits {
  /** Uncompressed bytes read from the file (a zip's parts, or a text file's bytes). */
  readonly maxBytes: number;
  /** Cells holding a value, or slots of a sheet's used range, over all sheets. */
  readonly maxCells: number;
}

export const MB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 1024 * MB, maxCells: 20_000_000 };

/** The default cell limit where a library holds the whole model (see above); `--max-cells` sets both. */
export const WHOLE_MODEL_MAX_CELLS = 8_000_000;

/**
 * The default limit for the workbook ExcelJS loads whole for --out, in cells with a value, what the
 * rest weighs counted as such (`MODEL_WEIGHTS` in sheet-cell-counter.ts: an empty styled cell 0.6, a
 * row 0.8...): a million cost about 1.3 GB at the peak of loading and writing (a weekly tracker of
 * 100,000 rows, 0.9 million cells: 1.3 GB), so a file at the limit stays under 1.5 GB, and one past it
 * is refused after a pass that keeps nothing. `--max-cells` sets it too.
 */
export const FULL_LOAD_MAX_CELLS = 1_000_000;

/** The limits for a reader that holds the whole model: the user's `--max-cells`, else the lower default. */
export function wholeModelLimits(limits: ReadLimits, given: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...limits, maxCells: given?.maxCells ?? Math.min(limits.maxCells, WHOLE_MODEL_MAX_CELLS) };
}

/** What a sheet costs before its cells (its entry, its range, the checks that look at it), in cell slots. */
export const SHEET_SLOTS = 1024;

/**
 * The most characters a cell's text may have: Excel's limit for a cell (32,767, in its specifications
 * and limits), which WPS keeps too. A longer text is refused, not cut: a cut would change what the user
 * wrote without a word (in a copy written with --out, for good), and no spreadsheet program saves such a
 * cell, so the file is a generated or damaged one the user can correct.
 */
export const MAX_CELL_CHARS = 32_767;

/**
 * The most XML one cell, shared string or tag may take while it is read (16 MB): far past 32,767
 * characters in any spelling (`&#x10FFFF;` is 10 bytes) and a run of formatting for each of them, so
 * only a damaged or hostile file reaches it, and the reader stops there instead of gathering the rest.
 */
export const MAX_CELL_XML = 16 * MB;

/** A cell past `MAX_CELL_CHARS` (or `MAX_CELL_XML`): named by sheet and reference where known; no flag helps. */
export class CellTooLongError extends Error {
  constructor(
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(`a cell over ${MAX_CELL_CHARS} characters${sheet !== undefined ? ` at ${sheet}!${cell ?? "?"}` : ""}`);
  }
}

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
