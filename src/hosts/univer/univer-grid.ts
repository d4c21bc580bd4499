import { deserializeListOptions } from "@univerjs/sheets";
import type { FWorkbook, FWorksheet } from "@univerjs/sheets/facade";
import type {} from "@univerjs/sheets-data-validation/facade";
import type {} from "@univerjs/sheets-numfmt/facade";
import type { RangeRef } from "../../core/cell/a1";
import type { CellValue } from "../../core/cell/cell-value";
import type { ResolvedValidation } from "../../core/templates/sheet-blueprint";
import { fromCellData } from "./univer-host";

/** One sheet of the grid, everything the workbench saves: values, formulas, formats, widths, drop-downs, frozen rows. */
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
}

/** Univer's column widths are pixels; the port's are characters (7 px each, 5 px padding). */
export function widthInCharacters(pixels: number): number {
  return Math.max(1, Math.round(((pixels - 5) / 7) * 10) / 10);
}

/** Reads every sheet of a Univer workbook as `GridSheet`s, for saving. */
export function readGrid(workbook: FWorkbook): GridSheet[] {
  return workbook.getSheets().map(readSheet);
}

function readSheet(ws: FWorksheet): GridSheet {
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
  };
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
