import type { MonthKey } from "../reading/period";
import type { DealLine } from "../reading/records";

/**
 * This month's revenue by customer type against the same type's average over the months before (the
 * baseline months of the TOP 3), and the order value the month would have had at each type's usual
 * order value: when that is no lower than usual, a lower order value overall is a change of mix (big
 * accounts buying less, small ones more), not of price.
 */
export interface TypeShift {
  readonly type: string;
  readonly baseline: number;
  readonly now: number;
  /** now − baseline. */
  readonly change: number;
}

export interface TypeShifts {
  /** Types with revenue now or in the baseline, largest baseline first. */
  readonly types: readonly TypeShift[];
  /** Months averaged. */
  readonly months: number;
  readonly baselineRevenue: number;
  /** This month's order value at each type's own order value against its usual one (1 = prices held); null without them. */
  readonly withinTypePrice: number | null;
}

interface Tally {
  revenue: number;
  orders: Set<number>;
}

/** Each month's revenue and orders by customer type, for the months asked about, in one pass over the lines. */
function byType(lines: readonly DealLine[], months: readonly MonthKey[]): Map<MonthKey, Map<string, Tally>> {
  const out = new Map<MonthKey, Map<string, Tally>>(months.map((m) => [m, new Map()]));
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.status === "lost" || l.amount <= 0 || !l.customerType) continue;
    const month = out.get(l.month);
    if (!month) continue;
    let t = month.get(l.customerType);
    if (!t) month.set(l.customerType, (t = { revenue: 0, orders: new Set() }));
    t.revenue += l.amount;
    t.orders.add(l.orderKey);
  }
  return out;
}

/** Null when the lines have fewer than two customer types or no baseline month. */
export function typeShifts(
  lines: readonly DealLine[],
  current: MonthKey,
  baselineMonths: readonly MonthKey[],
): TypeShifts | null {
  if (baselineMonths.length === 0) return null;
  const tallies = byType(lines, [current, ...baselineMonths]);
  const now = tallies.get(current)!;
  const before = baselineMonths.map((m) => tallies.get(m)!);
  const names = new Set([...now.keys(), ...before.flatMap((b) => [...b.keys()])]);
  if (names.size < 2) return null;
  const n = baselineMonths.length;
  let priced = 0;
  let usual = 0;
  const types = [...names].map((type) => {
    const base = before.reduce((s, b) => s + (b.get(type)?.revenue ?? 0), 0) / n;
    const baseOrders = before.reduce((s, b) => s + (b.get(type)?.orders.size ?? 0), 0);
    const t = now.get(type);
    if (t && baseOrders > 0) {
      priced += t.revenue;
      usual += t.orders.size * ((base * n) / baseOrders);
    }
    return { type, baseline: base, now: t?.revenue ?? 0, change: (t?.revenue ?? 0) - base };
  });
  types.sort((a, b) => b.baseline - a.baseline);
  return {
    types,
    months: n,
    baselineRevenue: types.reduce((s, t) => s + t.baseline, 0),
    withinTypePrice: usual > 0 ? priced / usual : null,
  };
}
