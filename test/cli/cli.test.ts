import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { DEAL_SHEET } from "../app/analysis.cases";
import { ACTION_ROWS, REVIEW_HEADERS, reviewTeam, TARGETS } from "../app/actions.cases";
import { runCli } from "./cli-harness";
import { cellAddress } from "../../src/core/cell/a1";
import { readMarkCells } from "../../src/core/validate/mark-areas";
import type { CellValue } from "../../src/core/cell/cell-value";

const dir = mkdtempSync(path.join(tmpdir(), "cli-test-"));

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

describe("sales-playbook init and validate", () => {
  it("writes the five template sheets and validates them with the JSON contract", async () => {
    const file = path.join(dir, "team.xlsx");
    const init = await runCli(["init", file, "--example", "--lang", "zh-CN"]);
    expect([init.code, init.stdout.trim()]).toEqual([0, `已写入 ${file}`]);
    const result = await runCli(["validate", file, "--json"]);
    expect(result.code).toBe(0); // the add-in's own examples pass its checks: notes only
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["findings", "counts", "sheets", "notes"]);
    expect(json.counts).toEqual({ error: 0, warning: 0, info: 2 });
    expect(json.findings[0]).toEqual({
      sheet: "目标分解表",
      cell: "D2",
      rule: "decomposition.sum",
      severity: "info",
      message: "Rep targets add up to 350,000 against a team target of 1,000,000: 650,000 not yet assigned.",
    });
  });

  it("exits 1 when the check finds errors, and speaks the system language", async () => {
    const file = await xlsxWith("errors.xlsx", {
      目标: [
        ["团队总目标", "目标项", "负责人", "时间节点", "关键结果(KR)", "完成标准"],
        ["月度100万", "销售额", null, "30日", "1.新客户开发8个 2.复购率60%", "1.实际开发≥8个 2.复购客户数≥现有客户数60%"],
      ],
    });
    const result = await runCli(["validate", file], { LANG: "zh_CN.UTF-8" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("没有负责人：每个目标都要落到一个人。");
    expect(result.stdout).toContain("1 个错误，0 个警告，0 条提示");
  });
});

describe("sales-playbook customers and diagnose", () => {
  let deals: string;
  beforeAll(async () => {
    deals = await xlsxWith("deals.xlsx", { CRM导出: DEAL_SHEET });
  });

  it("customers --json follows the contract, share as a fraction", async () => {
    const result = await runCli(["customers", deals, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.mapping).toEqual({
      date: "成交日期",
      rep: "负责人",
      customer: "客户名称",
      customerType: "客户类型",
      amount: "成交金额",
      orderId: "订单号",
      status: "状态",
    });
    expect(json.segments[0]).toEqual({
      type: "行业TOP100",
      customers: 1,
      orders: 2,
      revenue: 220000,
      share: 220000 / 260000,
      avgOrderValue: 110000,
      closeRate: 1,
      repurchaseRate: 1,
    });
    expect(json.total).toEqual({ customers: 3, orders: 4, revenue: 260000 });
  });

  it("--period chooses the months counted; a bad --period or --date-order is one sentence and exit 2", async () => {
    const november = JSON.parse((await runCli(["customers", deals, "--json", "--period", "2026-11"])).stdout);
    expect(november.period).toEqual({ from: "2026-11", to: "2026-11" });
    expect(november.total).toEqual({ customers: 2, orders: 2, revenue: 130000 }); // o4 and o5; o3 was lost
    const whole = JSON.parse((await runCli(["customers", deals, "--json"])).stdout);
    expect(whole.period).toEqual({ from: "2026-10", to: "2026-11" });
    const diagnosis = JSON.parse((await runCli(["diagnose", deals, "--json", "--period", "2026-10..2026-11"])).stdout);
    expect(diagnosis.periods.customers).toEqual({ from: "2026-10", to: "2026-11" });
    for (const [flag, value, says] of [
      ["--period", "2026-13", "--period takes a month (2026-11) or a range of months"],
      ["--period", "2026-11..2026-09", "--period takes a month (2026-11) or a range of months"],
      ["--date-order", "dym", "--date-order is one of ymd, dmy"],
    ]) {
      const bad = await runCli(["customers", deals, flag, value, "--lang", "en"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split("\n")).toHaveLength(1);
      expect(bad.stderr).toContain(says);
    }
  });

  it("--map overrides detection; a bad --map is one sentence and exit 2", async () => {
    const renamed = await xlsxWith("renamed.xlsx", {
      Data: [["When", "Money", "Who"], ...DEAL_SHEET.slice(1).map((r) => [r[0], r[4], r[2]])],
    });
    const ok = await runCli([
      "customers",
      renamed,
      "--map",
      "date=When",
      "--map",
      "amount=Money",
      "--map",
      "customer=Who",
      "--json",
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).total.revenue).toBe(280000); // no status column: the lost line counts
    expect(JSON.parse(ok.stdout).segments[0].closeRate).toBeNull();
    const bad = await runCli(["customers", renamed, "--map", "money=Money", "--lang", "en"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain("--map takes field=Header with a field among date, rep, customer");
  });

  it("diagnose --json carries the contract's sections", async () => {
    const json = JSON.parse((await runCli(["diagnose", deals, "--json", "--lang", "en"])).stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        "mapping",
        "dataQuality",
        "longitudinal",
        "horizontal",
        "customers",
        "issues",
        "periods",
        "pipeline",
        "notes",
      ]),
    );
    expect(json.periods.horizontal).toEqual({ from: expect.stringMatching(/^\d{4}-\d{2}$/), to: json.period });
    expect(json.pipeline).toEqual({ deals: expect.any(Number), value: expect.any(Number), future: expect.any(Number) });
    expect(json.issues[0]).toEqual({
      rank: 1,
      code: expect.any(String),
      priority: expect.stringMatching(/^(high|medium|low)$/),
      atStake: expect.any(Number),
      share: expect.any(Number),
      shareOf: expect.stringMatching(/^(fall|hiddenLosses)$/),
      baseline: expect.objectContaining({
        value: expect.any(Number),
        months: expect.any(Number),
        kind: expect.stringMatching(/^(money|count|decimal|percent)$/),
      }),
      affects: expect.any(Array),
      summary: expect.any(String),
      evidence: expect.any(String),
      strategies: expect.arrayContaining([{ action: expect.any(String), owner: "", resources: "", deadline: "" }]),
    });
  });

  it("never modifies its input: --out writes a new file, and the input path is refused", async () => {
    const before = readFileSync(deals);
    const same = await runCli(["diagnose", deals, "--out", deals, "--lang", "en"]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("--out cannot be the input file");
    const out = path.join(dir, "with-report.xlsx");
    expect((await runCli(["diagnose", deals, "--out", out])).code).toBe(0);
    expect(readFileSync(deals).equals(before)).toBe(true);
    expect(statSync(out).size).toBeGreaterThan(before.length);
  });
});

describe("bad input: one sentence naming the file, exit 2, no stack trace", () => {
  it.each([
    ["a missing file", () => path.join(dir, "nope.xlsx"), "does not exist: check the path."],
    ["a text file", () => writeText("notes.xlsx", "just text"), "is not a valid .xlsx file"],
    [
      "an encrypted (OLE) file",
      () => writeBytes("locked.xlsx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      "is encrypted or an old .xls file",
    ],
    ["a folder", () => dir, "is a folder, not an .xlsx file."],
  ])("%s", async (_name, make, text) => {
    const file = make();
    const result = await runCli(["diagnose", file, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain(text);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a workbook without a deal sheet", async () => {
    const file = await xlsxWith("empty.xlsx", { Notes: [["hello"]] });
    const result = await runCli(["diagnose", file, "--lang", "en"]);
    expect([result.code, result.stderr.trim()]).toEqual([
      2,
      `${file}: No deal sheet found (a header row with a date and an amount column): add your deal data, or name the sheet and map its columns.`,
    ]);
  });

  it("an unknown command or option", async () => {
    expect((await runCli(["frobnicate"])).code).toBe(2);
    const opt = await runCli(["validate", "x.xlsx", "--bogus"]);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain("Bad arguments");
  });
});

describe("sales-playbook rollup", () => {
  it("summarises several team workbooks", async () => {
    const a = path.join(dir, "north.xlsx");
    await runCli(["init", a, "--example", "--lang", "zh-CN"]);
    const b = await xlsxWith("south.xlsx", { 成交: DEAL_SHEET });
    const result = await runCli(["rollup", a, b, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(
      json.teams.map((t: { team: string; achievement: number | null; weeklyCompletion: number | null }) => [
        t.team,
        t.achievement,
        t.weeklyCompletion,
      ]),
    ).toEqual([
      ["north", 0.95, (5 + 71) / (3 + 75)],
      ["south", null, null],
    ]);
    expect(json.teams[1].issues.length).toBeGreaterThan(0);
  });
});

describe("the installed command", () => {
  it("runs as a process: --help exits 0, bad input exits 2 with one line", () => {
    const bin = path.resolve(__dirname, "../../bin/sales-playbook.cjs");
    expect(execFileSync(process.execPath, [bin, "--help", "--lang", "en"], { encoding: "utf8" })).toContain(
      "Usage: sales-playbook <command>",
    );
    const bad = spawnSync(process.execPath, [bin, "validate", path.join(dir, "missing.xlsx"), "--lang", "en"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});

function writeText(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
function writeBytes(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe("sales-playbook validate --out", () => {
  it("writes a copy with the findings marked on their cells and notes, the input untouched", async () => {
    const file = path.join(dir, "marked-in.xlsx");
    await runCli(["init", file, "--example", "--lang", "zh-CN"]);
    const before = readFileSync(file);
    const out = path.join(dir, "marked-out.xlsx");
    const result = await runCli(["validate", file, "--out", out, "--lang", "zh-CN"]);
    expect(result.code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const targets = wb.getWorksheet("目标分解表")!;
    const formattings = (targets as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
      .conditionalFormattings;
    // A few formats per tone, their cells coded in the formula and given as the format's ranges.
    const marked = formattings.flatMap((f) =>
      (readMarkCells(`=${f.rules[0].formulae[0]}`)?.cells ?? []).map(
        (c) => `${cellAddress(c.row, c.column)} ${f.rules[0].formulae[0].split("|")[1]}`,
      ),
    );
    expect(marked).toContain("D2 info");
    const info = formattings.find((f) => f.rules[0].formulae[0].startsWith('ISTEXT("sales-playbook-marks|info|'))!;
    expect(marked.filter((m) => m.endsWith(" info"))).toEqual(["D2 info", "D3 info"]);
    expect(info.ref).toBe("D2:D3");
    expect(String(targets.getCell("D2").note)).toContain("个人目标合计35万，团队总目标100万，还差65万未分配。");
  });

  it("leaves a protected sheet unmarked and says so, one note", async () => {
    const file = path.join(dir, "protected-in.xlsx");
    await runCli(["init", file, "--example", "--lang", "zh-CN"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.getWorksheet("目标分解表")!.protect("", {});
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "protected-out.xlsx");
    const result = await runCli(["validate", file, "--out", out, "--json", "--lang", "en"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { notes: string[]; findings: { sheet: string }[] };
    expect(document.notes).toEqual(["目标分解表 is protected: marks not added there"]);
    // Still checked: its findings are listed.
    expect(document.findings.some((f) => f.sheet === "目标分解表")).toBe(true);
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.readFile(out);
    const targets = marked.getWorksheet("目标分解表") as unknown as { conditionalFormattings: unknown[] };
    expect(targets.conditionalFormattings).toEqual([]);
  });
});

describe("sales-playbook actions and monthly", () => {
  let team: string;
  beforeAll(async () => {
    team = await xlsxWith("review-team.xlsx", {
      成交明细: reviewTeam(),
      目标分解表: TARGETS,
      行动计划表: ACTION_ROWS,
      月度复盘表: [REVIEW_HEADERS],
    });
  });

  it("monthly --json gives each strategy's effect and writes nothing without --out", async () => {
    const before = readFileSync(team);
    const result = await runCli(["monthly", team, "--month", "2026-11", "--json", "--lang", "zh-CN"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual([
      "sheet",
      "row",
      "created",
      "month",
      "written",
      "kept",
      "achievement",
      "benchmark",
      "problems",
      "strategies",
      "sop",
      "cells",
    ]);
    expect([json.month, json.achievement.team.target, json.sop]).toEqual(["2026-11", 120000, ["设立新客户开发奖"]]);
    // November is not over on the harness's today (the 26th): both months are compared on days 1-26.
    expect(json.strategies.map((s: { sentence: string }) => s.sentence)).toEqual([
      "设立新客户开发奖实施后，月新客户数从6个增至9个，提升50%（按各月1-26日比较）",
      "推行组合销售话术实施后，月客单价从1万到1万，基本未变（按各月1-26日比较）",
    ]);
    expect(readFileSync(team).equals(before)).toBe(true);
  });

  it("monthly --out writes the pre-filled row into a copy, which validates clean", async () => {
    const out = path.join(dir, "review-out.xlsx");
    const result = await runCli(["monthly", team, "--month", "2026-11", "--out", out, "--lang", "en"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain('Monthly review "月度复盘表", row 2: suggestions for 2026-11');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const row = wb.getWorksheet("月度复盘表")!.getRow(2);
    expect([row.getCell(1).value, row.getCell(3).value]).toEqual(["2026-11", 120000]);
    expect(String(row.getCell(8).value)).toMatch(/^\[Suggestion\] 1\.Make "设立新客户开发奖" team standard practice/);
    const check = await runCli(["validate", out, "--json"]);
    const findings = JSON.parse(check.stdout).findings.filter((f: { sheet: string }) => f.sheet === "月度复盘表");
    expect(findings).toEqual([]);
  });

  it("actions --json lists what it would add; a bad --month is one sentence and exit code 2", async () => {
    const result = await runCli(["actions", team, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["sheet", "created", "dataSheet", "period", "added", "alreadyPlanned", "baselinesFilled"]);
    expect([json.sheet, json.created, json.baselinesFilled]).toEqual(["行动计划表", false, [2, 3]]);
    const bad = await runCli(["monthly", team, "--month", "2026-13", "--lang", "en"]);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, '--month takes a month such as 2026-11: "2026-13" is not that.']);
  });
});
