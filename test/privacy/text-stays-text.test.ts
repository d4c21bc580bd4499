/**
 * @jest-environment node
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { looksLikeFormula } from "../../src/core/cell/cell-value";
import { toExcelLiteral } from "../../src/hosts/excel/excel-values";
import { runCli } from "../cli/cli-harness";
import { findSoffice } from "../support/soffice";

/**
 * Text from the user's cells that the command line writes back (customer types, rep names, pain
 * points, strategies) stays text: never a formula in the file, and shown as written, not computed,
 * when LibreOffice Calc opens it. The texts are the classic formula-injection openings.
 */
const PAYLOADS = [
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(1,1)",
  "\t=2+2",
  "\r=3+3",
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://127.0.0.1:9/?q="&A1,"点击")',
];
const REPS = ["=SUM(1,1)", "+李四", "-王五", "@赵六"];
/** Pieces of the payloads: no formula in the output may hold one. */
const PAYLOAD_FORMULA = /1\+1|2\+2|3\+3|SUM\(1,1\)|cmd\||HYPERLINK/i;

const dir = mkdtempSync(path.join(tmpdir(), "text-stays-text-"));

/** Three months of deals, one customer type per payload, reps named like formulas. */
async function writeDeals(withCustomerSheet: boolean): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const deals = workbook.addWorksheet("CRM导出");
  deals.addRow(["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "订单号", "状态"]);
  let order = 0;
  for (const month of ["2026-09", "2026-10", "2026-11"]) {
    PAYLOADS.forEach((type, i) => {
      order++;
      const day = String(1 + i * 3).padStart(2, "0");
      const amount = month === "2026-11" && i % 4 === 0 ? 2000 : 10_000 + 1000 * i + order;
      deals.addRow([`${month}-${day}`, REPS[i % REPS.length], `${type} 客户${i}`, type, amount, `o${order}`, "赢单"]);
    });
  }
  if (withCustomerSheet) {
    // The user's own pain points and strategies, which `customers` keeps as they are.
    const sheet = workbook.addWorksheet("客户分析表");
    sheet.addRow([
      "客户类型",
      "客户数量",
      "订单数",
      "销售额",
      "贡献占比(%)",
      "平均客单价",
      "成交率(%)",
      "主要需求痛点",
      "开发/维护策略",
    ]);
    PAYLOADS.forEach((type, i) => sheet.addRow([type.trim(), null, null, null, null, null, null, PAYLOADS[(i + 1) % 8], type]));
  }
  // A real formula: LibreOffice computes it, so a payload run as a formula would show its result too.
  workbook.addWorksheet("对照").getCell("A1").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
  const file = path.join(dir, withCustomerSheet ? "deals-with-customers.xlsx" : "deals.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

interface Written {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/** Every cell in the output that holds a payload, with what ExcelJS reads there. */
async function payloadCells(file: string): Promise<{ cells: Written[]; formulas: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells: Written[] = [];
  const formulas: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((line, row) =>
      line.eachCell((cell, column) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(`${sheet.name}!${cell.address} ${cell.formula}`);
        const value = cell.value;
        const text = typeof value === "string" ? value : JSON.stringify(value);
        if (PAYLOAD_FORMULA.test(text) || REPS.some((rep) => text.includes(rep)))
          cells.push({ sheet: sheet.name, row, column, text: value as string });
      }),
    );
  }
  return { cells, formulas };
}

/** The formulas as saved in the sheets' XML, independent of any reader. */
async function savedFormulas(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  const xml = await Promise.all(parts.map((name) => zip.file(name)!.async("string")));
  return xml.flatMap((text) => [...text.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]));
}

const outputs: Record<"diagnose" | "customers", string> = { diagnose: "", customers: "" };
beforeAll(async () => {
  const deals = await writeDeals(false);
  const withCustomers = await writeDeals(true);
  outputs.diagnose = path.join(dir, "diagnose-out.xlsx");
  outputs.customers = path.join(dir, "customers-out.xlsx");
  const diagnose = await runCli(["diagnose", deals, "--out", outputs.diagnose, "--lang", "zh-CN"]);
  const customers = await runCli(["customers", withCustomers, "--out", outputs.customers, "--lang", "zh-CN"]);
  expect([diagnose.code, diagnose.stderr, customers.code, customers.stderr]).toEqual([0, "", 0, ""]);
});

describe("text written back by the command line is never a formula", () => {
  it.each([
    ["diagnose", "诊断报告", [...new Set(PAYLOADS.map((p) => p.trim())), ...REPS]],
    ["customers", "客户分析表", [...new Set(PAYLOADS.map((p) => p.trim()))]],
  ] as const)("%s --out writes each customer type and rep name on %s as a plain string", async (command, sheet, texts) => {
    const { cells } = await payloadCells(outputs[command]);
    const onSheet = cells.filter((cell) => cell.sheet === sheet);
    for (const cell of onSheet) expect(typeof cell.text).toBe("string");
    // Types are read with their leading tab or carriage return dropped: "=2+2" is written, as text.
    for (const text of texts) expect(onSheet.map((cell) => cell.text)).toContain(text);
  });

  it("customers --out keeps the user's pain points and strategies as the strings they were", async () => {
    const { cells } = await payloadCells(outputs.customers);
    const kept = cells.filter((cell) => cell.sheet === "客户分析表" && cell.column >= 8).map((cell) => cell.text);
    // ExcelJS saves a carriage return as is, and XML reads it back as a line feed.
    expect(kept.sort()).toEqual([...PAYLOADS, ...PAYLOADS].map((text) => text.replace(/\r/g, "\n")).sort());
  });

  it.each(["diagnose", "customers"] as const)("%s --out saves no formula made of the user's text", async (command) => {
    const { formulas } = await payloadCells(outputs[command]);
    const saved = await savedFormulas(outputs[command]);
    expect(saved.length).toBeGreaterThan(0); // the control sheet's, and the customer sheet's own columns
    expect(saved.filter((formula) => PAYLOAD_FORMULA.test(formula))).toEqual(["1+1"]); // the control cell only
    expect(formulas.filter((formula) => PAYLOAD_FORMULA.test(formula))).toEqual(["对照!A1 1+1"]);
  });
});

const soffice = findSoffice();
const describeWithLibreOffice = soffice ? describe : describe.skip;
describeWithLibreOffice(
  soffice
    ? "LibreOffice Calc shows the text as written"
    : "LibreOffice Calc shows the text as written (skipped: soffice is not installed)",
  () => {
    /** Every sheet of the file as CSV, text cells quoted, as LibreOffice computes and shows them. */
    function sheetsAsCsv(file: string): Map<string, string[][]> {
      const outDir = mkdtempSync(path.join(dir, "csv-"));
      const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
      try {
        // 44 comma, 34 quote, 76 UTF-8; quote all text cells; -1: one file per sheet, "<name>-<sheet>.csv".
        const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1";
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${profile}`,
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
            outDir,
            file,
          ],
          { stdio: "pipe", timeout: 120_000 },
        );
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      const base = path.basename(file, ".xlsx");
      return new Map(
        readdirSync(outDir).map((name) => [
          name.slice(base.length + 1, -".csv".length),
          parse(readFileSync(path.join(outDir, name), "utf8"), { relaxColumnCount: true }) as string[][],
        ]),
      );
    }

    it.each(["diagnose", "customers"] as const)(
      "%s --out: every text holding a payload reads the same in Calc, and the control formula computes",
      async (command) => {
        const csv = sheetsAsCsv(outputs[command]);
        expect(csv.get("对照")?.[0]?.[0]).toBe("2");
        const cells = (await payloadCells(outputs[command])).cells.filter((cell) => cell.sheet !== "对照");
        expect(cells.length).toBeGreaterThan(10);
        for (const cell of cells) {
          expect({ ...cell, calc: csv.get(cell.sheet)?.[cell.row - 1]?.[cell.column - 1] }).toEqual({ ...cell, calc: cell.text });
        }
      },
      150_000,
    );
  },
);

describe("the Excel host's text prefix (all hosts use looksLikeFormula)", () => {
  it.each(PAYLOADS)("%j looks like a formula, so Excel gets it behind the text prefix", (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(toExcelLiteral(text)).toBe(`'${text}`);
  });

  it.each(["客户A", " A+B", "A+B", "\n=A+B (a line feed is not on the list)"])("%j is written as it is", (text) => {
    expect(looksLikeFormula(text)).toBe(false);
    expect(toExcelLiteral(text)).toBe(text);
  });

  it.each([" 1+1", "1+1", "\n=1+1 (a line feed is not on the list)"])(
    "%j is no formula, but has a digit (a number or date in some locale), so it gets the prefix too",
    (text) => {
      expect(looksLikeFormula(text)).toBe(false);
      expect(toExcelLiteral(text)).toBe(`'${text}`);
    },
  );
});
