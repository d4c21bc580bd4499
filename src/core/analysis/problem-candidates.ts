import { formatAmount, formatNumber, formatPercent } from "../i18n/format";
import { bilingual, type Bilingual } from "../i18n/locale";
import { DRIVERS, type DriverName } from "./change-drivers";
import { METRIC_LABELS } from "./longitudinal";
import type { Baseline, MonthSignals } from "./baselines";
import type { ChangeDrivers } from "./change-drivers";
import type { Horizontal } from "./horizontal";
import { STRATEGIES, type ProblemCode } from "./strategies";

/** The problems the month's numbers may show, each with the parts of the change it would explain. */

export interface ProblemInputs {
  /** This month against last, split by rep and driver. */
  readonly drivers: ChangeDrivers;
  readonly now: MonthSignals;
  readonly baseline: Baseline;
  /** Revenue of the same two months a year earlier (same days), when the data has them. */
  readonly yearAgo: { readonly from: number; readonly to: number } | null;
  readonly horizontal: Horizontal | null;
}

/** How far under its baseline a signal must be to count (a ratio), so normal month-to-month noise is not a problem. */
const WORSE = 0.85;

const s = bilingual;
const money = formatAmount;
const pct = formatPercent;
const num = formatNumber;

export interface Candidate {
  readonly code: ProblemCode;
  /** Cells `rep index:driver` it explains. Empty for the seasonal share, which takes a share of all. */
  readonly cells: readonly string[];
  /** The most the baseline says it can be worth. */
  readonly cap: number;
  describe(affects: readonly string[], amount: number): { summary: Bilingual; evidence: Bilingual; actions: Bilingual[] };
}

/** "3 of 5 reps (张三, 李四, 王五)", or nothing when the data has no reps. */
function whom(affects: readonly string[], reps: number): Bilingual {
  if (affects.length === 0 || reps <= 1) return s("", "");
  if (affects.length === reps) return s(`，全部${reps}名成员`, `, for all ${reps} reps`);
  const names = affects.slice(0, 5).join("、");
  const more = affects.length > 5 ? "等" : "";
  return s(
    `，${reps}名成员中${affects.length}名（${names}${more}）`,
    `, for ${affects.length} of the ${reps} reps (${affects.slice(0, 5).join(", ")}${affects.length > 5 ? ", …" : ""})`,
  );
}

export function candidates(input: ProblemInputs, repCount: number): Candidate[] {
  const { drivers, now, baseline: base, horizontal } = input;
  const column = (...names: DriverName[]) => drivers.reps.flatMap((_r, i) => names.map((d) => `${i}:${d}`));
  const list: Candidate[] = [];
  const field = drivers.activityField;
  if (
    field &&
    now.activityPerRepWeek !== null &&
    base.activityPerRepWeek !== null &&
    now.activityPerRepWeek < WORSE * base.activityPerRepWeek
  ) {
    const label = METRIC_LABELS[field];
    const [b, n] = [num(base.activityPerRepWeek), num(now.activityPerRepWeek)];
    list.push({
      code: "fallingActivity",
      cells: column("activity"),
      cap: Infinity,
      describe: (affects, amount) => ({
        summary: s(`${label["zh-CN"]}下降：人均每周${b}→${n}次`, `${label.en} per rep per week fell from ${b} to ${n}`),
        evidence: s(
          `${label["zh-CN"]}人均每周${n}次，前${base.months.length}个月平均${b}次${whom(affects, repCount)["zh-CN"]}；新客户随之减少，影响销售额约${money(amount)["zh-CN"]}`,
          `${label.en} per rep per week ${n} against ${b} on average over the previous ${base.months.length} month(s)${whom(affects, repCount).en}; fewer new customers followed, about ${money(amount).en} of revenue`,
        ),
        actions: [
          s(
            `恢复${label["zh-CN"]}至人均每周${b}次（本月${n}次），晨会同步、夕会复盘`,
            `Restore ${label.en} to ${b} per rep per week (now ${n}), checked at stand-up and evening review`,
          ),
          STRATEGIES.fallingActivity[1],
        ],
      }),
    });
  }
  if (base.newCustomers !== null && now.newCustomers < WORSE * base.newCustomers) {
    const [b, n] = [num(base.newCustomers), String(now.newCustomers)];
    list.push({
      code: "newCustomerShortfall",
      cells: column("newCustomers"),
      cap: (base.newCustomers - now.newCustomers) * (base.revenuePerNewCustomer ?? Infinity),
      describe: (affects, amount) => ({
        summary: s(
          `新客户开发不足：本月${n}个，此前平均${b}个`,
          `Too few new customers: ${n} this month against ${b} on average`,
        ),
        evidence: s(
          `新客户${n}个，前${base.months.length}个月平均${b}个${whom(affects, repCount)["zh-CN"]}；影响销售额约${money(amount)["zh-CN"]}`,
          `${n} new customers against ${b} a month over the previous ${base.months.length} month(s)${whom(affects, repCount).en}; about ${money(amount).en} of revenue`,
        ),
        actions: [
          s(`下月新客户开发目标不少于${b}个（此前月均）`, `Next month: at least ${b} new customers (the recent monthly average)`),
          ...STRATEGIES.newCustomerShortfall,
        ],
      }),
    });
  }
  if (
    now.repeatRate !== null &&
    base.repeatRate !== null &&
    now.repeatRate < WORSE * base.repeatRate &&
    base.repeatRate - now.repeatRate >= 0.03
  ) {
    const perCustomer = now.repeaters > 0 ? now.returningRevenue / now.repeaters : Infinity;
    const missing = Math.round((base.repeatRate - now.repeatRate) * now.repeatBase);
    list.push({
      code: "lowRepurchase",
      cells: column("returningCustomers", "ordersPerCustomer"),
      cap: (base.repeatRate - now.repeatRate) * now.repeatBase * perCustomer,
      describe: (affects, amount) => ({
        summary: s(
          `老客户复购下降：复购率${pct(now.repeatRate!)}，此前平均${pct(base.repeatRate!)}`,
          `Repeat purchase fell: ${pct(now.repeatRate!)} against ${pct(base.repeatRate!)} on average`,
        ),
        evidence: s(
          `近3个月成交的${now.repeatBase}个客户中本月复购${now.repeaters}个（${pct(now.repeatRate!)}），此前月均${pct(base.repeatRate!)}，约少${missing}个${whom(affects, repCount)["zh-CN"]}；影响销售额约${money(amount)["zh-CN"]}`,
          `${now.repeaters} of the ${now.repeatBase} customers of the last 3 months bought again this month (${pct(now.repeatRate!)}) against ${pct(base.repeatRate!)} usually, about ${missing} fewer${whom(affects, repCount).en}; about ${money(amount).en} of revenue`,
        ),
        actions: [
          s(
            `本周内回访近3个月成交、本月未复购的客户（约${missing}个低于常态）`,
            `This week, call on the recent customers who did not buy again (about ${missing} below normal)`,
          ),
          ...STRATEGIES.lowRepurchase,
        ],
      }),
    });
  }
  const aov = now.orders > 0 ? Math.max(0, now.newCustomerRevenue + now.returningRevenue) / now.orders : null;
  if (aov !== null && base.avgOrderValue !== null && aov < 0.9 * base.avgOrderValue) {
    const ht = now.highTicket;
    const htRate = ht.won + ht.lost >= 3 ? ht.won / (ht.won + ht.lost) : null;
    const highTicket = htRate !== null && base.highTicketCloseRate !== null && htRate < base.highTicketCloseRate - 0.1;
    const [b, n] = [money(base.avgOrderValue), money(aov)];
    list.push({
      code: highTicket ? "lowHighTicketCloseRate" : "orderValueDrop",
      cells: column("avgOrderValue"),
      cap: (base.avgOrderValue - aov) * now.orders,
      describe: (affects, amount) => ({
        summary: highTicket
          ? s(
              `高客单价订单成交率低：${pct(htRate!)}，此前${pct(base.highTicketCloseRate!)}`,
              `High-ticket close rate fell to ${pct(htRate!)} from ${pct(base.highTicketCloseRate!)}`,
            )
          : s(`客单价下降：${n["zh-CN"]}，此前平均${b["zh-CN"]}`, `Order value fell to ${n.en} from ${b.en} on average`),
        evidence: s(
          `客单价${n["zh-CN"]}，前${base.months.length}个月平均${b["zh-CN"]}${highTicket ? `；高客单价订单成交${ht.won}单、输单${ht.lost}单` : ""}${whom(affects, repCount)["zh-CN"]}；影响销售额约${money(amount)["zh-CN"]}`,
          `order value ${n.en} against ${b.en} over the previous ${base.months.length} month(s)${highTicket ? `; high-ticket deals ${ht.won} won, ${ht.lost} lost` : ""}${whom(affects, repCount).en}; about ${money(amount).en} of revenue`,
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
    });
  }
  list.push({
    code: "returnsRise",
    cells: column("returns"),
    cap: Infinity,
    describe: (affects, amount) => ({
      summary: s("退货/红冲增加", "More returns and credit notes"),
      evidence: s(
        `本月退货/红冲比上月多${money(amount)["zh-CN"]}${whom(affects, repCount)["zh-CN"]}`,
        `returns and credit notes ${money(amount).en} more than last month${whom(affects, repCount).en}`,
      ),
      actions: [...STRATEGIES.returnsRise],
    }),
  });
  const benchmark = horizontal?.reps.find((r) => r.rep === horizontal.benchmark);
  drivers.reps.forEach((rep, i) => {
    if (!rep.rep || repCount <= 1) return;
    const usual = base.reps.get(rep.rep) ?? rep.from;
    const perRep = [...base.reps.values()].reduce((a, v) => a + v, 0) / Math.max(1, base.reps.size);
    const stats = horizontal?.reps.find((r) => r.rep === rep.rep);
    const farBelow =
      horizontal !== null &&
      horizontal.below.includes(rep.rep) &&
      stats !== undefined &&
      stats.revenue < 0.5 * horizontal.team.revenue;
    const collapsed = usual > 0 && rep.to <= 0.5 * usual && usual >= 0.3 * perRep;
    if (!farBelow && !collapsed) return;
    const habit = benchmark && stats && benchmark.rep !== rep.rep ? habitGap(benchmark.perWeek, stats.perWeek) : null;
    const cue = habit
      ? s(
          `；标杆${benchmark!.rep}的${METRIC_LABELS[habit.field]["zh-CN"]}每周${num(habit.theirs)}次，${rep.rep}${num(habit.ours)}次`,
          `; the benchmark ${benchmark!.rep} makes ${num(habit.theirs)} ${METRIC_LABELS[habit.field].en} a week, ${rep.rep} ${num(habit.ours)}`,
        )
      : s("", "");
    list.push({
      code: collapsed ? "repDrop" : "repFarBelow",
      cells: DRIVERS.map((d) => `${i}:${d}`),
      cap: Infinity,
      describe: (_a, amount) => ({
        summary: collapsed
          ? s(
              `${rep.rep}本月业绩骤降：${money(rep.to)["zh-CN"]}，此前月均${money(usual)["zh-CN"]}`,
              `${rep.rep}'s revenue collapsed: ${money(rep.to).en} against ${money(usual).en} a month before`,
            )
          : s(`${rep.rep}业绩远低于团队人均`, `${rep.rep} far below the team average`),
        evidence: s(
          `${rep.rep}本月${money(rep.to)["zh-CN"]}，上月${money(rep.from)["zh-CN"]}${stats ? `；近3个月月均${money(stats.revenue / 3)["zh-CN"]}，团队人均${money(horizontal!.team.revenue / 3)["zh-CN"]}` : ""}${cue["zh-CN"]}；影响销售额约${money(amount)["zh-CN"]}`,
          `${rep.rep}: ${money(rep.to).en} this month, ${money(rep.from).en} last month${stats ? `; ${money(stats.revenue / 3).en} a month over 3 months against a per-rep average of ${money(horizontal!.team.revenue / 3).en}` : ""}${cue.en}; about ${money(amount).en} of revenue`,
        ),
        actions: habit
          ? [
              s(
                `${rep.rep}与标杆${benchmark!.rep}一对一辅导：${METRIC_LABELS[habit.field]["zh-CN"]}从每周${num(habit.ours)}次提高到${num(habit.theirs)}次`,
                `One-to-one coaching of ${rep.rep} with ${benchmark!.rep}: ${METRIC_LABELS[habit.field].en} from ${num(habit.ours)} to ${num(habit.theirs)} a week`,
              ),
              STRATEGIES[collapsed ? "repDrop" : "repFarBelow"][1],
            ]
          : [...STRATEGIES[collapsed ? "repDrop" : "repFarBelow"]],
      }),
    });
  });
  return list;
}

/** The process count where the benchmark does most more than the rep (at least 20% more). */
function habitGap(
  theirs: Readonly<Partial<Record<string, number>>>,
  ours: Readonly<Partial<Record<string, number>>>,
): { field: "calls" | "visits" | "followUps" | "proposals"; theirs: number; ours: number } | null {
  let best: { field: "calls" | "visits" | "followUps" | "proposals"; theirs: number; ours: number } | null = null;
  for (const field of ["calls", "visits", "followUps", "proposals"] as const) {
    const t = theirs[field];
    const o = ours[field];
    if (t === undefined || o === undefined || t < 1.2 * o) continue;
    if (!best || t / Math.max(o, 1e-9) > best.theirs / Math.max(best.ours, 1e-9)) best = { field, theirs: t, ours: o };
  }
  return best;
}
