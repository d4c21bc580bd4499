import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { runCli } from "../cli/cli-harness";
import { prepareExportFixtures, writeExcelJsFixtures, type ExportFixture } from "../support/export-fixtures";

/** --out on every readable input, and --encoding, on the export fixtures. */
jest.setTimeout(120_000);
const fixtures = prepareExportFixtures();
const out = mkdtempSync(path.join(tmpdir(), "cli-input-"));
const fixture = (file: string): ExportFixture | undefined => fixtures.files.find((f) => f.file === file && !f.skipped);
/** A test on one fixture, skipped (and saying why) where this machine cannot make it. */
function withFixture(file: string, name: string, test: (f: ExportFixture) => Promise<void>): void {
  const f = fixture(file);
  const why = fixtures.unavailable ?? fixtures.files.find((x) => x.file === file)?.skipped;
  if (f) it(`${name} (${file})`, () => test(f));
  else it.skip(`${name} (${file}) — skipped: ${why ?? "not made"}`, () => undefined);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

beforeAll(() => (fixtures.unavailable ? undefined : writeExcelJsFixtures(fixtures)));

describe("--out on a workbook openpyxl saved with native tables", () => {
  withFixture("openpyxl-table.xlsx", "ExcelJS alone cannot load it: openpyxl writes absolute relationship targets", async (f) => {
    const zip = await JSZip.loadAsync(readFileSync(f.path));
    expect(await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string")).toContain('Target="/xl/tables/table1.xml"');
    await expect(new ExcelJS.Workbook().xlsx.load(readFileSync(f.path) as unknown as ArrayBuffer)).rejects.toThrow(
      "Cannot read properties of undefined (reading 'name')",
    );
  });

  withFixture("openpyxl-table.xlsx", "loads and saves with its tables, the input untouched", async (f) => {
    const before = readFileSync(f.path);
    const file = path.join(out, "table-customers.xlsx");
    const result = await runCli(["customers", f.path, "--out", file, "--lang", "en"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(readFileSync(f.path).equals(before)).toBe(true);
    const saved = await load(file);
    expect(saved.worksheets.map((ws) => ws.name)).toEqual(["Deals", "Targets", "Customer Analysis"]);
    const tables = saved.worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables: object }).tables));
    expect(tables).toEqual(expect.arrayContaining(["DealsTable", "TargetsTable"]));
    expect(saved.getWorksheet("Deals")!.getCell("C2").value).toBe(fixtureCell(f, "Deals", 1, 2));
  });
});

function fixtureCell(f: ExportFixture, sheet: string, row: number, col: number) {
  return f.probes!.find((p) => p.sheet === sheet && p.row === row && p.col === col)!.value;
}

describe("--out on a CSV, an .xls or an .ods writes a new .xlsx with the data sheets and the result", () => {
  withFixture("fxiaoke-opportunities.csv", "a GB18030 CSV", async (f) => {
    const file = path.join(out, "fxiaoke.xlsx");
    const result = await runCli(["customers", f.path, "--out", file, "--lang", "zh-CN"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const saved = await load(file);
    expect(saved.worksheets.map((ws) => ws.name)).toEqual(["fxiaoke-opportunities", "客户分析表"]);
    const data = saved.getWorksheet("fxiaoke-opportunities")!;
    expect(data.getRow(1).values).toEqual([
      undefined,
      "商机名称",
      "客户名称",
      "销售阶段",
      "商机金额",
      "结单日期",
      "负责人",
      "客户级别",
    ]);
    expect(data.getCell("D2").value).toBe(fixtureCell(f, "fxiaoke-opportunities", 1, 3)); // text, as in the file
    expect(data.actualRowCount).toBe(1 + f.lines!);
  });

  withFixture("lo-clean.xls", "an .xls LibreOffice wrote: every sheet, dates kept as dates", async (f) => {
    const file = path.join(out, "lo-clean-report.xlsx");
    const result = await runCli(["diagnose", f.path, "--out", file, "--lang", "zh-CN"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const saved = await load(file);
    expect(saved.worksheets.map((ws) => ws.name)).toEqual([...f.sheets!, "诊断报告"]);
    const serial = fixtureCell(f, "成交明细", 1, 0) as number;
    expect(saved.getWorksheet("成交明细")!.getCell("A2").value).toEqual(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
    expect(saved.getWorksheet("成交明细")!.getCell("A2").numFmt).toMatch(/yyyy.*mm.*dd/);
  });

  withFixture("lo-table.ods", "an .ods", async (f) => {
    const file = path.join(out, "lo-table.xlsx");
    const result = await runCli(["customers", f.path, "--out", file, "--lang", "en"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect((await load(file)).worksheets.map((ws) => ws.name)).toEqual([...f.sheets!, "Customer Analysis"]);
  });

  withFixture("hubspot-deals.csv", "--out names an .xlsx file", async (f) => {
    const result = await runCli(["customers", f.path, "--out", path.join(out, "result.csv"), "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `--out writes an .xlsx workbook: name ${path.join(out, "result.csv")} with an .xlsx ending.`,
    );
  });
});

describe("--encoding", () => {
  withFixture("fxiaoke-opportunities.csv", "overrides detection with any WHATWG label", async (f) => {
    const detected = await runCli(["customers", f.path, "--json"]);
    const named = await runCli(["customers", f.path, "--json", "--encoding", "GBK"]);
    expect(named.code).toBe(0);
    expect(named.stdout).toBe(detected.stdout);
    expect(JSON.parse(named.stdout).mapping.customer).toBe("客户名称");
  });

  withFixture("fxiaoke-opportunities.csv", "a file not in the named encoding is one sentence", async (f) => {
    const result = await runCli(["customers", f.path, "--encoding", "utf-8", "--lang", "zh-CN"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `${f.path} 不是 utf-8 编码的文本：请检查 --encoding（如 utf-8、gb18030、utf-16le），或不指定让程序自动识别。`,
    );
  });

  it("an unknown label is a usage error in one sentence", async () => {
    const result = await runCli(["customers", "any.csv", "--encoding", "chinese-please", "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      '--encoding does not know "chinese-please": name an encoding such as gbk, gb18030, utf-8 or utf-16le, or leave it out to detect it.\n',
    );
  });
});
