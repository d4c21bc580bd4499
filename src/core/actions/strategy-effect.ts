import { formatPercent } from "../i18n/format";
import type { Bilingual } from "../i18n/locale";
import { monthLabel, monthOf, type MonthKey } from "../analysis/period";
import type { MetricsIndex } from "../analysis/period-metrics";
import { formatMetric, isRateMetric, metricValue, STRATEGY_METRIC_NAMES, type StrategyMetric } from "./strategy-metric";

/** What a strategy did to its metric: worked (moved it by more than the tolerance), unchanged, or worse. */
export type EffectVerdict = "worked" | "unchanged" | "worse";

export interface StrategyEffect {
  readonly metric: StrategyMetric;
  /** The month before the start date's month, and the metric then. */
  readonly beforeMonth: string;
  readonly before: number;
  /** The month compared, and the metric then. */
  readonly afterMonth: string;
  readonly after: number;
  /** Relative change (0.5 = +50%); for a rate, the change in points as a fraction (0.15 = 15 points). */
  readonly change: number;
  readonly verdict: EffectVerdict;
  /** One sentence: "新客户开发奖实施后，月新客户数从6个增至9个，提升50%". */
  readonly sentence: Bilingual;
}

/** The change a verdict is read from: relative for amounts and counts, in points for rates. */
function changeOf(metric: StrategyMetric, before: number, after: number): number {
  if (isRateMetric(metric)) return after - before;
  if (before === 0) return after === 0 ? 0 : Infinity;
  return (after - before) / Math.abs(before);
}

function verdictOf(change: number, tolerance: number): EffectVerdict {
  return change > tolerance ? "worked" : change < -tolerance ? "worse" : "unchanged";
}

function changeText(metric: StrategyMetric, change: number): Bilingual {
  if (isRateMetric(metric)) {
    const pts = Math.abs(Math.round(change * 1000) / 10);
    return { "zh-CN": `${pts}个百分点`, en: `${pts} points` };
  }
  const pct = Number.isFinite(change) ? formatPercent(Math.abs(change)) : "—";
  return { "zh-CN": pct, en: pct };
}

/** The sentence the monthly review carries for one strategy. */
export function effectSentence(
  strategy: string,
  metric: StrategyMetric,
  before: number,
  after: number,
  verdict: EffectVerdict,
  change: number,
): Bilingual {
  const name = STRATEGY_METRIC_NAMES[metric];
  const [b, a] = [formatMetric(metric, before), formatMetric(metric, after)];
  const by = changeText(metric, change);
  const zhName = isRateMetric(metric) ? name["zh-CN"] : `月${name["zh-CN"]}`;
  const enName = isRateMetric(metric) ? name.en.toLowerCase() : `monthly ${name.en.toLowerCase()}`;
  switch (verdict) {
    case "worked":
      return {
        "zh-CN": `${strategy}实施后，${zhName}从${b["zh-CN"]}增至${a["zh-CN"]}，提升${by["zh-CN"]}`,
        en: `After "${strategy}", ${enName} went from ${b.en} to ${a.en}, up ${by.en}`,
      };
    case "worse":
      return {
        "zh-CN": `${strategy}实施后，${zhName}从${b["zh-CN"]}降至${a["zh-CN"]}，下降${by["zh-CN"]}`,
        en: `After "${strategy}", ${enName} went from ${b.en} to ${a.en}, down ${by.en}`,
      };
    case "unchanged":
      return {
        "zh-CN": `${strategy}实施后，${zhName}从${b["zh-CN"]}到${a["zh-CN"]}，基本未变`,
        en: `After "${strategy}", ${enName} went from ${b.en} to ${a.en}: unchanged`,
      };
  }
}

/**
 * A strategy's effect: its metric in the month before the start date's month against the month
 * `after`. The baseline the sheet holds stands in when the data has no value before the start.
 * Undefined when `after` is before the start month or the data gives no value to compare.
 */
export function strategyEffect(
  index: MetricsIndex,
  strategy: string,
  metric: StrategyMetric,
  startDate: number,
  after: MonthKey,
  tolerance: number,
  baseline?: number,
): StrategyEffect | undefined {
  const startMonth = monthOf(startDate);
  if (after < startMonth) return undefined;
  const beforeMonth = startMonth - 1;
  const before = index.months.includes(beforeMonth) ? metricValue(index, metric, beforeMonth) : null;
  const base = before ?? baseline ?? null;
  const now = metricValue(index, metric, after);
  if (base === null || now === null) return undefined;
  const change = changeOf(metric, base, now);
  const verdict = verdictOf(change, tolerance);
  return {
    metric,
    beforeMonth: monthLabel(beforeMonth),
    before: base,
    afterMonth: monthLabel(after),
    after: now,
    change,
    verdict,
    sentence: effectSentence(strategy, metric, base, now, verdict, change),
  };
}
