import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEAL_SHEET } from "../../app/analysis.cases";
import { openWorkbookFileForNewSheets, saveAppendedFile } from "../../../src/hosts/xlsx/xlsx-file";
import { runCli } from "../../cli/cli-harness";
import { convertWithLibreOffice, findSoffice } from "../../support/soffice";

/**
 * diagnose --out adds its report to a copy of the user's package without loading the workbook's model:
 * every part of the user's is copied byte for byte, and the report sheet is a sheet like any other to
 * ExcelJS and LibreOffice.
 */
jest.setTimeout(120_000); // LibreOffice starts in seconds
const dir = mkdtempSync(path.join(tmpdir(), "append-sheets-"));

async function userWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const deals = wb.addWorksheet("成交明细");
  DEAL_SHEET.forEach((row, r) => row.forEach((v, c) => v !== null && (deals.getCell(r + 1, c + 1).value = v)));
  const notes = wb.addWorksheet("备注");
  notes.getCell("A1").value = "季度复盘要点";
  notes.getCell("A1").font = { bold: true, color: { argb: "FFC00000" } };
  notes.getCell("B2").value = 0.25;
  notes.getCell("B2").numFmt = "0.0%";
  notes.mergeCells("A3:C3");
  notes.getCell("A3").value = "合并单元格";
  notes.getCell("D4").note = "用户自己的批注";
  const file = path.join(dir, "user.xlsx");
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  return out;
}

describe("diagnose --out adds the report to the user's package as it is", () => {
  let input: string;
  let output: string;
  beforeAll(async () => {
    input = await userWorkbook();
    output = path.join(dir, "with-report.xlsx");
    const run = await runCli(["diagnose", input, "--out", output, "--lang", "zh-CN"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });

  it("copies every part of the user's byte for byte, and changes only the lists that name the new sheet", async () => {
    const before = await parts(input);
    const after = await parts(output);
    const listing = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);
    for (const [name, content] of before) if (!listing.has(name)) expect([name, after.get(name)]).toEqual([name, content]);
    const added = [...after.keys()].filter((name) => !before.has(name));
    // The report sheet, and its charts: one drawing placing a chart part for each.
    const charts = added.filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(added.filter((name) => !charts.includes(name)).sort()).toEqual([
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/worksheets/_rels/sheet3.xml.rels",
      "xl/worksheets/sheet3.xml",
    ]);
    expect(charts.length).toBeGreaterThan(0);
    expect(after.get("xl/drawings/drawing1.xml")!.match(/<c:chart\b/g)).toHaveLength(charts.length);
    // The user's cell formats keep their places; the report's are appended after them.
    const xfs = (xml: string) => xml.match(/<cellXfs\b[\s\S]*?<\/cellXfs>/)![0].match(/<xf\b/g)!.length;
    expect(xfs(after.get("xl/styles.xml")!)).toBeGreaterThan(xfs(before.get("xl/styles.xml")!));
    expect(after.get("xl/styles.xml")!.match(/<cellXfs\b[\s\S]*?<\/cellXfs>/)![0]).toContain(
      before.get("xl/styles.xml")!.match(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/)![1],
    );
  });

  it("is read by ExcelJS with the user's sheets, formats, merges and notes, and the report after them", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["成交明细", "备注", "诊断报告"]);
    const notes = wb.getWorksheet("备注")!;
    expect(notes.getCell("A1").font?.color?.argb).toBe("FFC00000");
    expect(notes.getCell("B2").numFmt).toBe("0.0%");
    expect(notes.getCell("C3").isMerged).toBe(true);
    // The user's note travels as its own parts (ExcelJS does not read notes back; the parts are compared above).
    expect((await parts(output)).get("xl/comments2.xml")).toContain("用户自己的批注");
    const report = wb.getWorksheet("诊断报告")!;
    expect(report.getCell("A1").value).toBe("诊断报告 2026-11");
    expect(report.getCell("A1").font?.bold).toBe(true);
    // What was read is near the end of the report: the deal lines counted, with their number format.
    let linesRow = 0;
    report.eachRow((row, n) => {
      if (row.getCell(1).value === "计入的成交行") linesRow = n;
    });
    const lines = report.getCell(linesRow, 2);
    expect([linesRow > 4, lines.value, lines.numFmt]).toEqual([true, 6, "#,##0"]);
    // Text written as text: the customer "=乙公司" is listed, never a formula.
    const texts: unknown[] = [];
    report.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toContain("=乙公司");
    expect(texts.every((v) => typeof v !== "object" || v === null || !("formula" in (v as object)))).toBe(true);
  });

  const soffice = findSoffice();
  (soffice ? it : it.skip)(
    `opens in LibreOffice with the report as written${soffice ? "" : " — skipped: LibreOffice (soffice) is not installed"}`,
    async () => {
      const resaved = convertWithLibreOffice(soffice!, output, "xlsx", mkdtempSync(path.join(tmpdir(), "append-lo-")));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(resaved);
      expect(wb.worksheets.map((ws) => ws.name)).toEqual(["成交明细", "备注", "诊断报告"]);
      // LibreOffice may store a title as runs of Chinese and Latin fonts: the text is what counts.
      const report = wb.getWorksheet("诊断报告")!;
      expect(report.getCell("A1").text).toBe("诊断报告 2026-11");
      const texts: unknown[] = [];
      report.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
      expect(texts).toContain("=乙公司");
      expect(wb.getWorksheet("备注")!.getCell("B2").value).toBe(0.25);
    },
  );
});

describe("a package the report cannot be added to as it is", () => {
  it("is loaded whole and gets the same report (here: no styles part)", async () => {
    const zip = await JSZip.loadAsync(readFileSync(await userWorkbook()));
    zip.remove("xl/styles.xml");
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ""));
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship [^>]*Target="styles.xml"[^>]*\/>/, ""));
    const input = path.join(dir, "no-styles.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const output = path.join(dir, "no-styles-report.xlsx");
    const run = await runCli(["diagnose", input, "--out", output, "--lang", "en"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["成交明细", "备注", "Diagnosis"]);
    expect(wb.getWorksheet("Diagnosis")!.getCell("A1").value).toBe("Diagnosis 2026-11");
  });
});

describe("a sheet added to the package as it is", () => {
  it("keeps its wrapped text and its chart", async () => {
    const input = await userWorkbook();
    const host = (await openWorkbookFileForNewSheets(input))!;
    await host.write({
      sheets: [
        {
          sheet: "说明",
          create: true,
          values: [
            {
              row: 0,
              column: 0,
              values: [
                ["一段很长的说明文字，应当在单元格内换行显示", null],
                ["月份", "销售额"],
                ["9月", 10],
                ["10月", 12],
              ],
            },
          ],
          formats: [{ range: { row: 0, column: 0, rowCount: 1, columnCount: 1 }, wrap: true }],
          charts: [
            {
              kind: "line",
              title: "趋势",
              source: { row: 1, column: 0, rowCount: 3, columnCount: 2 },
              at: { row: 5, column: 0 },
            },
          ],
        },
      ],
    });
    const output = path.join(dir, "wrapped.xlsx");
    await saveAppendedFile(host, input, output);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const sheet = wb.getWorksheet("说明")!;
    expect([sheet.getCell("A1").alignment?.wrapText, sheet.getCell("A2").alignment?.wrapText]).toEqual([true, undefined]);
    const chart = (await parts(output)).get("xl/charts/chart1.xml")!;
    expect(chart).toContain("<c:lineChart>");
    expect(chart).toContain("<c:f>'说明'!$B$3:$B$4</c:f>");
  });
});
