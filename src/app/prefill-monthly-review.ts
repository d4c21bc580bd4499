import { prefillMonthlyReview as prefill, type MonthlyReviewPrefill } from "../core/actions/monthly-prefill";
import { diagnose } from "../core/analysis/diagnosis/diagnose";
import { monthLabel, monthOfCell, monthStart, type MonthKey } from "../core/analysis/reading/period";
import { createMetricsIndex, firstMonths, type MetricsIndex } from "../core/analysis/metrics/period-metrics";
import type { ActivityRecord, DealLine } from "../core/analysis/reading/records";
import { isBlank, type CellValue } from "../core/cell/cell-value";
import type { Locale } from "../core/i18n/locale";
import { resolveRowFormula } from "../core/templates/sheet-blueprint";
import { findTemplate } from "../core/templates/templates";
import { createValidationSettings, type ValidationSettings } from "../core/validate/validation-settings";
import type { DataSourceRequest } from "./data-source";
import { readWorkbook } from "./read-workbook";
import { templateRowsWrite } from "./template-rows";
import { NO_USABLE_DEALS } from "./use-case-error";
import type { SheetWrite, WorkbookHost } from "./workbook-host.port";

export interface PrefillMonthlyReviewRequest extends DataSourceRequest {
  readonly locale: Locale;
  /** Today (Excel serial): later lines are forecast; the month reviewed is the latest up to today by default. */
  readonly today: number;
  /** The month reviewed. */
  readonly month?: MonthKey;
  /** `effectTolerance`: how much a metric must move for a strategy to count as having worked. */
  readonly settings?: Partial<Omit<ValidationSettings, "today">>;
  /** Write the row (default) or only return the pre-fill. */
  readonly write?: boolean;
}

export interface PrefillMonthlyReviewResult {
  readonly sheet: string;
  readonly created: boolean;
  /** The review row written (1-based). */
  readonly row: number;
  readonly dealSheet: string;
  readonly prefill: MonthlyReviewPrefill;
  /** Columns written, and columns left as the manager wrote them (the row for the month existed). */
  readonly written: readonly string[];
  readonly kept: readonly string[];
}

/**
 * Pre-fills the monthly review (月度复盘表) for a month from the data: target and actual (the rate is
 * the sheet's formula), highlights (achievement per rep, the benchmark and the habit behind it, the
 * strategies that worked), problems (the month's TOP 3, the strategies that did not) and improvements
 * (SOP candidates, strategies to rethink), every text marked as a suggestion. A new row, or, when the
 * month has a row already, only its empty cells: the manager's text is never overwritten. Two reads,
 * one write.
 */
export async function prefillMonthlyReview(
  host: WorkbookHost,
  request: PrefillMonthlyReviewRequest,
): Promise<PrefillMonthlyReviewResult> {
  const { locale, today } = request;
  const read = await readWorkbook(host);
  const { outline } = read;
  const source = read.dataSource(request);
  const { deals, activity } = source;
  const { lines } = source.readDeals();
  if (lines.length === 0) throw NO_USABLE_DEALS;
  const data = source.readData();
  const records = data.activity?.records ?? [];
  const { index } = data;
  const month = request.month ?? index.months[index.months.length - 1];
  const diagnosis = diagnose({ deals, activity, ...source.options, period: { to: month }, read: data });
  const find = read.table;
  const review = find("review");
  const settings = createValidationSettings(today, read.thresholds(request.settings));
  const label = monthLabel(month);
  const result = prefill({
    month,
    monthLabel: label,
    index,
    diagnosis,
    targets: find("targets"),
    actions: find("actions"),
    today,
    tolerance: settings.effectTolerance,
    monthToDate: monthToDate(lines, records, diagnosis.periods.longitudinal?.days ?? null),
  });

  const cells: Record<string, CellValue> = {
    reviewTime: label,
    monthTarget: result.team.target,
    monthActual: result.team.actual,
    highlights: result.highlights[locale],
    problems: result.problemsText[locale],
    improvements: result.improvements[locale] === "" ? null : result.improvements[locale],
  };
  const template = findTemplate("review");
  // The month's row, whether the host kept the label as text or turned it into a date (`monthOfCell`).
  const same = review?.rows.find((r) => monthOfCell(r.cells.reviewTime ?? null) === month);
  let write: SheetWrite;
  let sheet: string;
  let row: number;
  let created = false;
  const written: string[] = [];
  const kept: string[] = [];
  if (same && review) {
    // The month has a row: only its empty cells are filled.
    sheet = review.sheet;
    row = same.sheetRow;
    const values = [];
    for (const [key, value] of Object.entries(cells)) {
      const column = review.columns.get(key);
      if (column === undefined || value === null) continue;
      if (!isBlank(same.cells[key])) {
        if (key !== "reviewTime") kept.push(key);
        continue;
      }
      values.push({ row, column, values: [[value]] });
      written.push(key);
    }
    write = { sheet, values, activate: true };
  } else {
    const layout = templateRowsWrite(template, review, { rows: [cells] }, outline, locale);
    sheet = layout.sheet;
    row = layout.firstRow;
    created = layout.created;
    written.push(...Object.keys(cells).filter((k) => cells[k] !== null && (layout.created || review?.columns.has(k))));
    // The rate is the sheet's own formula over target and actual, on the new row too.
    const columns = layout.created
      ? new Map(template.columns.map((c, i) => [c.key, i] as const))
      : (review?.columns ?? new Map<string, number>());
    const rate = template.columns.find((c) => c.key === "achievement")!;
    const at = columns.get("achievement");
    const canCompute = ["monthTarget", "monthActual"].every((k) => columns.has(k));
    write =
      at !== undefined && canCompute
        ? {
            ...layout.write,
            formulas: [
              ...(layout.write.formulas ?? []),
              { row, column: at, formulas: [[resolveRowFormula(rate.formula!, columns, row)]] },
            ],
          }
        : layout.write;
  }
  if (request.write !== false) await host.write({ sheets: [write] });
  return { sheet, created, row: row + 1, dealSheet: deals.name, prefill: result, written, kept };
}

/** Days 1..days of every month, as the diagnosis compares a month not yet over; undefined for whole months. */
function monthToDate(
  lines: readonly DealLine[],
  records: readonly ActivityRecord[],
  days: number | null,
): { days: number; index: MetricsIndex } | undefined {
  if (days === null) return undefined;
  const within = (r: { readonly date: number; readonly month: MonthKey }) => r.date - monthStart(r.month) + 1 <= days;
  // Whether a customer is new is a fact of all its purchases, not of the days compared.
  return { days, index: createMetricsIndex(lines.filter(within), records.filter(within), firstMonths(lines)) };
}
