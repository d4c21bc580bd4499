import type { ProcessField } from "../reading/fields";
import { distinctCount, distinctInPlace, firstInRound, nextRound } from "./distinct-keys";
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

/** Each order's value (its positive lines), month (its first line's, NaN for a key no line has) and outcome, indexed by order key. */
interface OrderOutcomes {
  readonly value: Float64Array;
  readonly month: Float64Array;
  /** WON if any line is won, else LOST if any is lost (`orderStatusCodes`), else 0. */
  readonly status: Uint8Array;
}

function orderOutcomes(lines: readonly DealLine[]): OrderOutcomes {
  const status = orderStatusCodes(lines);
  const value = new Float64Array(status.length);
  const month = new Float64Array(status.length).fill(NaN);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const key = l.orderKey;
    if (Number.isNaN(month[key])) month[key] = l.month;
    value[key] += Math.max(0, l.amount);
  }
  return { value, month, status };
}

/** The order value from which the top quarter of decided orders starts (null without outcomes); lost deals kept at 0 have none. */
export function highTicketThreshold(lines: readonly DealLine[], share = 0.25): number | null {
  const { value, status } = orderOutcomes(lines);
  let count = 0;
  for (let k = 0; k < status.length; k++) if (status[k] !== 0 && (value[k] as number) > 0) count++;
  if (count === 0) return null;
  // A typed array sorts numbers without a compare function (ascending): the n-th largest is counted from the end.
  const values = new Float64Array(count);
  count = 0;
  for (let k = 0; k < status.length; k++) if (status[k] !== 0 && (value[k] as number) > 0) values[count++] = value[k] as number;
  values.sort();
  return values[count - Math.max(1, Math.ceil(count * share))] as number;
}

/**
 * The signals of `months`, in one pass over the lines and one over the records. Each month from 3 before the first
 * wanted one to the last has a slot (months are consecutive integers): its buying customers' keys and, for a wanted
 * month, its lines. Distinct counts are taken on the keys' arrays (`distinct-keys`), and revenue per rep is summed by
 * rep key: a Set per month and a Map keyed by rep name per line cost most of the 24 ms this took on 100,000 lines.
 */
export function monthSignals(
  lines: readonly DealLine[],
  activity: readonly ActivityRecord[],
  months: readonly MonthKey[],
  options: SignalOptions,
): Map<MonthKey, MonthSignals> {
  const out = new Map<MonthKey, MonthSignals>();
  if (months.length === 0) return out;
  const first = options.first ?? firstMonths(lines);
  const want = new Set(months);
  const earliest = Math.min(...months) - 3;
  const slots = Math.max(...months) - earliest + 1;
  const buyers = Array.from({ length: slots }, (): number[] => []);
  const monthLines = Array.from({ length: slots }, (_v, i): DealLine[] | undefined => (want.has(earliest + i) ? [] : undefined));
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const slot = l.month - earliest;
    if (!(slot >= 0 && slot < slots)) continue;
    monthLines[slot]?.push(l);
    if (l.status !== "lost" && l.amount > 0) buyers[slot]!.push(l.customerKey);
  }
  buyers.forEach((keys) => distinctInPlace(keys));
  // The high-ticket orders' outcomes per wanted month, in one pass over the orders rather than one a month.
  const highTicket = new Map<MonthKey, { won: number; lost: number }>([...want].map((m) => [m, { won: 0, lost: 0 }]));
  if (options.highTicketFrom !== null) {
    const outcomes = orderOutcomes(lines);
    for (let k = 0; k < outcomes.status.length; k++) {
      const tally = highTicket.get(outcomes.month[k] as number);
      if (!tally || (outcomes.value[k] as number) < options.highTicketFrom) continue;
      if (outcomes.status[k] === WON) tally.won++;
      else if (outcomes.status[k] === LOST) tally.lost++;
    }
  }
  const activityOf = activityByMonth(activity, want, options.activityField);
  for (const month of want) {
    const slot = month - earliest;
    // The customers of the 3 months before (the base), and of them those who bought again this month.
    nextRound();
    let base = 0;
    for (let m = slot - 3; m < slot; m++) {
      const before = buyers[m]!;
      for (let i = 0; i < before.length; i++) if (firstInRound(before[i]!)) base++;
    }
    const now = buyers[slot]!;
    let repeaters = now.length;
    for (let i = 0; i < now.length; i++) if (firstInRound(now[i]!)) repeaters--;
    let revenue = 0;
    let newRevenue = 0;
    let returningRevenue = 0;
    const orders: number[] = [];
    const fresh: number[] = [];
    const repRevenue: number[] = [];
    const repsSeen: DealLine[] = [];
    const inMonth = monthLines[slot]!;
    for (let i = 0; i < inMonth.length; i++) {
      const l = inMonth[i]!;
      if (l.status === "lost") continue;
      revenue += l.amount;
      const sum = repRevenue[l.repKey];
      if (sum === undefined) repsSeen.push(l);
      repRevenue[l.repKey] = (sum ?? 0) + l.amount;
      if (l.amount <= 0) continue;
      orders.push(l.orderKey);
      if (first.get(l.customerKey) === month) {
        fresh.push(l.customerKey);
        newRevenue += l.amount;
      } else returningRevenue += l.amount;
    }
    const act = activityOf.get(month);
    const weeks = options.daysCovered(month) / 7;
    out.set(month, {
      month,
      revenue,
      orders: distinctCount([orders]),
      customers: now.length,
      newCustomers: distinctCount([fresh]),
      newCustomerRevenue: newRevenue,
      repeatRate: base > 0 ? repeaters / base : null,
      repeatBase: base,
      repeaters,
      returningRevenue,
      activityPerRepWeek: act && act.reps.size > 0 && weeks > 0 ? act.total / act.reps.size / weeks : null,
      reps: new Map(repsSeen.map((l) => [l.rep, repRevenue[l.repKey]!])),
      highTicket: highTicket.get(month)!,
    });
  }
  return out;
}

/** Per wanted month, the records' total of `field` and the reps who recorded it (none without a field). */
function activityByMonth(
  activity: readonly ActivityRecord[],
  want: ReadonlySet<MonthKey>,
  field: ProcessField | null,
): Map<MonthKey, { total: number; readonly reps: Set<string> }> {
  const out = new Map<MonthKey, { total: number; readonly reps: Set<string> }>();
  if (!field) return out;
  for (let i = 0; i < activity.length; i++) {
    const r = activity[i]!;
    const v = r.counts[field];
    if (v === undefined || !want.has(r.month)) continue;
    let month = out.get(r.month);
    if (!month) out.set(r.month, (month = { total: 0, reps: new Set() }));
    month.total += v;
    month.reps.add(r.rep);
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
