import type { ProcessField } from "../reading/fields";
import { attributeChange, type Factor } from "./lmdi";
import type { MonthKey } from "../reading/period";
import { firstMonths } from "./period-metrics";
import type { ActivityRecord, DealLine } from "../reading/records";

/**
 * What moved revenue between two months, per rep:
 *   revenue = new-customer revenue + returning-customer revenue + returns (negative lines)
 *   new       = [activity ×] new customers [per unit of activity] × orders per customer × order value
 *   returning = returning customers × orders per customer × order value
 * Each product is split exactly by LMDI, so a rep's effects add up to that rep's change and the
 * reps' add up to the team's: a rep × driver table of disjoint amounts that TOP 3 problems claim.
 */
export type DriverName = "activity" | "newCustomers" | "returningCustomers" | "ordersPerCustomer" | "avgOrderValue" | "returns";

export const DRIVERS: readonly DriverName[] = [
  "activity",
  "newCustomers",
  "returningCustomers",
  "ordersPerCustomer",
  "avgOrderValue",
  "returns",
];

export type DriverEffects = Readonly<Record<DriverName, number>>;

/** One group of customers in one month for one rep. */
export interface GroupCounts {
  readonly customers: number;
  readonly orders: number;
  readonly revenue: number;
}

export interface RepMonth {
  readonly newCustomers: GroupCounts;
  readonly returning: GroupCounts;
  /** Sum of negative lines (returns, credit notes): zero or below. */
  readonly returns: number;
  /** The lead activity's count, when the rep recorded it that month. */
  readonly activity: number | undefined;
}

export interface RepChange {
  readonly rep: string;
  readonly before: RepMonth;
  readonly now: RepMonth;
  readonly from: number;
  readonly to: number;
  readonly effects: DriverEffects;
}

export interface ChangeDrivers {
  readonly from: number;
  readonly to: number;
  readonly change: number;
  /** The process count that stands for activity (the one that explains new customers: `lead-activity`), or null. */
  readonly activityField: ProcessField | null;
  readonly reps: readonly RepChange[];
  /** The effects summed over reps. */
  readonly team: DriverEffects;
}

const revenueOf = (m: RepMonth) => m.newCustomers.revenue + m.returning.revenue + m.returns;

interface Acc {
  customers: Set<number>;
  orders: Set<number>;
  revenue: number;
}
const acc = (): Acc => ({ customers: new Set(), orders: new Set(), revenue: 0 });
const counts = (a: Acc): GroupCounts => ({ customers: a.customers.size, orders: a.orders.size, revenue: a.revenue });

/** Per rep ("" when the sheet has no rep column), the month's counts by customer group. */
export function repMonths(
  lines: readonly DealLine[],
  activity: readonly ActivityRecord[],
  month: MonthKey,
  first: ReadonlyMap<number, MonthKey>,
  activityField: ProcessField | null,
): Map<string, RepMonth> {
  const groups = new Map<string, { n: Acc; r: Acc; returns: number; activity: number | undefined }>();
  const of = (rep: string) => {
    let g = groups.get(rep);
    if (!g) groups.set(rep, (g = { n: acc(), r: acc(), returns: 0, activity: undefined }));
    return g;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.month !== month || l.status === "lost") continue;
    const g = of(l.rep);
    if (l.amount < 0) {
      g.returns += l.amount;
      continue;
    }
    const a = first.get(l.customerKey) === month ? g.n : g.r;
    a.revenue += l.amount;
    a.orders.add(l.orderKey);
    a.customers.add(l.customerKey);
  }
  if (activityField) {
    for (let i = 0; i < activity.length; i++) {
      const r = activity[i]!;
      const v = r.counts[activityField];
      if (r.month !== month || v === undefined) continue;
      const g = of(r.rep);
      g.activity = (g.activity ?? 0) + v;
    }
  }
  const out = new Map<string, RepMonth>();
  for (const [rep, g] of groups)
    out.set(rep, { newCustomers: counts(g.n), returning: counts(g.r), returns: g.returns, activity: g.activity });
  return out;
}

const EMPTY_GROUP: GroupCounts = { customers: 0, orders: 0, revenue: 0 };
const EMPTY_MONTH: RepMonth = { newCustomers: EMPTY_GROUP, returning: EMPTY_GROUP, returns: 0, activity: undefined };

/**
 * customers × orders per customer × order value, with an empty side taking the other side's ratios,
 * so a group that appears or disappears moves only its customer count (not a third to each factor).
 */
function groupFactors(before: GroupCounts, now: GroupCounts, countName: DriverName): Factor[] {
  const ratios = (g: GroupCounts, other: GroupCounts) => {
    const src = g.customers > 0 && g.orders > 0 ? g : other;
    return src.customers > 0 && src.orders > 0 ? [src.orders / src.customers, src.revenue / src.orders] : [0, 0];
  };
  const [f0, v0] = ratios(before, now);
  const [f1, v1] = ratios(now, before);
  return [
    { name: countName, from: before.customers, to: now.customers },
    { name: "ordersPerCustomer", from: f0, to: f1 },
    { name: "avgOrderValue", from: v0, to: v1 },
  ];
}

function effectsOf(before: RepMonth, now: RepMonth): DriverEffects {
  const effects: Record<DriverName, number> = {
    activity: 0,
    newCustomers: 0,
    returningCustomers: 0,
    ordersPerCustomer: 0,
    avgOrderValue: 0,
    returns: now.returns - before.returns,
  };
  const add = (factors: Factor[]) => {
    for (const e of attributeChange(factors).effects) effects[e.name as DriverName] += e.effect;
  };
  const fresh = groupFactors(before.newCustomers, now.newCustomers, "newCustomers");
  const a0 = before.activity;
  const a1 = now.activity;
  if (a0 !== undefined && a1 !== undefined && a0 > 0 && a1 > 0) {
    // new customers = activity × new customers per unit of activity
    const [count, ...rest] = fresh;
    add([{ name: "activity", from: a0, to: a1 }, { name: "newCustomers", from: count.from / a0, to: count.to / a1 }, ...rest]);
  } else add(fresh);
  add(groupFactors(before.returning, now.returning, "returningCustomers"));
  return effects;
}

export function attributeByDriver(
  lines: readonly DealLine[],
  activity: readonly ActivityRecord[],
  before: MonthKey,
  now: MonthKey,
  activityField: ProcessField | null,
  /** Each customer's first month: from all lines when `lines` are only some days of each month (month to date). */
  first: ReadonlyMap<number, MonthKey> = firstMonths(lines),
): ChangeDrivers {
  const b = repMonths(lines, activity, before, first, activityField);
  const n = repMonths(lines, activity, now, first, activityField);
  const team: Record<DriverName, number> = {
    activity: 0,
    newCustomers: 0,
    returningCustomers: 0,
    ordersPerCustomer: 0,
    avgOrderValue: 0,
    returns: 0,
  };
  const reps: RepChange[] = [];
  for (const rep of [...new Set([...b.keys(), ...n.keys()])].sort()) {
    const rb = b.get(rep) ?? EMPTY_MONTH;
    const rn = n.get(rep) ?? EMPTY_MONTH;
    const effects = effectsOf(rb, rn);
    for (const d of DRIVERS) team[d] += effects[d];
    reps.push({ rep, before: rb, now: rn, from: revenueOf(rb), to: revenueOf(rn), effects });
  }
  const from = reps.reduce((s, r) => s + r.from, 0);
  const to = reps.reduce((s, r) => s + r.to, 0);
  return { from, to, change: to - from, activityField, reps, team };
}
