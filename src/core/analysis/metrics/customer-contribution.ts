import type { MonthKey } from "../reading/period";
import type { DealLine } from "../reading/records";
import { firstInRound, nextRound } from "./distinct-keys";
import { LOST, orderStatusCodes, WON } from "./period-metrics";

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

/** won / (won + lost) over the distinct orders among `orderKeys`. */
function closeRate(orderKeys: readonly number[], statuses: Uint8Array): number | null {
  let won = 0;
  let lost = 0;
  nextRound();
  for (const key of orderKeys) {
    if (!firstInRound(key)) continue;
    const s = statuses[key];
    if (s === WON) won++;
    else if (s === LOST) lost++;
  }
  return won + lost > 0 ? won / (won + lost) : null;
}

interface TypeTotals {
  /** Customers of the type, each once. */
  readonly customers: CustomerTotals[];
  /** Orders whose first booked line is of the type (an order counts under one type). */
  orders: number;
  /** Every order with a line of the type that is not a return, with repeats: for its close rate. */
  readonly allOrders: number[];
  revenue: number;
}

interface CustomerTotals {
  readonly name: string;
  readonly type: string;
  revenue: number;
  orders: number;
  /** The months in which the customer bought, each once. */
  readonly periods: MonthKey[];
  /** The types whose customer it already is. */
  readonly types: TypeTotals[];
}

/**
 * Per customer type: distinct customers, distinct orders, revenue, share, order value, close rate,
 * repurchase rate; per customer: ABC class; concentration and churn. Revenue counts won and
 * undecided lines; lines of lost orders are left out when a status column exists. Keys are counted in
 * arrays indexed by order and customer key, not in Sets (`deal-keys.ts`: an order key belongs to one customer).
 */
export function analyseCustomers(
  lines: readonly DealLine[],
  hasStatus: boolean,
  options: ContributionOptions = DEFAULT_CONTRIBUTION_OPTIONS,
): CustomerContribution {
  // Each order's status decided by its lines: won if any line is won, else lost if any is lost.
  const statuses = orderStatusCodes(lines);
  // Lines of lost orders, and lost lines of orders otherwise won (a refunded item), are no revenue.
  const booked = hasStatus ? lines.filter((l) => l.status !== "lost" && statuses[l.orderKey] !== LOST) : lines;
  // Filled in the pass over the booked lines below: their months, and their orders (positive lines).
  const periods = new Set<MonthKey>();
  let allOrders = 0;
  const byType = new Map<string, TypeTotals>();
  const byCustomer: CustomerTotals[] = [];
  // Indexed by key, allocated to the largest key: an array filled at scattered indexes from empty turns into a
  // dictionary (the span's order keys start in the tens of thousands).
  let customerKeys = 0;
  for (let i = 0; i < lines.length; i++) customerKeys = Math.max(customerKeys, lines[i]!.customerKey + 1);
  const customerOf = new Array<CustomerTotals | undefined>(customerKeys);
  const counted = new Uint8Array(statuses.length);

  // Each line finds its type's totals by the type's key (`deal-keys`), not by hashing its name per line.
  const segOfTypeKey: TypeTotals[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let seg: TypeTotals | undefined = segOfTypeKey[line.typeKey];
    if (!seg) {
      const type = line.customerType || "—";
      seg = byType.get(type);
      if (!seg) byType.set(type, (seg = { customers: [], orders: 0, allOrders: [], revenue: 0 }));
      segOfTypeKey[line.typeKey] = seg;
    }
    // A return is not a deal won or lost: negative lines decide no close rate (a lost deal kept at 0 does).
    if (line.amount >= 0) seg.allOrders.push(line.orderKey);
  }
  const returns: DealLine[] = [];
  for (let i = 0; i < booked.length; i++) {
    const line = booked[i]!;
    const seg = segOfTypeKey[line.typeKey]!;
    seg.revenue += line.amount;
    periods.add(line.month);
    // A return or credit note takes revenue off its customer; it is not an order or a buying month.
    if (line.amount <= 0) {
      returns.push(line);
      continue;
    }
    let cust = customerOf[line.customerKey];
    if (!cust) {
      cust = { name: line.customer, type: line.customerType || "—", revenue: 0, orders: 0, periods: [], types: [] };
      customerOf[line.customerKey] = cust;
      byCustomer.push(cust);
    }
    // An order counts under one type (its first line's), so the types' orders add up to the total.
    if (!counted[line.orderKey]) {
      counted[line.orderKey] = 1;
      seg.orders++;
      cust.orders++;
      allOrders++;
    }
    if (!cust.types.includes(seg)) {
      cust.types.push(seg);
      seg.customers.push(cust);
    }
    cust.revenue += line.amount;
    if (!cust.periods.includes(line.month)) cust.periods.push(line.month);
  }

  for (const line of returns) {
    const cust = customerOf[line.customerKey];
    if (cust) cust.revenue += line.amount;
  }
  const totalRevenue = [...byType.values()].reduce((s, seg) => s + seg.revenue, 0);
  const repeatShare = (customers: readonly CustomerTotals[]) =>
    periods.size < 2 || customers.length === 0 ? null : customers.filter((c) => c.periods.length >= 2).length / customers.length;
  const segments: SegmentStats[] = [...byType.entries()]
    .map(([type, seg]) => ({
      type,
      customers: seg.customers.length,
      orders: seg.orders,
      revenue: seg.revenue,
      share: totalRevenue > 0 ? seg.revenue / totalRevenue : 0,
      avgOrderValue: seg.orders > 0 ? seg.revenue / seg.orders : null,
      closeRate: hasStatus ? closeRate(seg.allOrders, statuses) : null,
      repurchaseRate: repeatShare(seg.customers),
    }))
    .sort((a, b) => b.revenue - a.revenue || a.type.localeCompare(b.type));

  const ranked = [...byCustomer].sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
  let cumulative = 0;
  const [cutA, cutB] = options.abcCutoffs;
  const customers: CustomerStats[] = ranked.map((c) => {
    // A customer belongs to the class in which its revenue starts.
    const before = totalRevenue > 0 ? cumulative / totalRevenue : 1;
    cumulative += c.revenue;
    const abc: AbcClass = before < cutA ? "A" : before < cutB ? "B" : "C";
    return { customer: c.name, type: c.type, revenue: c.revenue, orders: c.orders, periods: c.periods.length, abc };
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
      : byCustomer
          .filter((c) => c.periods.includes(latest - 1) && !c.periods.includes(latest))
          .map((c) => c.name)
          .sort();
  return {
    segments,
    total: { customers: byCustomer.length, orders: allOrders, revenue: totalRevenue },
    customers,
    concentration,
    repurchaseRate: repeatShare(byCustomer),
    churned,
    latestPeriod: latest,
  };
}
