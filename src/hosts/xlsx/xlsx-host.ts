import ExcelJS from "exceljs";
import { rangeAddress, type CellRef } from "../../core/cell/a1";
import { areaMarkHandle, markAreas, readMarkAreas } from "../../core/validate/mark-areas";
import { MARK_FILL, NOTE_PREFIX, readMarkFormula, type MarkTone } from "../../core/validate/marks";
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
import { notesWithin } from "../common/mark-notes";

/** Everything the port asks for is in the file; the charts are added to the package ExcelJS writes (`chart-parts.ts`). */
const CAPABILITIES: HostCapabilities = {
  nativeValidation: true,
  tables: true,
  freezePanes: true,
  marks: true,
  notes: true,
  charts: true,
};

/**
 * A write adds notes to at most this many cells of the file, a sheet's all or none (`notesWithin`): each note is a
 * comment and a drawing shape, about 10 KB of memory while ExcelJS writes the package (measured: 100,000 notes
 * 1.1 GB, 20,000 notes 0.3 GB). Past that no one reads notes one by one: the fill still marks every cell, and the
 * command line lists every finding (`--json`).
 */
export const XLSX_NOTE_LIMIT = 10_000;

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

  /**
   * The add-in's marks: conditional formats whose formula carries the marker; a format of one cell (earlier
   * versions) has its formula as the handle, a cell of a format of many (`markAreas`, this host and WPS) its tone
   * and address (`areaMarkHandle`), so one cell of such a format can be removed and the others kept.
   */
  private readMarks(ws: ExcelJS.Worksheet): ExistingMark[] {
    const marks = new Map<string, ExistingMark>();
    for (const cf of this.formattings(ws)) {
      for (const rule of cf.rules) {
        const formula = ruleFormula(rule);
        const single = readMarkFormula(formula);
        if (single) marks.set(formula, { row: single.cell.row, column: single.cell.column, handle: formula, kind: single.kind });
        const area = single ? undefined : readMarkAreas(formula);
        for (const cell of area?.cells ?? []) {
          const handle = areaMarkHandle(area!.tone, cell);
          marks.set(handle, { row: cell.row, column: cell.column, handle, kind: area!.kind });
        }
      }
    }
    return [...marks.values()];
  }

  /**
   * Removes the marks whose handles are given, then adds the new ones as a few conditional formats per tone
   * (`markAreas`: cells joined into rectangles, coded in the formula, as WPS writes them), never one a cell: a
   * format of one cell costs ExcelJS a few KB, so 335,000 findings took 4 GB. A format that loses a cell goes
   * and its other cells are written again with the new marks of their tone; only the add-in's rules are taken
   * out of a format the user's rules share. The notes the add-in wrote on the cells whose finding marks go are
   * removed; a new finding mark gets a note where the cell has none of the user's, while the write's notes stay
   * within `XLSX_NOTE_LIMIT` (`notesWithin`: a sheet gets all its notes or none).
   */
  private writeMarks(ws: ExcelJS.Worksheet, marks: NonNullable<SheetWrite["marks"]>, noteRoom: number): number {
    const gone = new Set(marks.remove);
    const kept = new Map<MarkTone, CellRef[]>();
    const unnoted: CellRef[] = [];
    const list = this.formattings(ws);
    if (gone.size > 0) {
      const staying = list.flatMap((cf) => {
        const rules = cf.rules.filter((rule) => {
          const formula = ruleFormula(rule);
          const single = readMarkFormula(formula);
          if (single) {
            if (!gone.has(formula)) return true;
            // A completion highlight has no note: a finding's note on the same cell stays.
            if (single.kind === "finding") unnoted.push(single.cell);
            return false;
          }
          const area = readMarkAreas(formula);
          const leaving = area ? area.cells.filter((c) => gone.has(areaMarkHandle(area.tone, c))) : [];
          if (!area || leaving.length === 0) return true;
          if (area.kind === "finding") unnoted.push(...leaving);
          const cells = kept.get(area.tone) ?? [];
          kept.set(area.tone, cells);
          for (const c of area.cells) if (!gone.has(areaMarkHandle(area.tone, c))) cells.push(c);
          return false;
        });
        if (rules.length === cf.rules.length) return [cf];
        return rules.length > 0 ? [{ ...cf, rules }] : [];
      });
      list.splice(0, list.length, ...staying);
    }
    for (const at of unnoted) {
      // Only cells that exist: asking ExcelJS for a cell makes one.
      const cell = (ws as unknown as { findCell(r: number, c: number): ExcelJS.Cell | undefined }).findCell(
        at.row + 1,
        at.column + 1,
      );
      if (cell && typeof cell.note === "string" && cell.note.startsWith(NOTE_PREFIX)) removeNote(cell);
    }
    const tones = new Map(kept);
    for (const mark of marks.add) {
      const cells = tones.get(mark.severity) ?? [];
      if (cells.length === 0) tones.set(mark.severity, cells);
      cells.push(mark);
    }
    for (const [tone, cells] of tones) {
      if (cells.length === 0) continue;
      const style: Partial<ExcelJS.Style> = {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${MARK_FILL[tone].slice(1)}` } },
      };
      for (const area of markAreas(tone, cells)) {
        ws.addConditionalFormatting({
          // An xlsx sqref: the rectangles, space-separated.
          ref: area.ranges.map(rangeAddress).join(" "),
          rules: [{ type: "expression", priority: 1, formulae: [area.formula.slice(1)], style }],
        });
      }
    }
    const noted = notesWithin(marks.add, noteRoom);
    for (const mark of noted) {
      // A note only where the user has none: theirs is never replaced.
      const cell = ws.getCell(mark.row + 1, mark.column + 1);
      const note = cell.note;
      if (note === undefined || note === null || (typeof note === "string" && note.startsWith(NOTE_PREFIX)))
        cell.note = mark.note;
    }
    return noted.length;
  }

  async write(batch: WriteBatch): Promise<void> {
    const notes = { room: XLSX_NOTE_LIMIT };
    for (const op of batch.sheets) this.applySheetWrite(op, notes);
  }

  private applySheetWrite(op: SheetWrite, notes: { room: number }): void {
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
    if (op.marks) notes.room -= this.writeMarks(ws, op.marks, notes.room);
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

/** A conditional format rule's formula as the add-in writes and reads it: with its leading "=". */
function ruleFormula(rule: { formulae?: string[] }): string {
  return `=${(rule.formulae?.[0] ?? "").replace(/^=/, "")}`;
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
