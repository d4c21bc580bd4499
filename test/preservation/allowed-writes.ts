import { isBlank, type CellValue } from "../../src/core/cell/cell-value";
import { readSheetTable, type SheetGrid } from "../../src/core/sheet/sheet-table";
import { isCustomerExampleRow, readCustomerPeriodStamp } from "../../src/core/analysis/metrics/customer-table";
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
 * - the 数据期间 (period) cell of those rows while blank or holding the add-in's stamp, in the sheet's own period
 *   column or, where the header has none, the column after its last header cell (and that header cell).
 * - every cell of the template's own columns on a row that is still one of the playbook's example rows (not data:
 *   a type of the data takes its place, or it is emptied).
 * Never: the rest of the header, blank rows inside the table, 贡献占比/平均客单价 (the sheet's own formulas), pain
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
  const examples = new Set(table.rows.filter((r) => isCustomerExampleRow(r.cells)).map((r) => r.sheetRow));
  const own = new Set(
    ["customerType", ...COMPUTED_KEYS, "painPoints", "strategy", "period"].flatMap((k) =>
      table.columns.has(k) ? [table.columns.get(k)!] : [],
    ),
  );
  const computed = new Set(COMPUTED_KEYS.flatMap((k) => (table.columns.has(k) ? [table.columns.get(k)!] : [])));
  const typeColumn = table.columns.get("customerType");
  const grid = grids.find((g) => g.name === table.sheet)!;
  const before = (row: number, column: number): CellValue => grid.values[row - grid.row]?.[column - grid.column] ?? null;
  // The 数据期间 column: the sheet's own, or added after its last header cell; a cell of it only while blank or stamped.
  const header = grid.values[table.headerRow - grid.row] ?? [];
  const lastHeader = grid.column + header.reduce<number>((last, v, i) => (isBlank(v) ? last : i), -1);
  const periodColumn = table.columns.get("period") ?? lastHeader + 1;
  return {
    sheet: table.sheet,
    allows(sheet, row, column) {
      if (sheet !== table.sheet) return false;
      if (row === table.headerRow) return !table.columns.has("period") && column === periodColumn;
      if (row < table.headerRow) return false;
      const appended = row > lastRow;
      if (examples.has(row) && own.has(column)) return true;
      if (column === periodColumn)
        return (appended || rows.has(row)) && (isBlank(before(row, column)) || !!readCustomerPeriodStamp(before(row, column)));
      if (computed.has(column)) return appended || rows.has(row);
      return appended && column === typeColumn && isBlank(before(row, column));
    },
  };
}
