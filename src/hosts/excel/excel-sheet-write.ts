import { cellAddress, rangeAddress } from "../../core/cell/a1";
import { MARK_FILL, markFormula } from "../../core/validate/marks";
import type { ChartSpec, HostCapabilities, SheetWrite } from "../../app/workbook-host.port";
import { toExcelErrorAlert, toExcelValidationRule } from "./excel-validation";
import { formulaRuns, toLiteralText as toExcelLiteral } from "../common/literal-text";

/** Excel's column width unit is points; one character of the default font is about 6 points. */
const POINTS_PER_CHARACTER = 6;

/** The waterfall: `addWaterfall`. */
const CHART_TYPES: Readonly<Record<Exclude<ChartSpec["kind"], "waterfall">, "Line" | "ColumnClustered" | "BarClustered">> = {
  line: "Line",
  column: "ColumnClustered",
  bar: "BarClustered",
};

function fill<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(value));
}

/** What the Excel host can do beyond the port's capabilities: Excel's own waterfall chart (ExcelApi 1.9). */
export interface ExcelFeatures {
  readonly nativeWaterfall: boolean;
}

/** Queues one sheet's writes on the context (no sync here). */
export function queueSheetWrite(
  context: Excel.RequestContext,
  op: SheetWrite,
  capabilities: HostCapabilities,
  features: ExcelFeatures = { nativeWaterfall: false },
): void {
  const sheets = context.workbook.worksheets;
  const sheet = op.create ? sheets.add(op.sheet) : sheets.getItem(op.sheet);
  if (op.create && op.hidden) sheet.visibility = "Hidden";

  for (const block of op.values ?? []) {
    if (block.values.length === 0) continue;
    const ref = { row: block.row, column: block.column, rowCount: block.values.length, columnCount: block.values[0].length };
    sheet.getRangeByIndexes(ref.row, ref.column, ref.rowCount, ref.columnCount).values = block.values.map((line) =>
      line.map(toExcelLiteral),
    );
  }
  for (const block of op.formulas ?? []) {
    for (const run of formulaRuns(block.formulas)) {
      const ref = { row: block.row + run.row, column: block.column + run.column, rowCount: run.formulas.length, columnCount: 1 };
      sheet.getRangeByIndexes(ref.row, ref.column, ref.rowCount, 1).formulas = run.formulas;
    }
  }
  for (const col of op.columns ?? []) {
    if (col.width !== undefined) {
      sheet.getRangeByIndexes(0, col.column, 1, 1).getEntireColumn().format.columnWidth = col.width * POINTS_PER_CHARACTER;
    }
    if (!col.rows) continue;
    const range = sheet.getRangeByIndexes(col.rows.row, col.column, col.rows.rowCount, 1);
    if (col.numberFormat) range.numberFormat = fill(col.rows.rowCount, 1, col.numberFormat);
    if (col.validation && capabilities.nativeValidation) {
      // The rule first, then the prompt (ExcelApi 1.8).
      range.dataValidation.rule = toExcelValidationRule(col.validation);
      if (col.prompt) range.dataValidation.prompt = { showPrompt: true, message: col.prompt, title: "" };
      const alert = toExcelErrorAlert(col.validation);
      if (alert) range.dataValidation.errorAlert = alert;
    }
  }
  for (const f of op.formats ?? []) {
    const range = sheet.getRangeByIndexes(f.range.row, f.range.column, f.range.rowCount, f.range.columnCount);
    if (f.numberFormat) range.numberFormat = fill(f.range.rowCount, f.range.columnCount, f.numberFormat);
    if (f.bold) range.format.font.bold = true;
    if (f.wrap) {
      range.format.wrapText = true;
      range.format.autofitRows();
    }
  }
  if (op.marks && capabilities.marks) {
    const all = sheet.getRange().conditionalFormats;
    // A format of many cells (made on WPS) is one handle for each of its cells: deleted once, whole.
    for (const handle of new Set(op.marks.remove)) all.getItem(handle).delete();
    for (const mark of op.marks.add) {
      const address = cellAddress(mark.row, mark.column);
      const cf = sheet.getRange(address).conditionalFormats.add("Custom");
      cf.custom.rule.formula = markFormula(address, mark.severity);
      cf.custom.format.fill.color = MARK_FILL[mark.severity];
    }
  }
  if (op.table) {
    const table = sheet.tables.add(rangeAddress(op.table.range), true);
    table.name = op.table.name;
  } else if (op.headerRow !== undefined) {
    sheet.getRangeByIndexes(op.headerRow, 0, 1, 1).getEntireRow().format.font.bold = true;
  }
  for (const chart of (capabilities.charts && op.charts) || []) {
    const { row, column, rowCount, columnCount } = chart.source;
    const added =
      chart.kind === "waterfall"
        ? addWaterfall(sheet, chart, features)
        : sheet.charts.add(CHART_TYPES[chart.kind], sheet.getRangeByIndexes(row, column, rowCount, columnCount), "Auto");
    added.title.text = chart.title;
    added.setPosition(cellAddress(chart.at.row, chart.at.column));
  }
  if (op.freezeRows) sheet.freezePanes.freezeRows(op.freezeRows);
  if (op.activate) sheet.activate();
}

/**
 * A waterfall: Excel's native one (ExcelApi 1.9). Office.js cannot mark a column as a total, and Excel floats every
 * column after the first from the running total, so the last row (the closing total) is left out: the first column
 * rises from the axis to the opening total, each change floats from there, and the last change ends at the closing
 * total. Without ExcelApi 1.9, the whole source is drawn as plain columns.
 */
function addWaterfall(sheet: Excel.Worksheet, chart: ChartSpec, features: ExcelFeatures): Excel.Chart {
  const { row, column, rowCount } = chart.source;
  if (!features.nativeWaterfall || rowCount < 3) {
    return sheet.charts.add("ColumnClustered", sheet.getRangeByIndexes(row, column, rowCount, 2), "Auto");
  }
  const added = sheet.charts.add("Waterfall", sheet.getRangeByIndexes(row, column, rowCount - 1, 2), "Columns");
  added.legend.visible = false;
  return added;
}
