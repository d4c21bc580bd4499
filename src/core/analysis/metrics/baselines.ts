import type { ProcessField } from "../reading/fields";
import { firstMonths, LOST, orderStatusCodes, WON } from "./period-metrics";
import type { MonthKey } from "../reading/period";
import type { ActivityRecord, DealLine } from "../reading/records";

/**
 * The team's own measures, month by month, so that each signal of the current month is judged
 * against the months before it (its baseline) rather than against last month alone: in B2B data a
 * customer who did not buy again this month is normal; one fewer than usual is the signal.
 */
export interface MonthSignals {
  readonly month: MonthKey;
  readonly revenue: number;
  readonly orders: number;
  readonly customers: number;
  readonly newCustomers: number;
  readonly newCustomerRevenue: number;
  /** Of the customers who bought in the 3 months before, the share who bought this month; null without them. */
  readonly repeatRate: number | null;
  /** The customers the repeat rate is measured on, and those of them who bought again. */
  readonly repeatBase: number;
  readonly repeaters: number;
  readonly returningRevenue: number;
  /** The lead activity per rep per week, where recorded. */
  readonly activityPerRepWeek: number | null;
  /** Revenue per rep. */
  readonly reps: ReadonlyMap<string, number>;
  /** Won and lost orders at or above the high-ticket threshold. */
  readonly highTicket: { readonly won: number; readonly lost: number };
}

export interface Baseline {
  /** The months averaged (those of the 3 before the current one that have deals). */
  readonly months: readonly MonthKey[];
  readonly newCustomers: number | null;
  readonly revenuePerNewCustomer: number | null;
  readonly repeatRate: number | null;
  readonly avgOrderValue: number | null;
  readonly activityPerRepWeek: number | null;
  readonly highTicketCloseRate: number | null;
  /** Each rep's average monthly revenue. */
  readonly reps: ReadonlyMap<string, number>;
}

export interface SignalOptions {
  /** Days of each month compared (month to date when the current month is not over). */
  readonly daysCovered: (month: MonthKey) => number;
  readonly activityField: ProcessField | null;
  /** Order value at or above which an order is high-ticket. */
  readonly highTicketFrom: number | null;
  /** Each customer's first month, from all lines when `lines` are only some days of each month (month to date). */
  readonly first?: ReadonlyMap<number, MonthKey>;
}

/** Each order's value (its positive lines), month (its first line's) and outcome, in arrays indexed by order key. */
interface OrderOutcomes {
  /** The order keys, each once, in the order first seen. */
  readonly keys: number[];
  readonly value: Float64Array;
  readonly month: Float64Array;
  /** WON if any line is won, else LOST if any is lost (`orderStatusCodes`), else 0. */
  readonly status: Uint8Array;
}

function orderOutcomes(lines: readonly DealLine[]): OrderOutcomes {
  const status = orderStatusCodes(lines);
  const value = new Float64Array(status.length);
  const month = new Float64Array(status.length).fill(NaN);
  const keys: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const key = l.orderKey;
    if (Number.isNaN(month[key])) {
      month[key] = l.month;
      keys.push(key);
    }
    value[key] += Math.max(0, l.amount);
  }
  return { keys, value, month, status };
}

/** The order value from which the top quarter of decided orders starts (null without outcomes); lost deals kept at 0 have none. */
export function highTicketThreshold(lines: readonly DealLine[], share = 0.25): number | null {
  const { keys, value, status } = orderOutcomes(lines);
  const values = keys.filter((k) => status[k] !== 0 && (value[k] as number) > 0).map((k) => value[k] as number);
  if (values.length === 0) return null;
  values.sort((a, b) => b - a);
  return values[Math.max(0, Math.ceil(values.length * share) - 1)];
}

export function monthSignals(
  lines: readonly DealLine[],
  activity: readonly ActivityRecord[],
  months: readonly MonthKey[],
  options: SignalOptions,
): Map<MonthKey, MonthSignals> {
  const first = options.first ?? firstMonths(lines);
  const buyers = new Map<MonthKey, Set<number>>();
  const out = new Map<MonthKey, MonthSignals>();
  const want = new Set(months);
  const earliest = Math.min(...months) - 3;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.status === "lost" || l.amount <= 0 || l.month < earliest) continue;
    let set = buyers.get(l.month);
    if (!set) buyers.set(l.month, (set = new Set()));
    set.add(l.customerKey);
  }
  // The high-ticket orders' outcomes per wanted month, in one pass over the orders rather than one a month.
  const highTicket = new Map<MonthKey, { won: number; lost: number }>([...want].map((m) => [m, { won: 0, lost: 0 }]));
  if (options.highTicketFrom !== null) {
    const outcomes = orderOutcomes(lines);
    for (let i = 0; i < outcomes.keys.length; i++) {
      const k = outcomes.keys[i]!;
      const tally = highTicket.get(outcomes.month[k] as number);
      if (!tally || (outcomes.value[k] as number) < options.highTicketFrom) continue;
      if (outcomes.status[k] === WON) tally.won++;
      else if (outcomes.status[k] === LOST) tally.lost++;
    }
  }
  // Each wanted month's lines, in their order, gathered in one pass rather than a pass over all lines a month.
  const monthLines = new Map<MonthKey, DealLine[]>([...want].map((m) => [m, []]));
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    monthLines.get(l.month)?.push(l);
  }
  for (const month of want) {
    let revenue = 0;
    let newRevenue = 0;
    let returningRevenue = 0;
    const orders = new Set<number>();
    const fresh = new Set<number>();
    const reps = new Map<string, number>();
    const base = new Set<number>();
    for (let m = month - 3; m < month; m++) buyers.get(m)?.forEach((c) => base.add(c));
    const inMonth = monthLines.get(month)!;
    for (let i = 0; i < inMonth.length; i++) {
      const l = inMonth[i]!;
      if (l.status === "lost") continue;
      revenue += l.amount;
      reps.set(l.rep, (reps.get(l.rep) ?? 0) + l.amount);
      if (l.amount <= 0) continue;
      orders.add(l.orderKey);
      if (first.get(l.customerKey) === month) {
        fresh.add(l.customerKey);
        newRevenue += l.amount;
      } else returningRevenue += l.amount;
    }
    const now = buyers.get(month) ?? new Set<number>();
    let repeaters = 0;
    base.forEach((c) => (repeaters += now.has(c) ? 1 : 0));
    let total = 0;
    const active = new Set<string>();
    if (options.activityField) {
      for (let i = 0; i < activity.length; i++) {
        const r = activity[i]!;
        const v = r.counts[options.activityField];
        if (r.month !== month || v === undefined) continue;
        total += v;
        active.add(r.rep);
      }
    }
    const weeks = options.daysCovered(month) / 7;
    out.set(month, {
      month,
      revenue,
      orders: orders.size,
      customers: now.size,
      newCustomers: fresh.size,
      newCustomerRevenue: newRevenue,
      repeatRate: base.size > 0 ? repeaters / base.size : null,
      repeatBase: base.size,
      repeaters,
      returningRevenue,
      activityPerRepWeek: active.size > 0 && weeks > 0 ? total / active.size / weeks : null,
      reps,
      highTicket: highTicket.get(month)!,
    });
  }
  return out;
}

const mean = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length > 0 ? known.reduce((s, v) => s + v, 0) / known.length : null;
};

/** The average of the months before `current` (up to 3) that have deals, scaled to the current month's days. */
export function baselineOf(
  signals: ReadonlyMap<MonthKey, MonthSignals>,
  current: MonthKey,
  dataMonths: ReadonlySet<MonthKey>,
  scale: number,
): Baseline {
  const months = [current - 3, current - 2, current - 1].filter((m) => dataMonths.has(m) && signals.has(m));
  const list = months.map((m) => signals.get(m)!);
  const sum = (f: (s: MonthSignals) => number) => list.reduce((acc, s) => acc + f(s), 0);
  const reps = new Map<string, number>();
  for (const s of list) for (const [rep, v] of s.reps) reps.set(rep, (reps.get(rep) ?? 0) + v / list.length);
  const newCount = sum((s) => s.newCustomers);
  const orders = sum((s) => s.orders);
  const decided = sum((s) => s.highTicket.won + s.highTicket.lost);
  return {
    months,
    newCustomers: list.length > 0 ? (newCount / list.length) * scale : null,
    revenuePerNewCustomer: newCount > 0 ? sum((s) => s.newCustomerRevenue) / newCount : null,
    repeatRate: mean(list.map((s) => s.repeatRate)),
    avgOrderValue: orders > 0 ? sum((s) => Math.max(0, s.newCustomerRevenue + s.returningRevenue)) / orders : null,
    activityPerRepWeek: mean(list.map((s) => s.activityPerRepWeek)),
    highTicketCloseRate: decided > 0 ? sum((s) => s.highTicket.won) / decided : null,
    reps: new Map([...reps].map(([rep, v]) => [rep, v * scale])),
  };
}
