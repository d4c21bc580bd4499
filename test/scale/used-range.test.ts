import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { readWorkbookFile } from "../../src/hosts/xlsx/read-workbook-file";
import { runCli } from "../cli/cli-harness";
import { cellXml, SHEET_HEAD, SHEET_TAIL, workbookEntries, writeZip, type ZipFixtureEntry } from "./zip-fixtures";

/**
 * Sheets whose declared range, or whose formatting, reaches the last cell of the grid: reading follows
 * the cells that hold a value, never the corners (issue "never fall over").
 */
const dir = mkdtempSync(path.join(tmpdir(), "used-range-"));
const DIMENSION = `<dimension ref="A1:XFD1048576"/>`;
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
const COLUMNS = "ABCDEFGHI";
const WEEK = 46_328; // Monday 2026-11-02

/** A weekly tracker's rows as XML: a header and `n` rows, every tenth one missing its Thursday. */
function trackerRows(n: number): string {
  const rows = [`<row r="1">${HEADERS.map((h, c) => cellXml(`${COLUMNS[c]}1`, h)).join("")}</row>`];
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const values: (string | number)[] = [
      WEEK - 7 * (i % 20),
      `成员${Math.floor(i / 20)}`,
      "电话",
      75,
      15,
      15,
      15,
      i % 10 === 0 ? 5 : 15,
      15,
    ];
    rows.push(`<row r="${r}">${values.map((v, c) => cellXml(`${COLUMNS[c]}${r}`, v)).join("")}</row>`);
  }
  return rows.join("");
}

/** A worksheet entry deflated a megabyte at a time, so a sheet of 80 MB is made in little memory. */
function streamedWorksheet(pieces: Iterable<string>): ZipFixtureEntry {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = (final: boolean) => {
    const raw = Buffer.from(pending.join(""), "utf8");
    size += raw.length;
    crc = crc32(raw, crc);
    chunks.push(deflateRawSync(raw, final ? {} : { finishFlush: constants.Z_FULL_FLUSH, level: 1 }));
    pending = [];
    pendingLength = 0;
  };
  for (const piece of pieces) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength > 1 << 20) flush(false);
  }
  flush(true);
  return { name: "xl/worksheets/sheet1.xml", data: Buffer.concat(chunks), size, crc };
}

function* formattedToTheBottom(dataRows: number): Generator<string> {
  yield SHEET_HEAD.replace("<sheetData>", `${DIMENSION}<sheetData>`);
  yield trackerRows(dataRows);
  for (let r = dataRows + 2; r <= 1_048_576; r++)
    yield `<row r="${r}" s="1" customFormat="1"><c r="A${r}" s="1"/><c r="B${r}" s="1"/></row>`;
  yield SHEET_TAIL;
}

const slots = (values: readonly (readonly unknown[])[]) => values.reduce((n, line) => n + line.length, 0);

describe("a sheet reaching the last cell of the grid", () => {
  it("formatting down to row 1,048,576 with 300 real rows: reads the 301 rows, and validates as the plain file", async () => {
    const formatted = path.join(dir, "formatted.xlsx");
    const plain = path.join(dir, "plain.xlsx");
    writeZip(formatted, workbookEntries("周计划跟踪表", streamedWorksheet(formattedToTheBottom(300))));
    writeZip(plain, workbookEntries("周计划跟踪表", streamedWorksheet([SHEET_HEAD, trackerRows(300), SHEET_TAIL])));
    const [sheet] = (await readWorkbookFile(formatted)).sheets;
    expect([sheet.row, sheet.column, sheet.values.length, sheet.values[0].length]).toEqual([0, 0, 301, 9]);
    const ours = await runCli(["validate", formatted, "--json"]);
    const theirs = await runCli(["validate", plain, "--json"]);
    expect(ours.code).toBe(theirs.code);
    expect(JSON.parse(ours.stdout).counts.warning).toBeGreaterThan(0);
    expect(ours.stdout).toBe(theirs.stdout);
  }, 60_000);

  it("one value at XFD1048576 is a 1×1 range at that cell", async () => {
    const file = path.join(dir, "far.xlsx");
    const xml = `${SHEET_HEAD.replace("<sheetData>", `${DIMENSION}<sheetData>`)}<row r="1048576">${cellXml("XFD1048576", "远")}</row>${SHEET_TAIL}`;
    writeZip(file, workbookEntries("Far", streamedWorksheet([xml])));
    const [sheet] = (await readWorkbookFile(file)).sheets;
    expect(sheet).toEqual({ name: "Far", row: 1_048_575, column: 16_383, values: [["远"]] });
  });

  it("a table at A1 and a stray value at XFD1048576: rows end at their last value, the table validates as without it", async () => {
    const file = path.join(dir, "table-and-stray.xlsx");
    const plain = path.join(dir, "table.xlsx");
    const stray = `<row r="1048576">${cellXml("XFD1048576", "stray")}</row>`;
    writeZip(file, workbookEntries("周计划跟踪表", streamedWorksheet([SHEET_HEAD, trackerRows(200), stray, SHEET_TAIL])));
    writeZip(plain, workbookEntries("周计划跟踪表", streamedWorksheet([SHEET_HEAD, trackerRows(200), SHEET_TAIL])));
    const [sheet] = (await readWorkbookFile(file)).sheets;
    expect(sheet.values.length).toBe(1_048_576);
    expect(sheet.values[0].length).toBe(9);
    expect(sheet.values[1_048_575][16_383]).toBe("stray");
    // 201 rows of 9 cells and one row of 16,384: not the 17 billion cells of the corners.
    expect(slots(sheet.values)).toBe(201 * 9 + 16_384);
    const ours = await runCli(["validate", file, "--json"]);
    expect(ours.stdout).toBe((await runCli(["validate", plain, "--json"])).stdout);
    // --out loads the whole workbook (ExcelJS): the same findings, marked on a copy.
    const marked = await runCli(["validate", file, "--json", "--out", path.join(dir, "marked.xlsx")]);
    expect(JSON.parse(marked.stdout).counts).toEqual(JSON.parse(ours.stdout).counts);
  }, 30_000);
});
