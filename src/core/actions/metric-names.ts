import type { Bilingual } from "../i18n/locale";
import type { MetricKey } from "../parse/metrics";

/**
 * The metrics a strategy can be meant to move, each read per month from the deal and activity data: a
 * subset of the driver tree's metrics, under the same names (the JSON of actions, monthly and progress agree).
 */
export const STRATEGY_METRICS = [
  "revenue",
  "newCustomers",
  "repurchase",
  "avgOrderValue",
  "closeRate",
  "orders",
  "calls",
  "visits",
  "followUps",
  "proposals",
] as const satisfies readonly MetricKey[];
export type StrategyMetric = (typeof STRATEGY_METRICS)[number];

/** How each metric is named in the action plan's drop-down and in sentences. */
export const STRATEGY_METRIC_NAMES: Readonly<Record<StrategyMetric, Bilingual>> = {
  revenue: { "zh-CN": "销售额", en: "Revenue" },
  newCustomers: { "zh-CN": "新客户数", en: "New customers" },
  repurchase: { "zh-CN": "复购率", en: "Repeat-purchase rate" },
  avgOrderValue: { "zh-CN": "客单价", en: "Order value" },
  closeRate: { "zh-CN": "成交率", en: "Close rate" },
  orders: { "zh-CN": "订单数", en: "Orders" },
  calls: { "zh-CN": "电话量", en: "Calls" },
  visits: { "zh-CN": "拜访量", en: "Visits" },
  followUps: { "zh-CN": "跟进次数", en: "Follow-ups" },
  proposals: { "zh-CN": "方案提交数", en: "Proposals" },
};

const RATES: ReadonlySet<StrategyMetric> = new Set(["repurchase", "closeRate"]);
export const isRateMetric = (metric: StrategyMetric): boolean => RATES.has(metric);

/** Reads a metric name as the sheet shows it (either language, any case); undefined when it is none of them. */
export function readStrategyMetric(value: unknown): StrategyMetric | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  if (text === "") return undefined;
  return STRATEGY_METRICS.find(
    (m) => STRATEGY_METRIC_NAMES[m]["zh-CN"].toLowerCase() === text || STRATEGY_METRIC_NAMES[m].en.toLowerCase() === text,
  );
}
