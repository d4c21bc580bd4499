import { createDiagnosisReport } from "../../../src/core/analysis/diagnosis/diagnosis-report";
import { diagnose } from "../../../src/core/analysis/diagnosis/diagnose";
import { readDealSheet } from "../../../src/core/analysis/reading/records";
import { profileReps } from "../../../src/core/analysis/metrics/rep-profile";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";

interface Row {
  readonly month: number;
  readonly rep: string;
  readonly customer: string;
  readonly type: string;
  readonly product: string;
  readonly amount: number;
  readonly won: boolean;
}

/**
 * Three reps over September to November: 张三 sells mostly 软件 and closes it well; 李四 sells 硬件 to 中小企业
 * and loses most 软件 deals; 王五 sells like the team. Deterministic, so the planted standings are known.
 */
function team(): Row[] {
  const rows: Row[] = [];
  const add = (rep: string, product: string, type: string, amount: number, won: boolean, n: number) => {
    for (const month of [9, 10, 11])
      for (let i = 0; i < n; i++) rows.push({ month, rep, customer: `${rep}${product}${i}`, type, product, amount, won });
  };
  add("张三", "软件", "行业TOP100", 30000, true, 4);
  add("张三", "硬件", "中小企业", 10000, true, 1);
  add("李四", "硬件", "中小企业", 20000, true, 4);
  add("李四", "软件", "行业TOP100", 30000, false, 3);
  add("李四", "软件", "行业TOP100", 30000, true, 1);
  add("王五", "软件", "行业TOP100", 30000, true, 2);
  add("王五", "硬件", "中小企业", 20000, true, 2);
  add("王五", "软件", "行业TOP100", 30000, false, 1);
  return rows;
}

const grid = (rows: readonly Row[]) => ({
  name: "成交",
  row: 0,
  column: 0,
  values: [
    ["成交日期", "负责人", "客户名称", "客户类型", "产品", "成交金额", "状态"],
    ...rows.map((r) => [`2026-${r.month}-10`, r.rep, r.customer, r.type, r.product, r.amount, r.won ? "赢单" : "丢单"]),
  ] as CellValue[][],
});

/** Shares and close rates counted straight from the rows. */
function figures(rows: readonly Row[], rep: string | undefined, product: string) {
  const mine = rows.filter((r) => rep === undefined || r.rep === rep);
  const revenue = (list: readonly Row[]) => list.filter((r) => r.won).reduce((s, r) => s + r.amount, 0);
  const on = mine.filter((r) => r.product === product);
  return { share: revenue(on) / revenue(mine), closeRate: on.filter((r) => r.won).length / on.length };
}

describe("each rep's product lines and customer-type preference", () => {
  const rows = team();
  const lines = readDealSheet(grid(rows), { today: toExcelSerial(2026, 11, 30) }).lines;
  const months = [2026 * 12 + 8, 2026 * 12 + 9, 2026 * 12 + 10];
  const profiles = profileReps(lines, months);

  it("measures revenue share and close rate per product line against the team", () => {
    for (const p of profiles) {
      for (const product of p.products) {
        const mine = figures(rows, p.rep, product.name);
        const teamFigures = figures(rows, undefined, product.name);
        expect(product.share).toBeCloseTo(mine.share, 12);
        expect(product.teamShare).toBeCloseTo(teamFigures.share, 12);
        expect(product.closeRate).toBeCloseTo(mine.closeRate, 12);
        expect(product.teamCloseRate).toBeCloseTo(teamFigures.closeRate, 12);
      }
    }
  });

  it("finds the planted strengths, weaknesses and preferences", () => {
    const by = new Map(profiles.map((p) => [p.rep, p]));
    expect([by.get("张三")!.strong, by.get("张三")!.weak]).toEqual([["软件"], ["硬件"]]);
    expect([by.get("李四")!.strong, by.get("李四")!.weak]).toEqual([["硬件"], ["软件"]]);
    expect([by.get("王五")!.strong, by.get("王五")!.weak]).toEqual([[], []]);
    expect(by.get("张三")!.preferredType?.name).toBe("行业TOP100");
    expect(by.get("李四")!.preferredType?.name).toBe("中小企业");
    expect(by.get("王五")!.preferredType).toBeNull();
  });

  it("shows them in the report's rep section", () => {
    const report = createDiagnosisReport(diagnose({ deals: grid(rows), today: toExcelSerial(2026, 11, 30) }), "zh-CN");
    const at = report.values.findIndex((l) => String(l[0]).startsWith("成员优势/劣势产品线与客户类型偏好（2026-09至2026-11"));
    expect(at).toBeGreaterThan(0);
    expect(report.values[at + 1]).toEqual(["成员", "优势产品线", "劣势产品线", "客户类型偏好"]);
    const zhang = report.values.slice(at + 2, at + 5).find((l) => l[0] === "张三")!;
    const soft = figures(rows, "张三", "软件");
    const teamSoft = figures(rows, undefined, "软件");
    const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
    expect(zhang[1]).toBe(
      `软件（占比${pct(soft.share)}，团队${pct(teamSoft.share)}；成交率${pct(soft.closeRate)}，团队${pct(teamSoft.closeRate)}）`,
    );
    expect(String(zhang[3])).toMatch(/^行业TOP100（占比/);
  });
});
