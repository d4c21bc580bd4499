import type { CellValue } from "../../../src/core/cell/cell-value";
import { gridOf } from "../../support/grid";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { diagnose } from "../../../src/core/analysis/diagnosis/diagnose";

/**
 * October: 10 orders of 1万 to new customers; November: 8, while visits per week fall from 10 to 8.
 * The data stops on 21 November, so both months are compared on days 1-21: October's weeks of the
 * 5th, 12th and 19th (visits 30, calls 300, proposals 15) against November's (24, 270, 16).
 */
function deals(): CellValue[][] {
  const rows: CellValue[][] = [["日期", "销售", "客户", "客户类型", "金额", "订单号", "状态"]];
  for (let i = 0; i < 10; i++) rows.push([toExcelSerial(2026, 10, 1 + i), "张三", `oct${i}`, "中小企业", 10000, `a${i}`, "成交"]);
  for (let i = 0; i < 8; i++) rows.push([toExcelSerial(2026, 11, 1 + i), "张三", `nov${i}`, "中小企业", 10000, `b${i}`, "成交"]);
  for (let i = 0; i < 2; i++) rows.push([toExcelSerial(2026, 11, 20 + i), "张三", `l${i}`, "中小企业", 10000, `c${i}`, "丢单"]);
  return rows;
}

function activity(): CellValue[][] {
  const rows: CellValue[][] = [["周开始日期", "负责人", "电话", "拜访", "方案提交"]];
  // Mondays of October (4 weeks) and November (4 weeks, one of them left empty).
  const oct = [5, 12, 19, 26].map((d) => toExcelSerial(2026, 10, d));
  const nov = [2, 9, 16].map((d) => toExcelSerial(2026, 11, d));
  oct.forEach((w) => rows.push([w, "张三", 100, 10, 5]));
  nov.forEach((w, i) => rows.push([w, "张三", 90, 8, i === 0 ? 6 : 5]));
  return rows;
}

describe("diagnosis with activity records", () => {
  const d = diagnose({ deals: gridOf(deals()), activity: gridOf(activity()) });

  it("maps the activity columns", () => {
    expect(d.mapping.activity).toEqual({
      date: "周开始日期",
      rep: "负责人",
      calls: "电话",
      visits: "拜访",
      proposals: "方案提交",
    });
    expect(d.missing.activity).toEqual(["followUps"]);
  });

  it("attributes the revenue change to the activity that moved with new customers, exactly", () => {
    const a = d.longitudinal!.attribution!;
    expect([a.from, a.to, a.change]).toEqual([100000, 80000, -20000]);
    // New customers per visit hold (10/30 = 8/24), so the fall is all visits: L·ln(24/30) = L·ln 0.8 = −2万.
    expect(a.effects.map((e) => [e.name, e.from, e.to, Math.round(e.effect)])).toEqual([
      ["visits", 30, 24, -20000],
      ["newCustomers", 10, 8, 0],
      ["returningCustomers", 0, 0, 0],
      ["ordersPerCustomer", 1, 1, 0],
      ["avgOrderValue", 10000, 10000, 0],
    ]);
    expect(a.effects.reduce((s, e) => s + e.effect, 0)).toBe(a.change);
    expect(d.periods.longitudinal).toEqual({ current: "2026-11", previous: "2026-10", days: 21 });
    // Visits fell as new customers did (24/30 = 8/10); calls fell 10% and proposals rose: visits lead. The headline
    // names the TOP 3's first item.
    expect(d.issues[0].code).toBe("fallingActivity");
    expect(d.longitudinal!.statements[0]["zh-CN"]).toBe(
      "本月销售额下降20%（-2万），首要原因为拜访量下降：人均每周10→8次（约2万，占下降的100%）。",
    );
  });

  it("reports the close rate in points and names the activity that fell, against the team's own weeks", () => {
    const closeRate = d.longitudinal!.metrics.find((m) => m.metric === "closeRate")!;
    expect([closeRate.current, closeRate.previous]).toEqual([0.8, 1]);
    expect(closeRate.change).toBeCloseTo(-0.2, 12);
    expect(d.longitudinal!.statements.map((s) => s["zh-CN"])).toContain("成交率环比下降20个百分点。");
    const [falling] = d.issues;
    expect([falling.code, falling.priority, falling.share]).toEqual(["fallingActivity", "high", 1]);
    expect(falling.atStake).toBeCloseTo(20000, 6);
    // 24 visits over the 3 weeks of days 1-21 is 8 a week; October's 30 was 10.
    expect(falling.summary["zh-CN"]).toBe("拜访量下降：人均每周10→8次");
    expect(falling.evidence.en).toBe(
      "visits per rep per week 8 against last month's 10; fewer new customers followed (8), about 20,000 of revenue",
    );
    expect(falling.strategies[0].action["zh-CN"]).toBe("恢复拜访量至人均每周10次（本月8次），晨会同步、夕会复盘");
  });

  it("measures how complete the activity records are", () => {
    // Window Sep-Nov, dates from 2026-10-01 to 2026-11-21: weeks of 09-28 … 11-16 = 8 weeks, 7 recorded.
    expect(d.dataQuality.activityCompleteness).toBe(7 / 8);
    expect(d.dataQuality.weeksWithoutActivity).toBe(1);
  });
});
