import { formatAmount, formatNumber, formatPercent } from "../../i18n/format";
import { formatBilingual, bilingual, type Bilingual, type Locale } from "../../i18n/locale";
import type { NumberKind } from "../../i18n/format";
import type { Baseline, MonthSignals } from "../metrics/baselines";
import type { ChangeDrivers, DriverName } from "../metrics/change-drivers";
import type { TypeShifts } from "./customer-types";
import type { Horizontal } from "./horizontal";
import { describeChange, METRIC_LABELS } from "./longitudinal";
import { ITEM_TEXT, NOTHING, PROBLEM_TEXT } from "./problem-text";
import type { SeasonalShare, YearAgo } from "./seasonal";
import { STRATEGIES, type ProblemCode } from "./strategies";

/** The problems the month's numbers may show, each with the parts of the change it would explain. */

export interface ProblemInputs {
  /** This month against last, split by rep and driver. */
  readonly drivers: ChangeDrivers;
  readonly now: MonthSignals;
  readonly baseline: Baseline;
  /** The same two months a year earlier (same days), split the same way, when the data has them. */
  readonly yearAgo: YearAgo | null;
  readonly horizontal: Horizontal | null;
  /** This month's revenue by customer type against each type's baseline, when the data has types. */
  readonly types?: TypeShifts | null;
  /** Revenue of the months before this one (oldest first, same days), for the team's usual month-to-month spread. */
  readonly history?: readonly number[];
}

/** The one figure an item is measured against: the average of the months before. */
export interface ProblemBaseline {
  readonly value: number;
  /** This month's figure of the same signal, where the item is one signal a month (activity, new customers, repurchase). */
  readonly current?: number;
  /** How many months it averages. */
  readonly months: number;
  readonly kind: NumberKind;
}

/** How far under its baseline a signal must be to count (a ratio), so normal month-to-month noise is not a problem. */
const WORSE = 0.85;

export const s = bilingual;
export const money = formatAmount;
const pct = formatPercent;
const num = formatNumber;

export interface Described {
  readonly summary: Bilingual;
  readonly evidence: Bilingual;
  readonly actions: readonly Bilingual[];
}

/** A problem the numbers show, before it claims its parts of the change. */
export interface Detected {
  /** The most the baseline says it can be worth. */
  readonly cap: number;
  readonly baseline: ProblemBaseline | null;
  describe(affects: readonly string[], amount: number): Described;
}

/** A team problem claims its drivers' cells (every rep's); a rep problem claims that rep's own parts of every driver. */
export type Candidate = Detected & { readonly code: ProblemCode } & (
    { readonly kind: "driver"; readonly drivers: readonly DriverName[] } | { readonly kind: "rep"; readonly rep: number }
  );

export interface Context {
  readonly input: ProblemInputs;
  readonly repCount: number;
}

/** "3 of 5 reps (张三, 李四, 王五)", or nothing when the data has no reps. */
export function whom(affects: readonly string[], reps: number): Bilingual {
  if (affects.length === 0 || reps <= 1) return NOTHING;
  if (affects.length === reps) return formatBilingual(ITEM_TEXT.allReps, { reps });
  const names = (locale: Locale) =>
    affects.slice(0, 5).join(ITEM_TEXT.nameSeparator[locale]) + (affects.length > 5 ? ITEM_TEXT.moreNames[locale] : "");
  return formatBilingual(ITEM_TEXT.someReps, { reps, count: affects.length, names: s(names("zh-CN"), names("en")) });
}

/** "前3个月平均X" / "against the previous 3 months' average of X": the one baseline an item states. */
export function against(months: number, value: string | Bilingual): Bilingual {
  return months === 1 ? formatBilingual(ITEM_TEXT.lastMonth, { value }) : formatBilingual(ITEM_TEXT.months, { months, value });
}

/** "影响销售额约12万" / "about 120,000 of revenue". */
export const revenue = (amount: number) => formatBilingual(ITEM_TEXT.revenue, { amount: money(amount) });

const times = (value: string) => formatBilingual(ITEM_TEXT.times, { value });

/** The lead activity per rep per week fell, and new customers with it. */
export const fallingActivity = (ctx: Context): Detected | null => {
  const { drivers, now, baseline: base } = ctx.input;
  const field = drivers.activityField;
  if (!field || now.activityPerRepWeek === null || base.activityPerRepWeek === null) return null;
  // The lead activity explains new customers: it is a problem only when new customers fell with it.
  if (!(now.activityPerRepWeek < WORSE * base.activityPerRepWeek) || !(drivers.team.newCustomers + drivers.team.activity < 0))
    return null;
  const words = PROBLEM_TEXT.fallingActivity;
  const figures = { label: METRIC_LABELS[field], before: num(base.activityPerRepWeek), now: num(now.activityPerRepWeek) };
  return {
    cap: Infinity,
    baseline: {
      value: base.activityPerRepWeek,
      current: now.activityPerRepWeek,
      months: base.months.length,
      kind: "decimal",
    },
    describe: (affects, amount) => ({
      summary: formatBilingual(words.summary, figures),
      evidence: formatBilingual(words.evidence, {
        ...figures,
        against: against(base.months.length, times(figures.before)),
        whom: whom(affects, ctx.repCount),
        newCustomers: now.newCustomers,
        revenue: revenue(amount),
      }),
      actions: [formatBilingual(words.restore, figures), STRATEGIES.fallingActivity[1]],
    }),
  };
};

/** Fewer new customers than the months before. */
export const newCustomerShortfall = (ctx: Context): Detected | null => {
  const { now, baseline: base } = ctx.input;
  if (base.newCustomers === null || !(now.newCustomers < WORSE * base.newCustomers)) return null;
  const words = PROBLEM_TEXT.newCustomerShortfall;
  const figures = { before: num(base.newCustomers), now: String(now.newCustomers) };
  return {
    cap: (base.newCustomers - now.newCustomers) * (base.revenuePerNewCustomer ?? Infinity),
    baseline: { value: base.newCustomers, current: now.newCustomers, months: base.months.length, kind: "decimal" },
    describe: (affects, amount) => ({
      summary: formatBilingual(words.summary, figures),
      evidence: formatBilingual(words.evidence, {
        ...figures,
        against: against(base.months.length, formatBilingual(ITEM_TEXT.count, { value: figures.before })),
        whom: whom(affects, ctx.repCount),
        revenue: revenue(amount),
      }),
      actions: [formatBilingual(words.target, figures), ...STRATEGIES.newCustomerShortfall],
    }),
  };
};

/** Fewer of the last 3 months' customers bought again than usual. */
export const lowRepurchase = (ctx: Context): Detected | null => {
  const { now, baseline: base } = ctx.input;
  if (now.repeatRate === null || base.repeatRate === null) return null;
  if (!(now.repeatRate < WORSE * base.repeatRate && base.repeatRate - now.repeatRate >= 0.03)) return null;
  const perCustomer = now.repeaters > 0 ? now.returningRevenue / now.repeaters : Infinity;
  const missing = Math.round((base.repeatRate - now.repeatRate) * now.repeatBase);
  const words = PROBLEM_TEXT.lowRepurchase;
  const figures = { before: pct(base.repeatRate), now: pct(now.repeatRate), missing };
  return {
    cap: (base.repeatRate - now.repeatRate) * now.repeatBase * perCustomer,
    baseline: { value: base.repeatRate, current: now.repeatRate, months: base.months.length, kind: "percent" },
    describe: (affects, amount) => ({
      summary: formatBilingual(words.summary, figures),
      evidence: formatBilingual(words.evidence, {
        ...figures,
        base: now.repeatBase,
        repeaters: now.repeaters,
        against: against(base.months.length, figures.before),
        whom: whom(affects, ctx.repCount),
        revenue: revenue(amount),
      }),
      actions: [formatBilingual(words.callOn, figures), ...STRATEGIES.lowRepurchase],
    }),
  };
};

/** The month's order value (its returns left out), or null without orders. */
export function orderValueOf(month: MonthSignals): number | null {
  return month.orders > 0 ? Math.max(0, month.newCustomerRevenue + month.returningRevenue) / month.orders : null;
}

/** This month's order value under 90% of the baseline's, unless each customer type kept its usual order value (the mix moved). */
function orderValueFall(ctx: Context): { readonly aov: number; readonly usual: number } | null {
  const { now, baseline: base, types } = ctx.input;
  const aov = orderValueOf(now);
  if (aov === null || base.avgOrderValue === null || !(aov < 0.9 * base.avgOrderValue)) return null;
  // Each type bought at its usual order value: the fall is the mix (customerTypeShift), not price.
  if (types?.withinTypePrice != null && types.withinTypePrice >= 0.9) return null;
  return { aov, usual: base.avgOrderValue };
}

/** This month's high-ticket close rate (of at least 3 decided deals), when 10 points under the baseline's. */
function highTicketRate(ctx: Context): number | null {
  const { now, baseline: base } = ctx.input;
  const ht = now.highTicket;
  const rate = ht.won + ht.lost >= 3 ? ht.won / (ht.won + ht.lost) : null;
  return rate !== null && base.highTicketCloseRate !== null && rate < base.highTicketCloseRate - 0.1 ? rate : null;
}

/** The order value fell, and the high-ticket deals were lost more often than usual. */
export const lowHighTicketCloseRate = (ctx: Context): Detected | null => {
  const { now, baseline: base } = ctx.input;
  const fall = orderValueFall(ctx);
  const rate = fall && highTicketRate(ctx);
  if (!fall || rate === null) return null;
  const usual = base.highTicketCloseRate!;
  const words = PROBLEM_TEXT.lowHighTicketCloseRate;
  const figures = { before: pct(usual), now: pct(rate) };
  return {
    cap: (fall.usual - fall.aov) * now.orders,
    baseline: { value: usual, months: base.months.length, kind: "percent" },
    describe: (affects, amount) => ({
      summary: formatBilingual(words.summary, figures),
      evidence: formatBilingual(words.evidence, {
        ...figures,
        won: now.highTicket.won,
        lost: now.highTicket.lost,
        against: against(base.months.length, figures.before),
        whom: whom(affects, ctx.repCount),
        revenue: revenue(amount),
      }),
      actions: [...STRATEGIES.lowHighTicketCloseRate],
    }),
  };
};

/** The order value fell (and not through the high-ticket deals, nor only through the customer-type mix). */
export const orderValueDrop = (ctx: Context): Detected | null => {
  const { now, baseline: base, types } = ctx.input;
  const fall = orderValueFall(ctx);
  if (!fall || highTicketRate(ctx) !== null) return null;
  const words = PROBLEM_TEXT.orderValueDrop;
  const figures = { before: money(fall.usual), now: money(fall.aov) };
  const strategy = STRATEGIES.orderValueDrop[0];
  return {
    cap: (fall.usual - fall.aov) * now.orders,
    baseline: { value: fall.usual, months: base.months.length, kind: "money" },
    describe: (affects, amount) => ({
      summary: formatBilingual(words.summary, figures),
      evidence: formatBilingual(words.evidence, {
        ...figures,
        against: against(base.months.length, figures.before),
        withinTypes:
          types?.withinTypePrice != null ? formatBilingual(words.withinTypes, { share: pct(types.withinTypePrice) }) : NOTHING,
        whom: whom(affects, ctx.repCount),
        revenue: revenue(amount),
      }),
      actions: [
        formatBilingual(words.restore, { ...figures, strategy: s(strategy["zh-CN"], strategy.en.toLowerCase()) }),
        STRATEGIES.orderValueDrop[1],
      ],
    }),
  };
};

/** More returns and credit notes than last month: whatever the returns driver lost. */
export const returnsRise = (ctx: Context): Detected => ({
  cap: Infinity,
  baseline: null,
  describe: (affects, amount) => ({
    summary: PROBLEM_TEXT.returnsRise.summary,
    evidence: formatBilingual(PROBLEM_TEXT.returnsRise.evidence, { amount: money(amount), whom: whom(affects, ctx.repCount) }),
    actions: [...STRATEGIES.returnsRise],
  }),
});

/** The part of the fall that follows last year's season, worded (it is found by `seasonalShare`). */
export function seasonalDip(d: ChangeDrivers, share: SeasonalShare): Described {
  const words = PROBLEM_TEXT.seasonalDip;
  const [ours, theirs] = [d.to / d.from - 1, share.yearAgoChange];
  return {
    summary: formatBilingual(words.summary, { fall: pct(-theirs) }),
    evidence: formatBilingual(words.evidence, {
      now: describeChange("revenue", ours),
      yearAgo: describeChange("revenue", theirs),
      why: share.evidence === "drivers" ? words.sameDrivers : words.sameYears,
      amount: money(share.total),
    }),
    actions: STRATEGIES.seasonalDip,
  };
}
