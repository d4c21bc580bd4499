import { describeAttribution } from "../../../src/core/analysis/diagnosis/longitudinal";
import { attributeChange } from "../../../src/core/analysis/metrics/lmdi";
import { gridOf } from "../../support/grid";
import { diagnose } from "../../../src/core/analysis/diagnosis/diagnose";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";

describe("attribution sentences", () => {
  it("never gives a share above 100%: when the main driver is more than the whole change, its share of the drivers that moved revenue that way", () => {
    // Orders 10 -> 12 (+1,895.21), order value 1000 -> 900 (-1,095.21): +800 in all. Orders are the only driver up,
    // so they are 100% of what moved revenue up, and order value offset 1,895.21 - 800 = 1,095.21 (1,095 read rounded).
    const a = attributeChange([
      { name: "orders", from: 10, to: 12 },
      { name: "avgOrderValue", from: 1000, to: 900 },
    ]);
    const up = 800 * (Math.log(1.2) / Math.log(1.08));
    expect(Math.round(up)).toBe(1895);
    expect(describeAttribution(a, { "zh-CN": "本月", en: "This month's" })).toEqual({
      "zh-CN":
        "本月销售额增长8%（+800），主因订单数增长20%（贡献+1,895，占各增长因素合计的100%；其他因素向相反方向抵消了1,095）。",
      en: "This month's revenue up 8% (+800), mainly because orders up 20% (+1,895, 100% of what moved it up; other factors offset 1,095 the other way).",
    });
  });
});

describe("the benchmark's habit", () => {
  it("names the process metric that sets the benchmark apart (the playbook's 跟进频次每周5次)", () => {
    const deals: CellValue[][] = [["日期", "销售", "客户", "金额", "订单号", "状态"]];
    const activity: CellValue[][] = [["周开始日期", "负责人", "电话", "跟进"]];
    const mondays = [2, 9, 16, 23].map((d) => toExcelSerial(2026, 11, d));
    // 张三 wins 8 of 10, 李四 4 of 10; 张三 follows up 5 times a week, 李四 2; both call 20 times.
    for (let i = 0; i < 10; i++) {
      deals.push([toExcelSerial(2026, 11, 1 + i), "张三", `a${i}`, 10000, `A${i}`, i < 8 ? "赢单" : "输单"]);
      deals.push([toExcelSerial(2026, 11, 1 + i), "李四", `b${i}`, 10000, `B${i}`, i < 4 ? "赢单" : "输单"]);
    }
    for (const w of mondays) activity.push([w, "张三", 20, 5], [w, "李四", 20, 2]);
    const h = diagnose({ deals: gridOf(deals), activity: gridOf(activity) }).horizontal!;
    expect(h.benchmark).toBe("张三");
    // 13 weeks in the three-month window: 20 follow-ups / 13 = 1.5 a week, against (20 + 8) / 2 / 13 = 1.1 on average.
    expect(h.statements[0]["zh-CN"]).toBe(
      "标杆：张三成交率80%（10个已结商机，按样本量调整后70%），高于团队平均60%；其跟进次数每周1.5次（人均1.1次），值得推广。",
    );
  });
});
