import { bilingual, type Bilingual } from "../i18n/locale";
import { METRIC_NAMES, type MetricKey } from "./metrics";

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

/** How each metric is named in the action plan's drop-down and table cells: its name (`METRIC_NAMES`), English capitalised. */
export const STRATEGY_METRIC_NAMES: Readonly<Record<StrategyMetric, Bilingual>> = Object.fromEntries(
  STRATEGY_METRICS.map((m) => {
    const { "zh-CN": zh, en } = METRIC_NAMES[m];
    return [m, bilingual(zh, en.charAt(0).toUpperCase() + en.slice(1))];
  }),
) as Record<StrategyMetric, Bilingual>;

/** Names earlier versions wrote in the drop-down, still read back from existing sheets. */
const EARLIER_NAMES: ReadonlyMap<string, StrategyMetric> = new Map([
  ["repeat-purchase rate", "repurchase"],
  ["order value", "avgOrderValue"],
]);

const RATES: ReadonlySet<StrategyMetric> = new Set(["repurchase", "closeRate"]);
export const isRateMetric = (metric: StrategyMetric): boolean => RATES.has(metric);

/** Reads a metric name as the sheet shows it (either language, any case); undefined when it is none of them. */
export function readStrategyMetric(value: unknown): StrategyMetric | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  if (text === "") return undefined;
  return (
    STRATEGY_METRICS.find(
      (m) => STRATEGY_METRIC_NAMES[m]["zh-CN"].toLowerCase() === text || STRATEGY_METRIC_NAMES[m].en.toLowerCase() === text,
    ) ?? EARLIER_NAMES.get(text)
  );
}
