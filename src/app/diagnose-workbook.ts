import { diagnose, type Diagnosis } from "../core/analysis/diagnosis/diagnose";
import type { MonthRange } from "../core/analysis/reading/period";
import { createDiagnosisReport, type DiagnosisReport, type ReportTable } from "../core/analysis/diagnosis/diagnosis-report";
import { resolveFreeSheetName } from "../core/cell/sheet-name";
import type { CellValue } from "../core/cell/cell-value";
import type { Bilingual, Locale } from "../core/i18n/locale";
import { REPORT_TEXT } from "../core/analysis/diagnosis/report-text";
import { spreadsheetFormat } from "../core/i18n/format";
import { layoutReport } from "../core/analysis/diagnosis/report-layout";
import type { DataSourceRequest } from "./data-source";
import { readWorkbook } from "./read-workbook";
import { workStepReporter, workSteps, type WorkStepCallback } from "./work-steps";
import { NO_USABLE_DEALS } from "./use-case-error";
import type { ChartSpec, RangeFormat, WorkbookHost } from "./workbook-host.port";

/** `today`, here: also the diagnosed month is the latest up to today. */
export interface DiagnoseWorkbookRequest extends DataSourceRequest {
  readonly locale: Locale;
  /** Write the report sheet (default) or only return the diagnosis. */
  readonly write?: boolean;
  /** The month diagnosed, and the span of the rep and customer sections. */
  readonly period?: MonthRange;
  /** Told as reading, computing and writing start. */
  readonly onStep?: WorkStepCallback;
}

export interface DiagnoseWorkbookResult {
  readonly dealSheet: string;
  readonly activitySheet?: string;
  readonly diagnosis: Diagnosis;
  readonly reportSheet?: string;
}

function rectangular(values: CellValue[][]): CellValue[][] {
  const width = Math.max(1, ...values.map((r) => r.length));
  return values.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
}

/** Rows a chart takes on the sheet (about 18 rows of the default height, and a gap): the next one starts below it. */
const CHART_ROWS = 20;

/**
 * Native charts beside the report, each at the row of its table, right of every column, one below the other: the
 * monthly revenue trend, the change by driver as a waterfall (the previous period's revenue, each driver's effect,
 * this period's revenue: the total change under it is left out), revenue by rep (without the per-rep average) and by
 * customer type (largest first).
 */
export function reportCharts(report: DiagnosisReport, width: number, locale: Locale): ChartSpec[] {
  const charts: Partial<Record<ReportTable["kind"], [ChartSpec["kind"], Bilingual]>> = {
    trend: ["line", REPORT_TEXT.chartTrend],
    attribution: ["waterfall", REPORT_TEXT.chartWaterfall],
    reps: ["bar", REPORT_TEXT.chartReps],
    segments: ["column", REPORT_TEXT.chartSegments],
  };
  let free = 0;
  return report.tables.flatMap((table) => {
    const spec = charts[table.kind];
    if (!spec) return [];
    // The reps table ends with the per-rep average and the change by driver with its total: neither is charted.
    const rowCount = table.kind === "reps" || table.kind === "attribution" ? table.rowCount - 1 : table.rowCount;
    if (rowCount < 2) return [];
    const row = Math.max(table.row, free);
    free = row + CHART_ROWS;
    return [
      {
        kind: spec[0],
        title: spec[1][locale],
        source: { row: table.row, column: table.column, rowCount, columnCount: 2 },
        at: { row, column: width + 1 },
      },
    ];
  });
}

/** The report's number formats: one range per run of rows in a column that share a kind. */
function numberFormats(report: DiagnosisReport, width: number, locale: Locale): RangeFormat[] {
  const out: RangeFormat[] = [];
  const rows = [...report.kinds.keys()].sort((x, y) => x - y);
  for (let column = 0; column < width; column++) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const kind = report.kinds.get(rows[start])?.[column];
      const next = i < rows.length ? report.kinds.get(rows[i])?.[column] : undefined;
      if (i < rows.length && rows[i] === rows[i - 1] + 1 && next === kind) continue;
      if (kind) {
        const range = { row: rows[start], column, rowCount: rows[i - 1] - rows[start] + 1, columnCount: 1 };
        out.push({ range, numberFormat: spreadsheetFormat(kind, locale) });
      }
      start = i;
    }
  }
  return out;
}

/**
 * Diagnoses the user's deal data (and activity records when the workbook has them) and writes the
 * report as a new sheet (诊断报告 / Diagnosis, suffixed when taken). Two reads, one write.
 */
export async function diagnoseWorkbook(host: WorkbookHost, request: DiagnoseWorkbookRequest): Promise<DiagnoseWorkbookResult> {
  const writing = request.write !== false;
  const step = workStepReporter(request.onStep, workSteps(writing));
  await step("reading");
  const read = await readWorkbook(host);
  const { outline } = read;
  await step("computing");
  const source = read.dataSource(request);
  const { deals, activity } = source;
  const diagnosis = diagnose({ deals, activity, ...source.options, period: request.period, read: source.readData() });
  if (diagnosis.dataQuality.dealLines === 0) throw NO_USABLE_DEALS;
  if (!writing) return { dealSheet: deals.name, activitySheet: activity?.name, diagnosis };

  const report = createDiagnosisReport(diagnosis, request.locale);
  const sheet = resolveFreeSheetName(REPORT_TEXT.title[request.locale], outline.sheets);
  const values = rectangular(report.values);
  const layout = layoutReport(report, request.locale);
  const formats: RangeFormat[] = [
    ...report.sectionRows.map((row) => ({ range: { row, column: 0, rowCount: 1, columnCount: 1 }, bold: true })),
    // A table's header wraps rather than being cut where its column is sized to the numbers under it.
    ...report.tables.flatMap((table) => [
      {
        range: { row: table.row, column: table.column, rowCount: 1, columnCount: table.columnCount },
        bold: true,
        wrap: true,
      },
    ]),
    ...numberFormats(report, values[0].length, request.locale),
    ...layout.wraps.map((range) => ({ range, wrap: true })),
  ];
  await step("writing");
  await host.write({
    sheets: [
      {
        sheet,
        create: true,
        values: [{ row: 0, column: 0, values }],
        columns: layout.widths.map((width, column) => ({ column, width })),
        formats,
        charts: reportCharts(report, values[0].length, request.locale),
        activate: true,
      },
    ],
  });
  return { dealSheet: deals.name, activitySheet: activity?.name, diagnosis, reportSheet: sheet };
}
