import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { createMetricsIndex } from "../../../src/core/analysis/metrics/period-metrics";
import { readDealSheet } from "../../../src/core/analysis/reading/records";
import { strategyEffect } from "../../../src/core/actions/strategy-effect";

/** Customers by month: who buys, in order; a name seen in an earlier month is a repeat purchase. */
const BUYERS: Record<number, string[]> = {
  9: ["a", "b", "c", "d", "e"],
  10: ["a", "f", "g", "h", "i"], // 1 of the 5 customers of July-September bought again: 20%
  11: ["a", "b", "c", "j"], // 3 of the 9 customers of August-October bought again: 33.3%
};

function index() {
  const rows: CellValue[][] = [["成交日期", "销售代表", "客户名称", "成交金额"]];
  for (const [month, names] of Object.entries(BUYERS)) {
    names.forEach((name, i) => rows.push([toExcelSerial(2026, Number(month), 2 + i), "张三", name, 1000]));
  }
  return createMetricsIndex(readDealSheet({ name: "成交", row: 0, column: 0, values: rows }).lines, []);
}

/** The repeat-purchase rate straight from BUYERS: of the three months' customers before, those buying again. */
function repeatRate(month: number): number {
  const base = new Set(
    Object.entries(BUYERS).flatMap(([m, names]) => (Number(m) < month && Number(m) >= month - 3 ? names : [])),
  );
  return [...base].filter((n) => BUYERS[month].includes(n)).length / base.size;
}

describe("a strategy's effect on a rate", () => {
  it("compares the month before the start with the month reviewed, in points", () => {
    const effect = strategyEffect(index(), "季度回访", "repurchase", toExcelSerial(2026, 11, 3), 2026 * 12 + 10, 0.05)!;
    expect([effect.beforeMonth, effect.before, effect.afterMonth, effect.after]).toEqual([
      "2026-10",
      repeatRate(10),
      "2026-11",
      repeatRate(11),
    ]);
    expect(effect.verdict).toBe("worked");
    expect(effect.sentence["zh-CN"]).toBe("季度回访实施后，复购率从20%增至33.3%，提升13.3个百分点");
    expect(effect.sentence.en).toBe('After "季度回访", repurchase rate went from 20% to 33.3%, up 13.3 points');
  });

  it("says nothing before the strategy started", () => {
    expect(strategyEffect(index(), "季度回访", "repurchase", toExcelSerial(2026, 11, 3), 2026 * 12 + 9, 0.05)).toBeUndefined();
  });
});
