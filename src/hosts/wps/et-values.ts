import type { CellValue } from "../../core/cell/cell-value";
import { toCellValue } from "../common/cell-values";

interface ItemGrid {
  Item(row: number, column: number): unknown;
}

const isItemGrid = (v: unknown): v is ItemGrid =>
  typeof v === "object" && v !== null && typeof (v as { Item?: unknown }).Item === "function";

/**
 * What `Range.Value2` hands back for a block of `rows` × `columns`, as a grid of `CellValue`s:
 * - a 2-D array (most builds);
 * - a flat array of rows × columns values, row by row (seen through some COM bridges);
 * - an object with a 1-based `Item(row, column)` (older builds; one call per cell, the only way in);
 * - a scalar, for a single cell.
 */
export function normaliseValue2(raw: unknown, rows: number, columns: number): CellValue[][] {
  if (Array.isArray(raw)) {
    if (raw.length > 0 && Array.isArray(raw[0])) {
      return (raw as unknown[][]).map((line) => Array.from({ length: columns }, (_v, c) => toCellValue(line[c])));
    }
    return Array.from({ length: rows }, (_v, r) =>
      Array.from({ length: columns }, (_w, c) => toCellValue((raw as unknown[])[r * columns + c])),
    );
  }
  if (isItemGrid(raw)) {
    return Array.from({ length: rows }, (_v, r) =>
      Array.from({ length: columns }, (_w, c) => toCellValue(raw.Item(r + 1, c + 1))),
    );
  }
  return [[toCellValue(raw)]];
}
