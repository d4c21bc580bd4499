import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/cell/cell-value";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UNIX_DAYS = 25569; // serial of 1970-01-01

/** ExcelJS hands dates as JS Dates at UTC midnight (plus the time of day): back to an Excel serial. */
export function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + EXCEL_EPOCH_UNIX_DAYS;
}

/**
 * One ExcelJS cell value as the port's CellValue: formulas give their cached result (null when the
 * file has none), rich text is flattened, hyperlinks give their text, errors their "#N/A" text.
 */
export function fromExcelJsValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text).join("");
    if ("error" in value) return String(value.error);
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? null : fromExcelJsValue(result as ExcelJS.CellValue);
    }
    if ("text" in value) return fromExcelJsValue((value as { text: ExcelJS.CellValue }).text);
  }
  return null;
}
