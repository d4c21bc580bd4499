import { PROCESS_FIELDS, type ProcessField } from "../reading/fields";
import type { MonthKey } from "../reading/period";
import type { ActivityRecord, DealLine } from "../reading/records";
import { distinctCount, distinctInPlace, firstInRound, nextRound } from "./distinct-keys";

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

/**
 * One month's lines of the team or of one rep. The keys of its orders, customers and won and lost orders are
 * gathered while the lines are read, then made distinct once (`distinctInPlace`): a Set per bucket cost most of the
 * index's time on 100,000 lines. The lists are typed arrays made at the bucket's line count (a first walk counts
 * them), filled up to `filled`, then cut to their distinct keys: lists grown by push made, at 1,000,000 lines,
 * arrays of up to 80,000 keys in large-object space at each growth, freed only by a full GC.
 */
interface Bucket {
  revenue: number;
  size: number;
  orders: Int32Array;
  customers: Int32Array;
  won: Int32Array;
  lost: Int32Array;
  filled: { orders: number; customers: number; won: number; lost: number };
  activity: Partial<Record<ProcessField, number>>;
}

const NO_KEYS = new Int32Array(0);
const newBucket = (): Bucket => ({
  revenue: 0,
  size: 0,
  orders: NO_KEYS,
  customers: NO_KEYS,
  won: NO_KEYS,
  lost: NO_KEYS,
  filled: { orders: 0, customers: 0, won: 0, lost: 0 },
  activity: {},
});

/** An order's status decided by its lines (`orderStatusCodes`): won if any line is won, lost if a line is lost and none is won. */
export const WON = 1;
export const LOST = 2;

/**
 * The statuses last worked out per list of lines (the index, the first months and the baselines each ask about the
 * same lines, a dozen times for one diagnosis), kept while the list lives and as long as it has the same length.
 */
const statusesOf = new WeakMap<readonly DealLine[], { readonly length: number; readonly status: Uint8Array }>();

/** Each order's status (WON, LOST or 0), indexed by order key. */
export function orderStatusCodes(lines: readonly DealLine[]): Uint8Array {
  const known = statusesOf.get(lines);
  if (known && known.length === lines.length) return known.status;
  const status = orderStatusCodesOf(lines);
  statusesOf.set(lines, { length: lines.length, status });
  return status;
}

/*
 * The passes over the lines in analysis/ are indexed loops, not for-of: a function that runs once per diagnosis is
 * rarely optimised before its loop ends, and until then for-of allocates an iterator result per line (105 MB of the
 * 230 MB one diagnosis of 100,000 lines allocated, measured with the sampling heap profiler).
 */
function orderStatusCodesOf(lines: readonly DealLine[]): Uint8Array {
  let maxOrder = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.orderKey > maxOrder) maxOrder = l.orderKey;
  }
  const status = new Uint8Array(maxOrder + 1);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.status === "won") status[l.orderKey] = WON;
    else if (l.status === "lost" && status[l.orderKey] !== WON) status[l.orderKey] = LOST;
  }
  return status;
}

/** The first months last worked out per list of lines (the index, the compared months and the baselines ask again). */
const firstMonthsOf = new WeakMap<
  readonly DealLine[],
  { readonly length: number; readonly first: ReadonlyMap<number, MonthKey> }
>();

/** Each customer's first month with a positive line of an order not lost: a customer is new in that month. */
export function firstMonths(lines: readonly DealLine[]): ReadonlyMap<number, MonthKey> {
  const known = firstMonthsOf.get(lines);
  if (known && known.length === lines.length) return known.first;
  const status = orderStatusCodes(lines);
  const first = new Map<number, MonthKey>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.amount <= 0 || l.status === "lost" || status[l.orderKey] === LOST) continue;
    const f = first.get(l.customerKey);
    if (f === undefined || l.month < f) first.set(l.customerKey, l.month);
  }
  firstMonthsOf.set(lines, { length: lines.length, first });
  return first;
}

/**
 * Builds the index in one pass over the lines. An order's status is decided by its lines (won if
 * any line is won); lost orders add no revenue and no customer.
 */
export function createMetricsIndex(
  lines: readonly DealLine[],
  activity: readonly ActivityRecord[],
  /**
   * Each customer's first month: from all lines when `lines` are only some days of each month (month to date). Null
   * for a caller that reads revenue and won and lost orders only (the rep profiles' 10 indexes): orders and customers
   * are not gathered, and read 0.
   */
  first: ReadonlyMap<number, MonthKey> | null = firstMonths(lines),
  /**
   * Only these months are indexed (a caller that asks about no other): the other lines still decide their orders'
   * status and name their reps, so the months kept read exactly as in the whole index.
   */
  only?: ReadonlySet<MonthKey>,
  /**
   * Each order's status (`orderStatusCodes`) when more lines than `lines` decide it: the rep profiles' groups keep
   * only the lines of the months indexed, their orders decided by all the group's lines.
   */
  status: Uint8Array = orderStatusCodes(lines),
): MetricsIndex {
  // Each rep ("\u0001" for lines without a rep) gets a slot number once: per month, slot 0 is the team's bucket and
  // slot n + 1 rep n's. A line finds its slot by its rep key, not by hashing the name.
  const slots = new Map<string, number>();
  const slotOf = (rep: string): number => {
    let slot = slots.get(rep);
    if (slot === undefined) slots.set(rep, (slot = slots.size + 1));
    return slot;
  };
  const slotOfRepKey: number[] = [];
  const buckets = new Map<MonthKey, (Bucket | undefined)[]>();
  const monthBuckets = (month: MonthKey): (Bucket | undefined)[] => {
    let bySlot = buckets.get(month);
    if (!bySlot) buckets.set(month, (bySlot = [newBucket()]));
    return bySlot;
  };
  const slotBucket = (bySlot: (Bucket | undefined)[], slot: number): Bucket => {
    let own = bySlot[slot];
    if (!own) {
      while (bySlot.length < slot) bySlot.push(undefined);
      bySlot[slot] = own = newBucket();
    }
    return own;
  };
  const bucketOf = (month: MonthKey, rep: string | undefined): Bucket | undefined => {
    const slot = rep ? slots.get(rep) : 0;
    return slot === undefined ? undefined : buckets.get(month)?.[slot];
  };
  const firstMonth = first ?? new Map<number, MonthKey>();
  const gatherCustomers = first !== null;
  const months = new Set<MonthKey>();
  const add = (b: Bucket, l: DealLine, orderStatus: number) => {
    const filled = b.filled;
    // A return is not a deal won or lost: negative lines decide no close rate. A lost deal is often kept at 0.
    if (orderStatus === WON && l.amount >= 0) b.won[filled.won++] = l.orderKey;
    if (orderStatus === LOST) {
      if (l.amount >= 0) b.lost[filled.lost++] = l.orderKey;
      return;
    }
    // A lost line of an order otherwise won (a refunded or cancelled item) is no revenue.
    if (l.status === "lost") return;
    b.revenue += l.amount;
    // A return or credit note (a negative line) takes revenue off; it is not an order or a buying customer.
    if (l.amount <= 0 || !gatherCustomers) return;
    b.orders[filled.orders++] = l.orderKey;
    b.customers[filled.customers++] = l.customerKey;
  };
  // Lines mostly come in date order: a month's buckets, and whether it is indexed, are looked up when it changes.
  // `count`: the first walk only counts each bucket's lines (a flag, not a function to call: a call per line and
  // bucket cost 14 ms on 100,000 lines).
  const walk = (count: boolean) => {
    let lastMonth = NaN;
    let byMonth: (Bucket | undefined)[] | undefined;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const month = l.month;
      let slot = slotOfRepKey[l.repKey];
      if (slot === undefined) slotOfRepKey[l.repKey] = slot = slotOf(l.rep || "\u0001");
      if (month !== lastMonth) {
        lastMonth = month;
        byMonth = only && !only.has(month) ? undefined : monthBuckets(month);
        if (byMonth) months.add(month);
      }
      if (!byMonth) continue;
      const team = byMonth[0]!;
      const own = slotBucket(byMonth, slot);
      if (count) {
        team.size++;
        own.size++;
        continue;
      }
      const orderStatus = status[l.orderKey] as number;
      add(team, l, orderStatus);
      add(own, l, orderStatus);
    }
  };
  walk(true);
  for (const bySlot of buckets.values())
    for (const b of bySlot)
      if (b) {
        b.won = new Int32Array(b.size);
        b.lost = new Int32Array(b.size);
        if (gatherCustomers) {
          b.orders = new Int32Array(b.size);
          b.customers = new Int32Array(b.size);
        }
      }
  walk(false);
  for (const bySlot of buckets.values())
    for (const b of bySlot)
      if (b) {
        const { filled } = b;
        b.orders = b.orders.subarray(0, distinctInPlace(b.orders, filled.orders));
        b.customers = b.customers.subarray(0, distinctInPlace(b.customers, filled.customers));
        b.won = b.won.subarray(0, distinctInPlace(b.won, filled.won));
        b.lost = b.lost.subarray(0, distinctInPlace(b.lost, filled.lost));
      }
  const addActivity = (b: Bucket, a: ActivityRecord) => {
    for (let f = 0; f < PROCESS_FIELDS.length; f++) {
      const field = PROCESS_FIELDS[f]!;
      const v = a.counts[field];
      if (v !== undefined) b.activity[field] = (b.activity[field] ?? 0) + v;
    }
  };
  for (let i = 0; i < activity.length; i++) {
    const a = activity[i]!;
    const bySlot = monthBuckets(a.month);
    addActivity(bySlot[0]!, a);
    addActivity(slotBucket(bySlot, slotOf(a.rep || "\u0001")), a);
  }
  const reps = [...slots.keys()].filter((rep) => rep !== "\u0001");

  const bucketMetrics = (month: MonthKey, b: Bucket | undefined): PeriodMetrics => {
    if (!b) return { ...EMPTY_METRICS, activity: {} };
    let newCustomers = 0;
    for (let i = 0; i < b.customers.length; i++) {
      const c = b.customers[i]!;
      if (firstMonth.get(c) === month) newCustomers++;
    }
    const activity: Partial<Record<ProcessField, number>> = {};
    for (const field of PROCESS_FIELDS) {
      const v = b.activity[field];
      if (v !== undefined) activity[field] = v;
    }
    return {
      revenue: b.revenue,
      orders: b.orders.length,
      customers: b.customers.length,
      newCustomers,
      won: b.won.length,
      lost: b.lost.length,
      activity,
    };
  };

  return {
    months: [...months].sort((a, b) => a - b),
    reps: reps.sort(),
    customerKeys(periodMonths, rep) {
      const keys = new Set<number>();
      for (const month of periodMonths) bucketOf(month, rep)?.customers.forEach((c) => keys.add(c));
      return keys;
    },
    metrics(periodMonths, rep) {
      // One month (most questions): that bucket's counts as they are, without merging its lists.
      if (periodMonths.length === 1) return bucketMetrics(periodMonths[0], bucketOf(periodMonths[0], rep));
      const inPeriod: Bucket[] = [];
      const activity: Partial<Record<ProcessField, number>> = {};
      let revenue = 0;
      for (const month of periodMonths) {
        const b = bucketOf(month, rep);
        if (!b) continue;
        inPeriod.push(b);
        revenue += b.revenue;
        for (const field of PROCESS_FIELDS) {
          const v = b.activity[field];
          if (v !== undefined) activity[field] = (activity[field] ?? 0) + v;
        }
      }
      const periodSet = new Set(periodMonths);
      let newCustomers = 0;
      nextRound();
      for (const b of inPeriod)
        for (let i = 0; i < b.customers.length; i++) {
          const c = b.customers[i]!;
          if (firstInRound(c) && periodSet.has(firstMonth.get(c) ?? -1)) newCustomers++;
        }
      return {
        revenue,
        orders: distinctCount(inPeriod.map((b) => b.orders)),
        customers: distinctCount(inPeriod.map((b) => b.customers)),
        newCustomers,
        won: distinctCount(inPeriod.map((b) => b.won)),
        lost: distinctCount(inPeriod.map((b) => b.lost)),
        activity,
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
