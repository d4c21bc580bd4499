import { formatAmount, formatNumber, formatPercent } from "../i18n/format";
import { bilingual, type Bilingual } from "../i18n/locale";
import type { DriverName } from "./change-drivers";
import { METRIC_LABELS } from "./longitudinal";
import type { Baseline, MonthSignals } from "./baselines";
import type { ChangeDrivers } from "./change-drivers";
import type { TypeShifts } from "./customer-types";
import type { Horizontal } from "./horizontal";
import type { YearAgo } from "./seasonal";
import { STRATEGIES, type ProblemCode } from "./strategies";
import type { NumberKind } from "../i18n/format";

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
export const WORSE = 0.85;

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
  readonly code: ProblemCode;
  /** The most the baseline says it can be worth. */
  readonly cap: number;
  readonly baseline: ProblemBaseline | null;
  describe(affects: readonly string[], amount: number): Described;
}

/** A team problem claims its drivers' cells (every rep's); a rep problem claims that rep's own parts of every driver. */
export type Candidate = Detected &
  ({ readonly kind: "driver"; readonly drivers: readonly DriverName[] } | { readonly kind: "rep"; readonly rep: number });

export interface Context {
  readonly input: ProblemInputs;
  readonly repCount: number;
}

/** "3 of 5 reps (张三, 李四, 王五)", or nothing when the data has no reps. */
export function whom(affects: readonly string[], reps: number): Bilingual {
  if (affects.length === 0 || reps <= 1) return s("", "");
  if (affects.length === reps) return s(`，全部${reps}名成员（${reps}/${reps}）`, `, for all ${reps} reps (${reps} of ${reps})`);
  const names = affects.slice(0, 5).join("、");
  const more = affects.length > 5 ? "等" : "";
  return s(
    `，${reps}名成员中${affects.length}名（${names}${more}）`,
    `, for ${affects.length} of the ${reps} reps (${affects.slice(0, 5).join(", ")}${affects.length > 5 ? ", …" : ""})`,
  );
}

/** "前3个月平均X" / "against the previous 3 months' average of X": the one baseline an item states. */
export function against(months: number, value: string | Bilingual): Bilingual {
  const v = typeof value === "string" ? s(value, value) : value;
  return months === 1
    ? s(`上月${v["zh-CN"]}`, `against last month's ${v.en}`)
    : s(`前${months}个月平均${v["zh-CN"]}`, `against the previous ${months} months' average of ${v.en}`);
}

const revenue = (amount: number) => s(`影响销售额约${money(amount)["zh-CN"]}`, `about ${money(amount).en} of revenue`);

const activity = (ctx: Context): Detected | null => {
  const { drivers, now, baseline: base } = ctx.input;
  const field = drivers.activityField;
  if (!field || now.activityPerRepWeek === null || base.activityPerRepWeek === null) return null;
  // The lead activity explains new customers: it is a problem only when new customers fell with it.
  if (!(now.activityPerRepWeek < WORSE * base.activityPerRepWeek) || !(drivers.team.newCustomers + drivers.team.activity < 0))
    return null;
  const label = METRIC_LABELS[field];
  const [b, n] = [num(base.activityPerRepWeek), num(now.activityPerRepWeek)];
  return {
    code: "fallingActivity",
    cap: Infinity,
    baseline: {
      value: base.activityPerRepWeek,
      current: now.activityPerRepWeek,
      months: base.months.length,
      kind: "decimal",
    },
    describe: (affects, amount) => ({
      summary: s(`${label["zh-CN"]}下降：人均每周${b}→${n}次`, `${label.en} per rep per week fell from ${b} to ${n}`),
      evidence: s(
        `${label["zh-CN"]}人均每周${n}次，${against(base.months.length, `${b}次`)["zh-CN"]}${whom(affects, ctx.repCount)["zh-CN"]}；新客户随之减少（${now.newCustomers}个），${revenue(amount)["zh-CN"]}`,
        `${label.en} per rep per week ${n} ${against(base.months.length, b).en}${whom(affects, ctx.repCount).en}; fewer new customers followed (${now.newCustomers}), ${revenue(amount).en}`,
      ),
      actions: [
        s(
          `恢复${label["zh-CN"]}至人均每周${b}次（本月${n}次），晨会同步、夕会复盘`,
          `Restore ${label.en} to ${b} per rep per week (now ${n}), checked at stand-up and evening review`,
        ),
        STRATEGIES.fallingActivity[1],
      ],
    }),
  };
};

const newCustomers = (ctx: Context): Detected | null => {
  const { now, baseline: base } = ctx.input;
  if (base.newCustomers === null || !(now.newCustomers < WORSE * base.newCustomers)) return null;
  const [b, n] = [num(base.newCustomers), String(now.newCustomers)];
  return {
    code: "newCustomerShortfall",
    cap: (base.newCustomers - now.newCustomers) * (base.revenuePerNewCustomer ?? Infinity),
    baseline: { value: base.newCustomers, current: now.newCustomers, months: base.months.length, kind: "decimal" },
    describe: (affects, amount) => ({
      summary: s(`新客户开发不足：本月${n}个，此前平均${b}个`, `Too few new customers: ${n} this month against ${b} on average`),
      evidence: s(
        `新客户${n}个，${against(base.months.length, `${b}个`)["zh-CN"]}${whom(affects, ctx.repCount)["zh-CN"]}；${revenue(amount)["zh-CN"]}`,
        `${n} new customers ${against(base.months.length, b).en}${whom(affects, ctx.repCount).en}; ${revenue(amount).en}`,
      ),
      actions: [
        s(`下月新客户开发目标不少于${b}个（此前月均）`, `Next month: at least ${b} new customers (the recent monthly average)`),
        ...STRATEGIES.newCustomerShortfall,
      ],
    }),
  };
};

const repurchase = (ctx: Context): Detected | null => {
  const { now, baseline: base } = ctx.input;
  if (now.repeatRate === null || base.repeatRate === null) return null;
  if (!(now.repeatRate < WORSE * base.repeatRate && base.repeatRate - now.repeatRate >= 0.03)) return null;
  const perCustomer = now.repeaters > 0 ? now.returningRevenue / now.repeaters : Infinity;
  const missing = Math.round((base.repeatRate - now.repeatRate) * now.repeatBase);
  const [b, n] = [pct(base.repeatRate), pct(now.repeatRate)];
  return {
    code: "lowRepurchase",
    cap: (base.repeatRate - now.repeatRate) * now.repeatBase * perCustomer,
    baseline: { value: base.repeatRate, current: now.repeatRate, months: base.months.length, kind: "percent" },
    describe: (affects, amount) => ({
      summary: s(`老客户复购下降：复购率${n}，此前平均${b}`, `Repeat purchase fell: ${n} against ${b} on average`),
      evidence: s(
        `近3个月成交的${now.repeatBase}个客户中本月复购${now.repeaters}个（${n}），${against(base.months.length, b)["zh-CN"]}，约少${missing}个${whom(affects, ctx.repCount)["zh-CN"]}；${revenue(amount)["zh-CN"]}`,
        `${now.repeaters} of the ${now.repeatBase} customers of the last 3 months bought again this month (${n}) ${against(base.months.length, b).en}, about ${missing} fewer${whom(affects, ctx.repCount).en}; ${revenue(amount).en}`,
      ),
      actions: [
        s(
          `本周内回访近3个月成交、本月未复购的客户（约${missing}个低于常态）`,
          `This week, call on the recent customers who did not buy again (about ${missing} below normal)`,
        ),
        ...STRATEGIES.lowRepurchase,
      ],
    }),
  };
};

const orderValue = (ctx: Context): Detected | null => {
  const { now, baseline: base, types } = ctx.input;
  const aov = now.orders > 0 ? Math.max(0, now.newCustomerRevenue + now.returningRevenue) / now.orders : null;
  if (aov === null || base.avgOrderValue === null || !(aov < 0.9 * base.avgOrderValue)) return null;
  // Each type bought at its usual order value: the fall is the mix (customerTypeShift), not price.
  if (types?.withinTypePrice != null && types.withinTypePrice >= 0.9) return null;
  const ht = now.highTicket;
  const htRate = ht.won + ht.lost >= 3 ? ht.won / (ht.won + ht.lost) : null;
  const highTicket = htRate !== null && base.highTicketCloseRate !== null && htRate < base.highTicketCloseRate - 0.1;
  const [b, n] = [money(base.avgOrderValue), money(aov)];
  const months = base.months.length;
  return {
    code: highTicket ? "lowHighTicketCloseRate" : "orderValueDrop",
    cap: (base.avgOrderValue - aov) * now.orders,
    baseline: highTicket
      ? { value: base.highTicketCloseRate!, months, kind: "percent" }
      : { value: base.avgOrderValue, months, kind: "money" },
    describe: (affects, amount) => ({
      summary: highTicket
        ? s(
            `高客单价订单成交率低：${pct(htRate!)}，此前平均${pct(base.highTicketCloseRate!)}`,
            `High-ticket close rate fell to ${pct(htRate!)} from ${pct(base.highTicketCloseRate!)} on average`,
          )
        : s(`客单价下降：${n["zh-CN"]}，此前平均${b["zh-CN"]}`, `Order value fell to ${n.en} from ${b.en} on average`),
      evidence: highTicket
        ? s(
            `高客单价订单成交${ht.won}单、输单${ht.lost}单（${pct(htRate!)}），${against(months, pct(base.highTicketCloseRate!))["zh-CN"]}${whom(affects, ctx.repCount)["zh-CN"]}；${revenue(amount)["zh-CN"]}`,
            `high-ticket deals ${ht.won} won, ${ht.lost} lost (${pct(htRate!)}) ${against(months, pct(base.highTicketCloseRate!)).en}${whom(affects, ctx.repCount).en}; ${revenue(amount).en}`,
          )
        : s(
            `客单价${n["zh-CN"]}，${against(months, b)["zh-CN"]}${types?.withinTypePrice != null ? `；同一客户类型内也下降（按各类型常态客单价为${pct(types.withinTypePrice)}）` : ""}${whom(affects, ctx.repCount)["zh-CN"]}；${revenue(amount)["zh-CN"]}`,
            `order value ${n.en} ${against(months, b).en}${types?.withinTypePrice != null ? `; lower within customer types too (${pct(types.withinTypePrice)} of each type's usual order value)` : ""}${whom(affects, ctx.repCount).en}; ${revenue(amount).en}`,
          ),
      actions: highTicket
        ? [...STRATEGIES.lowHighTicketCloseRate]
        : [
            s(
              `客单价恢复至${b["zh-CN"]}（本月${n["zh-CN"]}）：${STRATEGIES.orderValueDrop[0]["zh-CN"]}`,
              `Bring order value back to ${b.en} (now ${n.en}): ${STRATEGIES.orderValueDrop[0].en.toLowerCase()}`,
            ),
            STRATEGIES.orderValueDrop[1],
          ],
    }),
  };
};

const returns = (ctx: Context): Detected => ({
  code: "returnsRise",
  cap: Infinity,
  baseline: null,
  describe: (affects, amount) => ({
    summary: s("退货/红冲增加", "More returns and credit notes"),
    evidence: s(
      `本月退货/红冲比上月多${money(amount)["zh-CN"]}${whom(affects, ctx.repCount)["zh-CN"]}`,
      `returns and credit notes ${money(amount).en} more than last month${whom(affects, ctx.repCount).en}`,
    ),
    actions: [...STRATEGIES.returnsRise],
  }),
});

/** The team-level problems: what each looks for, and the drivers whose parts of the change it claims. */
export const TEAM_PROBLEMS: readonly {
  readonly drivers: readonly DriverName[];
  readonly detect: (ctx: Context) => Detected | null;
}[] = [
  { drivers: ["activity"], detect: activity },
  { drivers: ["newCustomers"], detect: newCustomers },
  { drivers: ["returningCustomers", "ordersPerCustomer"], detect: repurchase },
  { drivers: ["avgOrderValue"], detect: orderValue },
  { drivers: ["returns"], detect: returns },
];
