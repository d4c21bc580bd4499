import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { peakMemoryProbe, runMeasured } from "./real-process";
import { put } from "./sandbox";

/**
 * Bounded memory on the --out path, where ExcelJS loads the workbook whole: a sheet formatted cell by
 * cell (7 million styled empty cells, under the old 8,000,000-cell limit) took 3.7 GB and 72 s. The
 * workbook is now weighed as ExcelJS holds it before it is loaded: the real command, its peak memory
 * read from /proc (VmHWM) as it exits.
 */
jest.setTimeout(180_000); // a hang guard only: each case ends in a few seconds

const box = mkdtempSync(path.join(tmpdir(), "full-load-limits-"));
afterAll(() => rmSync(box, { recursive: true, force: true }));

const probe = peakMemoryProbe(box);
/** The real command with the probe: its exit code, what it said on stderr (one line a sentence) and its peak in MB. */
const run = (args: readonly string[]) => runMeasured(args, { cwd: box, probe, killAfterMs: 150_000 });

/**
 * A deal sheet of 20 lines whose cells from row 22 on are `rows` × `columns` empty cells with a yellow
 * fill, as some exports format a range cell by cell. Each row's first cell names its place and the
 * others follow it (ECMA-376 lets `r` go), so the file stays small: 7 million cells zip to about 200 KB.
 */
async function formattedCellByCell(name: string, rows: number, columns: number): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("成交");
  sheet.addRow(["日期", "销售", "客户", "客户类型", "金额", "订单号"]);
  for (let i = 0; i < 20; i++)
    sheet.addRow([`2026-0${(i % 9) + 1}-1${i % 10}`, `张${i % 5}`, `客户${i}`, "大客户", 1000 + i, `SO${i}`]);
  sheet.getCell("A22").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const styled = /<c r="A22" s="(\d+)"\/>/.exec(xml)!;
  const empty = `<c s="${styled[1]}"/>`.repeat(columns - 1);
  const lines: string[] = [];
  for (let r = 22; r < 22 + rows; r++) lines.push(`<row r="${r}"><c r="A${r}" s="${styled[1]}"/>${empty}</row>`);
  const rowsXml = xml.slice(0, styled.index).replace(/<row r="22"[^>]*>$/, "");
  zip.file("xl/worksheets/sheet1.xml", `${rowsXml}${lines.join("")}${xml.slice(xml.indexOf("</sheetData>"))}`);
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
  return put(box, name, bytes);
}

describe("bounded memory on the --out path (the workbook weighed as ExcelJS holds it)", () => {
  let wide: string;
  beforeAll(async () => {
    wide = await formattedCellByCell("formatted.xlsx", 7_000, 1_000);
  });

  it.each([
    ["validate", "en"],
    ["customers", "zh-CN"],
  ])(
    "%s --out on 7 million styled empty cells (--lang %s): refused in one sentence, exit 2, well under 1.5 GB",
    async (command, lang) => {
      const out = path.join(box, `${command}-report.xlsx`);
      const result = await run([command, wide, "--out", out, "--lang", lang]);
      expect(result.code).toBe(2);
      expect(result.said).toEqual([
        lang === "en"
          ? `${wide} is too large to load whole for --out: its cells (with the empty formatted ones, rows and columns) weigh about 4,205,746 cells, over the 1,000,000-cell limit (a guard on memory): to write it anyway, add --max-cells 4300000, or leave out --out to only read it.`
          : `${wide} 太大，无法为 --out 整体载入：其单元格（连同空白的带格式单元格、行和列）折合约 4,205,746 个，超过 1,000,000 个的上限（防止耗尽内存）：如确需写出，请加 --max-cells 4300000，或去掉 --out 只读取。`,
      ]);
      expect(existsSync(out)).toBe(false);
      expect(result.peakMb).toBeLessThan(500);
    },
  );

  it("the same file without --out is read as the sentence says (its 20 deal lines, the formatting passed over)", async () => {
    const result = await run(["customers", wide, "--json", "--lang", "en"]);
    expect([result.code, result.said]).toEqual([0, []]);
    expect(JSON.parse(result.stdout) as unknown).toMatchObject({ total: { customers: 20, revenue: 20_190 } });
    expect(result.peakMb).toBeLessThan(1500);
  });

  it("the --max-cells the sentence names loads it, and the written file keeps every formatted cell's fill", async () => {
    const small = await formattedCellByCell("formatted-small.xlsx", 200, 20);
    const out = path.join(box, "small-report.xlsx");
    const refused = await run(["customers", small, "--out", out, "--max-cells", "1000", "--lang", "en"]);
    expect(refused.code).toBe(2);
    // 126 values, 4,000 empty cells at 0.6, 221 rows at 0.8 and 64 shared strings at 0.05: 2,706.
    expect(refused.said).toEqual([
      `${small} is too large to load whole for --out: its cells (with the empty formatted ones, rows and columns) weigh about 2,706 cells, over the 1,000-cell limit (a guard on memory): to write it anyway, add --max-cells 2800, or leave out --out to only read it.`,
    ]);
    expect(existsSync(out)).toBe(false);

    const loaded = await run(["customers", small, "--out", out, "--max-cells", "2800", "--lang", "en"]);
    expect(loaded.code).toBe(0);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const sheet = written.getWorksheet("成交")!;
    let yellow = 0;
    for (let r = 22; r < 222; r++)
      for (let c = 1; c <= 20; c++) {
        const fill = sheet.getCell(r, c).fill as ExcelJS.FillPattern | undefined;
        if (fill?.fgColor?.argb === "FFFFFF00") yellow++;
      }
    expect(yellow).toBe(4000);
  });
});
