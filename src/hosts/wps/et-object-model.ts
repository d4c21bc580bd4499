/**
 * The part of WPS 表格's (ET) JavaScript object model the WPS host uses, written as structural
 * types so the host builds without WPS and tests can pass a fake. Checked against the typings in
 * `et-jsapi-declare` 2.5.0 (ISC; `lib.et.d.ts`, `addon.et.d.ts`, `index.d.ts`), which WPS derived from
 * its C++ implementation:
 * - the object model is VBA's, synchronous, reached as `window.Application` (older builds:
 *   `wps.EtApplication()`); collections are 1-based (`Worksheets.Item(1)`);
 * - `Worksheets.Add(Before?, After?, Count?, Type?)` returns the new sheet, named through `.Name`;
 * - `Range.Value2` reads and writes a block as a 2-D array (dates as OLE serials); some builds hand a
 *   read back as an object with `Item(row, column)` instead, and a single cell as a scalar;
 * - `Range.Formula`, `NumberFormat`, `ColumnWidth` (in characters), `Font.Bold`;
 * - `Range.Validation.Delete()` / `.Add(Type, AlertStyle, Operator, Formula1, Formula2)` with VBA's
 *   enum numbers (`XlDVType`: whole number 1, decimal 2, list 3, date 4; `XlDVAlertStyle`: stop 1, warning 2;
 *   `XlFormatConditionOperator`: between 1, ≥ 7, ≤ 8), `InputMessage`, `ShowInput`;
 * - `Range.FormatConditions.Add(Type, Operator, Formula1)` (`xlExpression` = 2), each with
 *   `Formula1`, `Interior.Color` and `Delete()`;
 * - `Range.AddComment(Text)`, `Range.Comment` (null when none) with `Text()` and `Delete()`;
 *   `Worksheet.Comments` (`Count`, `Item(i)` from 1), each comment's `Parent` being its cell (VBA's object model;
 *   the typings say `any`);
 * - `Application.Union(Arg1, …, Arg30)` (`lib.et.d.ts`, Application): one range of several areas (the marks'
 *   conditional formats are added on it); `Range("A1,B4:B9")` takes a comma-joined address of at most 255
 *   characters (VBA's limit); `FormatCondition.AppliesTo` is not read (`core/validate/mark-areas.ts` says why);
 * - `Worksheet.ChartObjects().Add(Left, Top, Width, Height).Chart` with `ChartType` (`xlLine` 4,
 *   `xlColumnClustered` 51, `xlColumnStacked` 52, `xlBarClustered` 57), `SetSourceData(Range)`, `HasTitle`,
 *   `ChartTitle.Text`, `HasLegend`; `SeriesCollection().NewSeries()` with `Values` and `XValues` (arrays, as VBA's
 *   `Array(...)`), `Name`, `Format.Fill.Visible` / `Format.Line.Visible` (`msoFalse` 0) and
 *   `Points(i).Format.Fill.ForeColor.RGB` (i from 1);
 * - `Range.WrapText`;
 * - `Worksheet.ListObjects.Add(SourceType, Source, LinkSource, HasHeaders)` (`xlSrcRange` 1, `xlYes` 1);
 * - `Application.ActiveWindow.SplitRow` / `FreezePanes` (on the active sheet), `Calculation`
 *   (`xlCalculationManual` -4135), `ScreenUpdating`;
 * - `Application.ApiEvent.AddApiEventListener("SheetChange", (sheet, range) => …)` and
 *   `RemoveApiEventListener`;
 * - colours are BGR integers (R + G·256 + B·65536), as in VBA.
 * Some members are properties on one build and methods on another (`Address`, `Count`, `Text`):
 * read them through `member()`.
 */

/** A member that is a property on some builds and a method on others. */
export type Member<T> = T | (() => T);

export interface EtCollection<T> {
  readonly Count: Member<number>;
  Item(index: number | string): T;
}

export interface EtFont {
  Bold: boolean;
}

export interface EtInterior {
  Color: number;
}

export interface EtValidation {
  Delete(): void;
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void;
  InputMessage: string;
  InputTitle: string;
  ShowInput: boolean;
}

export interface EtFormatCondition {
  readonly Type: Member<number>;
  readonly Formula1: Member<string>;
  readonly Interior: EtInterior;
  Delete(): void;
}

export interface EtFormatConditions extends EtCollection<EtFormatCondition> {
  Add(type: number, operator?: number, formula1?: string, formula2?: string): EtFormatCondition;
}

export interface EtComment {
  readonly Text: Member<string>;
  Delete(): void;
  /** The comment's cell. */
  readonly Parent: EtRange;
}

export interface EtComments extends EtCollection<EtComment> {}

export interface EtCount {
  readonly Count: Member<number>;
}

export interface EtRange {
  readonly Row: Member<number>;
  readonly Column: Member<number>;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  readonly Address: Member<string>;
  /** Each area of a multi-area range (VBA's Range.Areas): its Address is cut past 255 characters, the areas are not. */
  readonly Areas?: EtCollection<EtRange>;
  Value2: unknown;
  Formula: unknown;
  NumberFormat: string;
  ColumnWidth: number;
  WrapText?: boolean;
  readonly Font: EtFont;
  readonly Validation: EtValidation;
  readonly FormatConditions: EtFormatConditions;
  readonly Comment: EtComment | null | undefined;
  AddComment(text: string): EtComment;
  readonly Left: Member<number>;
  readonly Top: Member<number>;
  Select(): unknown;
}

export interface EtFillFormat {
  Visible: number;
  readonly ForeColor: { RGB: number };
}

export interface EtSeries {
  Values: unknown;
  XValues: unknown;
  Name: string;
  readonly Format: { readonly Fill: EtFillFormat; readonly Line: { Visible: number } };
  Points(index: number): { readonly Format: { readonly Fill: EtFillFormat } };
}

export interface EtChart {
  ChartType: number;
  SetSourceData(source: EtRange, plotBy?: number): void;
  HasTitle: boolean;
  HasLegend?: boolean;
  readonly ChartTitle: { Text: string };
  /** Absent on a build that cannot add series (the waterfall is then drawn as plain columns). */
  SeriesCollection?(): { NewSeries(): EtSeries };
}

export interface EtChartObjects {
  Add(left: number, top: number, width: number, height: number): { readonly Chart: EtChart };
}

export interface EtListObject {
  Name: string;
}

export interface EtListObjects extends EtCollection<EtListObject> {
  Add(sourceType: number, source: EtRange, linkSource?: unknown, hasHeaders?: number): EtListObject;
}

export interface EtWorksheet {
  Name: string;
  /** `xlSheetVisible` -1, `xlSheetHidden` 0 (VBA's XlSheetVisibility). */
  Visible?: number;
  /** True while the sheet is protected (VBA's `Worksheet.ProtectContents`). */
  readonly ProtectContents?: boolean;
  Range(address: string): EtRange;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  readonly ListObjects?: EtListObjects;
  /** Missing on a build without it: notes are then looked at cell by cell. */
  readonly Comments?: EtComments;
  ChartObjects(): EtChartObjects;
  Activate(): void;
}

export interface EtWorksheets extends EtCollection<EtWorksheet> {
  Add(before?: EtWorksheet, after?: EtWorksheet, count?: number, type?: number): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export type SheetChangeListener = (sheet: EtWorksheet, target: EtRange) => void;

export interface EtApiEvent {
  AddApiEventListener(name: "SheetChange", callback: SheetChangeListener): void;
  RemoveApiEventListener(name: "SheetChange", callback?: SheetChangeListener): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null | undefined;
  readonly ActiveWindow: EtWindow;
  Calculation: number;
  ScreenUpdating: boolean;
  /** Several ranges of a sheet as one (up to 30 arguments); missing on a build without it. */
  readonly Union?: (arg1: EtRange, arg2: EtRange, ...more: EtRange[]) => EtRange;
  /** The add-in root's events (WPS.EtAddonRoot); missing outside an add-in. */
  readonly ApiEvent?: EtApiEvent;
}

/** VBA enum numbers the host uses (et-jsapi-declare `lib.et.d.ts`). */
export const XL = {
  validateWholeNumber: 1,
  validateDecimal: 2,
  validateList: 3,
  validateDate: 4,
  validAlertStop: 1,
  /** xlValidAlertWarning: a value outside the list is warned about, not refused. */
  validAlertWarning: 2,
  between: 1,
  greaterEqual: 7,
  lessEqual: 8,
  expression: 2,
  srcRange: 1,
  yes: 1,
  line: 4,
  columnClustered: 51,
  columnStacked: 52,
  msoFalse: 0,
  barClustered: 57,
  calculationManual: -4135,
} as const;

/** Reads a member that is a property on one build and a method on another. */
export function member<T, K extends keyof T>(target: T, key: K): T[K] extends Member<infer V> ? V : never {
  const value = target[key] as unknown;
  return (typeof value === "function" ? (value as () => unknown).call(target) : value) as never;
}

/** "#FFC7CE" to the BGR integer the object model takes (R + G·256 + B·65536). */
export function toBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`not a #RRGGBB colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16));
  return r + g * 256 + b * 65536;
}
