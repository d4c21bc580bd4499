import { PROCESS_FIELDS, type ProcessField } from "../reading/fields";
import type { MonthKey } from "../reading/period";
import type { ActivityRecord, DealLine } from "../reading/records";

/** The numbers of one period (a month, or a span of months), for the team or one rep. */
export interface PeriodMetrics {
  readonly revenue: number;
  readonly orders: number;
  readonly customers: number;
  /** Customers whose first order ever (in the data) falls in the period. */
  readonly newCustomers: number;
  readonly won: number;
  readonly lost: number;
  /** Process counts; undefined when no activity record of the period has that count. */
  readonly activity: Readonly<Partial<Record<ProcessField, number>>>;
}

export const EMPTY_METRICS: PeriodMetrics = {
  revenue: 0,
  orders: 0,
  customers: 0,
  newCustomers: 0,
  won: 0,
  lost: 0,
  activity: {},
};

export const avgOrderValue = (m: PeriodMetrics): number | null => (m.orders > 0 ? m.revenue / m.orders : null);
export const closeRateOf = (m: PeriodMetrics): number | null => (m.won + m.lost > 0 ? m.won / (m.won + m.lost) : null);

/** Deal lines and activity grouped once, so any period or rep is summed without rescanning. */
export interface MetricsIndex {
  readonly months: readonly MonthKey[];
  readonly reps: readonly string[];
  metrics(months: readonly MonthKey[], rep?: string): PeriodMetrics;
  /** The customers (keys) who bought in these months, from the team or one rep: for repurchase among existing customers. */
  customerKeys(months: readonly MonthKey[], rep?: string): ReadonlySet<number>;
}

interface Bucket {
  revenue: number;
  orders: Set<number>;
  customers: Set<number>;
  won: Set<number>;
  lost: Set<number>;
  activity: Partial<Record<ProcessField, number>>;
}

const newBucket = (): Bucket => ({
  revenue: 0,
  orders: new Set(),
  customers: new Set(),
  won: new Set(),
  lost: new Set(),
  activity: {},
});

/** Orders lost: a lost line and no won line. */
function lostOrderKeys(lines: readonly DealLine[]): Set<number> {
  const lost = new Set<number>();
  const won = new Set<number>();
  for (const l of lines) {
    if (l.status === "won") won.add(l.orderKey);
    else if (l.status === "lost") lost.add(l.orderKey);
  }
  for (const id of won) lost.delete(id);
  return lost;
}

/** Each customer's first month with a positive line of an order not lost: a customer is new in that month. */
export function firstMonths(lines: readonly DealLine[]): Map<number, MonthKey> {
  const lost = lostOrderKeys(lines);
  const first = new Map<number, MonthKey>();
  for (const l of lines) {
    if (l.amount <= 0 || l.status === "lost" || lost.has(l.orderKey)) continue;
    const f = first.get(l.customerKey);
    if (f === undefined || l.month < f) first.set(l.customerKey, l.month);
  }
  return first;
}

/**
 * Builds the index in one pass over the lines. An order's status is decided by its lines (won if
 * any line is won); lost orders add no revenue and no customer.
 */
export function createMetricsIndex(
  lines: readonly DealLine[],
  activity: readonly ActivityRecord[],
  /** Each customer's first month: from all lines when `lines` are only some days of each month (month to date). */
  first: ReadonlyMap<number, MonthKey> = firstMonths(lines),
  /**
   * Only these months are indexed (a caller that asks about no other): the other lines still decide their orders'
   * status and name their reps, so the months kept read exactly as in the whole index.
   */
  only?: ReadonlySet<MonthKey>,
): MetricsIndex {
  const lostOrders = new Set<number>();
  const wonOrders = new Set<number>();
  for (const l of lines) {
    if (l.status === "won") wonOrders.add(l.orderKey);
    else if (l.status === "lost") lostOrders.add(l.orderKey);
  }
  for (const id of wonOrders) lostOrders.delete(id);

  // month -> rep ("" for the team, "\u0001" for lines without a rep) -> bucket
  const buckets = new Map<MonthKey, Map<string, Bucket>>();
  const bucketsOf = (month: MonthKey, rep: string): [Bucket, Bucket] => {
    let byRep = buckets.get(month);
    if (!byRep) buckets.set(month, (byRep = new Map()));
    let team = byRep.get("");
    if (!team) byRep.set("", (team = newBucket()));
    let own = byRep.get(rep);
    if (!own) byRep.set(rep, (own = newBucket()));
    return [team, own];
  };
  const firstMonth = first;
  const months = new Set<MonthKey>();
  const reps = new Set<string>();
  for (const l of lines) {
    const month = l.month;
    if (l.rep) reps.add(l.rep);
    if (only && !only.has(month)) continue;
    months.add(month);
    const lost = lostOrders.has(l.orderKey);
    const won = wonOrders.has(l.orderKey);
    for (const b of bucketsOf(month, l.rep || "\u0001")) {
      // A return is not a deal won or lost: negative lines decide no close rate. A lost deal is often kept at 0.
      if (won && l.amount >= 0) b.won.add(l.orderKey);
      if (lost) {
        if (l.amount >= 0) b.lost.add(l.orderKey);
        continue;
      }
      // A lost line of an order otherwise won (a refunded or cancelled item) is no revenue.
      if (l.status === "lost") continue;
      b.revenue += l.amount;
      // A return or credit note (a negative line) takes revenue off; it is not an order or a buying customer.
      if (l.amount <= 0) continue;
      b.orders.add(l.orderKey);
      b.customers.add(l.customerKey);
    }
  }
  for (const a of activity) {
    if (a.rep) reps.add(a.rep);
    for (const b of bucketsOf(a.month, a.rep || "\u0001")) {
      for (const field of PROCESS_FIELDS) {
        const v = a.counts[field];
        if (v !== undefined) b.activity[field] = (b.activity[field] ?? 0) + v;
      }
    }
  }

  const bucketMetrics = (month: MonthKey, b: Bucket | undefined): PeriodMetrics => {
    if (!b) return { ...EMPTY_METRICS, activity: {} };
    let newCustomers = 0;
    for (const c of b.customers) if (firstMonth.get(c) === month) newCustomers++;
    const activity: Partial<Record<ProcessField, number>> = {};
    for (const field of PROCESS_FIELDS) {
      const v = b.activity[field];
      if (v !== undefined) activity[field] = v;
    }
    return {
      revenue: b.revenue,
      orders: b.orders.size,
      customers: b.customers.size,
      newCustomers,
      won: b.won.size,
      lost: b.lost.size,
      activity,
    };
  };

  return {
    months: [...months].sort((a, b) => a - b),
    reps: [...reps].sort(),
    customerKeys(periodMonths, rep) {
      const keys = new Set<number>();
      for (const month of periodMonths)
        buckets
          .get(month)
          ?.get(rep ?? "")
          ?.customers.forEach((c) => keys.add(c));
      return keys;
    },
    metrics(periodMonths, rep) {
      // One month (most questions): that bucket's counts as they are, without merging its sets into new ones.
      if (periodMonths.length === 1) return bucketMetrics(periodMonths[0], buckets.get(periodMonths[0])?.get(rep ?? ""));
      const all = newBucket();
      for (const month of periodMonths) {
        const b = buckets.get(month)?.get(rep ?? "");
        if (!b) continue;
        all.revenue += b.revenue;
        b.orders.forEach((o) => all.orders.add(o));
        b.customers.forEach((c) => all.customers.add(c));
        b.won.forEach((o) => all.won.add(o));
        b.lost.forEach((o) => all.lost.add(o));
        for (const field of PROCESS_FIELDS) {
          const v = b.activity[field];
          if (v !== undefined) all.activity[field] = (all.activity[field] ?? 0) + v;
        }
      }
      const inPeriod = new Set(periodMonths);
      let newCustomers = 0;
      for (const c of all.customers) if (inPeriod.has(firstMonth.get(c) ?? -1)) newCustomers++;
      return {
        revenue: all.revenue,
        orders: all.orders.size,
        customers: all.customers.size,
        newCustomers,
        won: all.won.size,
        lost: all.lost.size,
        activity: all.activity,
      };
    },
  };
}

/**
 * Each rep's average monthly revenue over the last `months` months with deals (the achievability
 * history of the target checks, and the base of the target split).
 */
export function recentMonthlyRevenueByRep(index: MetricsIndex, months = 3): Map<string, number> {
  const latest = index.months[index.months.length - 1];
  const history = new Map<string, number>();
  if (latest === undefined) return history;
  const span = Array.from({ length: months }, (_v, i) => latest - months + 1 + i);
  for (const rep of index.reps) history.set(rep, index.metrics(span, rep).revenue / months);
  return history;
}

/** Each rep's revenue per month over the last `months` months, oldest first (for the target split's trend). */
export function monthlyRevenueByRep(index: MetricsIndex, months = 3): { rep: string; values: number[] }[] {
  const latest = index.months[index.months.length - 1];
  if (latest === undefined) return [];
  const span = Array.from({ length: months }, (_v, i) => latest - months + 1 + i);
  return index.reps.map((rep) => ({ rep, values: span.map((m) => index.metrics([m], rep).revenue) }));
}
