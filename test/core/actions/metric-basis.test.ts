import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { createMetricsIndex } from "../../../src/core/analysis/metrics/period-metrics";
import { monthOf } from "../../../src/core/analysis/reading/period";
import { readActivitySheet, readDealSheet } from "../../../src/core/analysis/reading/records";
import { readActionItem } from "../../../src/core/actions/action-rows";
import { strategyEffect } from "../../../src/core/actions/strategy-effect";
import { baselineFormat, basisIn, basisOfProblem, formatMetric, metricValue } from "../../../src/core/actions/strategy-metric";

/**
 * Visits per rep per week: September (30 days) 张三 30 and 李四 18 visits; October (31 days) 张三 20, 李四 11 and
 * 王五, who sold but recorded no visits. The figures below are worked out by hand from these rows.
 */
const ACTIVITY: CellValue[][] = [
  ["日期", "销售代表", "拜访"],
  [toExcelSerial(2026, 9, 7), "张三", 30],
  [toExcelSerial(2026, 9, 7), "李四", 18],
  [toExcelSerial(2026, 10, 5), "张三", 20],
  [toExcelSerial(2026, 10, 5), "李四", 11],
];
const DEALS: CellValue[][] = [
  ["成交日期", "销售代表", "客户名称", "成交金额"],
  [toExcelSerial(2026, 9, 3), "张三", "甲", 1000],
  [toExcelSerial(2026, 10, 3), "张三", "乙", 1000],
  [toExcelSerial(2026, 10, 4), "王五", "丙", 1000],
];

const index = createMetricsIndex(
  readDealSheet({ name: "成交", row: 0, column: 0, values: DEALS }).lines,
  readActivitySheet({ name: "拜访", row: 0, column: 0, values: ACTIVITY }).records,
);
const SEPTEMBER = monthOf(toExcelSerial(2026, 9, 1));
const OCTOBER = SEPTEMBER + 1;

describe("a metric per rep per week", () => {
  it("is the month's count over the reps who recorded it and the month's weeks", () => {
    expect(metricValue(index, "visits", SEPTEMBER, undefined, "repWeek")).toBeCloseTo(48 / 2 / (30 / 7), 12);
    // 王五 sold in October but recorded no visits: two reps, not three.
    expect(metricValue(index, "visits", OCTOBER, undefined, "repWeek")).toBeCloseTo(31 / 2 / (31 / 7), 12);
    expect(metricValue(index, "visits", OCTOBER, "张三", "repWeek")).toBeCloseTo(20 / (31 / 7), 12);
    // New customers per rep per week count the reps with deals: 张三 and 王五 in October.
    expect(metricValue(index, "newCustomers", OCTOBER, undefined, "repWeek")).toBeCloseTo(2 / 2 / (31 / 7), 12);
    // Month to date: the days compared, not the month's.
    expect(metricValue(index, "visits", OCTOBER, undefined, "repWeek", 14)).toBeCloseTo(31 / 2 / 2, 12);
  });

  it("leaves the team's month, rates and order value as they are", () => {
    expect(metricValue(index, "visits", OCTOBER)).toBe(31);
    expect(metricValue(index, "avgOrderValue", OCTOBER, undefined, "repWeek")).toBe(1000);
  });

  it("is said in the cell's number format and in words", () => {
    expect(baselineFormat("visits", "repWeek")).toEqual({ "zh-CN": '"人均每周"0.0"次"', en: '0.0" per rep per week"' });
    expect(baselineFormat("proposals", "repWeek")?.["zh-CN"]).toBe('"人均每周"0.0"份"');
    expect(baselineFormat("repurchase", "repWeek")).toEqual({ "zh-CN": "0.0%", en: "0.0%" });
    expect(baselineFormat("visits", "month")).toBeUndefined();
    expect(formatMetric("visits", 3.24, "repWeek")).toEqual({ "zh-CN": "人均每周3.2次", en: "3.2 per rep per week" });
    expect(formatMetric("visits", 3.24)).toEqual({ "zh-CN": "3.2次", en: "3.2" });
  });

  it("is the basis of the lead activity's problem and of a text that says it", () => {
    expect(basisOfProblem("fallingActivity")).toBe("repWeek");
    expect(basisOfProblem("newCustomerShortfall")).toBe("month");
    expect(basisIn("恢复拜访至人均每周5次（本月3次）")).toBe("repWeek");
    expect(basisIn(null, "Restore visits to 5 per rep per week")).toBe("repWeek");
    expect(basisIn("设立新客户开发奖", 6)).toBe("month");
  });

  it("is read back from a plan row, with a baseline written in words", () => {
    const item = readActionItem(
      { sheetRow: 1, cells: { strategy: "前两周每日检查CRM跟进记录", metric: "拜访量", baseline: "人均每周3.5次" } },
      toExcelSerial(2026, 11, 5),
    );
    expect([item.metric, item.basis, item.baseline]).toEqual(["visits", "repWeek", 3.5]);
  });

  it("judges a strategy's effect on the same basis and says so", () => {
    const effect = strategyEffect(index, "恢复拜访", "visits", toExcelSerial(2026, 10, 1), OCTOBER, 0.05, undefined, {
      basis: "repWeek",
    });
    // September 5.6 a week, October 3.5: worse, not the 48 → 31 of the team's months.
    expect(effect?.verdict).toBe("worse");
    expect(effect?.before).toBeCloseTo(48 / 2 / (30 / 7), 12);
    expect(effect?.sentence["zh-CN"]).toBe("恢复拜访实施后，人均每周拜访量从5.6次降至3.5次，下降37.5%");
  });
});
