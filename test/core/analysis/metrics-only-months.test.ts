import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { closeRateOf, createMetricsIndex } from "../../../src/core/analysis/metrics/period-metrics";
import { readDealSheet } from "../../../src/core/analysis/reading/records";
import { profileReps } from "../../../src/core/analysis/metrics/rep-profile";
import { gridOf } from "../../support/grid";

// August to November; the months asked about are September to November. O1 is won in August and has a refunded
// (lost) line in October: it stays won. O5 is lost in August and open in September. 赵六 sells only in August.
const rows: CellValue[][] = [
  ["成交日期", "负责人", "客户名称", "客户类型", "产品", "成交金额", "订单号", "状态"],
  [toExcelSerial(2026, 8, 20), "张三", "甲", "行业TOP100", "软件", 50000, "O1", "赢单"],
  [toExcelSerial(2026, 10, 5), "张三", "甲", "行业TOP100", "软件", 8000, "O1", "丢单"],
  [toExcelSerial(2026, 9, 3), "张三", "乙", "中小企业", "硬件", 20000, "O2", "赢单"],
  [toExcelSerial(2026, 10, 9), "李四", "丙", "中小企业", "软件", 30000, "O3", "丢单"],
  [toExcelSerial(2026, 11, 12), "李四", "丁", "行业TOP100", "硬件", 25000, "O4", "赢单"],
  [toExcelSerial(2026, 11, 13), "李四", "丁", "行业TOP100", "硬件", -5000, "O4", "赢单"],
  [toExcelSerial(2026, 8, 2), "李四", "戊", "中小企业", "软件", 12000, "O5", "丢单"],
  [toExcelSerial(2026, 9, 2), "李四", "戊", "中小企业", "软件", 12000, "O5", "赢单"],
  [toExcelSerial(2026, 8, 15), "赵六", "己", "中小企业", "硬件", 9000, "O6", "赢单"],
];
const lines = readDealSheet(gridOf(rows), { today: toExcelSerial(2026, 11, 30) }).lines;
const span = [2026 * 12 + 8, 2026 * 12 + 9, 2026 * 12 + 10];

it("an index of only some months reads those months exactly as the whole index, orders decided by all their lines", () => {
  const whole = createMetricsIndex(lines, []);
  const only = createMetricsIndex(lines, [], undefined, new Set(span));
  expect(only.reps).toEqual(whole.reps);
  expect(only.reps).toContain("赵六");
  expect(only.months).toEqual(span);
  for (const rep of [undefined, ...whole.reps]) {
    expect(only.metrics(span, rep)).toEqual(whole.metrics(span, rep));
    for (const m of span) expect(only.metrics([m], rep)).toEqual(whole.metrics([m], rep));
  }
  // O1's refunded line is no revenue and O1 is no lost order; O3 is the one order lost in the months.
  const team = only.metrics(span);
  expect([team.revenue, team.won, team.lost]).toEqual([20000 + 25000 - 5000 + 12000, 4, 1]);
  expect(closeRateOf(team)).toBeCloseTo(4 / 5, 12);
});

it("rep profiles over the months are those of the whole index", () => {
  const profiles = profileReps(lines, span);
  expect(profiles.map((p) => p.rep)).toEqual(createMetricsIndex(lines, []).reps);
  const zhang = profiles.find((p) => p.rep === "张三")!;
  expect([zhang.revenue, zhang.closeRate]).toEqual([20000, 1]);
  const soft = zhang.products.find((p) => p.name === "软件")!;
  // 张三's 软件 in the months: O1's refunded line only (no revenue, but O1 is won there); the team's: O1, O3 lost, O5.
  expect([soft.revenue, soft.closeRate, soft.teamCloseRate]).toEqual([0, 1, 2 / 3]);
  expect(profiles.find((p) => p.rep === "赵六")!.revenue).toBe(0);
});
