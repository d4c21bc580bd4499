import { formatPercent } from "../i18n/format";
import { asWritten, formatBilingual, type Bilingual } from "../i18n/locale";
import { METRIC_NAMES } from "../parse/metrics";
import { ACTION_TEXT } from "./review-text";
import { monthLabel, monthOf, type MonthKey } from "../analysis/reading/period";
import type { MetricsIndex } from "../analysis/metrics/period-metrics";
import { formatMetric, hasBasis, isRateMetric, metricValue, type MetricBasis, type StrategyMetric } from "./strategy-metric";

/** What a strategy did to its metric: worked (moved it by more than the tolerance), unchanged, or worse. */
export type EffectVerdict = "worked" | "unchanged" | "worse";

export interface StrategyEffect {
  readonly metric: StrategyMetric;
  /** What the figures count: the team's month, or per rep per week (as the strategy says). */
  readonly basis: MetricBasis;
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
    return formatBilingual(ACTION_TEXT.points, { points: Math.abs(Math.round(change * 1000) / 10) });
  }
  return asWritten(Number.isFinite(change) ? formatPercent(Math.abs(change)) : "—");
}

/** The sentence the monthly review carries for one strategy. */
export function effectSentence(
  strategy: string,
  metric: StrategyMetric,
  before: number,
  after: number,
  verdict: EffectVerdict,
  change: number,
  basis: MetricBasis = "month",
): Bilingual {
  const name = METRIC_NAMES[metric];
  const text =
    verdict === "worked" ? ACTION_TEXT.effectWorked : verdict === "worse" ? ACTION_TEXT.effectWorse : ACTION_TEXT.effectUnchanged;
  const perRepWeek = basis === "repWeek" && hasBasis(metric);
  return formatBilingual(text, {
    strategy,
    metric: isRateMetric(metric)
      ? name
      : formatBilingual(perRepWeek ? ACTION_TEXT.perRepWeekMetric : ACTION_TEXT.monthlyMetric, { metric: name }),
    // The metric is named with its basis already: the figures are plain counts.
    before: formatMetric(metric, before),
    after: formatMetric(metric, after),
    by: changeText(metric, change),
  });
}

/**
 * A strategy's effect: its metric in the month before the start date's month against the month
 * `after`, both on the strategy's basis (`days`: the days of each month compared, month to date). The baseline
 * the sheet holds stands in when the data has no value before the start. Undefined when `after` is before the
 * start month or the data gives no value to compare.
 */
export function strategyEffect(
  index: MetricsIndex,
  strategy: string,
  metric: StrategyMetric,
  startDate: number,
  after: MonthKey,
  tolerance: number,
  baseline?: number,
  { basis = "month", days }: { readonly basis?: MetricBasis; readonly days?: number } = {},
): StrategyEffect | undefined {
  const startMonth = monthOf(startDate);
  if (after < startMonth) return undefined;
  const beforeMonth = startMonth - 1;
  const value = (month: MonthKey) => metricValue(index, metric, month, undefined, basis, days);
  const before = index.months.includes(beforeMonth) ? value(beforeMonth) : null;
  const base = before ?? baseline ?? null;
  const now = value(after);
  if (base === null || now === null) return undefined;
  const change = changeOf(metric, base, now);
  const verdict = verdictOf(change, tolerance);
  return {
    metric,
    basis,
    beforeMonth: monthLabel(beforeMonth),
    before: base,
    afterMonth: monthLabel(after),
    after: now,
    change,
    verdict,
    sentence: effectSentence(strategy, metric, base, now, verdict, change, basis),
  };
}
