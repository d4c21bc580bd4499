import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Univer } from "@univerjs/core";
import type { FWorkbook } from "@univerjs/sheets/facade";
import { diagnoseWorkbook } from "../../src/app/diagnose-workbook";
import { readWorkbookSettings, updateWorkbookSettings } from "../../src/app/workbook-settings";
import { serialOfLocalDate } from "../../src/core/cell/excel-date";
import { MARK_FILL } from "../../src/core/validate/marks";
import { readGrid } from "../../src/hosts/univer/univer-grid";
import { UniverHost } from "../../src/hosts/univer/univer-host";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { exampleTeam } from "../../src/workbench/example-team";
import { notKeptSentence, readXlsx, writeXlsx } from "../../src/workbench/workbook-file";
import { createHeadlessUniver } from "../hosts/univer/headless-univer";
import { PYTHON } from "../support/export-fixtures";
import { convertWithLibreOffice, findSoffice } from "../support/soffice";

const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
const soffice = findSoffice();

/** Everything openpyxl sees of a saved file that the grid showed. */
const READ = String.raw`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
def color(c):
    return c.rgb[-6:].upper() if c is not None and c.type == "rgb" and isinstance(c.rgb, str) else None
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for cell in row:
            f = cell.font
            fill = cell.fill.fgColor if cell.fill is not None and cell.fill.fill_type == "solid" else None
            look = {
                "bold": bool(f.b), "color": color(f.color), "size": f.sz,
                "fill": color(fill), "wrap": bool(cell.alignment.wrap_text),
                "note": cell.comment.text if cell.comment else None,
            }
            if look["bold"] or look["fill"] or look["wrap"] or look["note"] or look["color"] not in (None, "000000"):
                cells[cell.coordinate] = look
    cf = []
    for rng in ws.conditional_formatting:
        for rule in rng.rules:
            cf.append({"range": str(rng.sqref), "formula": list(rule.formula or []),
                       "fill": color(rule.dxf.fill.bgColor) if rule.dxf and rule.dxf.fill else None})
    out[ws.title] = {
        "state": ws.sheet_state,
        "freeze": ws.freeze_panes,
        "validations": [{"type": v.type, "formula1": v.formula1, "sqref": str(v.sqref)} for v in ws.data_validations.dataValidation],
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "cells": cells,
        "cf": cf,
        "charts": len(ws._charts),
        "widthA": ws.column_dimensions["A"].width,
    }
print(json.dumps(out, ensure_ascii=False))
`;

interface SheetSeen {
  state: string;
  freeze: string | null;
  validations: { type: string; formula1: string; sqref: string }[];
  merged: string[];
  cells: Record<
    string,
    { bold: boolean; color: string | null; size: number; fill: string | null; wrap: boolean; note: string | null }
  >;
  cf: { range: string; formula: string[]; fill: string | null }[];
  charts: number;
  widthA: number;
}

const running: Univer[] = [];
let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "workbench-saved-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  for (const univer of running.splice(0)) univer.dispose();
});

function grid(seeds: Parameters<typeof createHeadlessUniver>[0]) {
  const made = createHeadlessUniver(seeds);
  running.push(made.univer);
  return { ...made, host: new UniverHost(made.api, made.workbook) };
}

async function save(workbook: FWorkbook, name: string): Promise<string> {
  const file = path.join(work, name);
  writeFileSync(file, Buffer.from(await writeXlsx(readGrid(workbook), new XlsxHost())));
  return file;
}

const TODAY = new Date(2026, 5, 17);
const noHex = (fill: string) => fill.slice(1).toUpperCase();

/**
 * The example team in the grid, as the workbench opens it, then what a manager's day leaves on it: the report
 * (with its charts), the settings sheet, a finding's mark and a weekly highlight, a bold header, a wrapped and a
 * filled cell, a frozen row, a drop-down and a merge.
 */
async function managersWorkbook() {
  const { workbook, host } = grid(exampleTeam("zh-CN", TODAY));
  const deals = workbook.getSheets()[0].getSheetName();
  // As the workbench lays the example out: a bold header row, frozen.
  await host.write({ sheets: [{ sheet: deals, headerRow: 0, freezeRows: 1 }] });
  const diagnosis = await diagnoseWorkbook(host, { locale: "zh-CN", today: serialOfLocalDate(TODAY) });
  await updateWorkbookSettings(host, { locale: "en", thresholds: { completionTarget: 0.9 } });
  await host.write({
    sheets: [
      {
        sheet: "周计划跟踪表",
        create: true,
        values: [
          {
            row: 0,
            column: 0,
            values: [
              ["销售", "指标", "完成率", "说明"],
              ["张三", "电话", 0.6, "很长的一段说明文字，需要换行显示"],
            ],
          },
        ],
        headerRow: 0,
        freezeRows: 1,
        columns: [
          { column: 1, width: 14, validation: { kind: "list", values: ["电话", "拜访"] }, rows: { row: 1, rowCount: 20 } },
        ],
        formats: [{ range: { row: 1, column: 2, rowCount: 1, columnCount: 1 }, numberFormat: "0%" }],
        marks: {
          remove: [],
          add: [
            { row: 1, column: 0, severity: "error", note: "【销售手册 · Sales Playbook】\n缺少" },
            { row: 1, column: 2, severity: "below", note: "" },
          ],
        },
      },
    ],
  });
  const weekly = workbook.getSheetByName("周计划跟踪表")!;
  weekly.getRange("D2").setWrap(true);
  weekly.getRange("B2").setBackgroundColor("#FFFF00").setFontColor("#C00000").setFontSize(14);
  weekly.getRange("A5:B6").merge();
  return { workbook, deals, reportSheet: diagnosis.reportSheet! };
}

(hasOpenpyxl ? describe : describe.skip)(`the workbench's saved .xlsx (read back with ${PYTHON} and openpyxl)`, () => {
  it("shows what the grid showed: marks, highlights, fonts, fills, wraps, widths, frozen rows, drop-downs, merges, the hidden settings sheet", async () => {
    const { workbook, deals, reportSheet } = await managersWorkbook();
    const grid = readGrid(workbook);
    // Univer draws no charts: the report's are kept with its sheet, to be saved.
    expect(grid.find((s) => s.name === reportSheet)!.charts.map((c) => c.kind)).toEqual(
      expect.arrayContaining(["line", "column", "bar"]),
    );
    // The charts are part of Univer's snapshot, which the autosave keeps and gives back.
    const { univer, api } = createHeadlessUniver();
    running.push(univer);
    const restored = api.createWorkbook({ ...workbook.save(), id: "restored" });
    expect(readGrid(restored).find((s) => s.name === reportSheet)!.charts).toEqual(
      grid.find((s) => s.name === reportSheet)!.charts,
    );
    const file = await save(workbook, "saved.xlsx");
    const seen = JSON.parse(execFileSync(PYTHON, ["-c", READ, file], { encoding: "utf8" })) as Record<string, SheetSeen>;

    expect(seen._sales_playbook.state).toBe("hidden");
    expect(seen[deals].state).toBe("visible");
    expect(seen[deals].freeze).toBe("A2");
    expect(seen[deals].cells.A1.bold).toBe(true);

    const weekly = seen["周计划跟踪表"];
    expect(weekly.freeze).toBe("A2");
    expect(weekly.cells.A1.bold).toBe(true);
    expect(weekly.cells.D2.wrap).toBe(true);
    expect(weekly.cells.B2).toMatchObject({ fill: "FFFF00", color: "C00000", size: 14 });
    expect(weekly.merged).toEqual(["A5:B6"]);
    expect(weekly.validations).toEqual([{ type: "list", formula1: '"电话,拜访"', sqref: "B2:B21" }]);
    // The finding's mark and the weekly highlight: the add-in's conditional formats, with their fills.
    expect(weekly.cf).toEqual(
      expect.arrayContaining([
        { range: "A2", formula: ['ISTEXT("sales-playbook-marks|error|A:2")'], fill: noHex(MARK_FILL.error) },
        { range: "C2", formula: ['ISTEXT("sales-playbook-marks|below|C:2")'], fill: noHex(MARK_FILL.below) },
      ]),
    );
    // The grid keeps no messages: no note is written (the pane lists them when the file is checked again).
    expect(weekly.cells.A2?.note ?? null).toBeNull();

    const report = seen[reportSheet];
    expect(report.state).toBe("visible");
    expect(Object.values(report.cells).some((c) => c.bold)).toBe(true);
    // Every chart the report asked for, written by the xlsx host as native chart parts.
    const asked = grid.find((s) => s.name === reportSheet)!.charts.length;
    expect(asked).toBeGreaterThanOrEqual(3);
    expect(report.charts).toBe(asked);

    // The width the grid had, in characters.
    const host = new XlsxHost();
    await host.workbook.xlsx.readFile(file);
    expect(seen[deals].widthA).toBeCloseTo(grid.find((s) => s.name === deals)!.widths[0], 0);

    // The add-in reads its settings and finds its marks again in the file.
    expect(await readWorkbookSettings(host)).toMatchObject({ locale: "en", thresholds: { completionTarget: 0.9 } });
    const [again] = await host.readSheets(["周计划跟踪表"], { marks: true });
    expect(again.marks!.map((m) => [m.row, m.column, m.kind])).toEqual(
      expect.arrayContaining([
        [1, 0, "finding"],
        [1, 2, "completion"],
      ]),
    );
  });

  (soffice ? it : it.skip)(
    "converts to PDF in LibreOffice without error, and LibreOffice keeps the marks and the hidden sheet",
    async () => {
      const { workbook } = await managersWorkbook();
      const file = await save(workbook, "for-pdf.xlsx");
      const pdf = convertWithLibreOffice(soffice!, file, "pdf", work);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
      expect(statSync(pdf).size).toBeGreaterThan(1000);
      // LibreOffice's own .xlsx of the file: what it understood of the marks and the settings sheet.
      const again = path.join(work, "libreoffice");
      mkdirSync(again, { recursive: true });
      const resaved = convertWithLibreOffice(soffice!, file, "xlsx", again);
      const seen = JSON.parse(execFileSync(PYTHON, ["-c", READ, resaved], { encoding: "utf8" })) as Record<string, SheetSeen>;
      expect(seen._sales_playbook.state).toBe("hidden");
      expect(seen["周计划跟踪表"].cf.map((rule) => [rule.range, rule.fill])).toEqual(
        expect.arrayContaining([
          ["A2", noHex(MARK_FILL.error)],
          ["C2", noHex(MARK_FILL.below)],
        ]),
      );
    },
  );

  it("opens again in the workbench with its marks, looks, merges and hidden sheet", async () => {
    const { workbook } = await managersWorkbook();
    const file = await save(workbook, "reopen.xlsx");
    const opened = await readXlsx(new Uint8Array(readFileSync(file)).buffer, (wb) => new XlsxHost(wb));
    // The report's charts are in the file but the grid cannot show them: Open says so (the autosave keeps them).
    const charts = readGrid(workbook).reduce((n, s) => n + s.charts.length, 0);
    expect(opened.notKept).toEqual({ charts });
    const again = grid(opened.seeds);
    await again.host.write(opened.batch);
    const sheets = readGrid(again.workbook);
    const weekly = sheets.find((s) => s.name === "周计划跟踪表")!;
    expect(weekly.marks).toEqual(
      expect.arrayContaining([
        { row: 1, column: 0, tone: "error" },
        { row: 1, column: 2, tone: "below" },
      ]),
    );
    expect(weekly.styles).toEqual(
      expect.arrayContaining([
        { row: 0, column: 0, style: { bold: true } },
        { row: 1, column: 1, style: expect.objectContaining({ fill: "#FFFF00", fontColor: "#C00000", fontSize: 14 }) },
        { row: 1, column: 3, style: expect.objectContaining({ wrap: true }) },
      ]),
    );
    expect(weekly.merges).toEqual([{ row: 4, column: 0, rowCount: 2, columnCount: 2 }]);
    expect(sheets.find((s) => s.name === "_sales_playbook")!.hidden).toBe(true);
    expect(sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["_sales_playbook"]);
  });
});

/** A user's file from openpyxl: fills, fonts, a merge, a note, a conditional format of their own, a chart and a picture. */
const WRITE_USERS = String.raw`
import sys, base64, openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Color, Font, PatternFill

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
class Png(Image):
    """A 1x1 PNG, without Pillow."""
    def __init__(self):
        self.ref = None
        self.width = self.height = 10
        self.format = "png"
    def _data(self):
        return PNG

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sales"
ws.append(["Rep", "Amount"])
for i in range(1, 6):
    ws.append(["rep%d" % i, i * 100])
ws["A1"].font = Font(bold=True, color="FF0000", size=14)
ws["B1"].fill = PatternFill("solid", fgColor="FFFF00")
ws["A3"].alignment = Alignment(wrap_text=True)
# Excel's palette: "Accent 1, lighter 40%" and "Text 2" (the theme's colours, not RGB).
ws["B3"].fill = PatternFill("solid", fgColor=Color(theme=4, tint=0.3999755851924192))
ws["B4"].font = Font(color=Color(theme=3))
ws.column_dimensions["A"].width = 30
ws.merge_cells("D1:E2")
ws["D1"] = "Q2"
ws["A2"].comment = Comment("call back Monday", "me")
ws.conditional_formatting.add("B2:B6", CellIsRule(operator="greaterThan", formula=["250"], fill=PatternFill("solid", bgColor="00FF00")))
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=6), titles_from_data=True)
ws.add_chart(chart, "G2")
ws.add_image(Png(), "G20")
hidden = wb.create_sheet("Lookup")
hidden["A1"] = "x"
hidden.sheet_state = "hidden"
wb.save(sys.argv[1])
`;

(hasOpenpyxl ? describe : describe.skip)("Open keeps what it can of the user's formatting and names the rest", () => {
  it("a file openpyxl wrote: fills, fonts, wraps, widths, merges and hidden sheets kept; the chart, picture, rule and notes named", async () => {
    const file = path.join(work, "users.xlsx");
    execFileSync(PYTHON, ["-c", WRITE_USERS, file]);
    const opened = await readXlsx(new Uint8Array(readFileSync(file)).buffer, (wb) => new XlsxHost(wb));
    const { workbook, host } = grid(opened.seeds);
    await host.write(opened.batch);
    const sales = readGrid(workbook).find((s) => s.name === "Sales")!;

    expect(sales.values[1].slice(0, 2)).toEqual(["rep1", 100]);
    expect(sales.styles).toEqual(
      expect.arrayContaining([
        { row: 0, column: 0, style: { bold: true, fontSize: 14, fontColor: "#FF0000" } },
        { row: 0, column: 1, style: { fill: "#FFFF00" } },
        { row: 2, column: 0, style: { wrap: true } },
        // openpyxl's theme is Office 2007's: accent 1 4F81BD, lighter 40% 95B3D7 as Excel's palette shows it; text 2 1F497D.
        { row: 2, column: 1, style: { fill: "#95B3D7" } },
        { row: 3, column: 1, style: { fontColor: "#1F497D" } },
      ]),
    );
    expect(sales.merges).toEqual([{ row: 0, column: 3, rowCount: 2, columnCount: 2 }]);
    expect(sales.widths[0]).toBeCloseTo(30, 0);
    expect(workbook.getSheetByName("Lookup")!.isSheetHidden()).toBe(true);
    // ExcelJS does not read the notes where openpyxl puts them (xl/comments/comment1.xml): named, not lost silently.
    expect(opened.notKept).toEqual({ charts: 1, images: 1, conditionalFormats: 1, notes: 1 });
    expect(notKeptSentence(opened.notKept, "users.xlsx", "zh-CN")).toBe(
      "“users.xlsx”里有此表格无法保留的内容，另存时不会写回：1 个图表、1 张图片、1 条条件格式、1 个工作表的批注。",
    );
    expect(notKeptSentence(opened.notKept, "users.xlsx", "en")).toBe(
      'Some of "users.xlsx" cannot be kept here and will not be in the saved file: 1 chart, 1 picture, 1 conditional format, the notes of 1 sheet.',
    );
  });

  it("notes as Excel keeps them come through the grid into the saved file; the add-in's own notes do not", async () => {
    const written = new ExcelJS.Workbook();
    const ws = written.addWorksheet("Sales");
    ws.getCell("A1").value = "Rep";
    ws.getCell("A2").value = "rep1";
    ws.getCell("A2").note = "call back Monday";
    ws.getCell("B2").note = "【销售手册 · Sales Playbook】\nold message";
    const opened = await readXlsx((await written.xlsx.writeBuffer()) as ArrayBuffer, (wb) => new XlsxHost(wb));
    expect(opened.notKept).toEqual({});
    expect(notKeptSentence(opened.notKept, "x.xlsx", "en")).toBeUndefined();
    const { workbook, host } = grid(opened.seeds);
    await host.write(opened.batch);
    const file = await save(workbook, "notes.xlsx");
    const seen = JSON.parse(execFileSync(PYTHON, ["-c", READ, file], { encoding: "utf8" })) as Record<string, SheetSeen>;
    expect(seen.Sales.cells.A2.note).toBe("call back Monday");
    expect(seen.Sales.cells.B2).toBeUndefined();
  });
});
