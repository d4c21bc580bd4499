import { formatAmount, formatNumber, formatPercent } from "../i18n/format";
import type { Bilingual } from "../i18n/locale";
import type { CustomerContribution } from "./customer-contribution";

/** What the class-A customers (the top of the Pareto curve) have in common. */
export interface HighValueProfile {
  readonly customers: number;
  readonly revenueShare: number;
  /** The customer type most of them share, with the share of A customers of that type. */
  readonly commonType: { readonly type: string; readonly share: number } | null;
  readonly avgOrderValue: number | null;
  readonly othersAvgOrderValue: number | null;
  readonly ordersPerCustomer: number;
  readonly othersOrdersPerCustomer: number | null;
  readonly statement: Bilingual;
}

export function profileHighValue(c: CustomerContribution): HighValueProfile | null {
  const a = c.customers.filter((x) => x.abc === "A");
  const rest = c.customers.filter((x) => x.abc !== "A");
  if (a.length === 0 || c.total.revenue <= 0) return null;
  const sum = (list: typeof a, f: (x: (typeof a)[number]) => number) => list.reduce((s, x) => s + f(x), 0);
  const aRevenue = sum(a, (x) => x.revenue);
  const aOrders = sum(a, (x) => x.orders);
  const restOrders = sum(rest, (x) => x.orders);
  const types = new Map<string, number>();
  for (const x of a) types.set(x.type, (types.get(x.type) ?? 0) + 1);
  const [type, count] = [...types.entries()].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0];
  const commonType = { type, share: count / a.length };
  const profile = {
    customers: a.length,
    revenueShare: aRevenue / c.total.revenue,
    commonType,
    avgOrderValue: aOrders > 0 ? aRevenue / aOrders : null,
    othersAvgOrderValue: restOrders > 0 ? sum(rest, (x) => x.revenue) / restOrders : null,
    ordersPerCustomer: aOrders / a.length,
    othersOrdersPerCustomer: rest.length > 0 ? restOrders / rest.length : null,
  };
  const aov = profile.avgOrderValue === null ? null : formatAmount(profile.avgOrderValue);
  const otherAov = profile.othersAvgOrderValue === null ? null : formatAmount(profile.othersAvgOrderValue);
  return {
    ...profile,
    statement: {
      "zh-CN":
        `高价值客户（A类，${a.length}个，占客户数${formatPercent(a.length / c.customers.length)}）贡献${formatPercent(profile.revenueShare)}业绩；` +
        `${formatPercent(commonType.share)}为“${type}”，客单价${aov?.["zh-CN"] ?? "—"}（其他客户${otherAov?.["zh-CN"] ?? "—"}），` +
        `人均下单${formatNumber(profile.ordersPerCustomer)}次（其他客户${profile.othersOrdersPerCustomer === null ? "—" : formatNumber(profile.othersOrdersPerCustomer)}次）。`,
      en:
        `High-value customers (class A: ${a.length}, ${formatPercent(a.length / c.customers.length)} of customers) bring ${formatPercent(profile.revenueShare)} of revenue; ` +
        `${formatPercent(commonType.share)} are "${type}", order value ${aov?.en ?? "n/a"} (others ${otherAov?.en ?? "n/a"}), ` +
        `${formatNumber(profile.ordersPerCustomer)} orders each (others ${profile.othersOrdersPerCustomer === null ? "n/a" : formatNumber(profile.othersOrdersPerCustomer)}).`,
    },
  };
}
