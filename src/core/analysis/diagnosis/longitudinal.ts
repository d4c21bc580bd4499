import { formatAmount, formatPercent } from "../../i18n/format";
import { asWritten, formatBilingual, type Bilingual } from "../../i18n/locale";
import { METRIC_NAMES } from "../../parse/metrics";
import type { ProcessField } from "../reading/fields";
import type { ChangeDrivers } from "../metrics/change-drivers";
import type { Attribution, FactorEffect } from "../metrics/lmdi";
import { ATTRIBUTION_DRIVER_NAMES, LONGITUDINAL_TEXT as T } from "./longitudinal-text";
import type { MonthKey } from "../reading/period";
import { avgOrderValue, closeRateOf, type MetricsIndex, type PeriodMetrics } from "../metrics/period-metrics";

export type MetricName = "revenue" | "orders" | "customers" | "newCustomers" | "avgOrderValue" | "closeRate" | ProcessField;

/** The metric names, plus the drivers that only the revenue attribution uses. */
export const METRIC_LABELS: Readonly<Record<MetricName | "returningCustomers" | "ordersPerCustomer" | "returns", Bilingual>> = {
  ...METRIC_NAMES,
  ...ATTRIBUTION_DRIVER_NAMES,
};

/** A metric's value now and in the two comparison periods; null where it cannot be computed. */
export interface MetricComparison {
  readonly metric: MetricName;
  readonly current: number | null;
  readonly previous: number | null;
  readonly yearAgo: number | null;
  /** Relative change vs previous (0.1 = +10%); for closeRate, the change in percentage points as a fraction. */
  readonly change: number | null;
  readonly yoyChange: number | null;
}

export interface Longitudinal {
  readonly current: MonthKey;
  readonly metrics: readonly MetricComparison[];
  /** Revenue change vs the previous period split into its drivers (LMDI, exact). */
  readonly attribution: Attribution | null;
  /** The month's headline: the revenue change and what explains it (item 1 of the TOP 3 when there is one); also `statements[0]`. */
  readonly headline: Bilingual | null;
  /** One sentence per notable movement, with the driver that explains it. */
  readonly statements: readonly Bilingual[];
}

const RATE_METRICS = new Set<MetricName>(["closeRate"]);

function valueOf(m: PeriodMetrics, metric: MetricName): number | null {
  switch (metric) {
    case "avgOrderValue":
      return avgOrderValue(m);
    case "closeRate":
      return closeRateOf(m);
    case "calls":
    case "visits":
    case "followUps":
    case "proposals":
      return m.activity[metric] ?? null;
    default:
      return m[metric];
  }
}

function changeOf(metric: MetricName, now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  if (RATE_METRICS.has(metric)) return now - before;
  return before === 0 ? null : now / before - 1;
}

/**
 * The team's revenue change by driver, from the rep × driver table: each driver's effect summed over
 * reps, with the team's value of that driver in both months (activity: the lead process count).
 */
export function teamAttribution(d: ChangeDrivers): Attribution {
  const sum = (f: (m: ChangeDrivers["reps"][number]["before"]) => number, side: "before" | "now") =>
    d.reps.reduce((a, r) => a + f(r[side]), 0);
  const factor = (name: string, f: (side: "before" | "now") => number, effect: number): FactorEffect => ({
    name,
    from: f("before"),
    to: f("now"),
    effect,
  });
  const orders = (side: "before" | "now") => sum((m) => m.newCustomers.orders + m.returning.orders, side);
  const customers = (side: "before" | "now") => sum((m) => m.newCustomers.customers + m.returning.customers, side);
  const sales = (side: "before" | "now") => sum((m) => m.newCustomers.revenue + m.returning.revenue, side);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const effects = [
    ...(d.activityField ? [factor(d.activityField, (side) => sum((m) => m.activity ?? 0, side), d.team.activity)] : []),
    factor("newCustomers", (side) => sum((m) => m.newCustomers.customers, side), d.team.newCustomers),
    factor("returningCustomers", (side) => sum((m) => m.returning.customers, side), d.team.returningCustomers),
    factor("ordersPerCustomer", (side) => ratio(orders(side), customers(side)), d.team.ordersPerCustomer),
    factor("avgOrderValue", (side) => ratio(sales(side), orders(side)), d.team.avgOrderValue),
    ...(d.reps.some((r) => r.before.returns !== 0 || r.now.returns !== 0)
      ? [factor("returns", (side) => -sum((m) => m.returns, side), d.team.returns)]
      : []),
  ];
  return { from: d.from, to: d.to, change: d.change, effects };
}

const label = (name: string): Bilingual => METRIC_LABELS[name as keyof typeof METRIC_LABELS] ?? asWritten(name);

export function describeChange(metric: MetricName, change: number): Bilingual {
  const up = change >= 0;
  if (RATE_METRICS.has(metric)) {
    const points = Math.abs(Math.round(change * 1000) / 10);
    return formatBilingual(up ? T.rateUp : T.rateDown, { points });
  }
  return formatBilingual(up ? T.up : T.down, { percent: formatPercent(Math.abs(change)) });
}

/** The first item of the TOP 3, which the headline names (a `Problem` of `problems`). */
export interface LeadCause {
  readonly summary: Bilingual;
  readonly atStake: number;
  readonly share: number;
  readonly shareOf: "fall" | "hiddenLosses";
}

/**
 * "本月销售额下降20%（-20万），主因方案提交量减少25%（贡献-18万，占变化的90%）". The share is never
 * above 100%: when the main driver moved more than the whole change, it is its share of the drivers
 * that moved revenue the same way, and the sentence says the others offset it.
 */
export function describeAttribution(attribution: Attribution, period: Bilingual): Bilingual | null {
  const clause = attributionClause(attribution, period);
  return clause && formatBilingual(T.sentence, { clause });
}

/** The attribution's sentence without its full stop, so the headline can go on from it. */
function attributionClause(attribution: Attribution, period: Bilingual): Bilingual | null {
  if (attribution.from === 0 || attribution.change === 0) return null;
  const change = attribution.change / attribution.from;
  const main = [...attribution.effects].sort((a, b) => Math.sign(attribution.change) * (b.effect - a.effect))[0];
  const over = main.effect / attribution.change > 1;
  const sameWay = attribution.effects.reduce(
    (a, e) => a + (Math.sign(e.effect) === Math.sign(attribution.change) ? e.effect : 0),
    0,
  );
  const factorChange = main.from > 0 ? main.to / main.from - 1 : null;
  const up = attribution.change > 0;
  const signed = (amount: Bilingual) => (up ? formatBilingual(T.plus, { amount }) : amount);
  return formatBilingual(over ? T.attributionOffset : T.attribution, {
    period,
    head: describeChange("revenue", change),
    amount: signed(formatAmount(attribution.change)),
    driver: label(main.name),
    moved: factorChange === null ? T.upFromZero : describeChange("revenue", factorChange),
    effect: signed(formatAmount(main.effect)),
    share: formatPercent(main.effect / (over ? sameWay : attribution.change)),
    direction: up ? T.directionUp : T.directionDown,
    offset: formatAmount(Math.abs(sameWay - attribution.change)),
  });
}

/**
 * The headline when the TOP 3 has a first item: a fall is put down to that item, with its share of
 * the fall; growth keeps its own driver and then names that item as the largest of the losses it hid.
 */
export function describeLead(attribution: Attribution, lead: LeadCause, period: Bilingual): Bilingual | null {
  if (attribution.from === 0 || attribution.change === 0) return null;
  const atStake = formatAmount(lead.atStake);
  const share = formatPercent(Math.min(1, lead.share));
  if (lead.shareOf === "fall") {
    return formatBilingual(T.leadFall, {
      period,
      head: describeChange("revenue", attribution.change / attribution.from),
      amount: formatAmount(attribution.change),
      summary: lead.summary,
      atStake,
      share,
    });
  }
  return formatBilingual(T.leadHidden, {
    growth: attributionClause(attribution, period)!,
    hidden: formatAmount(lead.share > 0 ? lead.atStake / lead.share : lead.atStake),
    summary: lead.summary,
    atStake,
    share,
  });
}

export function analyseLongitudinal(
  index: MetricsIndex,
  current: MonthKey,
  metrics: readonly MetricName[],
  drivers: ChangeDrivers | null,
  lead?: LeadCause,
): Longitudinal {
  const now = index.metrics([current]);
  const before = index.metrics([current - 1]);
  const yearAgo = index.metrics([current - 12]);
  const hasPrevious = index.months.includes(current - 1);
  const hasYearAgo = index.months.includes(current - 12);
  const comparisons = metrics.map((metric) => {
    const c = valueOf(now, metric);
    const p = hasPrevious ? valueOf(before, metric) : null;
    const y = hasYearAgo ? valueOf(yearAgo, metric) : null;
    return { metric, current: c, previous: p, yearAgo: y, change: changeOf(metric, c, p), yoyChange: changeOf(metric, c, y) };
  });
  const attribution = hasPrevious && drivers ? teamAttribution(drivers) : null;
  const statements: Bilingual[] = [];
  const period = T.thisMonth;
  const sentence = attribution
    ? lead
      ? describeLead(attribution, lead, period)
      : describeAttribution(attribution, period)
    : null;
  if (sentence) statements.push(sentence);
  for (const c of comparisons) {
    if (c.metric === "revenue" || c.change === null || Math.abs(c.change) < (RATE_METRICS.has(c.metric) ? 0.03 : 0.15)) continue;
    const moved = describeChange(c.metric, c.change);
    statements.push(formatBilingual(T.metricMoved, { metric: label(c.metric), moved }));
  }
  return { current, metrics: comparisons, attribution, headline: sentence, statements };
}
