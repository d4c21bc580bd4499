import { cellAddress, parseRangeAddress, rangeAddress, type RangeRef } from "../../../src/core/cell/a1";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { typedEntry } from "../typed-entry";

/**
 * A recording stand-in for WPS 表格's object model (WPS cannot run here), following the semantics the
 * WPS host relies on (et-jsapi-declare's typings and VBA's object model):
 * - synchronous; collections are 1-based and throw on an index out of range;
 * - `Range.Value2` writes: a string starting with "=" becomes a formula, "'" is the text prefix kept
 *   out of the value, other strings are read as typed (`typedEntry`: "0012" becomes 12, "2026-11" a date,
 *   "TRUE" a boolean, "12%" 0.12), "" empties the cell; the array's shape must match the range's;
 * - reads hand back a 2-D array, or, with `reads: "item"`, an object with `Item(row, column)`, and a
 *   scalar for one cell; formula cells read as null (there is no calculation engine here);
 * - colours are BGR integers; `Address`, `Count` and `Text` are methods with `members: "method"`,
 *   properties otherwise;
 * - a value or formula write raises SheetChange synchronously, as a user's edit does;
 * - every property read, write or method reached through the model counts as one ET call;
 * - `Worksheet.Range(address)` takes a comma-joined address of several areas ("B2,B4:B9") of at most 255
 *   characters (VBA's limit, which WPS follows), and `Range.Address` gives them back, cut at an area's end past
 *   255 characters, `Application.Union(r1, …, r30)` joins ranges of one sheet, and
 *   a conditional format added on such a range applies to all its areas; a conditional format's formula is at
 *   most 255 characters (Excel's and WPS's limit);
 * - `Worksheet.Comments` lists the sheet's notes (`Count`, `Item(i)`, each with `Text`, `Delete()` and
 *   `Parent`, its cell).
 */
export interface FakeEtOptions {
  readonly reads?: "array" | "item";
  readonly members?: "property" | "method";
  readonly apiEvents?: boolean;
  /** "none": writes raise no SheetChange of their own (a test then raises it, as a later echo). */
  readonly writeEvents?: "during" | "none";
  /** false: charts have no SeriesCollection (a build that cannot add series). */
  readonly chartSeries?: boolean;
}

/** Bumped whenever a sheet's conditional formats are added or deleted through the model. */
const conditionsVersion = new WeakMap<object, number>();
const parsedAddresses = new Map<string, RangeRef[]>();
/** The areas of an address ("B2,B4:B9"), parsed once. */
function parsedAddress(address: string): RangeRef[] {
  let refs = parsedAddresses.get(address);
  if (!refs) parsedAddresses.set(address, (refs = address.split(",").map((a) => parseRangeAddress(a)!)));
  return refs;
}
/** What `Range()` takes: the areas' addresses, comma-joined, at most 255 characters (VBA's limit). */
const ADDRESS_LIMIT = 255;
/** A conditional format's formula: at most 255 characters. */
const CONDITION_FORMULA_LIMIT = 255;

export interface FakeCondition {
  address: string;
  type: number;
  formula1: string;
  color?: number;
}

export interface FakeValidation {
  address: string;
  type: number;
  alertStyle?: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  inputMessage?: string;
  showInput?: boolean;
}

export interface FakeSeries {
  values?: unknown;
  xValues?: unknown;
  name?: string;
  fillVisible?: number;
  lineVisible?: number;
  /** `Points(i).Format.Fill.ForeColor.RGB` as set, by point (from 1). */
  pointColors: Map<number, number>;
}

export interface FakeChart {
  type?: number;
  source?: string;
  title?: string;
  hasTitle?: boolean;
  hasLegend?: boolean;
  series: FakeSeries[];
  left: number;
  top: number;
}

export interface FakeSheet {
  name: string;
  /** Worksheet.ProtectContents: value and formula writes throw, as ET's do on a protected sheet. */
  protected?: boolean;
  values: Map<string, CellValue>;
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  bold: Set<string>;
  /** Addresses whose WrapText was set true. */
  wrapped: Set<string>;
  columnWidths: Map<number, number>;
  validations: FakeValidation[];
  conditions: FakeCondition[];
  comments: Map<string, string>;
  tables: { name: string; address: string }[];
  charts: FakeChart[];
  frozenRows: number;
  /** Worksheet.Visible as set (-1 visible, 0 hidden); undefined: never set, visible. */
  visible?: number;
}

const key = (row: number, column: number) => `${row},${column}`;

function cellsOf(ref: RangeRef, limit: RangeRef): { row: number; column: number }[] {
  const rows = Math.min(ref.row + ref.rowCount, limit.row + limit.rowCount);
  const columns = Math.min(ref.column + ref.columnCount, limit.column + limit.columnCount);
  const out: { row: number; column: number }[] = [];
  for (let r = ref.row; r < rows; r++) for (let c = ref.column; c < columns; c++) out.push({ row: r, column: c });
  return out;
}

const overlaps = (a: RangeRef, b: RangeRef) =>
  a.row < b.row + b.rowCount &&
  b.row < a.row + a.rowCount &&
  a.column < b.column + b.columnCount &&
  b.column < a.column + a.columnCount;

export class FakeEt {
  readonly sheets: FakeSheet[] = [];
  placeholder?: FakeSheet;
  active = 0;
  /** Every object-model access, as "Object.member". */
  readonly log: string[] = [];
  calculation = -4105;
  screenUpdating = true;
  selected?: { sheet: string; address: string };
  private listeners: ((sheet: unknown, target: unknown) => void)[] = [];
  /** Each range handed out: its sheet and address (for `Application.Union`). */
  private readonly ranges = new WeakMap<object, { sheet: FakeSheet; address: string }>();
  private window = { SplitRow: 0, SplitColumn: 0, FreezePanes: false };
  readonly application: unknown;

  constructor(
    existing: readonly { name: string; values: CellValue[][] }[] = [],
    readonly options: FakeEtOptions = {},
  ) {
    for (const s of existing) {
      const sheet = this.newSheet(s.name);
      s.values.forEach((line, r) => line.forEach((v, c) => v !== null && v !== "" && sheet.values.set(key(r, c), v)));
    }
    // A workbook always has a sheet: a new one has an empty "Sheet1", which `placeholder` names.
    if (this.sheets.length === 0) this.placeholder = this.newSheet("Sheet1");
    this.application = this.track("Application", this.makeApplication());
  }

  get calls(): number {
    return this.log.length;
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  /** A user typing: the values are set, then SheetChange is raised, as ET does. */
  edit(sheetName: string, row: number, column: number, values: CellValue[][]): void {
    const sheet = this.sheet(sheetName);
    values.forEach((line, r) => line.forEach((v, c) => this.setValue(sheet, row + r, column + c, v)));
    this.fireSheetChange(sheetName, rangeAddress({ row, column, rowCount: values.length, columnCount: values[0].length }));
  }

  fireSheetChange(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const target = () => (address.includes(",") ? this.makeAreas(address) : this.makeRange(sheet, address));
    for (const listener of [...this.listeners]) listener(this.makeSheet(sheet), target());
  }

  /** A user clearing or typing into several areas at once (a multi-selection): one SheetChange for all of them. */
  editAreas(sheetName: string, areas: readonly { row: number; column: number; values: CellValue[][] }[]): void {
    const sheet = this.sheet(sheetName);
    for (const { row, column, values } of areas)
      values.forEach((line, r) => line.forEach((v, c) => this.setValue(sheet, row + r, column + c, v)));
    const address = areas
      .map(({ row, column, values }) => rangeAddress({ row, column, rowCount: values.length, columnCount: values[0].length }))
      .map((a) => a.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2"))
      .join(",");
    this.fireSheetChange(sheetName, address);
  }

  /**
   * The Target of a multi-area change: its Address names the areas ("$B$2,$B$4"), cut at an area's end past 255
   * characters as every `Range.Address` is; `Areas` (Count, Item(i)) gives each area whole, as VBA's Range.Areas does.
   */
  private makeAreas(address: string): object {
    const target = {};
    const cut = address.length <= ADDRESS_LIMIT ? address : address.slice(0, address.lastIndexOf(",", ADDRESS_LIMIT));
    this.defineMember(target, "Address", () => cut);
    const parts = address.split(",");
    const areas = {};
    this.defineMember(areas, "Count", () => parts.length);
    Object.assign(areas, {
      Item: (index: number) => {
        const area = {};
        this.defineMember(area, "Address", () => parts[index - 1]);
        return this.track("Range", area);
      },
    });
    Object.assign(target, { Areas: this.track("Areas", areas) });
    return this.track("Range", target);
  }

  get listenerCount(): number {
    return this.listeners.length;
  }

  private newSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      name,
      values: new Map(),
      formulas: new Map(),
      numberFormats: new Map(),
      bold: new Set(),
      wrapped: new Set(),
      columnWidths: new Map(),
      validations: [],
      conditions: [],
      comments: new Map(),
      tables: [],
      charts: [],
      frozenRows: 0,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Wraps an object so every member access is logged (one ET call each). */
  private track<T extends object>(label: string, target: T): T {
    return new Proxy(target, {
      get: (t, prop, receiver) => {
        if (typeof prop === "symbol" || prop === "then") return Reflect.get(t, prop, receiver);
        this.log.push(`${label}.${prop}`);
        return Reflect.get(t, prop, receiver);
      },
      set: (t, prop, value, receiver) => {
        this.log.push(`${label}.${String(prop)}=`);
        return Reflect.set(t, prop, value, receiver);
      },
    });
  }

  private member<T>(value: () => T): unknown {
    return this.options.members === "method" ? value : undefined;
  }

  /** Defines a member that is a method or a property, per the options. */
  private defineMember<T>(target: object, name: string, value: () => T): void {
    if (this.member(value)) Object.defineProperty(target, name, { value, enumerable: true });
    else Object.defineProperty(target, name, { get: value, enumerable: true });
  }

  private makeApplication(): object {
    const fake = this;
    const app = {
      get ActiveWorkbook() {
        return fake.makeWorkbook();
      },
      get ActiveWindow() {
        return fake.track("Window", fake.makeWindow());
      },
      get Calculation() {
        return fake.calculation;
      },
      set Calculation(v: number) {
        fake.calculation = v;
      },
      get ScreenUpdating() {
        return fake.screenUpdating;
      },
      set ScreenUpdating(v: boolean) {
        fake.screenUpdating = v;
      },
      Union: (...ranges: object[]) => {
        if (ranges.length < 2 || ranges.length > 30) throw new Error(`Union takes 2 to 30 ranges, not ${ranges.length}`);
        const parts = ranges.map((r) => fake.ranges.get(r));
        if (parts.some((p) => !p || p.sheet !== parts[0]!.sheet)) throw new Error("Union joins ranges of one sheet");
        return fake.makeRange(parts[0]!.sheet, parts.map((p) => p!.address).join(","));
      },
    };
    if (this.options.apiEvents !== false) {
      Object.defineProperty(app, "ApiEvent", {
        enumerable: true,
        get: () =>
          fake.track("ApiEvent", {
            AddApiEventListener(name: string, fn: (s: unknown, r: unknown) => void) {
              if (name === "SheetChange") fake.listeners.push(fn);
            },
            RemoveApiEventListener(name: string, fn: (s: unknown, r: unknown) => void) {
              if (name === "SheetChange") fake.listeners = fake.listeners.filter((l) => l !== fn);
            },
          }),
      });
    }
    return app;
  }

  private makeWindow(): object {
    const fake = this;
    const w = fake.window;
    return {
      get SplitRow() {
        return w.SplitRow;
      },
      set SplitRow(v: number) {
        w.SplitRow = v;
      },
      get SplitColumn() {
        return w.SplitColumn;
      },
      set SplitColumn(v: number) {
        w.SplitColumn = v;
      },
      get FreezePanes() {
        return w.FreezePanes;
      },
      set FreezePanes(v: boolean) {
        w.FreezePanes = v;
        fake.sheets[fake.active].frozenRows = v ? w.SplitRow : 0;
      },
    };
  }

  private makeWorkbook(): object {
    const fake = this;
    return this.track("Workbook", {
      get Worksheets() {
        return fake.makeWorksheets();
      },
      get ActiveSheet() {
        return fake.makeSheet(fake.sheets[fake.active]);
      },
    });
  }

  private itemOf<T>(items: T[], index: number | string, name: (t: T) => string): T {
    if (typeof index === "number") {
      if (!Number.isInteger(index) || index < 1 || index > items.length) throw new Error(`subscript out of range: ${index}`);
      return items[index - 1];
    }
    const found = items.find((t) => name(t).toLowerCase() === index.toLowerCase());
    if (!found) throw new Error(`subscript out of range: ${index}`);
    return found;
  }

  private makeWorksheets(): object {
    const fake = this;
    const target = {
      Item: (index: number | string) => fake.makeSheet(fake.itemOf(fake.sheets, index, (s) => s.name)),
      Add: (before?: { Name: string }, after?: { Name: string }) => {
        const anchor = after ?? before;
        const at = anchor ? fake.sheets.indexOf(fake.sheet(anchor.Name)) + (after ? 1 : 0) : fake.active;
        let n = fake.sheets.length + 1;
        while (fake.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
        const sheet = fake.newSheet(`Sheet${n}`);
        fake.sheets.splice(fake.sheets.indexOf(sheet), 1);
        fake.sheets.splice(at, 0, sheet);
        fake.active = at;
        return fake.makeSheet(sheet);
      },
    };
    this.defineMember(target, "Count", () => fake.sheets.length);
    return this.track("Worksheets", target);
  }

  private makeSheet(sheet: FakeSheet): object {
    const fake = this;
    return this.track("Worksheet", {
      get Name() {
        return sheet.name;
      },
      set Name(v: string) {
        if (fake.sheets.some((s) => s !== sheet && s.name.toLowerCase() === v.toLowerCase()))
          throw new Error(`a sheet named ${v} exists`);
        sheet.name = v;
      },
      get Visible() {
        return sheet.visible ?? -1;
      },
      get ProtectContents() {
        return sheet.protected === true;
      },
      set Visible(v: number) {
        sheet.visible = v;
      },
      Range: (address: string) => {
        if (address.length > ADDRESS_LIMIT) throw new Error(`Range(): an address over ${ADDRESS_LIMIT} characters`);
        return fake.makeRange(sheet, address);
      },
      get UsedRange() {
        return fake.makeRange(sheet, fake.usedAddress(sheet));
      },
      get Cells() {
        return fake.makeRange(sheet, "A1:XFD1048576");
      },
      get ListObjects() {
        return fake.makeListObjects(sheet);
      },
      get Comments() {
        return fake.makeComments(sheet);
      },
      ChartObjects: () =>
        fake.track("ChartObjects", {
          Add: (left: number, top: number) => {
            const chart: FakeChart = { left, top, series: [] };
            sheet.charts.push(chart);
            return fake.track("ChartObject", {
              get Chart() {
                return fake.track("Chart", {
                  set ChartType(v: number) {
                    chart.type = v;
                  },
                  SetSourceData: (source: { Address: unknown }) => {
                    chart.source = String(typeof source.Address === "function" ? source.Address() : source.Address);
                  },
                  set HasTitle(v: boolean) {
                    chart.hasTitle = v;
                  },
                  set HasLegend(v: boolean) {
                    chart.hasLegend = v;
                  },
                  ...(fake.options.chartSeries === false
                    ? {}
                    : {
                        SeriesCollection: () =>
                          fake.track("SeriesCollection", {
                            NewSeries: () => {
                              const series: FakeSeries = { pointColors: new Map() };
                              chart.series.push(series);
                              const fill = (set: (v: number) => void, color: (v: number) => void) => ({
                                set Visible(v: number) {
                                  set(v);
                                },
                                get ForeColor() {
                                  return {
                                    set RGB(v: number) {
                                      color(v);
                                    },
                                  };
                                },
                              });
                              const noColor = () => {
                                throw new Error("a series' own colour is not set by the host (fake ET)");
                              };
                              return fake.track("Series", {
                                set Values(v: unknown) {
                                  series.values = v;
                                },
                                set XValues(v: unknown) {
                                  series.xValues = v;
                                },
                                set Name(v: string) {
                                  series.name = v;
                                },
                                Format: {
                                  Fill: fill((v) => (series.fillVisible = v), noColor),
                                  Line: {
                                    set Visible(v: number) {
                                      series.lineVisible = v;
                                    },
                                  },
                                },
                                Points: (index: number) => {
                                  if (!Number.isInteger(index) || index < 1) throw new Error(`no point ${index} (1-based)`);
                                  return {
                                    Format: {
                                      Fill: fill(noColor, (v) => series.pointColors.set(index, v)),
                                    },
                                  };
                                },
                              });
                            },
                          }),
                      }),
                  get ChartTitle() {
                    return fake.track("ChartTitle", {
                      set Text(v: string) {
                        chart.title = v;
                      },
                    });
                  },
                });
              },
            });
          },
        }),
      Activate: () => {
        fake.active = fake.sheets.indexOf(sheet);
      },
    });
  }

  private makeListObjects(sheet: FakeSheet): object {
    const fake = this;
    const target = {
      Item: (index: number | string) => {
        const table = fake.itemOf(sheet.tables, index, (t) => t.name);
        return fake.track("ListObject", { Name: table.name });
      },
      Add: (sourceType: number, source: { Address: unknown }, _link: unknown, hasHeaders: number) => {
        if (sourceType !== 1 || hasHeaders !== 1) throw new Error("unsupported ListObjects.Add arguments");
        const address = String(typeof source.Address === "function" ? source.Address() : source.Address);
        const ref = parseRangeAddress(address)!;
        if (sheet.tables.some((t) => overlaps(parseRangeAddress(t.address)!, ref))) throw new Error("tables overlap");
        const table = { name: `表${sheet.tables.length + 1}`, address };
        sheet.tables.push(table);
        return fake.track("ListObject", {
          get Name() {
            return table.name;
          },
          set Name(v: string) {
            table.name = v;
          },
        });
      },
    };
    this.defineMember(target, "Count", () => sheet.tables.length);
    return this.track("ListObjects", target);
  }

  private usedAddress(sheet: FakeSheet): string {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const k of [...sheet.values.keys(), ...sheet.formulas.keys()]) {
      const [r, c] = k.split(",").map(Number);
      [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
    }
    if (bottom < 0) return "A1";
    return rangeAddress({ row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 });
  }

  private setValue(sheet: FakeSheet, row: number, column: number, raw: unknown): void {
    const k = key(row, column);
    sheet.formulas.delete(k);
    sheet.values.delete(k);
    if (raw === null || raw === undefined || raw === "") return;
    if (typeof raw === "string") {
      if (raw.startsWith("'")) sheet.values.set(k, raw.slice(1));
      else if (raw.startsWith("=") && raw.length > 1) sheet.formulas.set(k, raw);
      else sheet.values.set(k, typedEntry(raw)!);
      return;
    }
    if (typeof raw === "number" || typeof raw === "boolean") sheet.values.set(k, raw);
    else throw new Error(`cannot write ${String(raw)}`);
  }

  private makeRange(sheet: FakeSheet, address: string): object {
    const fake = this;
    const areas = address.split(",").map((a) => parseRangeAddress(a));
    if (areas.some((a) => !a)) throw new Error(`bad address ${address}`);
    // Members other than FormatConditions are used on one area only.
    const ref = areas[0]!;
    const limit = { row: 0, column: 0, rowCount: 1_048_576, columnCount: 16_384 };
    // Every area, comma-joined; past 255 characters cut at an area's end, without an error, as Excel's
    // Range.Address is (MicrosoftDocs/VBA-Docs#49; WPS follows VBA).
    const absolute = () => {
      const all = areas.map((a) => rangeAddress(a!).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")).join(",");
      return all.length <= ADDRESS_LIMIT ? all : all.slice(0, all.lastIndexOf(",", ADDRESS_LIMIT));
    };
    const grid = (): unknown => {
      const rows = Array.from({ length: ref.rowCount }, (_v, r) =>
        Array.from({ length: ref.columnCount }, (_w, c) => sheet.values.get(key(ref.row + r, ref.column + c)) ?? undefined),
      );
      if (ref.rowCount === 1 && ref.columnCount === 1) return rows[0][0];
      if (fake.options.reads === "item") {
        return fake.track("Value2", { Item: (r: number, c: number) => rows[r - 1][c - 1] });
      }
      return rows;
    };
    const writeGrid = (value: unknown, as: "value" | "formula") => {
      if (sheet.protected) throw new Error("The cell you are trying to change is protected and therefore read-only. (fake ET)");
      const put = (r: number, c: number, v: unknown) => {
        if (as === "formula" && typeof v === "string" && v.startsWith("=")) {
          sheet.values.delete(key(r, c));
          sheet.formulas.set(key(r, c), v);
        } else fake.setValue(sheet, r, c, v);
      };
      if (Array.isArray(value)) {
        if (value.length !== ref.rowCount || value.some((line) => !Array.isArray(line) || line.length !== ref.columnCount))
          throw new Error(`array shape does not match ${address}`);
        (value as unknown[][]).forEach((line, r) => line.forEach((v, c) => put(ref.row + r, ref.column + c, v)));
      } else for (const cell of cellsOf(ref, limit)) put(cell.row, cell.column, value);
      // ET raises SheetChange for the add-in's own writes too, inside the assignment.
      if (fake.options.writeEvents !== "none") fake.fireSheetChange(sheet.name, address);
    };
    const target = {
      get Rows() {
        const t = {};
        fake.defineMember(t, "Count", () => ref.rowCount);
        return fake.track("Rows", t);
      },
      get Columns() {
        const t = {};
        fake.defineMember(t, "Count", () => ref.columnCount);
        return fake.track("Columns", t);
      },
      get Row() {
        return ref.row + 1;
      },
      get Column() {
        return ref.column + 1;
      },
      get Value2() {
        return grid();
      },
      set Value2(v: unknown) {
        writeGrid(v, "value");
      },
      get Formula() {
        // As VBA: each cell's formula, or its constant ("" when empty); a 2-D array for a block, a scalar for one cell.
        const held = (r: number, c: number) => sheet.formulas.get(key(r, c)) ?? sheet.values.get(key(r, c)) ?? "";
        if (ref.rowCount === 1 && ref.columnCount === 1) return held(ref.row, ref.column);
        return Array.from({ length: ref.rowCount }, (_v, r) =>
          Array.from({ length: ref.columnCount }, (_w, c) => held(ref.row + r, ref.column + c)),
        );
      },
      set Formula(v: unknown) {
        writeGrid(v, "formula");
      },
      set NumberFormat(v: string) {
        sheet.numberFormats.set(address, v);
      },
      set WrapText(v: boolean) {
        if (v) sheet.wrapped.add(address);
        else sheet.wrapped.delete(address);
      },
      set ColumnWidth(v: number) {
        for (let c = ref.column; c < ref.column + ref.columnCount; c++) sheet.columnWidths.set(c, v);
      },
      get Font() {
        return fake.track("Font", {
          set Bold(v: boolean) {
            if (v) sheet.bold.add(address);
            else sheet.bold.delete(address);
          },
        });
      },
      get Validation() {
        return fake.track("Validation", fake.makeValidation(sheet, address, ref));
      },
      get FormatConditions() {
        return fake.makeConditions(sheet, address, areas as RangeRef[]);
      },
      get Comment() {
        if (ref.rowCount !== 1 || ref.columnCount !== 1) throw new Error("Comment is read on one cell");
        const a = cellAddress(ref.row, ref.column);
        const text = sheet.comments.get(a);
        if (text === undefined) return null;
        const c = { Delete: () => sheet.comments.delete(a) };
        fake.defineMember(c, "Text", () => text);
        return fake.track("Comment", c);
      },
      AddComment: (text: string) => {
        const a = cellAddress(ref.row, ref.column);
        if (sheet.comments.has(a)) throw new Error(`${a} already has a comment`);
        sheet.comments.set(a, text);
        return {};
      },
      get Left() {
        return ref.column * 54;
      },
      get Top() {
        return ref.row * 13.5;
      },
      Select: () => {
        fake.selected = { sheet: sheet.name, address };
        return true;
      },
    };
    this.defineMember(target, "Address", absolute);
    const range = this.track("Range", target);
    this.ranges.set(range, { sheet, address });
    return range;
  }

  private makeComments(sheet: FakeSheet): object {
    const fake = this;
    const target = {
      Item: (index: number) => {
        const [address, text] = fake.itemOf([...sheet.comments.entries()], index, ([a]) => a);
        const c = {
          Delete: () => sheet.comments.delete(address),
          get Parent() {
            return fake.makeRange(sheet, address);
          },
        };
        fake.defineMember(c, "Text", () => text);
        return fake.track("Comment", c);
      },
    };
    this.defineMember(target, "Count", () => sheet.comments.size);
    return this.track("Comments", target);
  }

  private makeValidation(sheet: FakeSheet, address: string, ref: RangeRef): object {
    const find = () => sheet.validations.find((v) => v.address === address);
    return {
      Delete: () => {
        sheet.validations = sheet.validations.filter((v) => !overlaps(parseRangeAddress(v.address)!, ref));
      },
      Add: (type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string) => {
        if (sheet.validations.some((v) => overlaps(parseRangeAddress(v.address)!, ref)))
          throw new Error(`${address} already has validation: Delete() first`);
        sheet.validations.push({ address, type, alertStyle, operator, formula1, formula2 });
      },
      set InputMessage(v: string) {
        const found = find();
        if (!found) throw new Error("no validation to prompt");
        found.inputMessage = v;
      },
      set InputTitle(_v: string) {},
      set ShowInput(v: boolean) {
        const found = find();
        if (!found) throw new Error("no validation to prompt");
        found.showInput = v;
      },
    };
  }

  private makeConditions(sheet: FakeSheet, address: string, refs: readonly RangeRef[]): object {
    const fake = this;
    // Each condition's range parsed once (a bench marks 10,000 cells: parsing on every look was minutes).
    let cached: { version: number; of: FakeCondition[]; list: FakeCondition[] } | undefined;
    const applying = () => {
      // Looked up once per change of the sheet's list (Item(i) in a loop over 10,000 marks was minutes).
      const version = conditionsVersion.get(sheet) ?? 0;
      if (!cached || cached.of !== sheet.conditions || cached.version !== version)
        cached = {
          version,
          of: sheet.conditions,
          list: sheet.conditions.filter((c) => parsedAddress(c.address).some((a) => refs.some((ref) => overlaps(a, ref)))),
        };
      return cached.list;
    };
    const changed = () => conditionsVersion.set(sheet, (conditionsVersion.get(sheet) ?? 0) + 1);
    const wrap = (condition: FakeCondition) => {
      const t = {
        get Interior() {
          return fake.track("Interior", {
            set Color(v: number) {
              if (!Number.isInteger(v) || v < 0 || v > 0xffffff) throw new Error(`not a BGR colour: ${v}`);
              condition.color = v;
            },
          });
        },
        Delete: () => {
          sheet.conditions.splice(sheet.conditions.indexOf(condition), 1);
          changed();
        },
      };
      fake.defineMember(t, "Formula1", () => {
        // As in VBA: colour scales (3), data bars (4) and icon sets (6) have no formula to read.
        if ([3, 4, 6].includes(condition.type)) throw new Error("this kind of condition has no Formula1");
        return condition.formula1;
      });
      fake.defineMember(t, "Type", () => condition.type);
      return fake.track("FormatCondition", t);
    };
    const target = {
      Item: (index: number) => wrap(fake.itemOf(applying(), index, () => "")),
      Add: (type: number, _operator: unknown, formula1: string) => {
        if (formula1.length > CONDITION_FORMULA_LIMIT) throw new Error(`a formula over ${CONDITION_FORMULA_LIMIT} characters`);
        const condition = { address, type, formula1 };
        sheet.conditions.push(condition);
        changed();
        return wrap(condition);
      },
    };
    this.defineMember(target, "Count", () => applying().length);
    return this.track("FormatConditions", target);
  }
}

/** "#RRGGBB" of a BGR integer, to compare with the pane's colours. */
export function bgrToHex(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0").toUpperCase()).join("")}`;
}
