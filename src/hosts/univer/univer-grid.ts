import type { ICellData, IStyleData, IWorkbookData, IWorksheetData, Nullable } from "@univerjs/core";
import { deserializeListOptions } from "@univerjs/sheets";
import type { FWorkbook, FWorksheet } from "@univerjs/sheets/facade";
import type {} from "@univerjs/sheets-conditional-formatting/facade";
import type {} from "@univerjs/sheets-data-validation/facade";
import type {} from "@univerjs/sheets-numfmt/facade";
import type { RangeRef } from "../../core/cell/a1";
import type { CellValue } from "../../core/cell/cell-value";
import type { ResolvedValidation } from "../../core/templates/sheet-blueprint";
import { readMarkCells } from "../../core/validate/mark-areas";
import type { MarkTone } from "../../core/validate/marks";
import type { ChartSpec } from "../../app/workbook-host.port";
import { fromCellData, recordedCharts } from "./univer-host";
import { styleFromUniver, type CellNote, type StyledCell } from "./univer-styles";
import { NOTE_KEY } from "./univer-workbook-data";

/** A mark of the add-in on the grid: a finding's fill or the weekly review's highlight. */
export interface GridMark {
  readonly row: number;
  readonly column: number;
  readonly tone: MarkTone;
}

/**
 * One sheet of the grid, everything the workbench saves: values, formulas, formats, widths, drop-downs, frozen rows,
 * how the cells look, merges, notes, whether the sheet is hidden, the add-in's marks and the charts asked of it.
 */
export interface GridSheet {
  readonly name: string;
  /** From A1; a formula cell holds its result. */
  readonly values: readonly (readonly CellValue[])[];
  readonly formulas: readonly (readonly (string | null)[])[];
  readonly numberFormats: readonly (readonly (string | null)[])[];
  /** Column widths in characters. */
  readonly widths: readonly number[];
  readonly validations: readonly { readonly range: RangeRef; readonly rule: ResolvedValidation; readonly prompt?: string }[];
  readonly frozenRows: number;
  /** Cells with a font, fill or alignment of their own (any cell, beyond the values too). */
  readonly styles: readonly StyledCell[];
  readonly merges: readonly RangeRef[];
  /** Notes kept from the file the grid was opened from (the grid shows none). */
  readonly notes: readonly CellNote[];
  readonly hidden: boolean;
  readonly marks: readonly GridMark[];
  /** Charts the add-in asked for on this sheet; Univer draws none. */
  readonly charts: readonly ChartSpec[];
}

/** Univer's column widths are pixels; the port's are characters (7 px each, 5 px padding). */
export function widthInCharacters(pixels: number): number {
  return Math.max(1, Math.round(((pixels - 5) / 7) * 10) / 10);
}

/** Reads every sheet of a Univer workbook as `GridSheet`s, for saving. */
export function readGrid(workbook: FWorkbook): GridSheet[] {
  const snapshot = workbook.save();
  return workbook.getSheets().map((ws) => readSheet(ws, snapshot));
}

function readSheet(ws: FWorksheet, snapshot: Partial<IWorkbookData>): GridSheet {
  const lastRow = ws.getLastRow();
  const lastColumn = ws.getLastColumn();
  const empty = lastRow < 0 || lastColumn < 0;
  const range = empty ? undefined : ws.getRange(0, 0, lastRow + 1, lastColumn + 1);
  const cells = range?.getCellDatas() ?? [];
  const formats = range?.getNumberFormats() ?? [];
  return {
    name: ws.getSheetName(),
    values: cells.map((line) => line.map(fromCellData)),
    formulas: cells.map((line) => line.map((cell) => cell?.f ?? null)),
    numberFormats: formats.map((line) => line.map((f) => (f && f !== "General" ? f : null))),
    widths: Array.from({ length: empty ? 0 : lastColumn + 1 }, (_v, c) => widthInCharacters(ws.getColumnWidth(c))),
    validations: ws.getDataValidations().flatMap((dv) => {
      const rule = resolvedRule(dv.getCriteriaType(), dv.getCriteriaValues(), dv.getAllowInvalid());
      const prompt = (dv as unknown as { rule?: { prompt?: string } }).rule?.prompt;
      return rule
        ? dv.getRanges().map((r) => {
            const { startRow, endRow, startColumn, endColumn } = r.getRange();
            return {
              range: {
                row: startRow,
                column: startColumn,
                rowCount: endRow - startRow + 1,
                columnCount: endColumn - startColumn + 1,
              },
              rule,
              ...(prompt ? { prompt } : {}),
            };
          })
        : [];
    }),
    frozenRows: ws.getFrozenRows(),
    ...cellsOf(snapshot.sheets?.[ws.getSheetId()], snapshot.styles ?? {}),
    hidden: ws.isSheetHidden(),
    marks: ws.getConditionalFormattingRules().flatMap((cf) => {
      const rule = cf.rule as { subType?: string; value?: unknown };
      const mark = rule.subType === "formula" && typeof rule.value === "string" ? readMarkCells(rule.value) : undefined;
      return (mark?.cells ?? []).map((cell) => ({ row: cell.row, column: cell.column, tone: mark!.tone }));
    }),
    charts: recordedCharts(ws),
  };
}

/** The styles, notes and merges of a sheet's snapshot (a style is an id into the workbook's styles, or inline). */
function cellsOf(
  sheet: Partial<IWorksheetData> | undefined,
  styles: Readonly<Record<string, Nullable<IStyleData>>>,
): Pick<GridSheet, "styles" | "notes" | "merges"> {
  const styled: StyledCell[] = [];
  const notes: CellNote[] = [];
  for (const [r, line] of Object.entries(sheet?.cellData ?? {})) {
    for (const [c, cell] of Object.entries(line ?? {}) as [string, Nullable<ICellData>][]) {
      const row = Number(r);
      const column = Number(c);
      const style = styleFromUniver(typeof cell?.s === "string" ? styles[cell.s] : cell?.s);
      if (style) styled.push({ row, column, style });
      const note: unknown = cell?.custom?.[NOTE_KEY];
      if (typeof note === "string" && note !== "") notes.push({ row, column, text: note });
    }
  }
  const merges = (sheet?.mergeData ?? []).map((m) => ({
    row: m.startRow,
    column: m.startColumn,
    rowCount: m.endRow - m.startRow + 1,
    columnCount: m.endColumn - m.startColumn + 1,
  }));
  return { styles: styled, notes, merges };
}

/** Univer's rule (type, [operator, formula1, formula2]) as the port's, for the kinds the add-in writes. */
function resolvedRule(
  type: string,
  [operator, first, second]: readonly (string | undefined)[],
  allowInvalid = false,
): ResolvedValidation | undefined {
  if (type === "list" && first !== undefined)
    return { kind: "list", values: deserializeListOptions(first), ...(allowInvalid ? { allowOther: true } : {}) };
  if (type === "date") return { kind: "date" };
  if (type === "whole" || type === "decimal") {
    const kind = type === "whole" ? "wholeNumber" : "decimal";
    const a = Number(first);
    const b = Number(second);
    if (operator === "between") return { kind, min: a, max: b };
    if (operator === "lessThanOrEqual") return { kind, max: a };
    return { kind, min: Number.isFinite(a) ? a : 0 };
  }
  return undefined;
}
