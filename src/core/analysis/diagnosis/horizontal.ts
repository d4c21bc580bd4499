import { formatAmount, formatNumber, formatPercent } from "../../i18n/format";
import { formatBilingual, type Bilingual } from "../../i18n/locale";
import { HORIZONTAL_TEXT as T } from "./horizontal-text";
import { PROCESS_FIELDS, type ProcessField } from "../reading/fields";
import { METRIC_LABELS } from "./longitudinal";
import type { MonthKey } from "../reading/period";
import { avgOrderValue, closeRateOf, type MetricsIndex } from "../metrics/period-metrics";

/** Lower bound of the Wilson score interval for a proportion (95% by default). */
export function wilsonLowerBound(successes: number, trials: number, z = 1.96): number | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  return (p + z2 / (2 * trials) - z * Math.sqrt((p * (1 - p) + z2 / (4 * trials)) / trials)) / (1 + z2 / trials);
}

/** A rate pulled toward the team's by `strength` pseudo-deals (empirical-Bayes shrinkage). */
export function shrinkRate(successes: number, trials: number, teamRate: number, strength: number): number {
  return (successes + teamRate * strength) / (trials + strength);
}

export interface RepStats {
  readonly rep: string;
  readonly revenue: number;
  readonly orders: number;
  readonly avgOrderValue: number | null;
  readonly won: number;
  readonly lost: number;
  readonly closeRate: number | null;
  /** The close rate shrunk toward the team's: what ranks reps, so one lucky deal never makes a benchmark. */
  readonly adjustedCloseRate: number | null;
  readonly closeRateLowerBound: number | null;
  /** Process counts per week of the span. */
  readonly perWeek: Readonly<Partial<Record<ProcessField, number>>>;
  /** Revenue this month and last (the same days of each when this month is not over); null without a last month. */
  readonly thisMonth: number;
  readonly lastMonth: number | null;
}

export interface Horizontal {
  readonly reps: readonly RepStats[];
  readonly team: RepStats;
  readonly benchmark: string | null;
  readonly below: readonly string[];
  readonly statements: readonly Bilingual[];
}

export interface HorizontalOptions {
  /** Pseudo-deals of shrinkage toward the team close rate. */
  readonly shrinkage: number;
  /** A rep whose revenue is under this share of the per-rep average is below. */
  readonly revenueFloor: number;
  /** A rep whose adjusted close rate is this many points under the team's is below. */
  readonly closeRateGap: number;
}

export const DEFAULT_HORIZONTAL_OPTIONS: HorizontalOptions = { shrinkage: 10, revenueFloor: 0.7, closeRateGap: 0.05 };

type Monthly = ReadonlyMap<string, { readonly from: number | null; readonly to: number }>;
const sumMonthly = (m: Monthly | null, side: "from" | "to") =>
  m === null ? 0 : [...m.values()].reduce((a, v) => a + (v[side] ?? 0), 0);

function lastMonthOf(monthly: Monthly | null, rep: string | undefined, divisor: number): number | null {
  if (monthly === null || [...monthly.values()].every((v) => v.from === null)) return null;
  return (rep === undefined ? sumMonthly(monthly, "from") : (monthly.get(rep)?.from ?? 0)) / divisor;
}

export function analyseHorizontal(
  index: MetricsIndex,
  span: readonly MonthKey[],
  weeks: number,
  monthly: Monthly | null,
  options = DEFAULT_HORIZONTAL_OPTIONS,
): Horizontal | null {
  if (index.reps.length === 0) return null;
  const teamMetrics = index.metrics(span);
  const teamRate = closeRateOf(teamMetrics);
  const stats = (rep: string | undefined, divisor: number): RepStats => {
    const m = index.metrics(span, rep);
    const decided = m.won + m.lost;
    const perWeek: Partial<Record<ProcessField, number>> = {};
    for (const f of PROCESS_FIELDS) if (m.activity[f] !== undefined) perWeek[f] = m.activity[f]! / Math.max(1, weeks) / divisor;
    return {
      rep: rep ?? "",
      revenue: m.revenue / divisor,
      orders: m.orders / divisor,
      avgOrderValue: avgOrderValue(m),
      won: m.won,
      lost: m.lost,
      closeRate: closeRateOf(m),
      adjustedCloseRate: teamRate === null || decided === 0 ? null : shrinkRate(m.won, decided, teamRate, options.shrinkage),
      closeRateLowerBound: wilsonLowerBound(m.won, decided),
      perWeek,
      thisMonth: (rep === undefined ? sumMonthly(monthly, "to") : (monthly?.get(rep)?.to ?? 0)) / divisor,
      lastMonth: lastMonthOf(monthly, rep, divisor),
    };
  };
  const reps = index.reps.map((rep) => stats(rep, 1));
  const team = stats(undefined, reps.length); // per-rep average
  const ranked = [...reps].sort((a, b) =>
    teamRate !== null ? (b.adjustedCloseRate ?? -1) - (a.adjustedCloseRate ?? -1) : b.revenue - a.revenue,
  );
  const benchmark = ranked[0] && (teamRate === null || ranked[0].adjustedCloseRate !== null) ? ranked[0] : null;
  const below = reps.filter(
    (r) =>
      r !== benchmark &&
      (r.revenue < options.revenueFloor * team.revenue ||
        (teamRate !== null && r.adjustedCloseRate !== null && r.adjustedCloseRate < teamRate - options.closeRateGap)),
  );
  const statements: Bilingual[] = [];
  if (benchmark && reps.length > 1) statements.push(describeBenchmark(benchmark, team, teamRate));
  for (const r of below) {
    const share = team.revenue > 0 ? r.revenue / team.revenue : 0;
    const closeRate =
      r.closeRate !== null ? formatBilingual(T.closeRate, { rate: formatPercent(r.closeRate), deals: r.won + r.lost }) : T.none;
    statements.push(
      formatBilingual(T.lagging, { rep: r.rep, revenue: formatAmount(r.revenue), share: formatPercent(share), closeRate }),
    );
  }
  // A rep whose month halved stands out here, not only in a 3-month total.
  for (const r of reps) {
    if (r.lastMonth === null || r.lastMonth <= 0 || r.thisMonth > 0.5 * r.lastMonth) continue;
    const fall = formatPercent(1 - r.thisMonth / r.lastMonth);
    statements.push(
      formatBilingual(T.falling, {
        rep: r.rep,
        thisMonth: formatAmount(r.thisMonth),
        lastMonth: formatAmount(r.lastMonth),
        fall,
      }),
    );
  }
  return { reps, team, benchmark: benchmark?.rep ?? null, below: below.map((r) => r.rep), statements };
}

/** "张三成交率20%（调整后18%），高于团队平均12%；其跟进次数每周5次（团队平均3次），值得推广。" */
function describeBenchmark(b: RepStats, team: RepStats, teamRate: number | null): Bilingual {
  const apart = PROCESS_FIELDS.map((f) => ({ f, rep: b.perWeek[f], avg: team.perWeek[f] }))
    .filter((x): x is { f: ProcessField; rep: number; avg: number } => x.rep !== undefined && x.avg !== undefined && x.avg > 0)
    .sort((x, y) => y.rep / y.avg - x.rep / x.avg)[0];
  const habit =
    apart && apart.rep / apart.avg >= 1.2
      ? formatBilingual(T.habit, {
          metric: METRIC_LABELS[apart.f],
          rep: formatNumber(apart.rep),
          average: formatNumber(apart.avg),
        })
      : T.none;
  if (teamRate !== null && b.closeRate !== null) {
    return formatBilingual(T.benchmarkCloseRate, {
      rep: b.rep,
      rate: formatPercent(b.closeRate),
      deals: b.won + b.lost,
      adjusted: formatPercent(b.adjustedCloseRate ?? 0),
      teamRate: formatPercent(teamRate),
      habit,
    });
  }
  return formatBilingual(T.benchmarkRevenue, {
    rep: b.rep,
    revenue: formatAmount(b.revenue),
    average: formatAmount(team.revenue),
    habit,
  });
}
