import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cellAddress, rangeAddress } from "../../src/core/cell/a1";
import { openWorkbookFile, saveXlsxFile } from "../../src/hosts/xlsx/xlsx-file";
import type { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import type { UserWorkbook } from "../support/random-workbook";
import type { CellRecord, SheetSnapshot } from "./preservation-check";

/** The user's workbook as ExcelJS holds it: values, formulas with results, formats, notes, merges, tables, a rule of theirs. */
export function createUserWorkbook(workbook: UserWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of workbook.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const c of s.cells) {
      const cell = ws.getCell(c.row + 1, c.column + 1);
      cell.value = c.formula ? ({ formula: c.formula, result: c.value } as ExcelJS.CellFormulaValue) : c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.note) cell.note = c.note;
    }
    for (const m of s.merges) ws.mergeCells(m.row + 1, m.column + 1, m.row + m.rowCount, m.column + m.columnCount);
    if (s.table) {
      const at = (r: number, c: number) => ws.getCell(s.table!.range.row + r + 1, c + 1).value;
      ws.addTable({
        name: s.table.name,
        ref: cellAddress(s.table.range.row, 0),
        headerRow: true,
        columns: [{ name: String(at(0, 0)) }, { name: String(at(0, 1)) }],
        rows: [[at(1, 0), at(1, 1)]],
      });
    }
    if (s.role === "other")
      ws.addConditionalFormatting({
        ref: rangeAddress({ row: 0, column: 0, rowCount: 3, columnCount: 3 }),
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: ["A1>100"],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00FF00" } } },
          },
        ],
      });
  }
  return wb;
}

/**
 * The command line's way with a file: open it from disk (openWorkbookFile), let a command change it,
 * save it (saveXlsxFile). Files live in one temporary folder, removed by `dispose`.
 */
export async function createFileStore(): Promise<{
  save(host: XlsxHost): Promise<string>;
  saveWorkbook(workbook: ExcelJS.Workbook): Promise<string>;
  dispose(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "preserve-"));
  let n = 0;
  return {
    async save(host) {
      const file = join(dir, `${n++}.xlsx`);
      await saveXlsxFile(host, file);
      return file;
    },
    async saveWorkbook(workbook) {
      const file = join(dir, `${n++}.xlsx`);
      await workbook.xlsx.writeFile(file);
      return file;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export const reopen = (file: string): Promise<XlsxHost> => openWorkbookFile(file);

interface SheetInternals {
  _merges: Record<string, { range: string }>;
  conditionalFormattings: unknown[];
  dataValidations: { model: unknown };
  tables: Record<string, { table: { name: string; tableRef?: string; ref?: string } }>;
}

/** Everything of a sheet a user could lose: each cell's value (formula and result), number format, font, fill, note; merges, rules, validation, tables, widths, views. */
export function snapshotWorkbook(workbook: ExcelJS.Workbook): SheetSnapshot[] {
  return workbook.worksheets.map((ws) => {
    const cells = new Map<string, CellRecord>();
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells.set(`${r - 1},${c - 1}`, {
          value: cell.type === ExcelJS.ValueType.Merge ? { mergedInto: cell.master.address } : cell.value,
          numFmt: cell.numFmt,
          font: cell.font,
          fill: cell.fill,
          note: cell.note,
        });
      }),
    );
    const internals = ws as unknown as SheetInternals;
    return {
      name: ws.name,
      cells,
      rest: structuredClone({
        merges: Object.values(internals._merges)
          .map((m) => m.range)
          .sort(),
        conditionalFormattings: internals.conditionalFormattings,
        dataValidations: internals.dataValidations.model,
        tables: Object.values(internals.tables ?? {}).map((t) => [t.table.name, t.table.tableRef ?? t.table.ref]),
        // A column without a width of its own is no width to lose (ExcelJS lists one more once a cell is written there).
        widths: (ws.columns ?? []).map((c) => c.width ?? null).filter((_w, i, all) => all.slice(i).some((x) => x !== null)),
        views: ws.views,
      }),
    };
  });
}
