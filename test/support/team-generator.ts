import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import { seeded } from "../../src/core/templates/example-team";

/**
 * What is planted in the last month; `none` is a normal B2B month.
 * - `teamActivity`: every rep's visits fall by 37.5% (12 -> 7.5 a week); `teamActivityWorse`: the same, and one rep
 *   (赵六) falls further (to 3 a week); `teamActivityCollapse`: the same team-wide fall, and 赵六 also loses most of his
 *   returning customers.
 * - `orderValueYearAgo`: order value falls 30% for every rep; the same month a year earlier fell too, but through
 *   fewer returning customers (40% skipped), not order value.
 * - `hiddenCollapse`: big accounts (行业TOP100, five times the order value in every month) buy half as often while
 *   three times the usual new small customers are won: revenue grows.
 * - `mixShift`: big accounts (five times the order value) buy a fifth as often, twice the new small customers; every
 *   order keeps its type's usual value.
 * - `callsDrop`: every rep makes half the calls; visits, and so new customers, do not change.
 * - `seasonalYears`: order value falls 30% for every rep; the same month of every earlier year fell through fewer
 *   returning customers (40% skipped).
 * - `volatile`: no cause: the team's order values swing by up to 30% either way from month to month (the same for
 *   every rep), and the last month's happens to be 15% under the usual.
 */
export type PlantedCause =
  | "none"
  | "activity"
  | "laggard"
  | "orderValue"
  | "repurchase"
  | "seasonal"
  | "teamActivity"
  | "teamActivityWorse"
  | "teamActivityCollapse"
  | "orderValueYearAgo"
  | "hiddenCollapse"
  | "mixShift"
  | "callsDrop"
  | "seasonalYears"
  | "volatile";

export interface GeneratedTeam {
  readonly deals: CellValue[][];
  readonly activity: CellValue[][];
  /** The reps the cause was planted on. */
  readonly planted: readonly string[];
}

export const REPS = ["张三", "李四", "王五", "赵六", "钱七"];
export const BIG = "行业TOP100";
export const SMALL = "中小企业";

const TEAM_ACTIVITY = new Set<PlantedCause>(["teamActivity", "teamActivityWorse", "teamActivityCollapse"]);

/** What the planted cause changes for one rep in one month. */
interface Plan {
  visitsPerWeek: number;
  callsPerWeek: number;
  /** Multiplier of every order's value. */
  value: number;
  /** Chance that a due returning customer skips this month (on top of the usual 10%), overall and for big accounts. */
  skip: number;
  skipBig: number;
  /** Multiplier of new customers won. */
  newCustomers: number;
}

function planOf(cause: PlantedCause, hit: boolean, rep: string, yearAgo: boolean, seasonMonth: boolean): Plan {
  const plan: Plan = { visitsPerWeek: 12, callsPerWeek: 60, value: 1, skip: 0, skipBig: 0, newCustomers: 1 };
  if (cause === "seasonal" && seasonMonth) plan.value = 0.7;
  if ((cause === "orderValueYearAgo" && yearAgo) || (cause === "seasonalYears" && seasonMonth && !hit)) plan.skip = 0.4;
  if (!hit) return plan;
  if (cause === "activity") plan.visitsPerWeek = 5;
  if (cause === "laggard") [plan.skip, plan.newCustomers] = [0.8, 0];
  if (cause === "orderValue" || cause === "orderValueYearAgo" || cause === "seasonalYears") plan.value = 0.7;
  if (cause === "repurchase") plan.skip = 0.5;
  if (TEAM_ACTIVITY.has(cause)) plan.visitsPerWeek = cause === "teamActivityWorse" && rep === "赵六" ? 3 : 7.5;
  if (cause === "teamActivityCollapse" && rep === "赵六") plan.skip = 0.8;
  if (cause === "hiddenCollapse") [plan.skipBig, plan.newCustomers] = [0.5, 3];
  if (cause === "mixShift") [plan.skipBig, plan.newCustomers] = [0.8, 2];
  if (cause === "callsDrop") plan.callsPerWeek = 30;
  return plan;
}

/**
 * Five reps over `months` months (15 by default) ending in `last` (year, month). Each rep keeps about 24 customers who buy
 * every third month (B2B: most customers do not buy every month), makes about 12 visits and 60 calls
 * a week, and wins about 4 new customers a month (yield per visit constant; calls win nothing). Order
 * values are about 5万 with noise (big accounts five times that for `hiddenCollapse` and `mixShift`).
 * The planted cause changes only the last month (and, for `seasonal`, the same month of every year,
 * with the month before it unchanged; for `orderValueYearAgo` and `seasonalYears`, also the same month a year earlier).
 */
export function generateTeam(cause: PlantedCause, seed = 7, last: [number, number] = [2026, 10], months = 15): GeneratedTeam {
  const rand = seeded(seed);
  const deals: CellValue[][] = [["成交日期", "销售代表", "客户名称", "客户类型", "成交金额", "订单号", "状态"]];
  const activity: CellValue[][] = [["日期", "销售代表", "拜访", "电话"]];
  const [ly, lm] = last;
  const planted = cause === "activity" ? REPS.slice(0, 3) : cause === "laggard" ? [REPS[4]] : cause === "none" ? [] : REPS;
  const bigValue = cause === "hiddenCollapse" || cause === "mixShift" ? 5 : 1;
  let order = 0;
  let customerNo = 0;
  const book = REPS.map((rep) =>
    Array.from({ length: 24 }, (_v, i) => ({ name: `${rep}-老${i}`, phase: i % 3, type: i % 4 === 0 ? BIG : SMALL })),
  );
  for (let k = 0; k < months; k++) {
    const index = ly * 12 + (lm - 1) - (months - 1 - k);
    const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
    const isLast = k === months - 1;
    const swing = cause !== "volatile" ? 1 : isLast ? 0.85 : 0.7 + 0.6 * rand();
    REPS.forEach((rep, r) => {
      const plan = planOf(cause, isLast && planted.includes(rep), rep, k === months - 13, month === lm);
      plan.value *= swing;
      for (const monday of [1, 8, 15, 22])
        activity.push([toExcelSerial(year, month, monday), rep, plan.visitsPerWeek, plan.callsPerWeek]);
      const value = (type: string) => 50000 * (0.9 + 0.2 * rand()) * plan.value * (type === BIG ? bigValue : 1);
      const day = () => 1 + Math.floor(rand() * 27);
      const sale = (customer: string, type: string) => {
        deals.push([toExcelSerial(year, month, day()), rep, customer, type, Math.round(value(type)), `SO${++order}`, "赢单"]);
      };
      // Returning customers: due every third month; one in ten skips a cycle at random.
      for (const c of book[r]) {
        if ((index + c.phase) % 3 !== 0 || rand() < 0.1) continue;
        if (rand() < plan.skip || (c.type === BIG && rand() < plan.skipBig)) continue;
        sale(c.name, c.type);
      }
      // New customers: in proportion to visits (4 a month at 12 a week).
      const fresh = Math.round(((plan.visitsPerWeek * 4 * 4) / 48 + (rand() - 0.5) * 0.6) * plan.newCustomers);
      for (let n = 0; n < fresh; n++) {
        const name = `${rep}-新${++customerNo}`;
        sale(name, SMALL);
        book[r].push({ name, phase: (3 - (index % 3)) % 3, type: SMALL });
      }
    });
  }
  return { deals, activity, planted };
}
