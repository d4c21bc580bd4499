import type { CellValue } from "../../../src/core/cell/cell-value";
import { gridOf } from "../../support/grid";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { diagnose } from "../../../src/core/analysis/diagnose";

/**
 * October: 20 proposals a week-month → 10 orders of 1万; November: proposals fall 20% to 16, conversion and
 * order value hold → 8 orders: revenue −2万, all of it from proposals (hand-computed LMDI: L·ln 0.8 = −2万).
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

  it("attributes the revenue change to proposals, conversion and order value, exactly", () => {
    const a = d.longitudinal!.attribution!;
    expect([a.from, a.to, a.change]).toEqual([100000, 80000, -20000]);
    expect(a.effects.map((e) => [e.name, e.from, e.to, Math.round(e.effect)])).toEqual([
      ["proposals", 20, 16, -20000],
      ["conversion", 0.5, 0.5, 0],
      ["avgOrderValue", 10000, 10000, 0],
    ]);
    expect(a.effects.reduce((s, e) => s + e.effect, 0)).toBe(a.change);
    expect(d.longitudinal!.statements[0]["zh-CN"]).toBe(
      "本月销售额下降20%（-2万），主因方案提交量下降20%（贡献-2万，占变化的100%）。",
    );
  });

  it("reports the close rate in points and the falling activity as a problem", () => {
    const closeRate = d.longitudinal!.metrics.find((m) => m.metric === "closeRate")!;
    expect([closeRate.current, closeRate.previous]).toEqual([0.8, 1]);
    expect(closeRate.change).toBeCloseTo(-0.2, 12);
    expect(d.longitudinal!.statements.map((s) => s["zh-CN"])).toContain("成交率环比下降20个百分点。");
    const falling = d.issues.find((i) => i.code === "fallingActivity")!;
    expect(falling.atStake).toBeCloseTo(20000, 6);
    // Calls 400 -> 270, visits 40 -> 24, proposals 20 -> 16.
    expect(falling.evidence["zh-CN"]).toBe(
      "电话量环比下降32.5%，拜访量环比下降40%，方案提交量环比下降20%；方案量变化对销售额的影响-2万",
    );
  });

  it("measures how complete the activity records are", () => {
    // Window Sep-Nov, dates from 2026-10-01 to 2026-11-21: weeks of 09-28 … 11-16 = 8 weeks, 7 recorded.
    expect(d.dataQuality.activityCompleteness).toBe(7 / 8);
    expect(d.dataQuality.weeksWithoutActivity).toBe(1);
  });
});
