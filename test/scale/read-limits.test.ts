import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../cli/cli-harness";
import { cellXml, deflatedEntry, repeatedEntry, SHEET_HEAD, SHEET_TAIL, workbookEntries, writeZip } from "./zip-fixtures";

/** Zip bombs and files over the read limits: one sentence naming the file and the flag, exit 2. */
const dir = mkdtempSync(path.join(tmpdir(), "read-limits-"));
const EMPTY_ROWS = '<row r="1" s="1" customFormat="1"><c r="A1" s="1"/></row>'.repeat(16_384); // ~1 MB

function bomb(file: string, megabytes: number, lie?: number): void {
  const sheet = repeatedEntry("xl/worksheets/sheet1.xml", SHEET_HEAD, EMPTY_ROWS, megabytes, SHEET_TAIL);
  writeZip(file, workbookEntries("Sheet1", lie === undefined ? sheet : { ...sheet, size: lie }));
}

describe("zip bombs", () => {
  it("a 2 GB sheet of empty rows (a few MB zipped) is refused from its declared size, in both languages", async () => {
    const file = path.join(dir, "bomb.xlsx");
    bomb(file, 2_000);
    const en = await runCli(["validate", file, "--lang", "en"]);
    expect(en).toEqual({
      code: 2,
      stdout: "",
      stderr: `${file} unpacks to more than the 1024 MB read limit (a guard against zip bombs): if the file is genuine, add --max-size 4096 to raise it and try again.\n`,
    });
    const zh = await runCli(["diagnose", file, "--lang", "zh-CN"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      `${file} 解压后超过 1024 MB 的读取上限（防止压缩炸弹耗尽内存）：如确是正常文件，请加 --max-size 4096 提高上限后重试。\n`,
    );
    // --out loads through ExcelJS: the same check comes first.
    const out = await runCli(["validate", file, "--out", path.join(dir, "bomb-out.xlsx")]);
    expect([out.code, out.stderr]).toEqual([2, en.stderr]);
  });

  it("a sheet whose directory lies about its size is a damaged file, found after the first megabyte", async () => {
    const file = path.join(dir, "liar.xlsx");
    bomb(file, 2_000, 1_000);
    const result = await runCli(["validate", file, "--lang", "en"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      `${file} is not a valid .xlsx file: open it in Excel/WPS, save it as .xlsx and try again.\n`,
    ]);
  });

  it("a sheet that declares no size is refused as damaged at its first bytes; an honest one over --max-size from its size", async () => {
    const unsized = path.join(dir, "unsized.xlsx");
    bomb(unsized, 2_000, 0);
    const result = await runCli(["validate", unsized, "--lang", "en"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      `${unsized} is not a valid .xlsx file: open it in Excel/WPS, save it as .xlsx and try again.\n`,
    ]);
    const honest = path.join(dir, "honest.xlsx");
    bomb(honest, 300);
    const over = await runCli(["validate", honest, "--lang", "en", "--max-size", "64"]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("more than the 64 MB read limit");
    expect(over.stderr).toContain("--max-size 256");
  });

  it("the same empty rows under the limit read as an empty sheet (nothing kept of them)", async () => {
    const file = path.join(dir, "empty-rows.xlsx");
    bomb(file, 40);
    const result = await runCli(["validate", file, "--lang", "en", "--json"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(JSON.parse(result.stdout)).toMatchObject({ findings: [], counts: { error: 0, warning: 0, info: 0 }, sheets: [] });
  });
});

describe("the cell limit", () => {
  const rows = (n: number) =>
    Array.from(
      { length: n },
      (_v, i) => `<row r="${i + 1}">${cellXml(`A${i + 1}`, `客户${i}`)}${cellXml(`B${i + 1}`, i)}</row>`,
    ).join("");

  it("over --max-cells: one sentence naming the flag; raised, the file reads", async () => {
    const file = path.join(dir, "cells.xlsx");
    writeZip(file, workbookEntries("Data", deflatedEntry("xl/worksheets/sheet1.xml", `${SHEET_HEAD}${rows(600)}${SHEET_TAIL}`)));
    const over = await runCli(["validate", file, "--lang", "en", "--max-cells", "1000"]);
    expect([over.code, over.stderr]).toEqual([
      2,
      `${file} holds more than the 1,000-cell read limit (a guard on memory): to read it anyway, add --max-cells 4000 and try again.\n`,
    ]);
    // --out loads the workbook whole: its rows weigh too (600 at 0.8), and the sentence names a limit that loads it.
    const zh = await runCli(["validate", file, "--lang", "zh-CN", "--max-cells", "1000", "--out", path.join(dir, "c.xlsx")]);
    expect(zh.stderr).toBe(
      `${file} 太大，无法为 --out 整体载入：其单元格（连同空白的带格式单元格、行和列）折合约 1,680 个，超过 1,000 个的上限（防止耗尽内存）：如确需写出，请加 --max-cells 1700，或去掉 --out 只读取。\n`,
    );
    expect((await runCli(["validate", file, "--max-cells", "1700", "--out", path.join(dir, "c.xlsx")])).code).toBe(0);
    expect((await runCli(["validate", file, "--max-cells", "4000"])).code).toBe(0);
  });

  it("a CSV over the cell limit says the same", async () => {
    const file = path.join(dir, "cells.csv");
    writeFileSync(file, Array.from({ length: 600 }, (_v, i) => `客户${i},${i}`).join("\n"));
    const over = await runCli(["customers", file, "--lang", "en", "--max-cells", "1000"]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("--max-cells 4000");
  });

  it("a limit that is not a positive whole number is a usage sentence", async () => {
    const bad = await runCli(["validate", "x.xlsx", "--lang", "en", "--max-size", "lots"]);
    expect([bad.code, bad.stderr]).toEqual([2, '--max-size takes a positive whole number: "lots" is not that.\n']);
  });
});
