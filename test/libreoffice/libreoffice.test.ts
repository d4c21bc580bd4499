import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { openWorkbookFile } from "../../src/hosts/xlsx/xlsx-file";
import { DEAL_SHEET } from "../app/analysis.cases";
import { runCli } from "../cli/cli-harness";
import { convertWithLibreOffice, findSoffice } from "../support/soffice";

/**
 * The files we write, opened by a real spreadsheet program: LibreOffice Calc, headless. It recalculates
 * every formula and saves its own .xlsx, which we then read back with our reader.
 * (jest.config.js leaves this folder out on a machine without LibreOffice, except in CI.)
 */
const soffice = findSoffice();
if (!soffice) throw new Error("LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "lo-test-"));

async function sheetValues(host: XlsxHost, name: string) {
  const [sheet] = await host.readSheets([name]);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.values;
}

describe("LibreOffice opens what init writes", () => {
  let reopened: XlsxHost;
  let loFile: string;

  beforeAll(async () => {
    // The playbook's own example rows (with --data, the sheets hold the example team instead).
    const file = path.join(dir, "init.xlsx");
    expect((await runCli(["init", file, "--example", "--lang", "zh-CN"])).code).toBe(0);
    loFile = convertWithLibreOffice(soffice!, file, "xlsx", mkdtempSync(path.join(tmpdir(), "lo-out-")));
    reopened = await openWorkbookFile(loFile);
  });

  it("keeps every sheet", async () => {
    expect((await reopened.readOutline()).sheets).toEqual([
      "目标分解表",
      "客户分析表",
      "周计划跟踪表",
      "月度复盘表",
      "行动计划表",
    ]);
  });

  it("recalculates the customer shares and order values to the playbook's 60/30/10% and 8万/3万/1万", async () => {
    const values = await sheetValues(reopened, "客户分析表");
    const rows = values.slice(1, 4).map((r) => [r[0], r[3], r[4], r[5]]);
    expect(rows).toEqual([
      ["行业TOP100", 6_000_000, 0.6, 80_000],
      ["中小企业", 3_000_000, 0.3, 30_000],
      ["个人客户", 1_000_000, 0.1, 10_000],
    ]);
    // The formula rows under the examples give nothing: no 0, no error, so they do not count as data.
    expect(
      values
        .slice(4)
        .flat()
        .filter((v) => v !== null && v !== ""),
    ).toEqual([]);
  });

  it("recalculates the weekly totals and completion as the validator computes them", async () => {
    const values = await sheetValues(reopened, "周计划跟踪表");
    // New customers: 1+1+0+1+2 = 5 of 3; calls: 12+14+15+15+15 = 71 of 75.
    expect(values[1][9]).toBe(5);
    expect(values[1][10]).toBeCloseTo(5 / 3, 12);
    expect(values[2][9]).toBe(71);
    expect(values[2][10]).toBeCloseTo(71 / 75, 12);
    const review = await sheetValues(reopened, "月度复盘表");
    expect(review[1][4]).toBe(0.95);
  });

  it("keeps the validation rules and prompts", () => {
    const model = (
      reopened.workbook.getWorksheet("周计划跟踪表") as unknown as {
        dataValidations: { model: Record<string, Record<string, unknown>> };
      }
    ).dataValidations.model;
    expect(model.E2).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      prompt: "当日完成数量（非负整数），下班前填写",
    });
    expect(model.E21).toMatchObject({ type: "whole" });
    expect(model.C2).toMatchObject({ type: "list" });
    expect((model.C2.formulae as string[])[0]).toBe('"新客户开发,电话,拜访,跟进,方案提交,成交额"');
    expect(model.K2).toBeUndefined();
  });

  it("still checks clean after the round trip: the same findings as before", async () => {
    const before = JSON.parse((await runCli(["validate", path.join(dir, "init.xlsx"), "--json"])).stdout);
    const after = JSON.parse((await runCli(["validate", loFile, "--json"])).stdout);
    expect(after.findings.map((f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`)).toEqual(
      before.findings.map((f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`),
    );
  });
});

describe("a workbook LibreOffice saved goes through diagnose --out", () => {
  it("saves again with its tables (LibreOffice writes them without a style)", async () => {
    const file = path.join(dir, "tables.xlsx");
    expect((await runCli(["init", file, "--example", "--data", "--lang", "en"])).code).toBe(0);
    const loFile = convertWithLibreOffice(soffice!, file, "xlsx", mkdtempSync(path.join(tmpdir(), "lo-out-")));
    const out = path.join(dir, "tables-report.xlsx");
    const result = await runCli(["diagnose", loFile, "--out", out, "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const again = await openWorkbookFile(out);
    expect((await again.readOutline()).sheets).toContain("Diagnosis");
    expect((await again.readOutline()).tables).toContain("WeeklyPlanTracking");
  });

  it("and through validate --out, which loads it whole and saves it (its tables get a plain style first)", async () => {
    const file = path.join(dir, "tables-whole.xlsx");
    expect((await runCli(["init", file, "--example", "--data", "--lang", "en"])).code).toBe(0);
    const loFile = convertWithLibreOffice(soffice!, file, "xlsx", mkdtempSync(path.join(tmpdir(), "lo-out-")));
    const out = path.join(dir, "tables-marked.xlsx");
    const result = await runCli(["validate", loFile, "--out", out, "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const again = await openWorkbookFile(out);
    expect((await again.readOutline()).tables).toContain("WeeklyPlanTracking");
  });
});

describe("LibreOffice opens the diagnosis report", () => {
  it("with the report sheet and its numbers", async () => {
    const input = path.join(dir, "deals.xlsx");
    const host = new XlsxHost();
    await host.write({ sheets: [{ sheet: "成交明细", create: true, values: [{ row: 0, column: 0, values: DEAL_SHEET }] }] });
    writeFileSync(input, Buffer.from(await host.workbook.xlsx.writeBuffer()));
    const out = path.join(dir, "report.xlsx");
    expect((await runCli(["diagnose", input, "--out", out, "--lang", "zh-CN"])).code).toBe(0);
    const reopened = await openWorkbookFile(
      convertWithLibreOffice(soffice!, out, "xlsx", mkdtempSync(path.join(tmpdir(), "lo-out-"))),
    );
    const values = await sheetValues(reopened, "诊断报告");
    expect(values[0][0]).toBe("诊断报告 2026-11");
    const revenue = values.find((r) => r[0] === "销售额");
    expect(revenue?.slice(1, 3)).toEqual([130000, 130000]);
  });
});

describe("files LibreOffice wrote from a CSV", () => {
  it("are read and analysed like our own", async () => {
    const csv = path.join(dir, "crm.csv");
    writeFileSync(
      csv,
      DEAL_SHEET.map((r) => r.map((v) => (typeof v === "string" ? `"${v.replace(/"/g, '""')}"` : String(v))).join(",")).join(
        "\n",
      ),
      "utf8",
    );
    const xlsx = convertWithLibreOffice(
      soffice!,
      csv,
      "xlsx",
      mkdtempSync(path.join(tmpdir(), "lo-out-")),
      "CSV:44,34,76,1,,0,true,true",
    );
    const result = await runCli(["customers", xlsx, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.mapping).toMatchObject({ date: "成交日期", amount: "成交金额", customer: "客户名称" });
    expect(
      json.segments.map((s: { type: string; revenue: number; closeRate: number }) => [s.type, s.revenue, s.closeRate]),
    ).toEqual([
      ["行业TOP100", 220000, 1],
      ["中小企业", 30000, 0.5],
      ["个人客户", 10000, 1],
    ]);
  });
});

describe("marks after a LibreOffice round trip", () => {
  it("are still found as the add-in's own, so they can be cleared", async () => {
    const file = path.join(dir, "to-mark.xlsx");
    await runCli(["init", file, "--example", "--lang", "zh-CN"]);
    const marked = path.join(dir, "marked.xlsx");
    expect((await runCli(["validate", file, "--out", marked])).code).toBe(0);
    const reopened = await openWorkbookFile(
      convertWithLibreOffice(soffice!, marked, "xlsx", mkdtempSync(path.join(tmpdir(), "lo-out-"))),
    );
    // The inserted examples pass their checks: the one mark is the note that 65万 of the team target is unassigned.
    const [targets] = await reopened.readSheets(["目标分解表"], { marks: true });
    expect(targets.marks?.map((m) => [m.row, m.column])).toContainEqual([1, 3]);
  });
});
