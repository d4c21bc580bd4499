import { formatBilingual } from "../../i18n/locale";
import { formatPercent } from "../../i18n/format";
import type { Bilingual, Locale } from "../../i18n/locale";
import type { TypeShift, TypeShifts } from "./customer-types";
import { money, orderValueOf, revenue, s, type Context, type Detected } from "./problem-candidates";
import { ITEM_TEXT, NOTHING, PROBLEM_TEXT } from "./problem-text";
import { STRATEGIES } from "./strategies";

const WORDS = PROBLEM_TEXT.customerTypeShift;

/** "行业TOP100减少12万（-47%）" / "行业TOP100 down 120,000 (-47%)". */
function moved(t: TypeShift): Bilingual {
  const relative = () => `${t.change < 0 ? "-" : "+"}${formatPercent(Math.abs(t.change / t.baseline))}`;
  return formatBilingual(t.change < 0 ? WORDS.down : WORDS.up, {
    type: t.type,
    amount: money(Math.abs(t.change)),
    relative: t.baseline > 0 ? formatBilingual(WORDS.relative, { change: relative() }) : NOTHING,
  });
}

/**
 * The types that fell to 70% of their baseline or below (losing at least 5% of the team's revenue) while the
 * other types together (at least a fifth of the revenue) held or grew: a shift between types, not a fall of everything.
 */
function collapsedTypes(types: TypeShifts): TypeShift[] {
  const total = types.types.reduce((a, t) => a + t.now, 0);
  return types.types.filter((t) => {
    const rest = types.baselineRevenue - t.baseline;
    const held = rest >= 0.2 * types.baselineRevenue && (total - t.now) / rest - 1 >= -0.1;
    return held && t.now <= 0.7 * t.baseline && -t.change >= 0.05 * types.baselineRevenue;
  });
}

/** The order value fell under 90% of the baseline's while each type kept its usual order value: the mix, not price. */
function mixOnly(ctx: Context, types: TypeShifts): boolean {
  const { now, baseline: base } = ctx.input;
  const aov = orderValueOf(now);
  return (
    aov !== null &&
    base.avgOrderValue !== null &&
    aov < 0.9 * base.avgOrderValue &&
    types.withinTypePrice !== null &&
    types.withinTypePrice >= 0.9
  );
}

/**
 * The customer-type mix: a type that collapsed (under 70% of its baseline, at least 5% of the team's
 * revenue lost, while the other types held), shown even when growth elsewhere hid it, or an order value that fell only
 * because the mix moved to smaller types while each type kept its usual order value. Named by type,
 * each with what it lost or gained against the same baseline months.
 */
export function customerTypeShift(ctx: Context): Detected | null {
  const { types } = ctx.input;
  if (!types) return null;
  const collapsed = collapsedTypes(types);
  const mix = mixOnly(ctx, types);
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
  const list = (separator: Bilingual) => {
    const inLocale = (locale: Locale) => notable.map((t) => moved(t)[locale]).join(separator[locale]);
    return s(inLocale("zh-CN"), inLocale("en"));
  };
  const main = collapsed[0] ?? lost.sort((a, b) => a.change - b.change)[0];
  return {
    cap,
    baseline: { value: main.baseline, months: types.months, kind: "money" },
    describe: (_affects, amount) => ({
      summary: formatBilingual(WORDS.summary, { list: list(WORDS.summarySeparator) }),
      evidence: formatBilingual(WORDS.evidence, {
        since: types.months === 1 ? WORDS.sinceLastMonth : formatBilingual(WORDS.sinceMonths, { months: types.months }),
        list: list(ITEM_TEXT.nameSeparator),
        type: main.type,
        now: money(main.now),
        before: money(main.baseline),
        price: mix ? formatBilingual(WORDS.mixNotPrice, { share: formatPercent(types.withinTypePrice!) }) : NOTHING,
        revenue: revenue(amount),
      }),
      actions: [formatBilingual(WORDS.callOn, { type: main.type }), ...STRATEGIES.customerTypeShift],
    }),
  };
}
