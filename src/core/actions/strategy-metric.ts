import { formatAmount, formatNumber, formatPercent } from "../i18n/format";
import { asWritten, formatBilingual, type Bilingual } from "../i18n/locale";
import { isRateMetric, type StrategyMetric } from "../parse/metric-names";
import { ACTION_TEXT, COUNT_UNITS } from "./review-text";

export * from "../parse/metric-names";
import type { ProcessField } from "../analysis/reading/fields";
import type { MonthKey } from "../analysis/reading/period";
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

/** A metric's value in one month (the team's, or one rep's); null where the data cannot give it. */
export function metricValue(index: MetricsIndex, metric: StrategyMetric, month: MonthKey, rep?: string): number | null {
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

/** A metric's value as a manager reads it: 6个, 35万, 62.5%. */
export function formatMetric(metric: StrategyMetric, value: number): Bilingual {
  if (isRateMetric(metric)) return asWritten(formatPercent(value));
  if (MONEY.has(metric)) return formatAmount(value);
  return formatBilingual(ACTION_TEXT.count, { count: formatNumber(value), unit: COUNT_UNITS[metric] ?? "" });
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
