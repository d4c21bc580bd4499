import { formatPercent } from "../i18n/format";
import type { Bilingual } from "../i18n/locale";
import type { TypeShift } from "./customer-types";
import { money, s, type Context, type Detected } from "./problem-candidates";
import { STRATEGIES } from "./strategies";

/** "行业TOP100减少12万（-47%）" / "行业TOP100 down 120,000 (-47%)". */
function moved(t: TypeShift): Bilingual {
  const rel = t.baseline > 0 ? ` (${t.change < 0 ? "-" : "+"}${formatPercent(Math.abs(t.change / t.baseline))})` : "";
  const relZh = t.baseline > 0 ? `（${t.change < 0 ? "-" : "+"}${formatPercent(Math.abs(t.change / t.baseline))}）` : "";
  const amount = money(Math.abs(t.change));
  return s(
    `${t.type}${t.change < 0 ? "减少" : "增加"}${amount["zh-CN"]}${relZh}`,
    `${t.type} ${t.change < 0 ? "down" : "up"} ${amount.en}${rel}`,
  );
}

/**
 * The customer-type mix: a type that collapsed (under 70% of its baseline, at least 5% of the team's
 * revenue lost, while the other types held), shown even when growth elsewhere hid it, or an order value that fell only
 * because the mix moved to smaller types while each type kept its usual order value. Named by type,
 * each with what it lost or gained against the same baseline months.
 */
export function typeShift(ctx: Context): Detected | null {
  const { types, now, baseline: base } = ctx.input;
  if (!types) return null;
  const total = types.types.reduce((a, t) => a + t.now, 0);
  // Fell to 70% of its baseline or below while the other types together (at least a fifth of the revenue) held
  // or grew: a shift between types, not a fall of everything.
  const collapsed = types.types.filter((t) => {
    const rest = types.baselineRevenue - t.baseline;
    const held = rest >= 0.2 * types.baselineRevenue && (total - t.now) / rest - 1 >= -0.1;
    return held && t.now <= 0.7 * t.baseline && -t.change >= 0.05 * types.baselineRevenue;
  });
  const aov = now.orders > 0 ? Math.max(0, now.newCustomerRevenue + now.returningRevenue) / now.orders : null;
  const mix =
    aov !== null &&
    base.avgOrderValue !== null &&
    aov < 0.9 * base.avgOrderValue &&
    types.withinTypePrice !== null &&
    types.withinTypePrice >= 0.9;
  if (collapsed.length === 0 && !mix) return null;
  const lost = types.types.filter((t) => t.change < 0);
  const cap = lost.reduce((a, t) => a - t.change, 0);
  if (cap <= 0) return null;
  const notable = types.types
    .filter(
      (t) => Math.abs(t.change) >= 0.02 * types.baselineRevenue && (t.baseline === 0 || Math.abs(t.change) >= 0.1 * t.baseline),
    )
    .sort((a, b) => a.change - b.change)
    .slice(0, 4);
  const list = (f: (b: Bilingual) => string, sep: string) => notable.map((t) => f(moved(t))).join(sep);
  const main = collapsed[0] ?? lost.sort((a, b) => a.change - b.change)[0];
  const priceNote = mix
    ? s(
        `；各类型客单价与常态持平（${formatPercent(types.withinTypePrice!)}），客单价下降来自客户结构，不是价格`,
        `; each type paid its usual order value (${formatPercent(types.withinTypePrice!)}): the lower order value is the mix, not price`,
      )
    : s("", "");
  return {
    code: "customerTypeShift",
    cap,
    baseline: { value: main.baseline, months: types.months, kind: "money" },
    describe: (_affects, amount) => ({
      summary: s(`客户类型结构变化：${list((b) => b["zh-CN"], "，")}`, `Customer-type mix shifted: ${list((b) => b.en, ", ")}`),
      evidence: s(
        `${types.months === 1 ? "与上月相比" : `与前${types.months}个月平均相比`}：${list((b) => b["zh-CN"], "、")}（${main.type}本月${money(main.now)["zh-CN"]}，此前平均${money(main.baseline)["zh-CN"]}）${priceNote["zh-CN"]}；影响销售额约${money(amount)["zh-CN"]}`,
        `${types.months === 1 ? "against last month" : `against the previous ${types.months} months' average`}: ${list((b) => b.en, ", ")} (${main.type} ${money(main.now).en} this month, ${money(main.baseline).en} on average before)${priceNote.en}; about ${money(amount).en} of revenue`,
      ),
      actions: [
        s(
          `${main.type}客户逐个回访：本月少采购的原因（预算、竞品、交付），由销售经理牵头挽回`,
          `Call on the ${main.type} customers one by one: why they bought less (budget, competitor, delivery); the sales manager leads the win-back`,
        ),
        ...STRATEGIES.customerTypeShift,
      ],
    }),
  };
}
