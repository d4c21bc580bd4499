import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { NOTE_PREFIX } from "../../src/core/validate/marks";
import { PYTHON } from "../support/export-fixtures";
import { convertFilesWithLibreOffice, findSoffice } from "../support/soffice";
import { generatedZip, sheetXml, workbookParts } from "./generated-xlsx";
import { runBinary } from "./real-process";
import { put } from "./sandbox";

/*
 * Files ECMA-376 allows that ExcelJS 4.4 mis-loads, through the real command's --out (which loads an .xlsx
 * whole with ExcelJS): a note on a cell the sheet does not hold (Excel's and ExcelJS's own files) or on an
 * empty cell, in openpyxl's part names and plain text, was lost or made `validate --out` exit 3; rows and
 * cells without their reference (`r`, optional) made every --out exit 3. Each output is read back by openpyxl
 * and opened by LibreOffice.
 */
jest.setTimeout(240_000); // a hang guard only: each command takes a second or two, LibreOffice a few more

const box = mkdtempSync(path.join(tmpdir(), "full-load-shapes-"));
afterAll(() => rmSync(box, { recursive: true, force: true }));
const soffice = findSoffice();

/** The real command in the sandbox. */
async function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runBinary([...args, "--lang", "en"], { cwd: box });
}

/** The first sheet's cells as openpyxl reads them, by cell: `expr` of each cell `c` for which it is not None. */
function openpyxlCells<T>(file: string, expr: string): Record<string, T> {
  const script = [
    "import json, sys, openpyxl",
    "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]",
    `print(json.dumps({c.coordinate: ${expr} for row in ws.iter_rows() for c in row if (${expr}) is not None}))`,
  ].join("\n");
  return JSON.parse(execFileSync(PYTHON, ["-c", script, file], { encoding: "utf8" }));
}

/** The first sheet's notes as openpyxl reads them, by cell. */
const notesOf = (file: string) => openpyxlCells<string>(file, "(c.comment.text if c.comment else None)");

/** The first sheet's values as openpyxl reads them, by cell (empty cells left out). */
const valuesOf = (file: string) => openpyxlCells<string | number>(file, "c.value");

/** Each file as LibreOffice reads it (its first sheet as CSV): it opens, and these are its lines. */
function libreOfficeLines(files: readonly string[]): string[][] {
  // Filter options: comma, double quote, UTF-8, from line 1, text quoted only where it must be.
  const csv = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false";
  const csvs = convertFilesWithLibreOffice(soffice as string, files, csv, mkdtempSync(path.join(box, "lo-")));
  return csvs.map((csv) => readFileSync(csv, "utf8").split(/\r?\n/).filter(Boolean));
}

const HEADER = ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"];

/** A one-sheet workbook (目标) whose sheet data is `rows` as written. */
async function targetsWorkbook(name: string, rows: string): Promise<string> {
  return put(box, name, await generatedZip(workbookParts([{ name: "目标", xml: () => sheetXml([rows]) }])));
}

/** The sheet's lines: a header, a target, and one more after a line left out (row 4 where references say so), its deadline unreadable. */
const LINES: (string | number)[][] = [
  HEADER,
  ["月度 1,000,000", "销售额", "甲", 600000, "2026-12-31", "1. 新客户 8 个", "每周"],
  ["月度 1,000,000", "新客户", "乙", 400000, "尽快", "1. 拜访 40 次", "每周"],
];

const columnLetter = (c: number) => String.fromCharCode(65 + c);
const cellXml = (ref: string | undefined, value: string | number) =>
  typeof value === "number"
    ? `<c${ref ? ` r="${ref}"` : ""}><v>${value}</v></c>`
    : `<c${ref ? ` r="${ref}"` : ""} t="inlineStr"><is><t>${value}</t></is></c>`;

/** The lines on rows 1, 2 and 4, written with or without the row's and each cell's reference. */
function linesXml(rowRefs: boolean, cellRefs: (c: number) => boolean): string {
  return LINES.map((line, i) => {
    const row = i === 2 ? 4 : i + 1;
    const cells = line.map((v, c) => cellXml(cellRefs(c) ? `${columnLetter(c)}${row}` : undefined, v)).join("");
    return `<row${rowRefs ? ` r="${row}"` : ""}>${cells}</row>`;
  }).join("");
}

/** The values the lines hold, by cell, the third line on `lastRow`. */
function expectedValues(lastRow: number): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  LINES.forEach((line, i) => line.forEach((v, c) => (out[`${columnLetter(c)}${i === 2 ? lastRow : i + 1}`] = v)));
  return out;
}

describe("--out keeps every note, on any cell, and loads rows and cells without references", () => {
  it("validate --out on an openpyxl file keeps the user's notes (a value's, an empty cell's) and adds its own; a second --out keeps them all, and a note goes with its finding", async () => {
    const input = path.join(box, "openpyxl-notes.xlsx");
    const script = [
      "import sys, openpyxl",
      "from openpyxl.comments import Comment",
      "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '目标'",
      `ws.append(${JSON.stringify(HEADER)})`,
      "ws['B2'] = '销售额'; ws['C3'] = '甲'",
      "ws['B2'].comment = Comment('用户: 值上的批注', 'u')",
      "ws['C2'].comment = Comment('用户: 空格上的批注', 'u')",
      "wb.save(sys.argv[1])",
    ].join("\n");
    execFileSync(PYTHON, ["-c", script, input]);
    const user = { B2: "用户: 值上的批注", C2: "用户: 空格上的批注" };

    const first = path.join(box, "marked-once.xlsx");
    const once = await cli("validate", input, "--out", first);
    expect([once.code, once.stderr]).toEqual([1, ""]);
    // Every finding's cell has the add-in's note but C2, where the user's stays; the cells are empty but B2 and C3.
    const findings = ["D1", "A2", "E2", "F2", "A3", "B3", "E3", "F3"];
    const notes = notesOf(first);
    expect(Object.keys(notes).sort()).toEqual([...findings, ...Object.keys(user)].sort());
    expect(findings.filter((cell) => !notes[cell].startsWith(NOTE_PREFIX))).toEqual([]);
    expect(notes).toMatchObject(user);

    // ExcelJS writes the notes of empty cells without the cells: the second load puts them back.
    const second = path.join(box, "marked-twice.xlsx");
    const twice = await cli("validate", first, "--out", second);
    expect([twice.code, twice.stderr]).toEqual([1, ""]);
    expect(notesOf(second)).toEqual(notes);

    // Row 3 emptied (its owner taken out of the file): its findings go, and the add-in's notes with them.
    const zip = await JSZip.loadAsync(readFileSync(second));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const emptied = sheet.replace(/<c r="C3"[^>]*?(?:\/>|>.*?<\/c>)/, "");
    expect(emptied).not.toBe(sheet);
    zip.file("xl/worksheets/sheet1.xml", emptied);
    const edited = put(box, "row-3-emptied.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const third = path.join(box, "marked-again.xlsx");
    const again = await cli("validate", edited, "--out", third);
    expect([again.code, again.stderr]).toEqual([1, ""]);
    const left = notesOf(third);
    expect(Object.keys(left).sort()).toEqual(["A2", "B2", "C2", "D1", "E2", "F2"]);
    expect(left).toMatchObject(user);

    if (!soffice) return;
    const [lines] = libreOfficeLines([third]);
    expect(lines[0]).toBe(HEADER.join(","));
    expect(lines[1]).toBe(",销售额,,,,,");
  });

  it("validate --out keeps a user's notes on cells a file does not hold (as Excel and ExcelJS write them), where a finding lands too", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("目标");
    ws.addRow(HEADER);
    ws.getCell("B2").value = "销售额";
    ws.getCell("C2").note = "用户: 负责人待定";
    ws.getCell("K9").note = "用户: 远处的批注";
    const input = put(box, "exceljs-notes.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    const sheet = (await (await JSZip.loadAsync(readFileSync(input))).file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(sheet).not.toMatch(/r="(C2|K9)"/); // the noted cells are not in the file, only their notes

    const out = path.join(box, "exceljs-notes-out.xlsx");
    const result = await cli("validate", input, "--out", out);
    expect([result.code, result.stderr]).toEqual([1, ""]);
    const notes = notesOf(out);
    expect([notes.C2, notes.K9]).toEqual(["用户: 负责人待定", "用户: 远处的批注"]);
    expect(notes.A2).toMatch(new RegExp(`^${NOTE_PREFIX}`));
  });

  const shapes: { name: string; rows: string; lastRow: number }[] = [
    { name: "rows without r (their cells have one)", rows: linesXml(false, () => true), lastRow: 4 },
    { name: "cells without r", rows: linesXml(true, () => false), lastRow: 4 },
    { name: "a row's first cell without r", rows: linesXml(true, (c) => c > 0), lastRow: 4 },
    { name: "neither rows nor cells with r", rows: linesXml(false, () => false), lastRow: 3 },
  ];

  it(`validate --out reads and writes them where the values reader reads them: ${shapes.map((s) => s.name).join("; ")}`, async () => {
    const outputs: string[] = [];
    for (const [i, shape] of shapes.entries()) {
      const input = await targetsWorkbook(`no-references-${i}.xlsx`, shape.rows);
      const out = path.join(box, `no-references-${i}-out.xlsx`);
      const result = await cli("validate", input, "--out", out);
      expect([shape.name, result.code, result.stderr]).toEqual([shape.name, 0, ""]);
      expect([shape.name, valuesOf(out)]).toEqual([shape.name, expectedValues(shape.lastRow)]);
      // The read-only command reads the input as the output holds it: the same findings, on the same cells.
      const findings = JSON.parse((await cli("validate", input, "--json")).stdout).findings as { cell: string }[];
      expect(findings.map((f) => f.cell)).toContain(`E${shape.lastRow}`);
      expect(JSON.parse((await cli("validate", out, "--json")).stdout).findings).toEqual(findings);
      outputs.push(out);
    }
    if (!soffice) return;
    const opened = libreOfficeLines(outputs);
    opened.forEach((lines, i) => {
      expect(lines[0]).toBe(HEADER.join(","));
      expect(lines[shapes[i].lastRow - 1]).toBe('"月度 1,000,000",新客户,乙,400000,尽快,1. 拜访 40 次,每周');
    });
  });
});
