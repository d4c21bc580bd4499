import type { RangeRef } from "../../cell/a1";
import type { CellValue } from "../../cell/cell-value";
import { textWidth } from "../../cell/text-width";
import { formatAs } from "../../i18n/format";
import type { Locale } from "../../i18n/locale";
import type { DiagnosisReport } from "./diagnosis-report";

/** A column is never narrower than this (a status such as 高 or High, a rank, a month never wraps letter by letter). */
export const MIN_COLUMN_WIDTH = 8;
/** A column is never wider than this: longer text (a problem, its evidence, a strategy) wraps inside it. */
export const LONG_TEXT_WIDTH = 40;
/**
 * Text wider than this widens its column only in the tables of the first screen (the TOP 3 and its strategies);
 * elsewhere (a rep's product lines, a long header) it wraps in a column at least this wide, so the first screen stays
 * narrow enough to read without scrolling sideways.
 */
export const WRAP_WIDTH = 20;
const FIRST_SCREEN: ReadonlySet<DiagnosisReport["tables"][number]["kind"]> = new Set(["problems", "strategies"]);
/** Room around a cell's text, in characters. */
const PADDING = 2;

/** The report's columns sized to their content, and the ranges whose text is longer than its column and wraps. */
export interface ReportLayout {
  /** Width of each column, in characters (a wide character counts two). */
  readonly widths: readonly number[];
  readonly wraps: readonly RangeRef[];
}

/** How wide a cell shows: a number as the report formats it, a text as written. */
function cellWidth(value: CellValue, report: DiagnosisReport, row: number, column: number, locale: Locale): number {
  if (value === null || value === undefined || value === "") return 0;
  if (typeof value === "number") {
    const kind = report.kinds.get(row)?.[column] ?? (Number.isInteger(value) ? "count" : "decimal");
    return formatAs(value, kind, locale).length;
  }
  return textWidth(String(value));
}

/**
 * Every table cell counts towards its column's width, and so does any cell with another one to its right on the row
 * (it would be cut there); a row's last cell outside the tables (a sentence, a heading, a customer's name) runs over
 * the empty cells after it instead. A column is as wide as its widest counted cell, within 8 to 40 characters, long
 * text outside the first screen counting as 20 (`WRAP_WIDTH`). A table column with a cell wider than the column wraps
 * over the table's rows; any other counted cell wider than its column wraps alone.
 */
export function layoutReport(report: DiagnosisReport, locale: Locale): ReportLayout {
  const width = Math.max(1, ...report.values.map((r) => r.length));
  const inTable = new Map<number, DiagnosisReport["tables"][number]>();
  report.tables.forEach((t) => {
    for (let r = t.row; r < t.row + t.rowCount; r++) inTable.set(r, t);
  });
  const lastFilled = (line: readonly CellValue[]) => line.reduce<number>((last, v, c) => (v === null || v === "" ? last : c), -1);
  const counted = (row: number, column: number) => inTable.has(row) || column < lastFilled(report.values[row]);
  const need = report.values.map((line, r) =>
    line.map((v, c) => (counted(r, c) ? cellWidth(v, report, r, c, locale) + PADDING : 0)),
  );

  const firstScreen = (row: number) => {
    const table = inTable.get(row);
    return table !== undefined && FIRST_SCREEN.has(table.kind);
  };
  // How much of a cell's width its column takes.
  const sets = (row: number, w: number) => (w <= WRAP_WIDTH || firstScreen(row) ? w : WRAP_WIDTH);
  const widths = Array.from({ length: width }, (_v, c) =>
    Math.min(LONG_TEXT_WIDTH, Math.max(MIN_COLUMN_WIDTH, ...need.map((line, r) => sets(r, line[c] ?? 0)))),
  );
  const wraps: RangeRef[] = [];
  for (const t of report.tables) {
    // A table may start right of column A (the strategies sit under the problem column).
    for (let column = t.column; column < t.column + t.columnCount; column++) {
      const rows = need.slice(t.row, t.row + t.rowCount);
      if (rows.some((line) => (line[column] ?? 0) > widths[column]))
        wraps.push({ row: t.row, column, rowCount: t.rowCount, columnCount: 1 });
    }
  }
  need.forEach((line, r) => {
    if (inTable.has(r)) return;
    line.forEach((w, c) => {
      if (w > widths[c]) wraps.push({ row: r, column: c, rowCount: 1, columnCount: 1 });
    });
  });
  return { widths, wraps };
}
