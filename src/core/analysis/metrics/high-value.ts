import { formatAmount, formatNumber, formatPercent } from "../../i18n/format";
import type { Bilingual } from "../../i18n/locale";
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
    statement: describeHighValue(a.length, c.customers.length, profile.revenueShare, commonType, aov, otherAov, profile),
  };
}

/** Says what "high-value" means (the customers whose revenue makes up the first 80%), then what they share. */
function describeHighValue(
  count: number,
  all: number,
  share: number,
  common: { type: string; share: number },
  aov: Bilingual | null,
  otherAov: Bilingual | null,
  p: { ordersPerCustomer: number; othersOrdersPerCustomer: number | null },
): Bilingual {
  const others = p.othersOrdersPerCustomer !== null && otherAov !== null;
  return {
    "zh-CN":
      `高价值客户（A类：按销售额从高到低累计贡献前80%的客户）${count}个，占客户数${formatPercent(count / all)}，贡献${formatPercent(share)}业绩；` +
      `${formatPercent(common.share)}为“${common.type}”，客单价${aov?.["zh-CN"] ?? "—"}` +
      (others
        ? `（其他客户${otherAov["zh-CN"]}），人均下单${formatNumber(p.ordersPerCustomer)}次（其他客户${formatNumber(p.othersOrdersPerCustomer!)}次）。`
        : `，人均下单${formatNumber(p.ordersPerCustomer)}次。`),
    en:
      `High-value customers (class A: the customers whose revenue, largest first, makes up the first 80%): ${count}, ${formatPercent(count / all)} of customers, bringing ${formatPercent(share)} of revenue; ` +
      `${formatPercent(common.share)} are "${common.type}", order value ${aov?.en ?? "n/a"}` +
      (others
        ? ` (others ${otherAov.en}), ${formatNumber(p.ordersPerCustomer)} orders each (others ${formatNumber(p.othersOrdersPerCustomer!)}).`
        : `, ${formatNumber(p.ordersPerCustomer)} orders each.`),
  };
}
