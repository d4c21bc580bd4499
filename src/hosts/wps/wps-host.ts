import { cellAddress, columnLetter, parseRangeAreas, rangeAddress, type CellRef, type RangeRef } from "../../core/cell/a1";
import { MARK_FILL, NOTE_PREFIX, readMarkFormula, type CellMark, type MarkTone } from "../../core/validate/marks";
import { areaMarkHandle, markAreas, readMarkAreas } from "../../core/validate/mark-areas";
import { notesWithin } from "../common/mark-notes";
import type { ResolvedValidation } from "../../core/templates/sheet-blueprint";
import type {
  ChartSpec,
  ExistingMark,
  HostCapabilities,
  SheetEdit,
  SheetValues,
  SheetWrite,
  WorkbookHost,
  WorkbookOutline,
  WriteBatch,
} from "../../app/workbook-host.port";
import { formulaRuns, toLiteralText } from "../common/literal-text";
import { WriteLedger } from "../common/write-ledger";
import { sheetProtected } from "../../app/use-case-error";
import {
  XL,
  member,
  toBgr,
  type EtApplication,
  type EtChart,
  type EtFormatCondition,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
  type SheetChangeListener,
} from "./et-object-model";
import { normaliseValue2 } from "./et-values";
import { waterfallSource, type WaterfallSource } from "../common/waterfall-source";
import { WATERFALL_FILL, waterfallBars, waterfallStacks } from "../../core/cell/waterfall-bars";

/** The waterfall is drawn as stacked columns over an invisible base (`addWaterfall`). */
const CHART_TYPES: Readonly<Record<Exclude<ChartSpec["kind"], "waterfall">, number>> = {
  line: XL.line,
  column: XL.columnClustered,
  bar: XL.barClustered,
};
/** A chart's size in points: about 8 default columns by 18 rows. */
const CHART_SIZE = { width: 480, height: 288 } as const;

/**
 * A waterfall as stacked columns: an invisible base (no fill, no border) under the visible parts above and below the
 * axis (`waterfallStacks`: a column crossing the axis is drawn exactly), each column coloured as a total, a rise or a
 * fall. The series hold their numbers (arrays, as VBA's `Array(...)`), so nothing is written to the sheet for them.
 * False when the chart cannot add series or the write does not hold the source's numbers.
 */
function addWaterfall(chart: EtChart, data: WaterfallSource | undefined): boolean {
  if (!data || typeof chart.SeriesCollection !== "function") return false;
  const bars = waterfallBars(data.values);
  const { base, above, below } = waterfallStacks(bars);
  const collection = chart.SeriesCollection();
  const series = (values: number[]) => {
    const added = collection.NewSeries();
    added.Values = values;
    added.XValues = [...data.categories];
    return added;
  };
  const hidden = series(base);
  const shown = [series(above), ...(below.some((v) => v !== 0) ? [series(below)] : [])];
  shown[0].Name = data.name;
  chart.ChartType = XL.columnStacked;
  hidden.Format.Fill.Visible = XL.msoFalse;
  hidden.Format.Line.Visible = XL.msoFalse;
  for (const part of shown)
    bars.forEach((bar, i) => (part.Points(i + 1).Format.Fill.ForeColor.RGB = toBgr(WATERFALL_FILL[bar.role])));
  chart.HasLegend = false;
  return true;
}

/** `Validation.Add`'s arguments for a host-neutral rule (VBA enum numbers). */
export function toEtValidation(rule: ResolvedValidation): [type: number, operator: number, formula1: string, formula2?: string] {
  switch (rule.kind) {
    case "list":
      return [XL.validateList, XL.between, rule.values.join(",")];
    case "date":
      return [XL.validateDate, XL.greaterEqual, "=DATE(1900,3,1)"];
    case "wholeNumber":
    case "decimal": {
      const type = rule.kind === "wholeNumber" ? XL.validateWholeNumber : XL.validateDecimal;
      if (rule.min !== undefined && rule.max !== undefined) return [type, XL.between, String(rule.min), String(rule.max)];
      if (rule.max !== undefined) return [type, XL.lessEqual, String(rule.max)];
      return [type, XL.greaterEqual, String(rule.min ?? 0)];
    }
  }
}

/**
 * A conditional format's formula; undefined for the kinds that have none (colour scales, data bars:
 * as in VBA, reading their Formula1 fails).
 */
function formulaOf(condition: EtFormatCondition): string | undefined {
  try {
    const formula = member(condition, "Formula1");
    return typeof formula === "string" ? formula : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A write that adds more finding marks than this to a sheet adds no notes to them: a note costs a few calls
 * into ET a cell (thousands of marks would be tens of thousands of calls); the pane lists every finding.
 */
export const NOTE_LIMIT = 100;

/** Runs `action`, ignoring a build that lacks the member (a setting that only speeds things up). */
function tryIt(action: () => void): void {
  try {
    action();
  } catch {
    // Not on this build.
  }
}

/**
 * WPS 表格 (ET) through its synchronous, VBA-like JavaScript object model. Each port call reads or
 * writes whole blocks (`Range.Value2`, `Range.Formula`), so the number of object-model calls grows
 * with the number of sheets, columns, marks and charts, never with the number of rows; the one
 * exception is a build that hands reads back through `Item(row, column)`, read cell by cell.
 */
export class WpsHost implements WorkbookHost {
  readonly kind = "wps" as const;
  readonly capabilities: HostCapabilities;
  private readonly ledger = new WriteLedger();
  /** While the add-in writes, every SheetChange is its own (ET may raise it inside the write). */
  private writing = false;

  constructor(private readonly app: EtApplication) {
    this.capabilities = {
      nativeValidation: true,
      tables: true,
      freezePanes: true,
      marks: true,
      notes: true, // a comment on each marked cell that has none of the user's, up to NOTE_LIMIT a write and sheet
      charts: true,
      editEvents: app.ApiEvent !== undefined && app.ApiEvent !== null,
    };
  }

  private workbook(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new Error("WPS has no open workbook");
    return wb;
  }

  /** The workbook's sheets by name (1-based, one Item call each). */
  private sheetsByName(wb: EtWorkbook): Map<string, EtWorksheet> {
    const sheets = wb.Worksheets;
    const count = member(sheets, "Count");
    const out = new Map<string, EtWorksheet>();
    for (let i = 1; i <= count; i++) {
      const ws = sheets.Item(i);
      out.set(ws.Name.toLowerCase(), ws);
    }
    return out;
  }

  async readOutline(): Promise<WorkbookOutline> {
    const wb = this.workbook();
    const sheets: string[] = [];
    const tables: string[] = [];
    for (const ws of this.sheetsByName(wb).values()) {
      sheets.push(ws.Name);
      const lists = ws.ListObjects;
      if (!lists) continue;
      const count = member(lists, "Count");
      for (let i = 1; i <= count; i++) tables.push(lists.Item(i).Name);
    }
    return { sheets, tables };
  }

  async readSheets(names: readonly string[], options: { marks?: boolean } = {}): Promise<SheetValues[]> {
    const byName = this.sheetsByName(this.workbook());
    const out: SheetValues[] = [];
    for (const name of names) {
      const ws = byName.get(name.toLowerCase());
      if (!ws) continue;
      const used = ws.UsedRange;
      const row = member(used, "Row") - 1;
      const column = member(used, "Column") - 1;
      const rows = member(used.Rows, "Count");
      const columns = member(used.Columns, "Count");
      let values = normaliseValue2(used.Value2, rows, columns);
      // An empty sheet's used range is A1 with nothing in it.
      if (rows === 1 && columns === 1 && values[0][0] === null) values = [];
      const marks = options.marks ? this.readMarks(ws) : undefined;
      // With the marks: whether the sheet is protected (no marks are added there). One call.
      const locked = options.marks ? isProtected(ws) : false;
      out.push({ name: ws.Name, row, column, values, ...(marks ? { marks } : {}), ...(locked ? { protected: true } : {}) });
    }
    return out;
  }

  /**
   * The add-in's marks: conditional formats whose formula carries the marker, read from the formulas alone
   * (`readMarkAreas`; a format of one cell from earlier versions, `readMarkFormula`, whose handle is its formula).
   */
  private readMarks(ws: EtWorksheet): ExistingMark[] {
    const conditions = ws.Cells.FormatConditions;
    const count = member(conditions, "Count");
    const marks = new Map<string, ExistingMark>();
    for (let i = 1; i <= count; i++) {
      const formula = formulaOf(conditions.Item(i));
      if (formula === undefined) continue;
      const single = readMarkFormula(formula);
      if (single) marks.set(formula, { row: single.cell.row, column: single.cell.column, handle: formula, kind: single.kind });
      const area = single ? undefined : readMarkAreas(formula);
      for (const cell of area?.cells ?? []) {
        const handle = areaMarkHandle(area!.tone, cell);
        marks.set(handle, { row: cell.row, column: cell.column, handle, kind: area!.kind });
      }
    }
    return [...marks.values()];
  }

  async write(batch: WriteBatch): Promise<void> {
    const app = this.app;
    const wb = this.workbook();
    let calculation: number | undefined;
    tryIt(() => (calculation = app.Calculation));
    tryIt(() => (app.ScreenUpdating = false));
    tryIt(() => (app.Calculation = XL.calculationManual));
    const before = wb.ActiveSheet;
    let activate: EtWorksheet | undefined;
    this.writing = true;
    try {
      const byName = this.sheetsByName(wb);
      for (const op of batch.sheets) {
        const ws = writingTo(byName, op, () => this.writeSheet(wb, byName, op));
        if (op.activate) activate = ws;
      }
      (activate ?? before)?.Activate();
    } finally {
      this.writing = false;
      if (calculation !== undefined) tryIt(() => (app.Calculation = calculation!));
      tryIt(() => (app.ScreenUpdating = true));
    }
  }

  private writeSheet(wb: EtWorkbook, byName: Map<string, EtWorksheet>, op: SheetWrite): EtWorksheet {
    let ws = byName.get(op.sheet.toLowerCase());
    if (op.create) {
      const sheets = wb.Worksheets;
      ws = sheets.Add(undefined, sheets.Item(member(sheets, "Count")));
      ws.Name = op.sheet;
      // xlSheetHidden (0); a build that refuses it leaves the sheet visible.
      if (op.hidden) tryIt(() => (ws!.Visible = 0));
      byName.set(op.sheet.toLowerCase(), ws);
    }
    if (!ws) throw new Error(`sheet "${op.sheet}" does not exist`);
    const range = (ref: RangeRef) => ws.Range(rangeAddress(ref));
    this.ledger.recordWrite(op);

    for (const block of op.values ?? []) {
      if (block.values.length === 0) continue;
      const ref = { row: block.row, column: block.column, rowCount: block.values.length, columnCount: block.values[0].length };
      range(ref).Value2 = block.values.map((line) => line.map(toLiteralText));
    }
    for (const block of op.formulas ?? []) {
      for (const run of formulaRuns(block.formulas)) {
        const ref = {
          row: block.row + run.row,
          column: block.column + run.column,
          rowCount: run.formulas.length,
          columnCount: 1,
        };
        range(ref).Formula = run.formulas;
      }
    }
    for (const col of op.columns ?? []) {
      if (col.width !== undefined) {
        const letter = columnLetter(col.column);
        ws.Range(`${letter}:${letter}`).ColumnWidth = col.width; // ET's unit is characters, as ours
      }
      if (!col.rows) continue;
      const cells = range({ row: col.rows.row, column: col.column, rowCount: col.rows.rowCount, columnCount: 1 });
      if (col.numberFormat) cells.NumberFormat = col.numberFormat;
      if (col.validation && this.capabilities.nativeValidation) {
        const [type, operator, formula1, formula2] = toEtValidation(col.validation);
        const validation = cells.Validation;
        validation.Delete();
        const alert = col.validation.kind === "list" && col.validation.allowOther ? XL.validAlertWarning : XL.validAlertStop;
        validation.Add(type, alert, operator, formula1, formula2);
        if (col.prompt) {
          validation.InputTitle = "";
          validation.InputMessage = col.prompt;
          validation.ShowInput = true;
        }
      }
    }
    for (const f of op.formats ?? []) {
      const cells = range(f.range);
      if (f.numberFormat) cells.NumberFormat = f.numberFormat;
      if (f.bold) cells.Font.Bold = true;
      if (f.wrap) cells.WrapText = true;
    }
    if (op.marks && this.capabilities.marks) this.replaceMarks(ws, op.marks.remove, op.marks.add);
    if (op.table && !this.addTable(ws, op.table.name, op.table.range)) {
      ws.Range(`${op.table.range.row + 1}:${op.table.range.row + 1}`).Font.Bold = true;
    } else if (!op.table && op.headerRow !== undefined) {
      ws.Range(`${op.headerRow + 1}:${op.headerRow + 1}`).Font.Bold = true;
    }
    for (const chart of (this.capabilities.charts && op.charts) || []) {
      const at = ws.Range(cellAddress(chart.at.row, chart.at.column));
      const added = ws.ChartObjects().Add(member(at, "Left"), member(at, "Top"), CHART_SIZE.width, CHART_SIZE.height).Chart;
      if (chart.kind !== "waterfall" || !addWaterfall(added, waterfallSource(op, chart.source))) {
        added.ChartType = CHART_TYPES[chart.kind === "waterfall" ? "column" : chart.kind];
        added.SetSourceData(range(chart.source));
      }
      added.HasTitle = true;
      added.ChartTitle.Text = chart.title;
    }
    if (op.freezeRows) {
      // Freezing works on the active window, so on the active sheet.
      ws.Activate();
      const window = this.app.ActiveWindow;
      window.FreezePanes = false;
      window.SplitColumn = 0;
      window.SplitRow = op.freezeRows;
      window.FreezePanes = true;
    }
    return ws;
  }

  /** A native table; false on a build without ListObjects (the header row is made bold instead). */
  private addTable(ws: EtWorksheet, name: string, ref: RangeRef): boolean {
    const lists = ws.ListObjects;
    if (!lists) return false;
    try {
      lists.Add(XL.srcRange, ws.Range(rangeAddress(ref)), undefined, XL.yes).Name = name;
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Removes the marks whose handles are given, then adds the new ones: the formats that lose a cell are deleted
   * and their other cells written again with the new marks of their tone, as a few formats each (`markAreas`),
   * so the calls grow with the formats, not the cells. The notes the add-in wrote on the cells whose finding
   * marks go are removed; a new finding mark gets a note where the cell has none of the user's, unless the write
   * adds more than `NOTE_LIMIT` of them to the sheet (a note is a few calls a cell; the pane lists every finding).
   */
  private replaceMarks(ws: EtWorksheet, remove: readonly string[], add: readonly CellMark[]): void {
    const kept = new Map<MarkTone, CellRef[]>();
    const unnoted: CellRef[] = [];
    if (remove.length > 0) {
      const gone = new Set(remove);
      const conditions = ws.Cells.FormatConditions;
      // Newest first, so the indexes of those still to look at stay valid.
      for (let i = member(conditions, "Count"); i >= 1; i--) {
        const condition = conditions.Item(i);
        const formula = formulaOf(condition);
        if (formula === undefined) continue;
        const single = readMarkFormula(formula);
        const area = single ? undefined : readMarkAreas(formula);
        if (single && gone.has(formula)) {
          condition.Delete();
          // A completion highlight has no note: a finding's note on the same cell stays.
          if (single.kind === "finding") unnoted.push(single.cell);
        } else if (area) {
          const leaving = area.cells.filter((c) => gone.has(areaMarkHandle(area.tone, c)));
          if (leaving.length === 0) continue;
          condition.Delete();
          if (area.kind === "finding") unnoted.push(...leaving);
          const staying = area.cells.filter((c) => !gone.has(areaMarkHandle(area.tone, c)));
          const list = kept.get(area.tone) ?? [];
          kept.set(area.tone, list);
          for (const cell of staying) list.push(cell);
        }
      }
    }
    if (unnoted.length > 0) this.removeOwnNotes(ws, unnoted);
    // A range asked for once: a one-cell mark's note goes on the range its format was added on.
    const ranges = new Map<string, EtRange>();
    const rangeAt = (address: string) => ranges.get(address) ?? ranges.set(address, ws.Range(address)).get(address)!;
    const tones = new Map(kept);
    for (const mark of add) {
      const cells = tones.get(mark.severity) ?? [];
      if (cells.length === 0) tones.set(mark.severity, cells);
      cells.push(mark);
    }
    for (const [tone, cells] of tones) {
      if (cells.length === 0) continue;
      for (const area of markAreas(tone, cells)) {
        for (const range of this.unionOf(area.addresses.map(rangeAt))) {
          const condition = range.FormatConditions.Add(XL.expression, undefined, area.formula);
          condition.Interior.Color = toBgr(MARK_FILL[tone]);
        }
      }
    }
    for (const mark of notesWithin(add, NOTE_LIMIT)) {
      const cell = rangeAt(cellAddress(mark.row, mark.column));
      const existing = cell.Comment;
      if (existing) {
        if (!member(existing, "Text").startsWith(NOTE_PREFIX)) continue; // the user's own note stays
        existing.Delete();
      }
      cell.AddComment(mark.note);
    }
  }

  /**
   * These ranges (each from an address within `Range()`'s 255 characters) as one range, joined with `Application.Union`
   * (30 arguments at most a call); on a build without it, each on its own (each gets its own format).
   */
  private unionOf(ranges: EtRange[]): EtRange[] {
    if (ranges.length === 1) return ranges;
    const union = this.app.Union;
    if (typeof union !== "function") return ranges;
    let out = ranges[0];
    for (let i = 1; i < ranges.length; i += 29) {
      const [next, ...more] = ranges.slice(i, i + 29);
      out = union.call(this.app, out, next, ...more);
    }
    return [out];
  }

  /**
   * Removes the add-in's notes from these cells: cell by cell, or through the sheet's comments when it has
   * fewer comments than there are cells (clearing thousands of marks); the user's notes stay.
   */
  private removeOwnNotes(ws: EtWorksheet, cells: readonly CellRef[]): void {
    const comments = ws.Comments;
    const count = comments ? member(comments, "Count") : Infinity;
    if (!comments || count >= cells.length) {
      for (const c of cells) this.removeOwnNote(ws.Range(cellAddress(c.row, c.column)));
      return;
    }
    const at = new Set(cells.map((c) => cellAddress(c.row, c.column)));
    for (let i = count; i >= 1; i--) {
      const note = comments.Item(i);
      if (!member(note, "Text").startsWith(NOTE_PREFIX)) continue;
      const cell = note.Parent;
      if (at.has(cellAddress(member(cell, "Row") - 1, member(cell, "Column") - 1))) note.Delete();
    }
  }

  private removeOwnNote(cell: EtRange): void {
    const note = cell.Comment;
    if (note && member(note, "Text").startsWith(NOTE_PREFIX)) note.Delete();
  }

  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.sheetsByName(this.workbook()).get(sheet.toLowerCase());
    if (!ws) return;
    ws.Activate();
    ws.Range(cell).Select();
  }

  async subscribeToEdits(handler: (edits: readonly SheetEdit[]) => void): Promise<() => Promise<void>> {
    const events = this.app.ApiEvent;
    if (!events) return async () => undefined;
    const listener: SheetChangeListener = (sheet, target) => {
      const name = sheet.Name;
      // Every area of a multi-selection edited at once ("$B$2,$B$4").
      const areas = changedAreas(target);
      if (!areas) return;
      // ET may raise SheetChange inside the add-in's write: all of it is the add-in's, reported now.
      if (this.writing) {
        for (const a of areas) this.ledger.forget(name, a);
        return;
      }
      // A later echo of the add-in's write (if this build raises one) is told from the user's edit of the same
      // cells by what they hold: read (their formulas, which give a constant cell's value) only when the time says maybe.
      const users = areas.filter(
        (a) =>
          !this.ledger.mayBeOwn(name, a) ||
          !this.ledger.isOwn(name, a, normaliseValue2(sheet.Range(rangeAddress(a)).Formula, a.rowCount, a.columnCount)),
      );
      if (users.length === 0) return;
      handler(
        users.map((range) => ({
          sheet: name,
          rows: { row: range.row, rowCount: Math.min(range.rowCount, 1_048_576 - range.row) },
        })),
      );
    };
    events.AddApiEventListener("SheetChange", listener);
    return async () => events.RemoveApiEventListener("SheetChange", listener);
  }
}

/**
 * The areas of a change's Target. `Address` names them all unless it is long: past 255 characters it is cut at an
 * area's end without an error (VBA's Range.Address, which ET follows), so a long one is read area by area through
 * `Areas`; a build without `Areas` gets the whole sheet rechecked rather than an area missed.
 */
function changedAreas(target: EtRange): RangeRef[] | undefined {
  const address = member(target, "Address");
  if (address.length < ADDRESS_CUT_AT) return parseRangeAreas(address);
  const areas = target.Areas;
  if (!areas) return [{ row: 0, column: 0, rowCount: 1_048_576, columnCount: 16_384 }];
  const out: RangeRef[] = [];
  for (let i = 1, n = member(areas, "Count"); i <= n; i++) {
    const area = parseRangeAreas(member(areas.Item(i), "Address"));
    if (!area) return undefined;
    out.push(...area);
  }
  return out;
}

/** The length from which a Range.Address may have been cut (255 characters, less the longest area's address). */
const ADDRESS_CUT_AT = 255 - "$XFD$1048576:$XFD$1048576,".length;

function isProtected(ws: EtWorksheet): boolean {
  try {
    return ws.ProtectContents === true;
  } catch {
    return false; // not on this build
  }
}

/** One sheet's write; ET's error for a protected sheet becomes the use-case error that names it. */
function writingTo(byName: Map<string, EtWorksheet>, op: SheetWrite, write: () => EtWorksheet): EtWorksheet {
  try {
    return write();
  } catch (error) {
    const ws = op.create ? undefined : byName.get(op.sheet.toLowerCase());
    if (ws && isProtected(ws)) throw sheetProtected(op.sheet);
    throw error;
  }
}

/**
 * The ET application of the page WPS runs the add-in in: `window.Application` on current builds,
 * `wps.EtApplication()` on older ones.
 */
export function resolveEtApplication(scope: object = globalThis): EtApplication {
  const g = scope as { Application?: EtApplication; wps?: { EtApplication?: EtApplication | (() => EtApplication) } };
  if (g.Application) return g.Application;
  const legacy = g.wps?.EtApplication;
  if (typeof legacy === "function") return legacy.call(g.wps);
  if (legacy) return legacy;
  throw new Error("not running in WPS: no Application object");
}

export function createWpsHost(app: EtApplication = resolveEtApplication()): WorkbookHost {
  return new WpsHost(app);
}

/**
 * WPS's interface language as a tag `resolveLocale` reads: `LanguageSettings.LanguageID(2)`
 * (msoLanguageIDUI; 2052 and the other Chinese LCIDs are zh), else the page's `navigator.language`.
 */
export function wpsLanguageTag(app: EtApplication, fallback: string | undefined): string | undefined {
  try {
    const settings = (app as unknown as { LanguageSettings?: { LanguageID(id: number): number } }).LanguageSettings;
    const lcid = settings?.LanguageID(2);
    if (typeof lcid === "number" && lcid > 0) return [2052, 1028, 3076, 4100, 5124].includes(lcid) ? "zh-CN" : "en";
  } catch {
    // Not on this build.
  }
  return fallback;
}
