import { formatAmount, formatNumber, formatPercent } from "../i18n/format";
import type { Bilingual } from "../i18n/locale";
import { PROCESS_FIELDS, type ProcessField } from "./fields";
import { METRIC_LABELS } from "./longitudinal";
import type { MonthKey } from "./period";
import { avgOrderValue, closeRateOf, type MetricsIndex } from "./period-metrics";

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
    statements.push({
      "zh-CN": `${r.rep}销售额${formatAmount(r.revenue)["zh-CN"]}，为人均的${formatPercent(share)}${r.closeRate !== null ? `，成交率${formatPercent(r.closeRate)}（${r.won + r.lost}个已结商机）` : ""}：待提升。`,
      en: `${r.rep}: revenue ${formatAmount(r.revenue).en}, ${formatPercent(share)} of the per-rep average${r.closeRate !== null ? `, close rate ${formatPercent(r.closeRate)} (${r.won + r.lost} decided deals)` : ""}: needs support.`,
    });
  }
  // A rep whose month halved stands out here, not only in a 3-month total.
  for (const r of reps) {
    if (r.lastMonth === null || r.lastMonth <= 0 || r.thisMonth > 0.5 * r.lastMonth) continue;
    const fall = formatPercent(1 - r.thisMonth / r.lastMonth);
    statements.push({
      "zh-CN": `${r.rep}本月销售额${formatAmount(r.thisMonth)["zh-CN"]}，上月${formatAmount(r.lastMonth)["zh-CN"]}，下降${fall}。`,
      en: `${r.rep}: ${formatAmount(r.thisMonth).en} this month against ${formatAmount(r.lastMonth).en} last month, down ${fall}.`,
    });
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
      ? {
          "zh-CN": `；其${METRIC_LABELS[apart.f]["zh-CN"]}每周${formatNumber(apart.rep)}次（人均${formatNumber(apart.avg)}次），值得推广`,
          en: `; ${METRIC_LABELS[apart.f].en} ${formatNumber(apart.rep)} a week (average ${formatNumber(apart.avg)}), worth spreading`,
        }
      : { "zh-CN": "", en: "" };
  if (teamRate !== null && b.closeRate !== null) {
    return {
      "zh-CN": `标杆：${b.rep}成交率${formatPercent(b.closeRate)}（${b.won + b.lost}个已结商机，按样本量调整后${formatPercent(b.adjustedCloseRate ?? 0)}），高于团队平均${formatPercent(teamRate)}${habit["zh-CN"]}。`,
      en: `Benchmark: ${b.rep}, close rate ${formatPercent(b.closeRate)} (${b.won + b.lost} decided deals, ${formatPercent(b.adjustedCloseRate ?? 0)} adjusted for sample size) against a team average of ${formatPercent(teamRate)}${habit.en}.`,
    };
  }
  return {
    "zh-CN": `标杆：${b.rep}销售额${formatAmount(b.revenue)["zh-CN"]}，人均${formatAmount(team.revenue)["zh-CN"]}${habit["zh-CN"]}。`,
    en: `Benchmark: ${b.rep}, revenue ${formatAmount(b.revenue).en} against a per-rep average of ${formatAmount(team.revenue).en}${habit.en}.`,
  };
}
