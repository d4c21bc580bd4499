import type { CellValue } from "../core/cell/cell-value";
import type { RangeRef } from "../core/cell/a1";
import type { ResolvedValidation } from "../core/templates/sheet-blueprint";
import type { CellMark, MarkKind } from "../core/validate/marks";

/** Every host the add-in runs on. */
export type HostKind = "excel" | "wps" | "xlsx" | "univer" | "memory";

/** What a host can do beyond reading and writing values. Missing features degrade, never crash. */
export interface HostCapabilities {
  /** Native data validation (Excel: ExcelApi 1.8). */
  readonly nativeValidation: boolean;
  /** Native tables with a header row and banding. */
  readonly tables: boolean;
  /** Freeze panes (Excel: ExcelApi 1.7). */
  readonly freezePanes: boolean;
  /** Findings can be marked on cells (a conditional-format fill). */
  readonly marks?: boolean;
  /** Marks carry a note with the message (Excel: ExcelApi 1.18; elsewhere the pane lists them). */
  readonly notes?: boolean;
  /** Native charts on report sheets. */
  readonly charts?: boolean;
  /** The host reports edits as they happen (live validation). */
  readonly editEvents?: boolean;
}

/** A mark the add-in left on a cell, as read back: where, and the host's handle to remove it. */
export interface ExistingMark {
  readonly row: number;
  readonly column: number;
  readonly handle: string;
  /** A finding's mark or the weekly review's completion highlight (read from the mark's formula). */
  readonly kind: MarkKind;
}

export interface WorkbookOutline {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
}

/** The used values of one sheet, read in one call. `values[0][0]` is the cell at (row, column). */
export interface SheetValues {
  readonly name: string;
  readonly row: number;
  readonly column: number;
  readonly values: CellValue[][];
  /** The add-in's own marks on the sheet, when asked for with `{ marks: true }`. */
  readonly marks?: readonly ExistingMark[];
  /**
   * The sheet is protected (its cells and formats locked), read with the marks (`{ marks: true }`) in the same call:
   * the use cases add no marks there and say so. A write a host refuses on a protected sheet fails with the
   * use-case error `sheetProtected` (one sentence), never the host's own error.
   */
  readonly protected?: boolean;
}

/** Literal values: strings are always written as text, never run as a formula. Rows are all the same length. */
export interface ValueBlock {
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly CellValue[])[];
}

/** Formulas; `null` leaves a cell as it is. */
export interface FormulaBlock {
  readonly row: number;
  readonly column: number;
  readonly formulas: readonly (readonly (string | null)[])[];
}

export interface ColumnFormat {
  readonly column: number;
  /** Width in characters. */
  readonly width?: number;
  /** Number format applied to `rows` of this column. */
  readonly numberFormat?: string;
  readonly validation?: ResolvedValidation;
  readonly prompt?: string;
  /** The rows the number format, validation and prompt apply to. */
  readonly rows?: { readonly row: number; readonly rowCount: number };
}

/** A number format, bold text and/or wrapped text on a range. */
export interface RangeFormat {
  readonly range: RangeRef;
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** Wrap long text inside the cells (the row grows) instead of running over the next cells. */
  readonly wrap?: boolean;
}

/**
 * A native chart over a block of the sheet (first column: categories; first row: series names).
 * `waterfall`: one series whose first and last data rows are totals (the start and the end, drawn from the axis) and
 * whose rows between are signed changes, each floating from the running total (a host without a native waterfall
 * draws it as stacked columns over an invisible base).
 */
export interface ChartSpec {
  readonly kind: "line" | "column" | "bar" | "waterfall";
  readonly title: string;
  readonly source: RangeRef;
  /** Where the chart's top-left corner goes. */
  readonly at: { readonly row: number; readonly column: number };
}

/** Everything to do to one sheet. A host applies a whole `WriteBatch` in one round trip. */
export interface SheetWrite {
  readonly sheet: string;
  /** Add the sheet first. The use case has checked the name is free. */
  readonly create?: boolean;
  /**
   * With `create`: hide the new sheet (the add-in's settings sheet). Hosts honour it where they can (Excel
   * `visibility`, WPS `Visible`, ExcelJS `state`, Univer `hideSheet`); a visible sheet is no failure.
   */
  readonly hidden?: boolean;
  readonly values?: readonly ValueBlock[];
  readonly formulas?: readonly FormulaBlock[];
  readonly columns?: readonly ColumnFormat[];
  readonly formats?: readonly RangeFormat[];
  /** Make a native table of this range (first row = headers), where the host has tables. */
  readonly table?: { readonly name: string; readonly range: RangeRef };
  readonly freezeRows?: number;
  /** Remove these marks (handles from `readSheets`), then add these. */
  readonly marks?: { readonly remove: readonly string[]; readonly add: readonly CellMark[] };
  /** Where the host has charts (capabilities.charts); skipped elsewhere. */
  readonly charts?: readonly ChartSpec[];
  /** Bold, filled header row. */
  readonly headerRow?: number;
  readonly activate?: boolean;
}

export interface WriteBatch {
  readonly sheets: readonly SheetWrite[];
}

/**
 * The port every host implements. Designed for batching: a use case reads what it needs in
 * one call and writes in one call, whatever the number of rows.
 */
export interface WorkbookHost {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  /** Sheet and table names, one round trip. */
  readOutline(): Promise<WorkbookOutline>;
  /** The used range of each named sheet (and the add-in's marks on it, if asked); a missing sheet is left out. */
  readSheets(names: readonly string[], options?: { readonly marks?: boolean }): Promise<SheetValues[]>;
  write(batch: WriteBatch): Promise<void>;
  /** Brings a cell into view and selects it (the pane's findings list). */
  select?(sheet: string, cell: string): Promise<void>;
  /**
   * Calls `handler` with the rows of each sheet that the user changed, never for the add-in's own writes.
   * Returns the function that stops listening. Only where `capabilities.editEvents`.
   */
  subscribeToEdits?(handler: (edits: readonly SheetEdit[]) => void): Promise<() => Promise<void>>;
}

/** Rows of one sheet that changed (0-based, inclusive range). */
export interface SheetEdit {
  readonly sheet: string;
  readonly rows: { readonly row: number; readonly rowCount: number };
}
