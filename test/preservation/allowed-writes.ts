import { isBlank, type CellValue } from "../../src/core/cell/cell-value";
import { readSheetTable, type SheetGrid } from "../../src/core/validate/sheet-table";
import { COMPUTED_KEYS } from "../support/random-workbook";

/**
 * The only cells of the user's sheets the add-in may write, decided from the workbook as it was
 * before any use case ran. Everything else on the user's sheets must come back identical.
 *
 * In the first sheet (in workbook order) whose header row is recognised as the customer analysis
 * template, below its header:
 * - the computed columns (客户数量, 订单数, 销售额, 成交率(%)) that the header has, on the table's rows
 *   (rows with something in one of its columns) and on rows after the table's last row (appended types);
 * - the 客户类型 cell of a row after the table's last row, when that cell was empty (an appended type).
 * Never: the header, blank rows inside the table, 贡献占比/平均客单价 (the sheet's own formulas), pain
 * points, strategies, any column outside the table, or any other sheet.
 */
export interface AllowedWrites {
  /** The recognised customer analysis sheet of the user's, if any. */
  readonly sheet?: string;
  /** Whether the add-in may write this cell (0-based row and column). */
  allows(sheet: string, row: number, column: number): boolean;
}

export function allowedWrites(grids: readonly SheetGrid[]): AllowedWrites {
  const table = grids.map((g) => readSheetTable(g)).find((t) => t?.template === "customers");
  if (!table) return { allows: () => false };
  const rows = new Set(table.rows.map((r) => r.sheetRow));
  const lastRow = Math.max(table.headerRow, ...rows);
  const computed = new Set(COMPUTED_KEYS.flatMap((k) => (table.columns.has(k) ? [table.columns.get(k)!] : [])));
  const typeColumn = table.columns.get("customerType");
  const grid = grids.find((g) => g.name === table.sheet)!;
  const before = (row: number, column: number): CellValue => grid.values[row - grid.row]?.[column - grid.column] ?? null;
  return {
    sheet: table.sheet,
    allows(sheet, row, column) {
      if (sheet !== table.sheet || row <= table.headerRow) return false;
      const appended = row > lastRow;
      if (computed.has(column)) return appended || rows.has(row);
      return appended && column === typeColumn && isBlank(before(row, column));
    },
  };
}
