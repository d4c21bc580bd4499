import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { terminalText } from "../../src/cli/terminal-text";
import { runCli } from "../cli/cli-harness";
import { JSZipFixture } from "./sheet-name-fixture";

const dir = mkdtempSync(path.join(tmpdir(), "validate-report-"));
const HEADERS = [
  "周开始日期",
  "负责人",
  "指标",
  "本周目标(量化)",
  "周一完成情况",
  "周二完成情况",
  "周三完成情况",
  "周四完成情况",
  "周五完成情况",
];
const WEEK = 46_328; // Monday 2026-11-02

/** A weekly tracker where every row misses its target without a reason (two findings a row or more). */
async function tracker(file: string, rows: number, metric = "电话", sheet = "周计划跟踪表"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(HEADERS);
  for (let i = 0; i < rows; i++) ws.addRow([WEEK - 7 * (i % 40), `成员${Math.floor(i / 40)}`, metric, 75, 5, 5, 5, 5, 5]);
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}

describe("validate with many findings", () => {
  let file: string;
  let json: { findings: unknown[]; counts: Record<string, number> };
  beforeAll(async () => {
    file = await tracker("many.xlsx", 1_500);
    json = JSON.parse((await runCli(["validate", file, "--json"])).stdout);
  });

  it("--json holds every finding and nothing else", () => {
    expect(json.findings.length).toBeGreaterThan(3_000);
    expect(json.findings.length).toBe(json.counts.error + json.counts.warning + json.counts.info);
  });

  it("the terminal shows the first 50, the counts per sheet and rule, and how to get them all", async () => {
    const { code, stdout } = await runCli(["validate", file, "--lang", "en"]);
    expect(code).toBe(json.counts.error > 0 ? 1 : 0);
    expect(stdout.match(/周计划跟踪表!/g)).toHaveLength(50);
    expect(stdout).toContain(
      `The first 50 of ${json.findings.length.toLocaleString("en-US").replace(/,/g, "")} findings are shown. For all of them: add --json, or --out marked.xlsx to mark each on its cell in a copy.`,
    );
    expect(stdout).toContain("By sheet and rule:");
    const rules = new Map<string, number>();
    for (const f of json.findings as { rule: string }[]) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    for (const [rule, count] of rules)
      expect(stdout).toMatch(new RegExp(`│ 周计划跟踪表 │ ${rule.replace(/\./g, "\\.")} +│ \\w+ +│ ${count} +│`));
    expect(stdout.trimEnd().split("\n").pop()).toBe(
      `${json.counts.error} errors, ${json.counts.warning} warnings, ${json.counts.info} notes`,
    );
    const zh = await runCli(["validate", file, "--lang", "zh-CN"]);
    expect(zh.stdout).toContain(`以上为前 50 条，共 ${json.findings.length} 条。`);
  });
});

describe("terminal safety", () => {
  it("strips control characters and line breaks from cell text, keeps the report's own", () => {
    expect(terminalText("张三\u001b[2J\u001b[31m红\u0007\r\n第二行\u202e")).toBe("张三[2J[31m红 第二行");
  });

  it("a metric holding an escape sequence cannot reach the terminal, and stays as written in --json", async () => {
    // A CSV keeps the bytes as written (an .xlsx cannot hold control characters in its XML).
    const file = path.join(dir, "escape.csv");
    const metric = "电话\u001b]0;pwned\u0007\u001b[2J";
    // One row of 40 carries it (a file of mostly control characters is not taken for text).
    const rows = Array.from({ length: 40 }, (_v, i) => ["2026-11-02", `成员${i}`, i === 0 ? metric : "拜访", 75, 5, 5, 5, 5, 5]);
    const lines = [HEADERS, ...rows];
    writeFileSync(file, lines.map((l) => l.join(",")).join("\n"));
    const text = await runCli(["validate", file, "--lang", "en"]);
    expect(text.stdout).toContain("电话]0;pwned[2J");
    // eslint-disable-next-line no-control-regex
    expect(text.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text.stdout.split("\n").length).toBeGreaterThan(10); // the table's own line breaks are kept
    const json = JSON.parse((await runCli(["validate", file, "--json"])).stdout);
    expect(JSON.stringify(json)).toContain("\\u001b[2J");
  });
});

describe("sheet names other programs write", () => {
  const readNames = (file: string) => XLSX.readFile(file, { bookSheets: true }).SheetNames;

  it("an apostrophe, names over 31 characters (two sharing their first 31), a quoted name: --out keeps them all", async () => {
    const names = [
      "O'Brien's 周计划",
      "A weekly tracker of the north-east region, 2026",
      "A weekly tracker of the north-east region, 2027",
      "'quoted'",
    ];
    const file = path.join(dir, "names.xlsx");
    await JSZipFixture.renamedSheets(file, names, HEADERS, [WEEK, "张三", "电话", 75, 5, 5, 5, 5, 5]);
    const out = path.join(dir, "names-out.xlsx");
    const result = await runCli(["validate", file, "--out", out, "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${names[0]}!`);
    expect(readNames(out)).toEqual(names);
  });

  it("a name no spreadsheet program allows: one sentence", async () => {
    const file = path.join(dir, "slash.xlsx");
    await JSZipFixture.renamedSheets(file, ["North/South"], HEADERS, [WEEK, "张三", "电话", 75, 5, 5, 5, 5, 5]);
    const result = await runCli(["validate", file, "--out", path.join(dir, "slash-out.xlsx"), "--lang", "en"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'The sheet name "North/South" is empty or holds one of : \\ / ? * [ ], so it cannot be written to an .xlsx: rename it in Excel/WPS and try again.\n',
    ]);
  });
});
