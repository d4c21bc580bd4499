import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, columnIndex } from "../../../src/core/cell/a1";
import type { CellValue } from "../../../src/core/cell/cell-value";
import type { ExcelEnvironment } from "../../../src/hosts/excel/excel-environment";
import { typedEntry } from "../typed-entry";

/**
 * A stand-in for Excel's object model, for tests only: Excel cannot run here. The request
 * context is an office-addin-mock `OfficeMockObject` (load/sync semantics: a collection read
 * before `sync()` fails); ranges are recording objects so tests can assert every property set.
 */
export interface FakeRange {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  address: string;
  values?: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  format: { columnWidth?: number; font: { bold?: boolean }; wrapText?: boolean; rowsAutofit?: boolean };
  dataValidation: {
    rule?: Excel.DataValidationRule;
    prompt?: Excel.DataValidationPrompt;
    errorAlert?: Excel.DataValidationErrorAlert;
  };
  entireColumn?: boolean;
  entireRow?: boolean;
  /** A range the host only read (a chunk): not a write. */
  readOnly?: boolean;
  /** Its change event was already raised. */
  reported?: boolean;
}

export interface FakeConditionalFormat {
  id: string;
  address: string;
  type: "Custom";
  custom: { rule: { formula?: string }; format: { fill: { color?: string } } };
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title: { text?: string };
  position?: string;
  legend: { visible?: boolean };
}

export interface FakeSheetState {
  name: string;
  used?: { row: number; column: number; values: CellValue[][] };
  ranges: FakeRange[];
  tables: { address: string; hasHeaders: boolean; name?: string }[];
  frozenRows?: number;
  visibility?: string;
  activated: boolean;
  id: string;
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  changeHandlers: ((event: Excel.WorksheetChangedEventArgs) => Promise<void>)[];
  /** worksheet.protection.protected: a sync that changes the sheet fails with AccessDenied, as Excel's does. */
  protected?: boolean;
}

export interface FakeExcel {
  env: ExcelEnvironment;
  readonly sheets: Map<string, FakeSheetState>;
  readonly tableNames: string[];
  /** Every `context.sync()` across all `Excel.run` batches. */
  syncs: number;
  runs: number;
  suspendCalls: number;
  loads: string[];
  selected?: { sheet: string; address: string };
  /** Values loads above this many cells fail at sync as Excel on the web's payload limit does. */
  payloadCells: number;
  /**
   * Set to an empty array to measure each sync's payload: the UTF-8 bytes (as JSON) of the values read back and
   * of the values, formulas, formats, validation and mark rules sent; `chunk` when it read a range in chunks.
   */
  payloads?: SyncPayload[];
  /** With `payloads` measured: a sync carrying more bytes than this fails as Excel on the web's 5 MB limit does. */
  payloadLimitBytes: number;
  /** A user (or add-in) edit as Excel reports it to onChanged handlers. */
  fireChange(sheet: string, address: string, triggerSource?: "Local" | "ThisLocalAddin"): Promise<void>;
  /** "none": the add-in's writes raise no onChanged of their own (a test raises it later, as an echo, or never). */
  writeEvents: "sync" | "none";
  /** A user typing into one or several areas at once: the cells change, then one onChanged names every area. */
  type(sheet: string, areas: readonly { row: number; column: number; values: CellValue[][] }[]): Promise<void>;
}

export interface SyncPayload {
  readonly bytes: number;
  readonly refused: boolean;
  readonly chunk: boolean;
}

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? "");

export type RequirementSets = Readonly<Record<string, string>>;

/** ExcelApi 1.7 only (Office 2019), and a recent full set. */
export const EXCEL_1_7: RequirementSets = { ExcelApi: "1.7" };
export const EXCEL_CURRENT: RequirementSets = { ExcelApi: "1.17" };

function versionAtLeast(have: string, want: string): boolean {
  const [h1, h2] = have.split(".").map(Number);
  const [w1, w2] = want.split(".").map(Number);
  return h1 > w1 || (h1 === w1 && h2 >= w2);
}

function makeRange(sheet: string, row: number, column: number, rowCount: number, columnCount: number): FakeRange {
  const end = cellAddress(row + rowCount - 1, column + columnCount - 1);
  const start = cellAddress(row, column);
  return {
    sheet,
    row,
    column,
    rowCount,
    columnCount,
    address: start === end ? start : `${start}:${end}`,
    format: { font: {} },
    dataValidation: {},
  };
}

export function createFakeExcel(
  sets: RequirementSets = EXCEL_CURRENT,
  existing: { name: string; values?: CellValue[][] }[] = [],
): FakeExcel {
  let nextId = 1;
  let payloadError = false;
  /** A change queued on a protected sheet: the next sync fails (and the change is not made). */
  let refusedByProtection = false;
  // Measured payloads (state.payloads): bytes read since the last sync, whether a chunk was read, what was already sent.
  let pendingBytes = 0;
  let pendingChunk = false;
  const sent = new WeakSet<object>();
  const newSheet = (name: string, used?: FakeSheetState["used"]): FakeSheetState => ({
    name,
    ranges: [],
    tables: [],
    activated: false,
    used,
    id: `{sheet-${nextId++}}`,
    conditionalFormats: [],
    charts: [],
    changeHandlers: [],
  });
  const state: FakeExcel = {
    env: undefined as unknown as ExcelEnvironment,
    sheets: new Map(),
    tableNames: [],
    syncs: 0,
    runs: 0,
    suspendCalls: 0,
    loads: [],
    payloadCells: Infinity,
    payloadLimitBytes: Infinity,
    writeEvents: "sync",
    async type(sheet, areas) {
      const target = state.sheets.get(sheet)!;
      const typed = areas.map(({ row, column, values }) => ({
        ...makeRange(sheet, row, column, values.length, values[0].length),
        values,
        reported: true,
      }));
      // On top of what the add-in wrote, and not sent by the add-in's next sync.
      for (const r of typed) {
        target.ranges.push(r);
        sent.add(r);
      }
      await state.fireChange(sheet, typed.map((r) => r.address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")).join(","));
    },
    async fireChange(sheet, address, triggerSource = "Local") {
      const target = state.sheets.get(sheet);
      for (const handler of [...(target?.changeHandlers ?? [])]) {
        await handler({
          worksheetId: target!.id,
          address,
          changeType: "RangeEdited",
          source: "Local",
          triggerSource,
          type: "WorksheetChanged",
        } as unknown as Excel.WorksheetChangedEventArgs);
      }
    },
  };
  for (const s of existing)
    state.sheets.set(s.name, newSheet(s.name, s.values ? { row: 0, column: 0, values: s.values } : undefined));

  const worksheetApi = (sheetState: FakeSheetState) => {
    const track = (r: FakeRange) => {
      sheetState.ranges.push(r);
      return r;
    };
    const rangeApi = (r: FakeRange) =>
      Object.assign(r, {
        getEntireColumn: () =>
          rangeApi(track({ ...makeRange(r.sheet, 0, r.column, 1_048_576, r.columnCount), entireColumn: true })),
        getEntireRow: () => rangeApi(track({ ...makeRange(r.sheet, r.row, 0, r.rowCount, 16_384), entireRow: true })),
        format: Object.assign(r.format, { autofitRows: () => (r.format.rowsAutofit = true) }),
        load(props: string) {
          state.loads.push(`range ${r.address}:${props}`);
          if (props.includes("formulas")) {
            // A read of what the cells hold: a formula cell's formula, another cell's value.
            const held = readBack(sheetState, "formulas");
            r.readOnly = true;
            r.formulas = Array.from({ length: r.rowCount }, (_v, i) =>
              Array.from(
                { length: r.columnCount },
                (_w, j) => held?.values[r.row - held.row + i]?.[r.column - held.column + j] ?? "",
              ),
            );
          }
          if (!props.includes("values")) return r;
          // A read (a chunk): give it the cells as they are, and keep it out of the writes.
          const used = readBack(sheetState);
          r.readOnly = true;
          r.values = Array.from({ length: r.rowCount }, (_v, i) =>
            Array.from(
              { length: r.columnCount },
              (_w, j) => used?.values[r.row - used.row + i]?.[r.column - used.column + j] ?? "",
            ),
          );
          if (state.payloads) {
            pendingBytes += jsonBytes(r.values);
            pendingChunk = true;
          }
          return r;
        },
      });
    const conditionalFormatsOf = (address: string) => ({
      items: [] as unknown[],
      load(props: string) {
        state.loads.push(`conditionalFormats:${props}`);
        this.items = sheetState.conditionalFormats.map((cf) => ({
          id: cf.id,
          type: cf.type,
          customOrNullObject: { isNullObject: false, rule: { formula: cf.custom.rule.formula } },
        }));
        return this;
      },
      getItem(id: string) {
        return {
          delete: () => {
            if (sheetState.protected) return void (refusedByProtection = true);
            pendingBytes += state.payloads ? jsonBytes(id) : 0;
            const index = sheetState.conditionalFormats.findIndex((cf) => cf.id === id);
            if (index < 0) throw new Error(`ItemNotFound: conditional format ${id} (fake Excel)`);
            sheetState.conditionalFormats.splice(index, 1);
          },
        };
      },
      add(type: string) {
        if (sheetState.protected) refusedByProtection = true;
        const cf: FakeConditionalFormat = {
          id: `{cf-${nextId++}}`,
          address,
          type: type as "Custom",
          custom: { rule: {}, format: { fill: {} } },
        };
        if (!sheetState.protected) sheetState.conditionalFormats.push(cf);
        return cf;
      },
    });
    return {
      name: sheetState.name,
      protection: {
        protected: false,
        load(this: { protected: boolean }) {
          state.loads.push("protection:protected");
          this.protected = sheetState.protected === true;
          return this;
        },
      },
      set visibility(v: string) {
        sheetState.visibility = v;
      },
      getRange: (address?: string) => ({
        conditionalFormats: conditionalFormatsOf(address ?? "*"),
        select: () => {
          state.selected = { sheet: sheetState.name, address: address ?? "*" };
        },
      }),
      charts: {
        add: (type: string, source: FakeRange, seriesBy?: string) => {
          const chart: FakeChart = { type, source: source.address, seriesBy, title: {}, legend: {} };
          sheetState.charts.push(chart);
          return Object.assign(chart, { setPosition: (cell: string) => (chart.position = cell) });
        },
      },
      getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) =>
        rangeApi(track(makeRange(sheetState.name, row, column, rowCount, columnCount))),
      getUsedRangeOrNullObject: () => {
        const used = readBack(sheetState);
        if (!used) return { isNullObject: true, load: () => undefined };
        const cells = used.values.length * (used.values[0]?.length ?? 0);
        return {
          isNullObject: false,
          rowIndex: used.row,
          columnIndex: used.column,
          rowCount: used.values.length,
          columnCount: used.values[0]?.length ?? 0,
          values: used.values,
          load: (props: string) => {
            state.loads.push(`usedRange:${props}`);
            if (props.includes("values") && cells > state.payloadCells) payloadError = true;
            if (props.includes("values") && state.payloads) pendingBytes += jsonBytes(used.values);
          },
        };
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          const table: { address: string; hasHeaders: boolean; name?: string } = { address, hasHeaders };
          sheetState.tables.push(table);
          return table;
        },
      },
      freezePanes: {
        freezeRows: (n: number) => {
          sheetState.frozenRows = n;
        },
      },
      activate: () => {
        sheetState.activated = true;
      },
    };
  };

  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items: [],
          load(this: OfficeMockObject, props: string) {
            state.loads.push(`worksheets:${props}`);
            // Let office-addin-mock mark `items` loaded so reading it before sync fails.
            return OfficeMockObject.prototype.load.call(this, "items");
          },
          add(name: string) {
            if ([...state.sheets.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) {
              throw new Error(`A worksheet named "${name}" already exists (fake Excel)`);
            }
            const sheetState = newSheet(name);
            state.sheets.set(name, sheetState);
            return worksheetApi(sheetState);
          },
          getItem(name: string) {
            const sheetState = state.sheets.get(name);
            if (!sheetState) throw new Error(`ItemNotFound: ${name} (fake Excel)`);
            return worksheetApi(sheetState);
          },
          getItemOrNullObject(name: string) {
            const sheetState = state.sheets.get(name);
            return sheetState
              ? worksheetApi(sheetState)
              : {
                  getUsedRangeOrNullObject: () => ({ isNullObject: true, load: () => undefined }),
                  getRange: () => ({ conditionalFormats: { load: () => ({ items: [] }) } }),
                  protection: { load: () => ({ protected: false }) },
                };
          },
        },
        tables: {
          items: [],
          load(this: OfficeMockObject, props: string) {
            state.loads.push(`tables:${props}`);
            return OfficeMockObject.prototype.load.call(this, "items");
          },
        },
      },
      application: {
        suspendApiCalculationUntilNextSync() {
          state.suspendCalls++;
        },
      },
    },
  });

  const context = mock.context as OfficeMockObject;
  // Refresh the loaded collections from the fake's state at each sync, then let the mock resolve loads.
  const mockSync = context.sync.bind(context);
  context.sync = async () => {
    state.syncs++;
    if (state.payloads) {
      let bytes = pendingBytes;
      for (const sheet of state.sheets.values()) {
        for (const r of [...sheet.ranges, ...sheet.conditionalFormats, ...sheet.charts, ...sheet.tables]) {
          if (sent.has(r) || (r as FakeRange).readOnly) continue;
          sent.add(r);
          bytes += jsonBytes(r);
        }
      }
      const refused = bytes > state.payloadLimitBytes;
      state.payloads.push({ bytes, refused, chunk: pendingChunk });
      pendingBytes = 0;
      pendingChunk = false;
      if (refused) payloadError = true;
    }
    for (const sheet of state.sheets.values()) {
      if (!sheet.protected) continue;
      const refused = sheet.ranges.filter((r) => !r.readOnly && !r.reported && (r.values || r.formulas));
      if (refused.length > 0) refusedByProtection = true;
      sheet.ranges = sheet.ranges.filter((r) => !refused.includes(r));
    }
    if (refusedByProtection) {
      refusedByProtection = false;
      throw Object.assign(new Error("You cannot perform the requested operation. (fake Excel)"), { code: "AccessDenied" });
    }
    if (payloadError) {
      payloadError = false;
      throw Object.assign(new Error("The request payload size has exceeded the limit (fake Excel)"), {
        code: "RequestPayloadSizeLimitExceeded",
      });
    }
    const wb = context.workbook as OfficeMockObject;
    const refresh = [
      setCollectionItems(
        wb.worksheets as OfficeMockObject,
        [...state.sheets.values()].map((ws) => ({
          name: ws.name,
          id: ws.id,
          onChanged: {
            add: (handler: (event: Excel.WorksheetChangedEventArgs) => Promise<void>) => {
              ws.changeHandlers.push(handler);
              return {
                context: { sync: async () => undefined },
                remove: () => ws.changeHandlers.splice(ws.changeHandlers.indexOf(handler), 1),
              };
            },
          },
        })),
      ),
      setCollectionItems(
        wb.tables as OfficeMockObject,
        [...state.sheets.values()]
          .flatMap((s) => s.tables.map((t) => ({ name: t.name ?? "" })))
          .concat(state.tableNames.map((name) => ({ name }))),
      ),
    ];
    await mockSync();
    // office-addin-mock updates nested properties in later microtasks: let them settle.
    await new Promise((resolve) => setImmediate(resolve));
    refresh.forEach((apply) => apply());
    // Like Excel, raise onChanged for the values and formulas this sync wrote: marked as the add-in's
    // own on ExcelApi 1.14+, indistinguishable from the user's before.
    const own = versionAtLeast(sets.ExcelApi ?? "1.1", "1.14") ? "ThisLocalAddin" : "Local";
    for (const sheet of state.sheets.values()) {
      for (const range of sheet.ranges) {
        if (range.reported || range.readOnly || (!range.values && !range.formulas)) continue;
        range.reported = true;
        if (state.writeEvents === "none") continue;
        await state.fireChange(sheet.name, range.address, own);
      }
    }
  };

  state.env = {
    run: async (batch) => {
      state.runs++;
      return batch(context as unknown as Excel.RequestContext);
    },
    isSetSupported: (name, version) => sets[name] !== undefined && versionAtLeast(sets[name], version),
  };
  return state;
}

/**
 * What Excel keeps of a value written through `Range.values`: the text prefix "'" is dropped, and any other string
 * is read as typed (`typedEntry`: "0012" becomes 12, "2026-11" a date serial, "TRUE" a boolean); "" stays empty.
 */
export function keptValue(written: unknown): CellValue {
  if (typeof written !== "string") return written as CellValue;
  if (written.startsWith("'")) return written.slice(1);
  return written === "" ? "" : (typedEntry(written) ?? "");
}

/**
 * What Excel would read back from a sheet: seeded values with the recorded writes on top (as `keptValue`).
 * Formulas read as "" (what the templates' formulas give on empty rows), or as themselves (`range.formulas`).
 */
function readBack(sheet: FakeSheetState, formulas: "results" | "formulas" = "results"): FakeSheetState["used"] {
  const grid: CellValue[][] = (sheet.used?.values ?? []).map((line) => [...line]);
  const put = (r: number, c: number, v: CellValue) => {
    while (grid.length <= r) grid.push([]);
    grid[r][c] = v;
  };
  for (const range of sheet.ranges.filter((r) => !r.readOnly)) {
    range.values?.forEach((line, r) => line.forEach((v, c) => put(range.row + r, range.column + c, keptValue(v))));
    range.formulas?.forEach((line, r) =>
      line.forEach((f, c) => put(range.row + r, range.column + c, formulas === "formulas" ? (f as CellValue) : "")),
    );
  }
  if (grid.length === 0) return undefined;
  const width = Math.max(...grid.map((line) => line.length));
  return { row: 0, column: 0, values: grid.map((line) => Array.from({ length: width }, (_v, c) => line[c] ?? "")) };
}

/**
 * What a collection's `items` holds after this sync (office-addin-mock internals). The mock resolves a
 * property's first load only; a collection loaded again in a later batch is refreshed here, at sync, too.
 */
function setCollectionItems(collection: OfficeMockObject, items: unknown[]): () => void {
  const internals = collection as unknown as { _properties: Map<string, { _valueBeforeLoaded: unknown; _loaded: boolean }> };
  const items$ = internals._properties.get("items");
  if (items$) items$._valueBeforeLoaded = items;
  return () => {
    if (items$?._loaded) collection.items = items;
  };
}

/** The fake range written at an A1 address on a sheet (last write wins). */
export function findRange(sheet: FakeSheetState, address: string): FakeRange | undefined {
  return [...sheet.ranges].reverse().find((r) => r.address === address);
}

export { columnIndex };
