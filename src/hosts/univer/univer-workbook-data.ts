import { CellValueType, type ICellData, type IWorkbookData, type IWorksheetData } from "@univerjs/core";
import type { CellValue } from "../../core/cell/cell-value";

/** Rows and columns a new sheet offers beyond its values, as an empty spreadsheet does. */
const MIN_ROWS = 200;
const MIN_COLUMNS = 26;

/** One sheet's literal values, from A1. */
export interface SheetSeed {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
}

/** A literal value as Univer cell data: strings keep the string type, so "=1+1" or "00123" stay text. */
export function literalCell(value: CellValue): ICellData | null {
  if (value === null) return null;
  if (typeof value === "string") return { v: value, t: CellValueType.STRING };
  if (typeof value === "boolean") return { v: value ? 1 : 0, t: CellValueType.BOOLEAN };
  return { v: value, t: CellValueType.NUMBER };
}

/**
 * Univer's snapshot of a workbook holding these sheets' values (sheet ids are their positions).
 * With no sheet, Univer would make one of its own; the workbench names it for the locale.
 */
export function workbookData(name: string, sheets: readonly SheetSeed[]): Partial<IWorkbookData> {
  const worksheets: Record<string, Partial<IWorksheetData>> = {};
  const order: string[] = [];
  sheets.forEach((sheet, index) => {
    const id = `sheet-${index + 1}`;
    const cellData: Record<number, Record<number, ICellData>> = {};
    let columns = 0;
    sheet.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const cell = literalCell(value);
        if (!cell) return;
        (cellData[r] ??= {})[c] = cell;
        columns = Math.max(columns, c + 1);
      }),
    );
    worksheets[id] = {
      id,
      name: sheet.name,
      cellData,
      rowCount: Math.max(MIN_ROWS, sheet.values.length + 50),
      columnCount: Math.max(MIN_COLUMNS, columns + 5),
    };
    order.push(id);
  });
  return { id: `workbook-${Date.now().toString(36)}`, name, sheetOrder: order, sheets: worksheets };
}
