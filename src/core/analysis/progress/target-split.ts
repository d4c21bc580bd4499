/**
 * A per-rep split of a team target, so managers avoid the equal split the playbook warns about ("一刀切"),
 * by the three things its step 1 names: history, ability and customer type. Weight = recent average ×
 * trend × ability × customer mix, each factor bounded; shares are then held within ±maxGrowth of each
 * rep's recent average where the total allows, and rounded to `unit` with the exact total kept.
 * - ability: the rep's close rate over the months against the team's, in points (+0.08: 8 points better);
 *   the factor is 1 + that, within 1 ± maxAbility.
 * - customer mix: the rep's revenue share per customer type times how fast the team's revenue from that type
 *   is moving (relative trend per month); a rep serving growing types takes more. 1 + that, within 1 ± maxMix.
 */
export interface RepHistoryPoint {
  readonly rep: string;
  /** Oldest first, one value per period (e.g. the last 3 months' revenue). */
  readonly values: readonly number[];
  /** Close rate minus the team's (a fraction); left out without won and lost deals. */
  readonly ability?: number;
  /** Σ over customer types of the rep's share × the team's relative trend on that type; left out without types. */
  readonly mix?: number;
}

export interface SplitOptions {
  /** The trend factor is clamped to 1 ± this. */
  readonly maxTrend: number;
  /** A rep's share stays within its recent average × (1 ± this) while the total allows. */
  readonly maxGrowth: number;
  /** Round shares to multiples of this (e.g. 1000); the total is kept exact. */
  readonly unit: number;
  /** The ability factor stays within 1 ± this. */
  readonly maxAbility: number;
  /** The customer-mix factor stays within 1 ± this. */
  readonly maxMix: number;
}

export const DEFAULT_SPLIT_OPTIONS: SplitOptions = { maxTrend: 0.2, maxGrowth: 0.5, unit: 1000, maxAbility: 0.1, maxMix: 0.1 };

export interface RepTargetProposal {
  readonly rep: string;
  readonly recentAverage: number;
  readonly target: number;
  /** target / recentAverage − 1; null for a rep without history. */
  readonly growth: number | null;
  /** The factors the weight was multiplied by (1: no effect, or no data for it). */
  readonly ability: number;
  readonly mix: number;
}

export interface TargetSplit {
  readonly total: number;
  readonly reps: readonly RepTargetProposal[];
  /** True when the total could not be met within every rep's growth bound (each then carries more). */
  readonly boundsRelaxed: boolean;
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

/** Least-squares slope relative to the mean: +0.1 means growing 10% of the average per period. */
export function relativeTrend(values: readonly number[]): number {
  const n = values.length;
  const avg = mean(values);
  if (n < 2 || avg <= 0) return 0;
  const xMean = (n - 1) / 2;
  let num = 0;
  let den = 0;
  values.forEach((v, x) => {
    num += (x - xMean) * (v - avg);
    den += (x - xMean) ** 2;
  });
  return num / den / avg;
}

export function splitTeamTarget(
  total: number,
  history: readonly RepHistoryPoint[],
  options = DEFAULT_SPLIT_OPTIONS,
): TargetSplit {
  if (history.length === 0) return { total, reps: [], boundsRelaxed: false };
  const bound = (v: number, max: number) => Math.max(-max, Math.min(max, v));
  const reps = history.map((h) => {
    const recentAverage = mean(h.values);
    const trend = bound(relativeTrend(h.values), options.maxTrend);
    const ability = 1 + bound(h.ability ?? 0, options.maxAbility ?? 0);
    const mix = 1 + bound(h.mix ?? 0, options.maxMix ?? 0);
    return { rep: h.rep, recentAverage, ability, mix, weight: Math.max(0, recentAverage * (1 + trend) * ability * mix) };
  });
  const weightSum = reps.reduce((s, r) => s + r.weight, 0);
  // Reps with no history share by headcount; otherwise by weight.
  let shares = reps.map((r) => (weightSum > 0 ? (total * r.weight) / weightSum : total / reps.length));

  // Hold each rep within its bounds, moving the excess to the reps that still have room.
  let boundsRelaxed = false;
  const lower = reps.map((r) => (r.recentAverage > 0 ? r.recentAverage * (1 - options.maxGrowth) : 0));
  const upper = reps.map((r) => (r.recentAverage > 0 ? r.recentAverage * (1 + options.maxGrowth) : Infinity));
  if (total > upper.reduce((s, u) => s + u, 0) || total < lower.reduce((s, l) => s + l, 0)) {
    boundsRelaxed = true;
  } else {
    for (let pass = 0; pass < reps.length + 1; pass++) {
      const clamped = shares.map((v, i) => Math.min(upper[i], Math.max(lower[i], v)));
      const excess = total - clamped.reduce((s, v) => s + v, 0);
      if (Math.abs(excess) < 1e-9) {
        shares = clamped;
        break;
      }
      const free = clamped.map((v, i) => (excess > 0 ? v < upper[i] : v > lower[i]));
      const freeWeight = clamped.reduce((s, v, i) => s + (free[i] ? v || 1 : 0), 0);
      shares = clamped.map((v, i) => (free[i] ? v + (excess * (v || 1)) / freeWeight : v));
    }
  }

  // Round to the unit, largest remainders first, so the shares still add up to the total exactly.
  const unit = options.unit > 0 ? options.unit : 1;
  const floors = shares.map((v) => Math.floor(v / unit) * unit);
  let left = Math.round((total - floors.reduce((s, v) => s + v, 0)) / unit);
  const order = shares.map((v, i) => ({ i, rest: v - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += unit;
    left--;
  }
  const remainder = total - floors.reduce((s, v) => s + v, 0);
  if (remainder !== 0) floors[order[0].i] += remainder; // a total that is not a multiple of the unit
  return {
    total,
    boundsRelaxed,
    reps: reps.map((r, i) => ({
      rep: r.rep,
      recentAverage: r.recentAverage,
      target: floors[i],
      growth: r.recentAverage > 0 ? floors[i] / r.recentAverage - 1 : null,
      ability: r.ability,
      mix: r.mix,
    })),
  };
}
