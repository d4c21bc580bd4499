import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";

export interface Deal {
  readonly month: number;
  readonly rep: string;
  readonly customer: string;
  readonly type: string;
  readonly amount: number;
  readonly won: boolean;
}
/**
 * Three reps, August to November 2026: each wins four new customers a month until November, when each wins two
 * (revenue falls, new customers explain it) and loses a deal; every October customer is one who stopped buying.
 */
export function reportDeals(): Deal[] {
  const out: Deal[] = [];
  const reps: [string, string, number][] = [
    ["张三", "行业TOP100", 30000],
    ["李四", "中小企业", 20000],
    ["王五", "中小企业", 15000],
  ];
  for (const month of [8, 9, 10, 11])
    for (const [rep, type, amount] of reps) {
      const count = month === 11 ? 2 : 4;
      for (let i = 0; i < count; i++) out.push({ month, rep, customer: `${rep}客户${month}-${i}`, type, amount, won: true });
      if (month === 11) out.push({ month, rep, customer: `${rep}丢单${month}`, type, amount, won: false });
    }
  return out;
}

export const dealGrid = (rows: readonly Deal[]) => ({
  name: "成交",
  row: 0,
  column: 0,
  values: [
    ["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "状态"],
    ...rows.map((r) => [`2026-${r.month}-10`, r.rep, r.customer, r.type, r.amount, r.won ? "赢单" : "丢单"]),
  ] as CellValue[][],
});

/** Revenue of a month counted straight from the rows. */
export const revenueOf = (rows: readonly Deal[], month: number) =>
  rows.filter((r) => r.month === month && r.won).reduce((s, r) => s + r.amount, 0);

/** The day the report is made: November is over. */
export const REPORT_TODAY = toExcelSerial(2026, 11, 30);
