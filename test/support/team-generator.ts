import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";

/** A small deterministic PRNG (mulberry32), so a generated team is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What is planted in the last month; `none` is a normal B2B month. */
export type PlantedCause = "none" | "activity" | "laggard" | "orderValue" | "repurchase" | "seasonal";

export interface GeneratedTeam {
  readonly deals: CellValue[][];
  readonly activity: CellValue[][];
  /** The reps the cause was planted on. */
  readonly planted: readonly string[];
}

const REPS = ["张三", "李四", "王五", "赵六", "钱七"];

/**
 * Five reps over 15 months ending in `last` (year, month). Each rep keeps about 24 customers who buy
 * every third month (B2B: most customers do not buy every month), makes about 12 visits a week, and
 * wins about 4 new customers a month (yield per visit constant). Order values are about 5万 with
 * noise. The planted cause changes only the last month (and, for `seasonal`, the same month of every
 * year, with the month before it unchanged).
 */
export function generateTeam(cause: PlantedCause, seed = 7, last: [number, number] = [2026, 10]): GeneratedTeam {
  const rand = seeded(seed);
  const deals: CellValue[][] = [["成交日期", "销售代表", "客户名称", "客户类型", "成交金额", "订单号", "状态"]];
  const activity: CellValue[][] = [["日期", "销售代表", "拜访"]];
  const months = 15;
  const [ly, lm] = last;
  const planted = cause === "activity" ? REPS.slice(0, 3) : cause === "laggard" ? [REPS[4]] : REPS;
  let order = 0;
  let customerNo = 0;
  const book = REPS.map((rep) =>
    Array.from({ length: 24 }, (_v, i) => ({
      name: `${rep}-老${i}`,
      phase: i % 3,
      type: i % 4 === 0 ? "行业TOP100" : "中小企业",
    })),
  );
  for (let k = 0; k < months; k++) {
    const index = ly * 12 + (lm - 1) - (months - 1 - k);
    const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
    const isLast = k === months - 1;
    const season = cause === "seasonal" && month === lm ? 0.7 : 1;
    REPS.forEach((rep, r) => {
      const hit = isLast && planted.includes(rep);
      const visitsPerWeek = hit && cause === "activity" ? 5 : 12;
      for (const monday of [1, 8, 15, 22]) activity.push([toExcelSerial(year, month, monday), rep, visitsPerWeek]);
      const value = () => 50000 * (0.9 + 0.2 * rand()) * season * (hit && cause === "orderValue" ? 0.7 : 1);
      const day = () => 1 + Math.floor(rand() * 27);
      const sale = (customer: string, type: string) => {
        deals.push([toExcelSerial(year, month, day()), rep, customer, type, Math.round(value()), `SO${++order}`, "赢单"]);
      };
      // Returning customers: due every third month; one in ten skips a cycle at random.
      for (const c of book[r]) {
        if ((index + c.phase) % 3 !== 0 || rand() < 0.1) continue;
        if (hit && cause === "laggard" && rand() < 0.8) continue;
        if (hit && cause === "repurchase" && rand() < 0.5) continue;
        sale(c.name, c.type);
      }
      // New customers: in proportion to visits (4 a month at 12 a week).
      const fresh = Math.round((visitsPerWeek * 4 * 4) / 48 + (rand() - 0.5) * 0.6) * (hit && cause === "laggard" ? 0 : 1);
      for (let n = 0; n < fresh; n++) {
        const name = `${rep}-新${++customerNo}`;
        sale(name, "中小企业");
        book[r].push({ name, phase: (3 - (index % 3)) % 3, type: "中小企业" });
      }
    });
  }
  return { deals, activity, planted };
}
