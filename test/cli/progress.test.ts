import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { PROGRESS_DEALS } from "../app/progress.cases";
import { runCli } from "./cli-harness";
import type { CellValue } from "../../src/core/cell/cell-value";

const dir = mkdtempSync(path.join(tmpdir(), "cli-progress-"));

async function xlsxWith(name: string, sheets: Record<string, CellValue[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The playbook's six columns plus 个人目标: a sheet made before the progress columns existed. */
const TARGETS: CellValue[][] = [
  ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
  ["月度100万", "销售额", "张三", "35万", "30日", "1.新客户开发8个 2.复购率60%", ""],
  ["月度100万", "销售额", "李四", "35万", "30日", "1.成交订单10单 2.客单价≥5万", ""],
];

/** The harness's today, 2026-11-26: 26 of November's 30 days gone. */
const ELAPSED = 26 / 30;
const revenueOf = (rep: string) =>
  PROGRESS_DEALS.slice(1)
    .filter((r) => r[1] === rep && String(r[0]).startsWith("2026-11") && r[5] === "赢单")
    .reduce((s, r) => s + Number(r[3]), 0);
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

describe("sales-playbook progress", () => {
  let file: string;
  beforeAll(async () => {
    file = await xlsxWith("team.xlsx", { 成交: PROGRESS_DEALS, 目标: TARGETS });
  });

  it("--json carries the contract: rows with the period, the target and each KR measured", async () => {
    const result = await runCli(["progress", file, "--json", "--lang", "en"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["sheet", "dealSheet", "today", "rows", "typed", "addedColumns"]);
    expect([json.sheet, json.dealSheet, json.today]).toEqual(["目标", "成交", "2026-11-26"]);
    const [zhang, li] = json.rows;
    expect(zhang.period).toMatchObject({ kind: "month", from: "2026-11-01", to: "2026-11-30", anchor: "deadline" });
    expect(zhang.period.elapsed).toBeCloseTo(ELAPSED, 12);
    // 李四's deal of 11-20 counts now that it is past.
    expect([zhang.target.actual, li.target.actual]).toEqual([revenueOf("张三"), revenueOf("李四")]);
    const a = revenueOf("张三") / 350000;
    expect(zhang.target).toMatchObject({ metric: "revenue", target: 350000, status: "behind" });
    expect(zhang.target.sentence).toBe(`${pct(a)} done with ${pct(ELAPSED)} of the month gone: behind pace`);
    expect(li.keyResults.map((k: { metric: string; actual: number }) => [k.metric, k.actual])).toEqual([
      ["orders", 2],
      ["avgOrderValue", revenueOf("李四") / 2],
    ]);
    expect(json.typed).toEqual([]);
    expect(json.addedColumns).toEqual(["actual", "achievement", "progress"]);
  });

  it("prints a table on the terminal and, with --out, a copy with the progress columns filled", async () => {
    const text = await runCli(["progress", file, "--lang", "zh-CN"]);
    expect(text.stdout).toContain("目标进度：目标（成交数据来自“成交”，截至 2026-11-26）");
    expect(text.stdout).toContain(`完成${pct(revenueOf("张三") / 350000)}，当月已过${pct(ELAPSED)}：落后于进度`);
    const out = path.join(dir, "progress.xlsx");
    const written = await runCli(["progress", file, "--out", out, "--lang", "zh-CN"]);
    expect(written.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("目标")!;
    expect([8, 9, 10].map((c) => ws.getCell(1, c).value)).toEqual(["实际完成", "达成率(%)", "进度"]);
    expect(ws.getCell(2, 8).value).toBe(revenueOf("张三"));
    expect(ws.getCell(3, 9).value).toBeCloseTo(revenueOf("李四") / 350000, 12);
    expect(String(ws.getCell(2, 10).value)).toMatch(/（截至2026-11-26）$/);
  });

  it("says what to do when the workbook has no target sheet", async () => {
    const bare = await xlsxWith("deals-only.xlsx", { 成交: PROGRESS_DEALS });
    const result = await runCli(["progress", bare, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("No target decomposition sheet found");
  });
});
