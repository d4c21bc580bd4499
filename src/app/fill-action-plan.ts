import { readActionItem } from "../core/actions/action-rows";
import { ACTION_TEXT, isSuggestion } from "../core/actions/review-text";
import { STRATEGY_DAYS, STRATEGY_RESOURCES, strategyOwner } from "../core/actions/strategy-owner";
import {
  baselineFormat,
  basisOfProblem,
  metricOfProblem,
  metricValue,
  STRATEGY_METRIC_NAMES,
  type MetricBasis,
  type StrategyMetric,
} from "../core/actions/strategy-metric";
import { diagnose } from "../core/analysis/diagnosis/diagnose";
import { monthLabel, monthOf, monthOfCell, type MonthRange } from "../core/analysis/reading/period";
import type { CellValue } from "../core/cell/cell-value";
import { serialToIso } from "../core/cell/excel-date";
import { localize, type Locale } from "../core/i18n/locale";
import { parseDeadline } from "../core/parse/deadline";
import { splitNumberedList } from "../core/parse/numbered-list";
import { normalizeText } from "../core/parse/parse-result";
import { ACTION_STATUSES } from "../core/templates/action-plan.template";
import { findTemplate } from "../core/templates/templates";
import type { SheetTable } from "../core/sheet/sheet-table";
import type { DataSourceRequest } from "./data-source";
import { readWorkbook } from "./read-workbook";
import { templateRowsWrite } from "./template-rows";
import { NO_USABLE_DEALS } from "./use-case-error";
import type { RangeFormat, ValueBlock, WorkbookHost } from "./workbook-host.port";

export interface FillActionPlanRequest extends DataSourceRequest {
  readonly locale: Locale;
  /** Today (Excel serial): the start date of new strategies, and what is past. */
  readonly today: number;
  /** The month diagnosed for the TOP 3 (the latest month with deals by default). */
  readonly period?: MonthRange;
  /** Write the action plan (default) or only return what would be added. */
  readonly write?: boolean;
}

/** One strategy added to the action plan. */
export interface PlannedAction {
  readonly source: "diagnosis" | "review";
  readonly problem: string;
  readonly strategy: string;
  readonly owner: string;
  readonly resources: string;
  /** Excel serials: the start is today; the due date is null where the manager sets it. */
  readonly startDate: number;
  readonly deadline: number | null;
  readonly status: string;
  readonly metric: StrategyMetric | null;
  /** What the metric and its baseline count: the team's month, or per rep per week where the strategy says so. */
  readonly basis: MetricBasis;
  /** The metric in the month before the start date, on that basis; null when the data has none. */
  readonly baseline: number | null;
}

export interface FillActionPlanResult {
  readonly sheet: string;
  readonly created: boolean;
  readonly dealSheet: string;
  /** The month whose TOP 3 were read. */
  readonly period: string | null;
  readonly added: readonly PlannedAction[];
  /** Strategies already in the plan, left as they are. */
  readonly alreadyPlanned: number;
  /** Existing rows whose empty baseline was filled from the data (1-based sheet rows). */
  readonly baselinesFilled: readonly number[];
}

const OWNER_IN_TEXT = /由\s*([^\s，,。；;、]{1,12}?)\s*(?:负责|牵头|对接|跟进)|(?:owner|responsible)\s*[:：]\s*([^,，;；]+)/i;

/** The improvements of the latest monthly review that are the manager's own (not still marked as suggestions). */
function reviewImprovements(review: SheetTable | undefined): { time: string; items: string[] } | undefined {
  if (!review) return undefined;
  const row = [...review.rows].reverse().find((r) => normalizeText(r.cells.improvements) !== "");
  if (!row || isSuggestion(row.cells.improvements)) return undefined;
  // The items as the manager wrote them: the list is read on the folded text (full-width signs as ASCII,
  // one character for one), and each item is cut from the cell at the same place.
  const raw = String(row.cells.improvements).trim();
  const folded = normalizeText(raw);
  let from = 0;
  const items = splitNumberedList(raw)
    .map((i) => {
      const text = i.text.trim();
      const at = folded.indexOf(text, from);
      if (at < 0) return text;
      from = at + text.length;
      return raw.slice(at, at + text.length);
    })
    .filter((t) => t !== "" && !isSuggestion(t));
  return { time: reviewTimeText(row.cells.reviewTime ?? null), items };
}

/** Numbers above this are months written yyyymm (190001 on), never a date serial a review would hold. */
const YEAR_MONTH_FROM = 190_000;

/**
 * A review's time as words. A date is said as its day, or as its month when it is the 1st with no time of day: what a
 * host makes of a month label such as "2026-11" it turned into a date.
 */
function reviewTimeText(value: CellValue): string {
  if (typeof value !== "number") return normalizeText(value);
  // 202611, a month typed as a number: its month, not the date of serial 202,611 (in the year 2454).
  if (Number.isInteger(value) && value > YEAR_MONTH_FROM) {
    const month = monthOfCell(value);
    return month === undefined ? String(value) : monthLabel(month);
  }
  const day = serialToIso(value);
  if (!day) return String(value);
  return Number.isInteger(value) && day.endsWith("-01") ? day.slice(0, 7) : day;
}

/**
 * Fills the action plan (行动计划表) from the diagnosis' TOP 3 and the latest monthly review's
 * improvements: one row per strategy not yet in the plan, starting today, status 未开始, with the metric
 * it should move and its baseline (the metric in the month before the start). Rows the manager wrote
 * are never changed, except an empty baseline of a row with a start date and a metric, which is filled
 * from the data. Creates the sheet when there is none. Two reads, one write.
 */
export async function fillActionPlan(host: WorkbookHost, request: FillActionPlanRequest): Promise<FillActionPlanResult> {
  const { locale, today } = request;
  const read = await readWorkbook(host);
  const { outline } = read;
  const source = read.dataSource(request);
  const { deals, activity } = source;
  if (source.readDeals().lines.length === 0) throw NO_USABLE_DEALS;
  const data = source.readData();
  const { index } = data;
  const diagnosis = diagnose({ deals, activity, ...source.options, period: request.period, read: data });
  const existing = read.table("actions");
  const review = read.table("review");

  const planned = new Set((existing?.rows ?? []).map((r) => normalizeText(r.cells.strategy)).filter((s) => s !== ""));
  let alreadyPlanned = 0;
  const baselineMonth = monthOf(today) - 1;
  const baselineOf = (metric: StrategyMetric | null, basis: MetricBasis, month = baselineMonth) =>
    metric === null || !index.months.includes(month) ? null : metricValue(index, metric, month, undefined, basis);
  const added: PlannedAction[] = [];
  const add = (action: Omit<PlannedAction, "startDate" | "status" | "baseline">) => {
    const key = normalizeText(action.strategy);
    if (planned.has(key)) {
      alreadyPlanned++;
      return;
    }
    planned.add(key);
    added.push({
      ...action,
      startDate: today,
      status: ACTION_STATUSES.notStarted[locale],
      baseline: baselineOf(action.metric, action.basis),
    });
  };
  const activityField = diagnosis.drivers?.activityField ?? null;
  for (const problem of diagnosis.issues) {
    for (const s of problem.strategies) {
      add({
        source: "diagnosis",
        problem: problem.summary[locale],
        strategy: s.action[locale],
        // The rep the problem is about, else the manager; the playbook's resources; two weeks from today.
        owner: s.owner || strategyOwner(problem.affects, locale),
        resources: s.resources || STRATEGY_RESOURCES[problem.code][locale],
        deadline: today + STRATEGY_DAYS,
        metric: metricOfProblem(problem.code, activityField),
        // The lead activity's strategies say "per rep per week" (人均每周), as the diagnosis measured it.
        basis: basisOfProblem(problem.code),
      });
    }
  }
  const improvements = reviewImprovements(review);
  for (const item of improvements?.items ?? []) {
    const owner = OWNER_IN_TEXT.exec(item);
    const deadline = parseDeadline(item, today);
    add({
      source: "review",
      problem: localize(ACTION_TEXT.reviewSource, locale, { time: improvements!.time }),
      strategy: item,
      owner: (owner?.[1] ?? owner?.[2] ?? "").trim(),
      resources: "",
      deadline: deadline.ok ? deadline.value.serial : null,
      // The manager picks the metric an improvement should move (the plan's check asks for it): read from its
      // words, "交付流程优化" would come out as orders.
      metric: null,
      basis: "month",
    });
  }

  // Empty baselines of the manager's rows with a start date and a metric.
  const baselineBlocks: ValueBlock[] = [];
  const baselineFormats: RangeFormat[] = [];
  const baselinesFilled: number[] = [];
  const baselineColumn = existing?.columns.get("baseline");
  for (const row of existing?.rows ?? []) {
    const item = readActionItem(row, today);
    if (baselineColumn === undefined || normalizeText(row.cells.baseline) !== "") continue;
    if (item.startDate === undefined || item.metric === undefined) continue;
    const value = baselineOf(item.metric, item.basis, monthOf(item.startDate) - 1);
    if (value === null) continue;
    baselineBlocks.push({ row: row.sheetRow, column: baselineColumn, values: [[value]] });
    const format = baselineFormat(item.metric, item.basis);
    if (format) {
      const range = { row: row.sheetRow, column: baselineColumn, rowCount: 1, columnCount: 1 };
      baselineFormats.push({ range, numberFormat: format[locale] });
    }
    baselinesFilled.push(row.sheetRow + 1);
  }

  const template = findTemplate("actions");
  const cells = (a: PlannedAction): Record<string, CellValue> => ({
    problem: a.problem,
    strategy: a.strategy,
    owner: a.owner,
    resources: a.resources,
    startDate: a.startDate,
    deadline: a.deadline,
    status: a.status,
    metric: a.metric === null ? null : STRATEGY_METRIC_NAMES[a.metric][locale],
    baseline: a.baseline,
  });
  const layout = templateRowsWrite(
    template,
    existing,
    {
      rows: added.map(cells),
      numberFormats: (i) => {
        // The baseline cell says its unit: a rate as a percentage, per rep per week in words ("人均每周3.2次").
        const { metric, basis } = added[i];
        const format = metric === null ? undefined : baselineFormat(metric, basis);
        return { startDate: "yyyy-mm-dd", deadline: "yyyy-mm-dd", ...(format ? { baseline: format[locale] } : {}) };
      },
    },
    outline,
    locale,
  );
  const write = {
    ...layout.write,
    values: [...(layout.write.values ?? []), ...baselineBlocks],
    formats: [...(layout.write.formats ?? []), ...baselineFormats],
  };
  if (request.write !== false && (added.length > 0 || baselineBlocks.length > 0 || layout.created)) {
    await host.write({ sheets: [write] });
  }
  return {
    sheet: layout.sheet,
    created: layout.created,
    dealSheet: deals.name,
    period: diagnosis.period,
    added,
    alreadyPlanned,
    baselinesFilled,
  };
}
