import type { RangeRef } from "../../core/cell/a1";
import type { CellValue } from "../../core/cell/cell-value";
import type { SheetWrite } from "../../app/workbook-host.port";

/** A waterfall chart's source as the same write puts it in the sheet: the series name, each column's label and value. */
export interface WaterfallSource {
  readonly name: string;
  readonly categories: readonly string[];
  readonly values: readonly number[];
}

/**
 * The categories (first column) and numbers (second column) under the header row of a waterfall's source, read from
 * the values the write itself puts there (a host draws the chart in the same round trip, before it could read them
 * back); undefined when the write does not hold every cell, or a value is not a number.
 */
export function waterfallSource(op: SheetWrite, source: RangeRef): WaterfallSource | undefined {
  const cell = (row: number, column: number): CellValue | undefined => {
    let found: CellValue | undefined;
    for (const block of op.values ?? []) {
      const line = block.values[row - block.row];
      if (line && column >= block.column && column - block.column < line.length) found = line[column - block.column];
    }
    return found;
  };
  const rows = Array.from({ length: source.rowCount - 1 }, (_v, i) => source.row + 1 + i);
  const values = rows.map((r) => cell(r, source.column + 1));
  if (rows.length < 2 || values.some((v) => typeof v !== "number")) return undefined;
  return {
    name: String(cell(source.row, source.column + 1) ?? ""),
    categories: rows.map((r) => String(cell(r, source.column) ?? "")),
    values: values as number[],
  };
}
