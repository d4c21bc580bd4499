import type { MonthKey } from "../reading/period";
import type { DealLine } from "../reading/records";

export interface SegmentStats {
  readonly type: string;
  readonly customers: number;
  readonly orders: number;
  readonly revenue: number;
  /** Share of total revenue, 0..1. */
  readonly share: number;
  /** Revenue per distinct order; null when there are no orders. */
  readonly avgOrderValue: number | null;
  /** won / (won + lost) over distinct orders; null where no status column exists or nothing is decided. */
  readonly closeRate: number | null;
  /** Share of the type's customers who ordered in two or more periods; null with a single period. */
  readonly repurchaseRate: number | null;
}

export type AbcClass = "A" | "B" | "C";

export interface CustomerStats {
  readonly customer: string;
  readonly type: string;
  readonly revenue: number;
  readonly orders: number;
  readonly periods: number;
  readonly abc: AbcClass;
}

export interface ContributionOptions {
  /** Cumulative revenue share that closes class A and class B (Pareto). */
  readonly abcCutoffs: readonly [number, number];
  /** The share of top customers whose revenue share is reported as concentration. */
  readonly topShare: number;
}

export const DEFAULT_CONTRIBUTION_OPTIONS: ContributionOptions = { abcCutoffs: [0.8, 0.95], topShare: 0.2 };

export interface CustomerContribution {
  readonly segments: readonly SegmentStats[];
  readonly total: { readonly customers: number; readonly orders: number; readonly revenue: number };
  readonly customers: readonly CustomerStats[];
  /** Revenue share of the top `topShare` of customers by revenue. */
  readonly concentration: number | null;
  readonly repurchaseRate: number | null;
  /** Customers who bought in the previous period and not in the latest one. */
  readonly churned: readonly string[];
  readonly latestPeriod: MonthKey | null;
}

/** Each order's status, decided by its lines: won if any line is won, else lost if any is lost. */
function orderStatuses(lines: readonly DealLine[]): Map<number, DealLine["status"]> {
  const statuses = new Map<number, DealLine["status"]>();
  for (const line of lines) {
    const prev = statuses.get(line.orderKey);
    if (prev === "won") continue;
    if (line.status === "won" || prev === undefined || (prev === "open" && line.status === "lost"))
      statuses.set(line.orderKey, line.status);
  }
  return statuses;
}

function closeRate(orderKeys: Iterable<number>, statuses: Map<number, DealLine["status"]>): number | null {
  let won = 0;
  let lost = 0;
  for (const key of orderKeys) {
    const s = statuses.get(key);
    if (s === "won") won++;
    else if (s === "lost") lost++;
  }
  return won + lost > 0 ? won / (won + lost) : null;
}

/**
 * Per customer type: distinct customers, distinct orders, revenue, share, order value, close rate,
 * repurchase rate; per customer: ABC class; concentration and churn. Revenue counts won and
 * undecided lines; lines of lost orders are left out when a status column exists.
 */
export function analyseCustomers(
  lines: readonly DealLine[],
  hasStatus: boolean,
  options: ContributionOptions = DEFAULT_CONTRIBUTION_OPTIONS,
): CustomerContribution {
  const statuses = orderStatuses(lines);
  // Lines of lost orders, and lost lines of orders otherwise won (a refunded item), are no revenue.
  const booked = hasStatus ? lines.filter((l) => l.status !== "lost" && statuses.get(l.orderKey) !== "lost") : lines;
  // Filled in the pass over the booked lines below: their months, and their orders (positive lines).
  const periods = new Set<MonthKey>();
  const allOrders = new Set<number>();
  const byType = new Map<string, { customers: Set<number>; orders: Set<number>; allOrders: Set<number>; revenue: number }>();
  const byCustomer = new Map<
    number,
    { name: string; type: string; revenue: number; orders: Set<number>; periods: Set<MonthKey> }
  >();

  for (const line of lines) {
    const type = line.customerType || "—";
    let seg = byType.get(type);
    if (!seg) byType.set(type, (seg = { customers: new Set(), orders: new Set(), allOrders: new Set(), revenue: 0 }));
    // A return is not a deal won or lost: negative lines decide no close rate (a lost deal kept at 0 does).
    if (line.amount >= 0) seg.allOrders.add(line.orderKey);
  }
  const returns: DealLine[] = [];
  const orderType = new Map<number, string>();
  for (const line of booked) {
    const type = line.customerType || "—";
    const seg = byType.get(type)!;
    seg.revenue += line.amount;
    periods.add(line.month);
    // A return or credit note takes revenue off its customer; it is not an order or a buying month.
    if (line.amount <= 0) {
      returns.push(line);
      continue;
    }
    // An order counts under one type (its first line's), so the types' orders add up to the total.
    if (!orderType.has(line.orderKey)) orderType.set(line.orderKey, type);
    if (orderType.get(line.orderKey) === type) seg.orders.add(line.orderKey);
    allOrders.add(line.orderKey);
    seg.customers.add(line.customerKey);
    let cust = byCustomer.get(line.customerKey);
    if (!cust)
      byCustomer.set(line.customerKey, (cust = { name: line.customer, type, revenue: 0, orders: new Set(), periods: new Set() }));
    cust.revenue += line.amount;
    cust.orders.add(line.orderKey);
    cust.periods.add(line.month);
  }

  for (const line of returns) {
    const cust = byCustomer.get(line.customerKey);
    if (cust) cust.revenue += line.amount;
  }
  const totalRevenue = [...byType.values()].reduce((s, seg) => s + seg.revenue, 0);
  const repeatShare = (months: Iterable<Set<MonthKey>>) => {
    const list = [...months];
    return periods.size < 2 || list.length === 0 ? null : list.filter((m) => m.size >= 2).length / list.length;
  };
  const segments: SegmentStats[] = [...byType.entries()]
    .map(([type, seg]) => ({
      type,
      customers: seg.customers.size,
      orders: seg.orders.size,
      revenue: seg.revenue,
      share: totalRevenue > 0 ? seg.revenue / totalRevenue : 0,
      avgOrderValue: seg.orders.size > 0 ? seg.revenue / seg.orders.size : null,
      closeRate: hasStatus ? closeRate(seg.allOrders, statuses) : null,
      repurchaseRate: repeatShare([...seg.customers].map((key) => byCustomer.get(key)!.periods)),
    }))
    .sort((a, b) => b.revenue - a.revenue || a.type.localeCompare(b.type));

  const ranked = [...byCustomer.values()].sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
  let cumulative = 0;
  const [cutA, cutB] = options.abcCutoffs;
  const customers: CustomerStats[] = ranked.map((c) => {
    // A customer belongs to the class in which its revenue starts.
    const before = totalRevenue > 0 ? cumulative / totalRevenue : 1;
    cumulative += c.revenue;
    const abc: AbcClass = before < cutA ? "A" : before < cutB ? "B" : "C";
    return { customer: c.name, type: c.type, revenue: c.revenue, orders: c.orders.size, periods: c.periods.size, abc };
  });
  const topCount = Math.ceil(customers.length * options.topShare);
  const concentration =
    totalRevenue > 0 && customers.length > 0
      ? customers.slice(0, topCount).reduce((s, c) => s + c.revenue, 0) / totalRevenue
      : null;

  const latest = periods.size > 0 ? Math.max(...periods) : null;
  const churned =
    latest === null
      ? []
      : [...byCustomer.values()]
          .filter((c) => c.periods.has(latest - 1) && !c.periods.has(latest))
          .map((c) => c.name)
          .sort();
  return {
    segments,
    total: { customers: byCustomer.size, orders: allOrders.size, revenue: totalRevenue },
    customers,
    concentration,
    repurchaseRate: repeatShare([...byCustomer.values()].map((c) => c.periods)),
    churned,
    latestPeriod: latest,
  };
}
