import ExcelJS from "exceljs";
import { clearMarks } from "../../../src/app/mark-findings";
import { cellAddress } from "../../../src/core/cell/a1";
import { NOTE_PREFIX, type CellMark } from "../../../src/core/validate/marks";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import type { EtApplication } from "../../../src/hosts/wps/et-object-model";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { FakeEt } from "../wps/fake-et";

/**
 * A workbook marked on WPS (its formats of many cells, made on the recording ET fake: WPS cannot run here) and
 * then saved: the xlsx host, on the real ExcelJS engine, finds those marks and clears them with their notes,
 * leaving the user's rule and note.
 */
describe("marks made on WPS, in the saved file (xlsx host, real ExcelJS)", () => {
  it("are read cell by cell and cleared whole, notes included", async () => {
    const fake = new FakeEt([{ name: "周", values: Array.from({ length: 40 }, (_v, r) => [r, r, r, r]) }]);
    const marks: CellMark[] = [
      ...[3, 4, 5, 9, 20].map((row) => ({ row, column: 1, severity: "error" as const, note: `${NOTE_PREFIX}\n${row}` })),
      { row: 9, column: 2, severity: "warning", note: `${NOTE_PREFIX}\nw` },
      { row: 30, column: 3, severity: "below", note: "" },
    ];
    await new WpsHost(fake.application as EtApplication).write({ sheets: [{ sheet: "周", marks: { remove: [], add: marks } }] });
    const made = fake.sheet("周");
    expect(made.conditions.length).toBe(3);

    // The file as WPS saves it: each format over its areas (an xlsx sqref joins them with spaces), the notes.
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("周");
    for (const [r, line] of Array.from({ length: 40 }, (_v, r) => [r, [r, r, r, r]] as const))
      line.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v));
    for (const c of made.conditions)
      ws.addConditionalFormatting({
        ref: c.address.replace(/,/g, " "),
        rules: [{ type: "expression", priority: 1, formulae: [c.formula1.slice(1)] }],
      });
    ws.addConditionalFormatting({ ref: "A1:D9", rules: [{ type: "expression", priority: 2, formulae: ["$A1>0"] }] });
    for (const [address, text] of made.comments) ws.getCell(address).note = text;
    ws.getCell("D2").note = "用户自己的批注";
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(await workbook.xlsx.writeBuffer());

    const host = new XlsxHost(saved);
    const [read] = await host.readSheets(["周"], { marks: true });
    expect(read.marks!.map((m) => `${cellAddress(m.row, m.column)} ${m.kind}`).sort()).toEqual(
      ["B4", "B5", "B6", "B10", "B21", "C10"]
        .map((a) => `${a} finding`)
        .concat("D31 completion")
        .sort(),
    );
    await clearMarks(host);
    const sheet = saved.getWorksheet("周")!;
    const formats = (sheet as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(formats.map((f) => f.ref)).toEqual(["A1:D9"]);
    const notes: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.note && notes.push(`${cell.address} ${String(cell.note)}`))));
    expect(notes).toEqual(["D2 用户自己的批注"]);
  });
});
