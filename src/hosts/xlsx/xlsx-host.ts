import ExcelJS from "exceljs";
import { cellAddress, rangeAddress } from "../../core/cell/a1";
import { readMarkCells } from "../../core/validate/mark-areas";
import { MARK_FILL, markFormula, NOTE_PREFIX } from "../../core/validate/marks";
import type { CellValue } from "../../core/cell/cell-value";
import type {
  ChartSpec,
  ExistingMark,
  HostCapabilities,
  SheetValues,
  SheetWrite,
  WorkbookHost,
  WorkbookOutline,
  WriteBatch,
} from "../../app/workbook-host.port";
import type { KeptCharts } from "./kept-charts";
import { toExcelJsValidation } from "./xlsx-validation";
import { xlsxPackage } from "./xlsx-package";
import { usedRange } from "./xlsx-snapshot-host";
import { fromExcelJsValue } from "./xlsx-values";

/** Everything the port asks for is in the file; the charts are added to the package ExcelJS writes (`chart-parts.ts`). */
const CAPABILITIES: HostCapabilities = {
  nativeValidation: true,
  tables: true,
  freezePanes: true,
  marks: true,
  notes: true,
  charts: true,
};

interface ConditionalFormattingModel {
  ref: string;
  rules: { type: string; formulae?: string[] }[];
}

/**
 * The .xlsx file host on ExcelJS: the workbook lives in memory; the command line loads it from a file
 * and saves it to another. Strings are written as shared strings, so they are never formulas.
 */
export class XlsxHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  readonly capabilities = CAPABILITIES;
  /**
   * The charts asked for, by worksheet, in the order asked. ExcelJS holds no charts: whoever saves the workbook adds
   * them to the package it writes (`addChartParts`), from the cells as they are then.
   */
  readonly charts = new Map<ExcelJS.Worksheet, ChartSpec[]>();
  /** The sheets this host added: their wrapped rows get heights when the package is written (`wrapped-rows.ts`). */
  readonly created = new Set<ExcelJS.Worksheet>();

  constructor(
    readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook(),
    /** The loaded file's own `<definedName>` elements, given back on save (`defined-names.ts`). */
    readonly definedNames?: readonly string[],
    /** The loaded file's charts, which ExcelJS does not keep, given back on save (`kept-charts.ts`). */
    readonly keptCharts?: KeptCharts,
  ) {}

  /** The workbook as an .xlsx package, the charts asked for included (`xlsx-package.ts`; no Node API). */
  packageBytes(): Promise<Uint8Array> {
    return xlsxPackage(this);
  }

  async readOutline(): Promise<WorkbookOutline> {
    return {
      sheets: this.workbook.worksheets.map((ws) => ws.name),
      tables: this.workbook.worksheets.flatMap((ws) =>
        Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {}),
      ),
    };
  }

  async readSheets(names: readonly string[], options: { marks?: boolean } = {}): Promise<SheetValues[]> {
    const out: SheetValues[] = [];
    for (const name of names) {
      const ws = this.workbook.getWorksheet(name);
      if (!ws || ws.actualRowCount === 0) continue;
      // Sparse rows, then the block holding every value (rows end at their last value when sparse).
      const rows: CellValue[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        const line: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const value = readCell(cell);
          if (value !== null) line[c - 1] = value;
        });
        rows[r - 1] = line;
      });
      const range = usedRange(ws.name, rows);
      if (!range) continue;
      out.push({
        ...range,
        ...(options.marks ? { marks: this.readMarks(ws) } : {}),
        // The sheet's <sheetProtection sheet="1">: no marks are added there (Excel would open them locked anyway).
        ...(options.marks && isProtected(ws) ? { protected: true } : {}),
      });
    }
    return out;
  }

  private formattings(ws: ExcelJS.Worksheet): ConditionalFormattingModel[] {
    return (ws as unknown as { conditionalFormattings: ConditionalFormattingModel[] }).conditionalFormattings;
  }

  /** The add-in's marks: conditional formats whose formula carries the marker; the formula is the handle. */
  private readMarks(ws: ExcelJS.Worksheet): ExistingMark[] {
    return this.formattings(ws).flatMap((cf) =>
      cf.rules.flatMap((rule) => {
        const formula = `=${(rule.formulae?.[0] ?? "").replace(/^=/, "")}`;
        const mark = readMarkCells(formula);
        return (mark?.cells ?? []).map((cell) => ({ row: cell.row, column: cell.column, handle: formula, kind: mark!.kind }));
      }),
    );
  }

  private writeMarks(ws: ExcelJS.Worksheet, marks: NonNullable<SheetWrite["marks"]>): void {
    const remove = new Set(marks.remove);
    const list = this.formattings(ws);
    for (const handle of remove) {
      const mark = readMarkCells(handle);
      for (const at of mark?.kind === "finding" ? mark.cells : []) {
        const cell = ws.getCell(at.row + 1, at.column + 1);
        // A completion highlight has no note: a finding's note on the same cell stays.
        if (typeof cell.note === "string" && cell.note.startsWith(NOTE_PREFIX)) removeNote(cell);
      }
    }
    const kept = list.filter((cf) => !cf.rules.some((rule) => remove.has(`=${(rule.formulae?.[0] ?? "").replace(/^=/, "")}`)));
    list.splice(0, list.length, ...kept);
    for (const mark of marks.add) {
      const address = cellAddress(mark.row, mark.column);
      ws.addConditionalFormatting({
        ref: address,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [markFormula(address, mark.severity).slice(1)],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${MARK_FILL[mark.severity].slice(1)}` } } },
          },
        ],
      });
      // A note only where the user has none: theirs is never replaced. A completion highlight has none.
      if (mark.note === "") continue;
      const cell = ws.getCell(mark.row + 1, mark.column + 1);
      const note = cell.note;
      if (note === undefined || note === null || (typeof note === "string" && note.startsWith(NOTE_PREFIX)))
        cell.note = mark.note;
    }
  }

  async write(batch: WriteBatch): Promise<void> {
    for (const op of batch.sheets) this.applySheetWrite(op);
  }

  private applySheetWrite(op: SheetWrite): void {
    const ws = op.create
      ? this.workbook.addWorksheet(op.sheet, op.hidden ? { state: "hidden" } : undefined)
      : this.workbook.getWorksheet(op.sheet);
    if (!ws) throw new Error(`sheet "${op.sheet}" does not exist`);
    if (op.create) this.created.add(ws);
    const cell = (row: number, column: number) => ws.getCell(row + 1, column + 1);
    // Inside a merge only the top-left cell holds a value (as in Excel): ExcelJS would write the others into it.
    const writable = (row: number, column: number) => {
      const target = cell(row, column);
      return target.isMerged && target.master !== target ? undefined : target;
    };

    for (const block of op.values ?? []) {
      block.values.forEach((line, r) =>
        line.forEach((value, c) => {
          const target = writable(block.row + r, block.column + c);
          if (target) target.value = value;
        }),
      );
    }
    for (const block of op.formulas ?? []) {
      block.formulas.forEach((line, r) =>
        line.forEach((formula, c) => {
          const target = formula === null ? undefined : writable(block.row + r, block.column + c);
          if (target) target.value = { formula: formula!.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
        }),
      );
    }
    for (const col of op.columns ?? []) {
      if (col.width !== undefined) ws.getColumn(col.column + 1).width = col.width;
      if (!col.rows) continue;
      const range = { row: col.rows.row, column: col.column, rowCount: col.rows.rowCount, columnCount: 1 };
      if (col.numberFormat) {
        for (let r = 0; r < range.rowCount; r++) cell(range.row + r, col.column).numFmt = col.numberFormat;
      }
      if (col.validation) {
        // One range per rule: ExcelJS's cell-by-cell merging writes overlapping ranges.
        (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
          rangeAddress(range),
          toExcelJsValidation(col.validation, col.prompt),
        );
      }
    }
    for (const f of op.formats ?? []) {
      for (let r = 0; r < f.range.rowCount; r++) {
        for (let c = 0; c < f.range.columnCount; c++) {
          const target = cell(f.range.row + r, f.range.column + c);
          if (f.numberFormat) target.numFmt = f.numberFormat;
          if (f.bold) target.font = { ...(target.font ?? {}), bold: true };
          if (f.wrap) target.alignment = { ...(target.alignment ?? {}), wrapText: true };
        }
      }
    }
    if (op.marks) this.writeMarks(ws, op.marks);
    if (op.table) this.addTable(ws, op.table.name, op.table.range);
    else if (op.headerRow !== undefined) ws.getRow(op.headerRow + 1).font = { bold: true };
    if (op.charts?.length) this.charts.set(ws, [...(this.charts.get(ws) ?? []), ...op.charts]);
    if (op.freezeRows) ws.views = [{ state: "frozen", ySplit: op.freezeRows, xSplit: 0 }];
    if (op.activate)
      this.workbook.views = [
        { ...(this.workbook.views?.[0] ?? {}), activeTab: this.workbook.worksheets.indexOf(ws) } as ExcelJS.WorkbookView,
      ];
  }

  /** A native table over what the range already holds (ExcelJS rewrites the cells from `rows`). */
  private addTable(
    ws: ExcelJS.Worksheet,
    name: string,
    range: { row: number; column: number; rowCount: number; columnCount: number },
  ): void {
    const at = (r: number, c: number) => ws.getCell(range.row + r + 1, range.column + c + 1);
    const columns = Array.from({ length: range.columnCount }, (_v, c) => ({
      name: String(fromExcelJsValue(at(0, c).value) ?? `Column${c + 1}`),
      filterButton: true,
    }));
    const rows = Array.from({ length: range.rowCount - 1 }, (_v, r) =>
      Array.from({ length: range.columnCount }, (_w, c) => at(r + 1, c).value),
    );
    const numFmts = rows.map((line, r) => line.map((_v, c) => at(r + 1, c).numFmt));
    ws.addTable({
      name,
      ref: rangeAddress({ ...range, rowCount: 1, columnCount: 1 }),
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns,
      rows,
    });
    numFmts.forEach((line, r) => line.forEach((fmt, c) => fmt && (at(r + 1, c).numFmt = fmt)));
  }
}

/** A cell's value as the add-in reads it; the cells of a merge other than its top-left are empty, as in Excel. */
function readCell(cell: ExcelJS.Cell): CellValue {
  return cell.isMerged && cell.master !== cell ? null : fromExcelJsValue(cell.value);
}

/**
 * Removes a cell's note. ExcelJS 4.4 has no public way: `note = undefined` leaves an empty note box,
 * and a cell loaded from a file keeps the loaded comment in its value model.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean | string | number } | null }).sheetProtection;
  return protection?.sheet === true || protection?.sheet === 1 || protection?.sheet === "1" || protection?.sheet === "true";
}
