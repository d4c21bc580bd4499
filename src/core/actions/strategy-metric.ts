import { formatAmount, formatNumber, formatPercent } from "../i18n/format";
import { asWritten, formatBilingual, localize, type Bilingual } from "../i18n/locale";
import { isRateMetric, type StrategyMetric } from "../parse/metric-names";
import { ACTION_TEXT, COUNT_UNITS } from "./review-text";

export * from "../parse/metric-names";
import type { ProcessField } from "../analysis/reading/fields";
import { monthStart, type MonthKey } from "../analysis/reading/period";
import { avgOrderValue, closeRateOf, type MetricsIndex } from "../analysis/metrics/period-metrics";
import type { ProblemCode } from "../analysis/diagnosis/strategies";

const MONEY: ReadonlySet<StrategyMetric> = new Set(["revenue", "avgOrderValue"]);

/**
 * Repurchase as the diagnosis measures it (its baselines and the lowRepurchase problem): of the customers
 * who bought in the three months before, the share who bought again this month. Null without such
 * customers. One definition, so a strategy against low repurchase is judged on the figure that found it.
 */
export function repurchaseRate(index: MetricsIndex, month: MonthKey, rep?: string): number | null {
  const base = index.customerKeys([month - 3, month - 2, month - 1], rep);
  if (base.size === 0) return null;
  const now = index.customerKeys([month], rep);
  let again = 0;
  base.forEach((c) => (again += now.has(c) ? 1 : 0));
  return again / base.size;
}

/**
 * What a metric's figure counts: the team's month ("month", the default), or per rep per week ("repWeek": the month's
 * count over the reps who recorded it and the month's weeks), as the diagnosis measures the lead activity and its
 * strategy says it ("恢复拜访至人均每周5次").
 */
export type MetricBasis = "month" | "repWeek";

/** Only counts and amounts can be per rep per week; a rate or an order value is the same figure either way. */
export const hasBasis = (metric: StrategyMetric): boolean => !isRateMetric(metric) && metric !== "avgOrderValue";

/** Strategy or problem text that says its figure is per rep per week. */
const PER_REP_WEEK = /人均每周|每人每周|per rep (?:per|a) week/i;

/** The basis a text says ("人均每周3次", "per rep per week"); "month" when it says none. */
export function basisIn(...texts: readonly unknown[]): MetricBasis {
  return texts.some((t) => typeof t === "string" && PER_REP_WEEK.test(t)) ? "repWeek" : "month";
}

const ACTIVITY_METRICS: ReadonlySet<StrategyMetric> = new Set(["calls", "visits", "followUps", "proposals"]);

/** The reps with a figure for the metric in the month: an activity count recorded, or a deal line. */
function activeReps(index: MetricsIndex, metric: StrategyMetric, month: MonthKey): number {
  const field = ACTIVITY_METRICS.has(metric) ? (metric as ProcessField) : undefined;
  return index.reps.filter((rep) => {
    const m = index.metrics([month], rep);
    return field ? m.activity[field] !== undefined : m.orders > 0 || m.revenue !== 0;
  }).length;
}

/**
 * A metric's value in one month (the team's, or one rep's) on a basis; null where the data cannot give it.
 * `days`: the days of each month compared (month to date), the whole month by default.
 */
export function metricValue(
  index: MetricsIndex,
  metric: StrategyMetric,
  month: MonthKey,
  rep?: string,
  basis: MetricBasis = "month",
  days?: number,
): number | null {
  const value = monthValue(index, metric, month, rep);
  if (value === null || basis === "month" || !hasBasis(metric)) return value;
  const reps = rep === undefined ? activeReps(index, metric, month) : 1;
  const weeks = (days ?? monthStart(month + 1) - monthStart(month)) / 7;
  return reps > 0 && weeks > 0 ? value / reps / weeks : null;
}

function monthValue(index: MetricsIndex, metric: StrategyMetric, month: MonthKey, rep?: string): number | null {
  const m = index.metrics([month], rep);
  switch (metric) {
    case "revenue":
      return m.revenue;
    case "newCustomers":
      return m.newCustomers;
    case "repurchase":
      return repurchaseRate(index, month, rep);
    case "avgOrderValue":
      return avgOrderValue(m);
    case "closeRate":
      return closeRateOf(m);
    case "orders":
      return m.orders;
    default:
      return m.activity[metric as ProcessField] ?? null;
  }
}

/** A metric's value as a manager reads it: 6个, 35万, 62.5%; per rep per week: 人均每周3.2次. */
export function formatMetric(metric: StrategyMetric, value: number, basis: MetricBasis = "month"): Bilingual {
  if (isRateMetric(metric)) return asWritten(formatPercent(value));
  const figure = MONEY.has(metric)
    ? formatAmount(value)
    : formatBilingual(ACTION_TEXT.count, { count: formatNumber(value), unit: COUNT_UNITS[metric] ?? "" });
  return basis === "repWeek" && hasBasis(metric) ? formatBilingual(ACTION_TEXT.perRepWeek, { figure }) : figure;
}

/**
 * The number format of a baseline cell, so the cell says its unit: a rate as a percentage; per rep per week with
 * the words ("人均每周"0.0"次"); undefined for the team's month (a plain number).
 */
export function baselineFormat(metric: StrategyMetric, basis: MetricBasis): Bilingual | undefined {
  if (isRateMetric(metric)) return asWritten("0.0%");
  if (basis !== "repWeek" || !hasBasis(metric)) return undefined;
  const quoted = (unit: string) => (unit === "" ? "" : `"${unit}"`);
  const unit = COUNT_UNITS[metric] ?? { "zh-CN": "", en: "" };
  const number = MONEY.has(metric) ? "#,##0" : "0.0";
  return {
    "zh-CN": localize(ACTION_TEXT.perRepWeekFormat, "zh-CN", { number, unit: quoted(unit["zh-CN"]) }),
    en: localize(ACTION_TEXT.perRepWeekFormat, "en", { number, unit: quoted(unit.en) }),
  };
}

/**
 * The basis each problem's figures are in: the lead activity is measured per rep per week by the diagnosis and its
 * strategy restores it "to N per rep per week"; the others are the team's month.
 */
export function basisOfProblem(code: ProblemCode): MetricBasis {
  return code === "fallingActivity" ? "repWeek" : "month";
}

/**
 * The metric each problem of the diagnosis is about: what its strategies should move ("activity": the lead activity
 * the data has). A problem added to `PROBLEMS` fails to compile until it has its metric here.
 */
const PROBLEM_METRICS = {
  newCustomerShortfall: "newCustomers",
  lowRepurchase: "repurchase",
  lowHighTicketCloseRate: "closeRate",
  orderValueDrop: "avgOrderValue",
  fallingActivity: "activity",
  customerTypeShift: "revenue",
  repFarBelow: "revenue",
  repDrop: "revenue",
  returnsRise: "revenue",
  seasonalDip: "revenue",
} as const satisfies Record<ProblemCode, StrategyMetric | "activity">;

export function metricOfProblem(code: ProblemCode, activityField: ProcessField | null): StrategyMetric {
  const metric = PROBLEM_METRICS[code];
  return metric === "activity" ? (activityField ?? "visits") : metric;
}
