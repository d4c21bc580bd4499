import ExcelJS from "exceljs";
import { clearMarks, markFindings } from "../../../src/app/mark-findings";
import { cellAddress } from "../../../src/core/cell/a1";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { readMarkCells } from "../../../src/core/validate/mark-areas";
import { markFormula, NOTE_PREFIX, type CellMark } from "../../../src/core/validate/marks";
import { XLSX_NOTE_LIMIT, XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";

/** Marks on the xlsx host (real ExcelJS; each file saved and loaded again): formats of many cells, bounded notes. */

interface Rule {
  readonly type: string;
  readonly formulae?: string[];
}
const formattings = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings;

async function reloaded(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return saved;
}

/** The marked cells of a sheet as "C3 error", from the formats' formulas. */
function marksOn(ws: ExcelJS.Worksheet): string[] {
  return formattings(ws)
    .flatMap((cf) => cf.rules.map((r) => readMarkCells(`=${r.formulae?.[0] ?? ""}`)))
    .flatMap((m) => (m ? m.cells.map((c) => `${cellAddress(c.row, c.column)} ${m.tone}`) : []))
    .sort();
}

function notesOn(ws: ExcelJS.Worksheet): string[] {
  const notes: string[] = [];
  // Cells with a note and no value too.
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => void (cell.note && notes.push(`${cell.address} ${String(cell.note)}`))),
  );
  return notes.sort();
}

const sheetOf = (name: string, rows: number) => {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(name);
  for (let r = 1; r <= rows; r++) ws.getCell(r, 1).value = r;
  return workbook;
};

/** Finding marks on column A, which holds values: ExcelJS reads no note back on a cell without one. */
const findingMarks = (rows: readonly number[], column = 0): CellMark[] =>
  rows.map((row) => ({ row, column, severity: "error", note: `${NOTE_PREFIX}\n${row}` }));

describe("marks on the xlsx host (real ExcelJS)", () => {
  it("writes a tone's cells as a few formats, never one a cell, and reads them back cell by cell", async () => {
    const workbook = sheetOf("周", 6_001);
    const host = new XlsxHost(workbook);
    // 3,000 cells, every other row of A: no rectangle of more than one cell.
    const rows = Array.from({ length: 3_000 }, (_v, i) => 2 * i + 1);
    await host.write({ sheets: [{ sheet: "周", marks: { remove: [], add: findingMarks(rows) } }] });
    const saved = await reloaded(workbook);
    const ws = saved.getWorksheet("周")!;
    expect(formattings(ws).length).toBeLessThan(40);
    expect(marksOn(ws)).toEqual(rows.map((r) => `${cellAddress(r, 0)} error`).sort());
    // Each format lies over the cells its formula names.
    for (const cf of formattings(ws)) {
      const coded = readMarkCells(`=${cf.rules[0].formulae![0]}`)!.cells.map((c) => cellAddress(c.row, c.column));
      expect(cf.ref.split(" ")).toEqual(coded);
    }
    const [read] = await new XlsxHost(saved).readSheets(["周"], { marks: true });
    expect(read.marks).toHaveLength(3_000);
  });

  it("removes one cell of a format of many and keeps the others, with their notes", async () => {
    const workbook = sheetOf("周", 10);
    await new XlsxHost(workbook).write({ sheets: [{ sheet: "周", marks: { remove: [], add: findingMarks([1, 2, 3, 6]) } }] });
    const saved = await reloaded(workbook);
    const host = new XlsxHost(saved);
    const [read] = await host.readSheets(["周"], { marks: true });
    const a3 = read.marks!.find((m) => m.row === 2)!;
    await host.write({
      sheets: [{ sheet: "周", marks: { remove: [a3.handle], add: [{ row: 8, column: 0, severity: "warning", note: "" }] } }],
    });
    const after = (await reloaded(saved)).getWorksheet("周")!;
    expect(marksOn(after)).toEqual(["A2 error", "A4 error", "A7 error", "A9 warning"]);
    expect(notesOn(after)).toEqual([`A2 ${NOTE_PREFIX}\n1`, `A4 ${NOTE_PREFIX}\n3`, `A7 ${NOTE_PREFIX}\n6`]);
  });

  it("reads and removes the one-cell marks of earlier versions, and only the add-in's rule where the user's shares its range", async () => {
    const workbook = sheetOf("目标", 4);
    const ws = workbook.getWorksheet("目标")!;
    for (const at of ["C3", "D2", "D4"]) ws.getCell(at).value = at;
    // What an earlier version wrote: one format a cell, the user's own rule saved in the same range as one.
    ws.addConditionalFormatting({
      ref: "C3",
      rules: [
        { type: "expression", priority: 1, formulae: [markFormula("C3", "error").slice(1)] },
        { type: "expression", priority: 2, formulae: ["LEN($C3)=0"] },
      ],
    });
    ws.addConditionalFormatting({
      ref: "D2",
      rules: [{ type: "expression", priority: 3, formulae: [markFormula("D2", "below").slice(1)] }],
    });
    ws.getCell("C3").note = `${NOTE_PREFIX}\nold`;
    ws.getCell("D4").note = "用户自己的批注";
    const saved = await reloaded(workbook);
    const host = new XlsxHost(saved);
    const [read] = await host.readSheets(["目标"], { marks: true });
    expect(read.marks!.map((m) => `${cellAddress(m.row, m.column)} ${m.kind}`).sort()).toEqual(["C3 finding", "D2 completion"]);
    expect(await clearMarks(host)).toEqual({ removed: 2, protectedSheets: [] });
    const after = (await reloaded(saved)).getWorksheet("目标")!;
    expect(formattings(after).map((cf) => [cf.ref, cf.rules.map((r) => r.formulae?.[0])])).toEqual([["C3", ["LEN($C3)=0"]]]);
    expect(notesOn(after)).toEqual(["D4 用户自己的批注"]);
  });

  it(`writes notes within ${XLSX_NOTE_LIMIT} a write, a sheet's all or none, and marks every cell`, async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ["甲", "乙", "丙"]) {
      const ws = workbook.addWorksheet(name);
      for (let r = 1; r <= XLSX_NOTE_LIMIT; r++) ws.getCell(r, 1).value = r;
    }
    workbook.getWorksheet("丙")!.getCell("A3").note = "用户自己的批注";
    const many = (n: number) => findingMarks(Array.from({ length: n }, (_v, i) => i + 1));
    // 甲 fits; 乙 would pass the limit with 甲's: no note there; 丙's two still fit, the user's note kept.
    const counts = { 甲: XLSX_NOTE_LIMIT - 10, 乙: 20, 丙: 2 };
    await new XlsxHost(workbook).write({
      sheets: Object.entries(counts).map(([sheet, n]) => ({ sheet, marks: { remove: [], add: many(n) } })),
    });
    const saved = await reloaded(workbook);
    const noted = (name: string) => notesOn(saved.getWorksheet(name)!).length;
    expect([noted("甲"), noted("乙"), notesOn(saved.getWorksheet("丙")!)]).toEqual([
      XLSX_NOTE_LIMIT - 10,
      0,
      [`A2 ${NOTE_PREFIX}\n1`, "A3 用户自己的批注"],
    ]);
    expect(marksOn(saved.getWorksheet("乙")!)).toHaveLength(20);

    // One sheet over the limit: its marks, no notes.
    const over = sheetOf("丁", XLSX_NOTE_LIMIT + 2);
    await new XlsxHost(over).write({ sheets: [{ sheet: "丁", marks: { remove: [], add: many(XLSX_NOTE_LIMIT + 1) } }] });
    const overSaved = (await reloaded(over)).getWorksheet("丁")!;
    expect(notesOn(overSaved)).toEqual([]);
    expect(marksOn(overSaved)).toHaveLength(XLSX_NOTE_LIMIT + 1);
  });

  it("marks a checked file again without piling formats up", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("目标");
    ws.addRow(["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"]);
    for (let i = 0; i < 200; i++) ws.addRow([null, i % 2 ? "销售额" : null, i % 2 ? null : "甲"]);
    const request = { today: toExcelSerial(2026, 11, 26), locale: "zh-CN" as const };
    const first = await markFindings(new XlsxHost(workbook), request);
    const once = await reloaded(workbook);
    const formats = formattings(once.getWorksheet("目标")!).length;
    await markFindings(new XlsxHost(once), request);
    const twice = (await reloaded(once)).getWorksheet("目标")!;
    expect(formattings(twice).length).toBe(formats);
    expect(marksOn(twice)).toHaveLength(first.marked);
  });
});
