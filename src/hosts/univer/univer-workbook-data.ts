import { BooleanNumber, CellValueType, type ICellData, type IWorkbookData, type IWorksheetData } from "@univerjs/core";
import type { CellValue } from "../../core/cell/cell-value";
import { styleToUniver, type CellNote, type Merges, type StyledCell } from "./univer-styles";

/** Rows and columns a new sheet offers beyond its values, as an empty spreadsheet does. */
const MIN_ROWS = 200;
const MIN_COLUMNS = 26;

/** One sheet's literal values, from A1, and how its cells look (a file opened in the workbench). */
export interface SheetSeed {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
  readonly styles?: readonly StyledCell[];
  readonly merges?: Merges;
  readonly notes?: readonly CellNote[];
  readonly hidden?: boolean;
}

/**
 * Where a cell keeps the note the user wrote in a file (its `custom` data): the open-source grid shows
 * no notes, but the note stays with the cell and is saved back into the .xlsx.
 */
export const NOTE_KEY = "salesPlaybookNote";

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
    let rows = sheet.values.length;
    let columns = 0;
    const at = (r: number, c: number): ICellData => {
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
      return ((cellData[r] ??= {})[c] ??= {});
    };
    sheet.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const cell = literalCell(value);
        if (cell) Object.assign(at(r, c), cell);
      }),
    );
    for (const { row, column, style } of sheet.styles ?? []) at(row, column).s = styleToUniver(style);
    for (const { row, column, text } of sheet.notes ?? []) at(row, column).custom = { [NOTE_KEY]: text };
    worksheets[id] = {
      id,
      name: sheet.name,
      cellData,
      rowCount: Math.max(MIN_ROWS, rows + 50),
      columnCount: Math.max(MIN_COLUMNS, columns + 5),
      ...(sheet.merges?.length
        ? {
            mergeData: sheet.merges.map((m) => ({
              startRow: m.row,
              endRow: m.row + m.rowCount - 1,
              startColumn: m.column,
              endColumn: m.column + m.columnCount - 1,
            })),
          }
        : {}),
      ...(sheet.hidden ? { hidden: BooleanNumber.TRUE } : {}),
    };
    order.push(id);
  });
  return { id: `workbook-${Date.now().toString(36)}`, name, sheetOrder: order, sheets: worksheets };
}
