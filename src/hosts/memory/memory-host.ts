import { sheetProtected } from "../../app/use-case-error";
import type { CellValue } from "../../core/cell/cell-value";
import type { RangeRef } from "../../core/cell/a1";
import type { ResolvedValidation } from "../../core/templates/sheet-blueprint";
import { markKind, type CellMark } from "../../core/validate/marks";
import type {
  ChartSpec,
  SheetEdit,
  HostCapabilities,
  SheetValues,
  SheetWrite,
  WorkbookHost,
  WorkbookOutline,
  WriteBatch,
} from "../../app/workbook-host.port";

export interface MemoryValidation {
  readonly range: RangeRef;
  readonly rule: ResolvedValidation;
  readonly prompt?: string;
}

/** One sheet held in memory, exactly as written. */
export interface MemorySheet {
  readonly name: string;
  /** Literal values and formula results are kept apart, as a spreadsheet does. */
  readonly values: CellValue[][];
  readonly formulas: (string | null)[][];
  readonly columnWidths: Map<number, number>;
  readonly numberFormats: { range: RangeRef; format: string }[];
  readonly boldRanges: RangeRef[];
  /** Ranges whose text wraps inside the cells. */
  readonly wrapRanges: RangeRef[];
  readonly validations: MemoryValidation[];
  readonly tables: { name: string; range: RangeRef }[];
  readonly marks: (CellMark & { handle: string })[];
  readonly charts: ChartSpec[];
  freezeRows: number;
  headerRow?: number;
  hidden?: boolean;
  /** Protected: reported with the marks, and a write that changes the sheet is refused, as a spreadsheet does. */
  protected?: boolean;
}

const FULL: HostCapabilities = {
  nativeValidation: true,
  tables: true,
  freezePanes: true,
  marks: true,
  notes: true,
  charts: true,
  editEvents: true,
};

function setCell<T>(grid: T[][], row: number, column: number, value: T, empty: T): void {
  while (grid.length <= row) grid.push([]);
  const line = grid[row];
  while (line.length < column) line.push(empty);
  line[column] = value;
}

/**
 * An in-memory workbook: the reference host for use-case tests and the engine behind nothing
 * else. It records each round trip so tests can check that use cases batch.
 */
export class MemoryHost implements WorkbookHost {
  readonly kind = "memory" as const;
  readonly sheets = new Map<string, MemorySheet>();
  readonly calls: ("readOutline" | "readSheets" | "write" | "select")[] = [];
  selected?: { sheet: string; cell: string };
  private nextHandle = 1;
  private readonly editHandlers = new Set<(edits: readonly SheetEdit[]) => void>();

  constructor(readonly capabilities: HostCapabilities = FULL) {}

  /** Adds a sheet with values, for test set-up (not counted as a call). */
  seedSheet(name: string, values: CellValue[][]): MemorySheet {
    const sheet = this.createSheet(name);
    values.forEach((line, r) => line.forEach((v, c) => setCell(sheet.values, r, c, v, null)));
    return sheet;
  }

  async readOutline(): Promise<WorkbookOutline> {
    this.calls.push("readOutline");
    return {
      sheets: [...this.sheets.keys()],
      tables: [...this.sheets.values()].flatMap((s) => s.tables.map((t) => t.name)),
    };
  }

  async readSheets(names: readonly string[], options: { marks?: boolean } = {}): Promise<SheetValues[]> {
    this.calls.push("readSheets");
    return names
      .map((name) => this.findSheet(name))
      .filter((s): s is MemorySheet => s !== undefined)
      .map((s) => ({
        name: s.name,
        row: 0,
        column: 0,
        values: s.values.map((line) => [...line]),
        ...(options.marks
          ? { marks: s.marks.map(({ row, column, handle, severity }) => ({ row, column, handle, kind: markKind(severity) })) }
          : {}),
        ...(options.marks && s.protected ? { protected: true } : {}),
      }));
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.calls.push("select");
    this.selected = { sheet, cell };
  }

  async subscribeToEdits(handler: (edits: readonly SheetEdit[]) => void): Promise<() => Promise<void>> {
    this.editHandlers.add(handler);
    return async () => {
      this.editHandlers.delete(handler);
    };
  }

  /** A user typing: sets the values (not counted as a call) and reports the edit, as a spreadsheet would. */
  simulateEdit(sheet: string, row: number, column: number, values: CellValue[][]): void {
    const target = this.findSheet(sheet);
    if (!target) throw new Error(`no sheet ${sheet}`);
    values.forEach((line, r) => line.forEach((v, c) => setCell(target.values, row + r, column + c, v, null)));
    const edit: SheetEdit = { sheet: target.name, rows: { row, rowCount: values.length } };
    for (const handler of this.editHandlers) handler([edit]);
  }

  async write(batch: WriteBatch): Promise<void> {
    this.calls.push("write");
    const locked = batch.sheets.find((op) => this.findSheet(op.sheet)?.protected);
    if (locked) throw sheetProtected(locked.sheet);
    for (const op of batch.sheets) this.applySheetWrite(op);
  }

  findSheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return [...this.sheets.values()].find((s) => s.name.toLowerCase() === lower);
  }

  private createSheet(name: string): MemorySheet {
    if (this.findSheet(name)) throw new Error(`sheet "${name}" already exists`);
    const sheet: MemorySheet = {
      name,
      values: [],
      formulas: [],
      columnWidths: new Map(),
      numberFormats: [],
      boldRanges: [],
      wrapRanges: [],
      validations: [],
      tables: [],
      marks: [],
      charts: [],
      freezeRows: 0,
    };
    this.sheets.set(name, sheet);
    return sheet;
  }

  private applySheetWrite(op: SheetWrite): void {
    const sheet = op.create ? this.createSheet(op.sheet) : this.findSheet(op.sheet);
    if (!sheet) throw new Error(`sheet "${op.sheet}" does not exist`);
    if (op.create && op.hidden) sheet.hidden = true;
    for (const block of op.values ?? []) {
      block.values.forEach((line, r) =>
        line.forEach((v, c) => {
          setCell(sheet.values, block.row + r, block.column + c, v, null);
          setCell(sheet.formulas, block.row + r, block.column + c, null, null);
        }),
      );
    }
    for (const block of op.formulas ?? []) {
      block.formulas.forEach((line, r) =>
        line.forEach((f, c) => {
          if (f !== null) setCell(sheet.formulas, block.row + r, block.column + c, f, null);
        }),
      );
    }
    for (const col of op.columns ?? []) {
      if (col.width !== undefined) sheet.columnWidths.set(col.column, col.width);
      const range = col.rows ? { row: col.rows.row, column: col.column, rowCount: col.rows.rowCount, columnCount: 1 } : undefined;
      if (range && col.numberFormat) sheet.numberFormats.push({ range, format: col.numberFormat });
      if (range && col.validation && this.capabilities.nativeValidation) {
        sheet.validations.push({ range, rule: col.validation, prompt: col.prompt });
      }
    }
    for (const f of op.formats ?? []) {
      if (f.numberFormat) sheet.numberFormats.push({ range: f.range, format: f.numberFormat });
      if (f.bold) sheet.boldRanges.push(f.range);
      if (f.wrap) sheet.wrapRanges.push(f.range);
    }
    if (op.marks && this.capabilities.marks) {
      const remove = new Set(op.marks.remove);
      const kept = sheet.marks.filter((m) => !remove.has(m.handle));
      sheet.marks.splice(0, sheet.marks.length, ...kept, ...op.marks.add.map((m) => ({ ...m, handle: `m${this.nextHandle++}` })));
    }
    if (op.charts && this.capabilities.charts) sheet.charts.push(...op.charts);
    if (op.table && this.capabilities.tables) sheet.tables.push({ ...op.table });
    if (op.freezeRows !== undefined && this.capabilities.freezePanes) sheet.freezeRows = op.freezeRows;
    if (op.headerRow !== undefined) sheet.headerRow = op.headerRow;
  }
}
