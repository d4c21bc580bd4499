import type { CellValue } from "../../core/cell/cell-value";
import type { HostCapabilities, SheetValues, WorkbookHost, WorkbookOutline, WriteBatch } from "../../app/workbook-host.port";

const CAPABILITIES: HostCapabilities = { nativeValidation: false, tables: false, freezePanes: false };

/**
 * The values of a file read once (.xlsx, .xls, .ods, .csv...), for commands that only read
 * (validate, customers, diagnose without --out, rollup). It cannot write: a use case that writes
 * gets a clear error, and the command line saves nothing.
 */
export class XlsxSnapshotHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  readonly capabilities = CAPABILITIES;

  constructor(private readonly sheets: readonly SheetValues[]) {}

  async readOutline(): Promise<WorkbookOutline> {
    return { sheets: this.sheets.map((s) => s.name), tables: [] };
  }

  async readSheets(names: readonly string[]): Promise<SheetValues[]> {
    return names.map((n) => this.sheets.find((s) => s.name === n)).filter((s): s is SheetValues => s !== undefined);
  }

  async write(_batch: WriteBatch): Promise<void> {
    throw new Error("this workbook was opened read-only");
  }
}

/** Rectangular rows while the used range is no more than this many times the cells with values. */
const DENSE_ENOUGH = 4;
const EMPTY_ROW: CellValue[] = [];

/**
 * Builds a sheet's used range from sparse rows (`rows[r][c]`, 0-based from A1): the block from the
 * first to the last cell holding a value, whatever range the file declared. A dense sheet comes out
 * rectangular. A sparse one (a stray value at XFD1048576 beside a table at A1) keeps each row only up
 * to its last value and shares one empty array for empty rows: readers treat a cell past a row's end
 * as empty, and memory follows the values and the rows, not the corners. `countCells` hears how many
 * slots the rows hold, an empty row counting one (to count them against the cell limit: 100 sheets from
 * A1 to A1048576 hold 100 million row places), before they are made. The rows are handed over:
 * one that already spans the block exactly is kept (its gaps filled with null), not copied.
 */
export function usedRange(
  name: string,
  rows: (CellValue | undefined)[][],
  countCells: (slots: number) => void = () => undefined,
): SheetValues | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let cells = 0;
  // Each row's last column holding a value, -1 for none. Rows by index, not `for...in` (a string a row: most of the
  // time of a million-line sheet); a sparse sheet is at most 1,048,576 indexes, and its slots are counted below.
  const ends = new Int32Array(rows.length).fill(-1);
  let filledRows = 0;
  for (let r = 0; r < rows.length; r++) {
    const line = rows[r];
    if (!line) continue;
    let end = -1;
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (v === null || v === undefined) continue;
      cells++;
      if (end < 0 && c < left) left = c;
      end = c;
    }
    if (end < 0) continue;
    if (end > right) right = end;
    ends[r] = end;
    filledRows++;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
  }
  if (bottom < 0) return undefined;
  const width = right - left + 1;
  const dense = (bottom - top + 1) * width <= DENSE_ENOUGH * cells + 1024;
  let slots = dense ? (bottom - top + 1) * width : 0;
  if (!dense) {
    for (let r = top; r <= bottom; r++) if ((ends[r] as number) >= 0) slots += (ends[r] as number) - left + 1;
    slots += bottom - top + 1 - filledRows; // an empty row is one slot: its place in the range
  }
  countCells(slots);
  const values: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const end = ends[r] as number;
    if (end < 0 && !dense) {
      values.push(EMPTY_ROW);
      continue;
    }
    const line = rows[r];
    const last = dense ? right : end;
    if (line && left === 0 && line.length === last + 1) {
      for (let c = 0; c <= last; c++) if (line[c] === undefined) line[c] = null;
      values.push(line as CellValue[]);
      continue;
    }
    const out: CellValue[] = new Array<CellValue>(last - left + 1);
    for (let c = left; c <= last; c++) out[c - left] = line?.[c] ?? null;
    values.push(out);
  }
  return { name, row: top, column: left, values };
}
