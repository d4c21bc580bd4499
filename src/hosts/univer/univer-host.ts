import { CellValueType, type ICellData, type IDisposable, type Nullable } from "@univerjs/core";
import type { FUniver } from "@univerjs/core/facade";
import { SetWorksheetColWidthMutation, type ISetWorksheetColWidthMutationParams } from "@univerjs/sheets";
import type { FRange, FWorkbook, FWorksheet } from "@univerjs/sheets/facade";
import type {} from "@univerjs/sheets-data-validation/facade";
import type {} from "@univerjs/sheets-conditional-formatting/facade";
import type {} from "@univerjs/sheets-numfmt/facade";
import type {} from "@univerjs/engine-formula/facade";
import type {} from "@univerjs/sheets-formula/facade";
import type {} from "@univerjs/sheets-ui/facade";
import { cellAddress } from "../../core/cell/a1";
import type { CellValue } from "../../core/cell/cell-value";
import type { ResolvedValidation } from "../../core/templates/sheet-blueprint";
import { readMarkCells } from "../../core/validate/mark-areas";
import { MARK_FILL, markFormula } from "../../core/validate/marks";
import { UNIVER_CAPABILITIES } from "./univer-capabilities";
import type {
  ChartSpec,
  ExistingMark,
  SheetEdit,
  SheetValues,
  SheetWrite,
  WorkbookHost,
  WorkbookOutline,
  WriteBatch,
} from "../../app/workbook-host.port";

export { UNIVER_CAPABILITIES } from "./univer-capabilities";

/** Excel measures widths in characters of the default font; Univer in pixels (7 px a character, 5 px padding). */
export function widthInPixels(characters: number): number {
  return Math.round(characters * 7 + 5);
}

/** The earliest date a date column accepts (as the other hosts: 1 March 1900). */
const EARLIEST_DATE = new Date(1900, 2, 1);

/**
 * The workbook host on Univer's Facade API, for the browser workbench. Every call runs on the
 * workbook in memory, so a "round trip" is a function call; strings are written with the string
 * cell type, so text that looks like a formula or a number stays the text it is.
 */
export class UniverHost implements WorkbookHost {
  readonly kind = "univer" as const;
  readonly capabilities = UNIVER_CAPABILITIES;
  /** Above zero while the add-in writes: edits seen then are its own. */
  private ownWrites = 0;
  /** Formulas written since the last read: their results are applied after the write. */
  private formulasPending = false;

  constructor(
    private readonly api: FUniver,
    private readonly workbook: FWorkbook,
  ) {}

  async readOutline(): Promise<WorkbookOutline> {
    return { sheets: this.workbook.getSheets().map((ws) => ws.getSheetName()), tables: [] };
  }

  async readSheets(names: readonly string[], options: { marks?: boolean } = {}): Promise<SheetValues[]> {
    await this.formulasComputed();
    const out: SheetValues[] = [];
    for (const name of names) {
      const ws = this.findSheet(name);
      if (!ws) continue;
      const values = readUsedValues(ws);
      if (!values) continue;
      out.push({
        ...values,
        ...(options.marks ? { marks: readMarks(ws) } : {}),
        // With the marks: Univer's worksheet protection rule (its permission API), no marks added there.
        ...(options.marks && isProtected(ws) ? { protected: true } : {}),
      });
    }
    return out;
  }

  async write(batch: WriteBatch): Promise<void> {
    this.ownWrites++;
    try {
      for (const op of batch.sheets) this.applySheetWrite(op);
      if (batch.sheets.some((op) => (op.formulas ?? []).length > 0)) this.formulasPending = true;
    } finally {
      this.ownWrites--;
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.findSheet(sheet);
    if (!ws) return;
    ws.activate();
    const range = ws.getRange(cell);
    range.activate();
    // Selecting does not scroll: the grid's facade (sheets-ui, absent without a screen) brings the cell into view.
    if (typeof ws.scrollToCell === "function") ws.scrollToCell(range.getRow(), range.getColumn());
  }

  async subscribeToEdits(handler: (edits: readonly SheetEdit[]) => void): Promise<() => Promise<void>> {
    const unitId = this.workbook.getId();
    const listener: IDisposable = this.api.addEvent(this.api.Event.SheetValueChanged, (event) => {
      if (this.ownWrites > 0) return;
      const edits = event.effectedRanges.filter((range) => range.getUnitId() === unitId).map((range) => rowsOf(range));
      if (edits.length > 0) handler(edits);
    });
    return async () => listener.dispose();
  }

  /** Formula results arrive after the write that set them: a read after one waits for them (at most 3 s). */
  private async formulasComputed(): Promise<void> {
    if (!this.formulasPending) return;
    this.formulasPending = false;
    await this.api.getFormula().onCalculationResultApplied(3_000);
  }

  private findSheet(name: string): FWorksheet | undefined {
    const lower = name.toLowerCase();
    return this.workbook.getSheets().find((ws) => ws.getSheetName().toLowerCase() === lower);
  }

  private applySheetWrite(op: SheetWrite): void {
    const ws = op.create ? this.workbook.insertSheet(op.sheet) : this.findSheet(op.sheet);
    if (!ws) throw new Error(`sheet "${op.sheet}" does not exist`);
    if (op.create && op.hidden) ws.hideSheet();

    // A new sheet's widths are set before its cells, as the mutation alone: Univer's width command measures
    // the automatic height of every row in view through each cell's interceptors (most of the first Insert
    // templates' time), and a new sheet has no text to measure yet; the values' own command measures theirs.
    const widths = op.create ? (op.columns ?? []).filter((col) => col.width !== undefined) : [];
    if (widths.length > 0) {
      this.api.syncExecuteCommand<ISetWorksheetColWidthMutationParams>(SetWorksheetColWidthMutation.id, {
        unitId: this.workbook.getId(),
        subUnitId: ws.getSheetId(),
        ranges: widths.map((col) => ({ startRow: 0, endRow: 0, startColumn: col.column, endColumn: col.column })),
        colWidth: Object.fromEntries(widths.map((col) => [col.column, widthInPixels(col.width!)])),
      });
    }
    for (const block of op.values ?? []) {
      if (block.values.length === 0 || block.values[0].length === 0) continue;
      ws.getRange(block.row, block.column, block.values.length, block.values[0].length).setValues(
        block.values.map((line) => line.map(toCellData)),
      );
    }
    for (const block of op.formulas ?? []) writeFormulas(ws, block.row, block.column, block.formulas);
    for (const col of op.columns ?? []) {
      if (col.width !== undefined && !op.create) ws.setColumnWidth(col.column, widthInPixels(col.width));
      if (!col.rows || col.rows.rowCount <= 0) continue;
      const range = ws.getRange(col.rows.row, col.column, col.rows.rowCount, 1);
      if (col.numberFormat) range.setNumberFormat(col.numberFormat);
      if (col.validation) range.setDataValidation(this.validation(col.validation, col.prompt));
    }
    for (const f of op.formats ?? []) {
      const range = ws.getRange(f.range.row, f.range.column, f.range.rowCount, f.range.columnCount);
      if (f.numberFormat) range.setNumberFormat(f.numberFormat);
      if (f.bold) range.setFontWeight("bold");
      if (f.wrap) range.setWrap(true);
    }
    if (op.marks) writeMarks(ws, op.marks);
    // No native tables here: the table's header row is made bold instead, as a header row is.
    const headerRow = op.headerRow ?? op.table?.range.row;
    if (headerRow !== undefined) {
      const columns = op.table?.range.columnCount ?? ws.getLastColumn() + 1;
      ws.getRange(headerRow, op.table?.range.column ?? 0, 1, Math.max(1, columns)).setFontWeight("bold");
    }
    if (op.freezeRows) ws.setFrozenRows(op.freezeRows);
    if (op.charts?.length) recordCharts(ws, op.charts);
    if (op.activate) ws.activate();
  }

  private validation(rule: ResolvedValidation, prompt: string | undefined) {
    let builder = this.api.newDataValidation();
    switch (rule.kind) {
      case "list":
        builder = builder.requireValueInList([...rule.values], false, true);
        break;
      case "date":
        builder = builder.requireDateOnOrAfter(EARLIEST_DATE);
        break;
      case "wholeNumber":
      case "decimal": {
        const integer = rule.kind === "wholeNumber";
        if (rule.min !== undefined && rule.max !== undefined) builder = builder.requireNumberBetween(rule.min, rule.max, integer);
        else if (rule.max !== undefined) builder = builder.requireNumberLessThanOrEqualTo(rule.max, integer);
        else builder = builder.requireNumberGreaterThanOrEqualTo(rule.min ?? 0, integer);
        break;
      }
    }
    return (
      builder
        .setAllowBlank(true)
        // A list that allows other values warns (Univer's WARNING error style) instead of refusing.
        .setAllowInvalid(rule.kind === "list" && rule.allowOther === true)
        .setOptions({ showErrorMessage: true, ...(prompt ? { showInputMessage: true, prompt } : {}) })
        .build()
    );
  }
}

/** One port value as Univer cell data; any formula the cell held is cleared. */
function toCellData(value: CellValue): ICellData {
  if (value === null) return { v: null, f: null, si: null };
  if (typeof value === "string") return { v: value, t: CellValueType.STRING, f: null, si: null };
  if (typeof value === "boolean") return { v: value ? 1 : 0, t: CellValueType.BOOLEAN, f: null, si: null };
  return { v: value, t: CellValueType.NUMBER, f: null, si: null };
}

/** A Univer cell as the port's value: formulas give their result, rich text its plain text. */
export function fromCellData(cell: Nullable<ICellData>): CellValue {
  if (!cell) return null;
  const v = cell.v;
  if (v === null || v === undefined) {
    const text = cell.p?.body?.dataStream;
    return text ? text.replace(/\r?\n$/, "").replace(/\r$/, "") || null : null;
  }
  if (cell.t === CellValueType.BOOLEAN) return v === true || v === 1 || v === "1" || String(v).toUpperCase() === "TRUE";
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  return v === "" ? null : String(v);
}

/** The block from the first to the last cell holding a value. */
function readUsedValues(ws: FWorksheet): Omit<SheetValues, "marks"> | undefined {
  const lastRow = ws.getLastRow();
  const lastColumn = ws.getLastColumn();
  if (lastRow < 0 || lastColumn < 0) return undefined;
  const cells = ws.getRange(0, 0, lastRow + 1, lastColumn + 1).getCellDatas();
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const grid = cells.map((line, r) =>
    line.map((cell, c) => {
      const value = fromCellData(cell);
      if (value !== null) {
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      return value;
    }),
  );
  if (bottom < 0) return undefined;
  return {
    name: ws.getSheetName(),
    row: top,
    column: left,
    values: grid.slice(top, bottom + 1).map((line) => line.slice(left, right + 1)),
  };
}

/** Formulas cell by cell in runs of neighbours (`null` leaves a cell as it is). */
function writeFormulas(ws: FWorksheet, row: number, column: number, formulas: readonly (readonly (string | null)[])[]): void {
  formulas.forEach((line, r) => {
    let c = 0;
    while (c < line.length) {
      if (line[c] === null) {
        c++;
        continue;
      }
      const start = c;
      while (c < line.length && line[c] !== null) c++;
      const run = line.slice(start, c).map((f) => ({ f: `=${f!.replace(/^=/, "")}`, v: null, si: null }));
      ws.getRange(row + r, column + start, 1, run.length).setValues([run]);
    }
  });
}

/** The add-in's marks: conditional formats whose formula carries the marker; the rule's id is the handle. */
function readMarks(ws: FWorksheet): ExistingMark[] {
  return ws.getConditionalFormattingRules().flatMap((cf) => {
    const rule = cf.rule as { type?: string; subType?: string; value?: unknown };
    if (rule.subType !== "formula" || typeof rule.value !== "string") return [];
    const mark = readMarkCells(rule.value);
    return (mark?.cells ?? []).map((cell) => ({ row: cell.row, column: cell.column, handle: cf.cfId, kind: mark!.kind }));
  });
}

function writeMarks(ws: FWorksheet, marks: NonNullable<SheetWrite["marks"]>): void {
  const existing = new Set(ws.getConditionalFormattingRules().map((cf) => cf.cfId));
  // A format of many cells (made on WPS) is one handle for each of its cells: deleted once, whole.
  for (const handle of marks.remove) if (existing.delete(handle)) ws.deleteConditionalFormattingRule(handle);
  for (const mark of marks.add) {
    const rule = ws
      .newConditionalFormattingRule()
      .whenFormulaSatisfied(markFormula(cellAddress(mark.row, mark.column), mark.severity))
      .setBackground(MARK_FILL[mark.severity])
      .setRanges([ws.getRange(mark.row, mark.column).getRange()])
      .build();
    ws.addConditionalFormattingRule(rule);
  }
}

/** Where a sheet keeps the charts asked of it: its custom data, part of the workbook's snapshot (the autosave). */
const CHARTS_KEY = "salesPlaybookCharts";

/** Univer draws no charts: the specs are kept on the sheet, beside any asked for before. */
function recordCharts(ws: FWorksheet, charts: readonly ChartSpec[]): void {
  const custom = ws.getCustomMetadata() ?? {};
  ws.setCustomMetadata({ ...custom, [CHARTS_KEY]: [...recordedCharts(ws), ...charts] });
}

/** The charts the add-in asked this sheet for (none when the sheet's custom data holds anything else). */
export function recordedCharts(ws: FWorksheet): ChartSpec[] {
  const kept: unknown = ws.getCustomMetadata()?.[CHARTS_KEY];
  return Array.isArray(kept) ? kept.filter(isChartSpec) : [];
}

function isChartSpec(value: unknown): value is ChartSpec {
  const spec = value as Partial<ChartSpec> | null;
  const isRef = (r: unknown) =>
    typeof r === "object" && r !== null && ["row", "column"].every((k) => Number.isInteger((r as Record<string, unknown>)[k]));
  return (
    typeof spec === "object" &&
    spec !== null &&
    ["line", "column", "bar", "waterfall"].includes(spec.kind as string) &&
    typeof spec.title === "string" &&
    isRef(spec.source) &&
    isRef(spec.at)
  );
}

function isProtected(ws: FWorksheet): boolean {
  try {
    return ws.getWorksheetPermission().isProtected();
  } catch {
    return false; // no permission service in this set-up
  }
}

function rowsOf(range: FRange): SheetEdit {
  const { startRow, endRow } = range.getRange();
  return { sheet: range.getSheetName(), rows: { row: startRow, rowCount: endRow - startRow + 1 } };
}
