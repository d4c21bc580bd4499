import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, columnIndex } from "../../../src/core/cell/a1";
import type { CellValue } from "../../../src/core/cell/cell-value";
import type { ExcelEnvironment } from "../../../src/hosts/excel/excel-environment";

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
  format: { columnWidth?: number; font: { bold?: boolean } };
  dataValidation: { rule?: Excel.DataValidationRule; prompt?: Excel.DataValidationPrompt };
  entireColumn?: boolean;
  entireRow?: boolean;
}

export interface FakeSheetState {
  name: string;
  used?: { row: number; column: number; values: CellValue[][] };
  ranges: FakeRange[];
  tables: { address: string; hasHeaders: boolean; name?: string }[];
  frozenRows?: number;
  activated: boolean;
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
}

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
  const state: FakeExcel = {
    env: undefined as unknown as ExcelEnvironment,
    sheets: new Map(),
    tableNames: [],
    syncs: 0,
    runs: 0,
    suspendCalls: 0,
    loads: [],
  };
  for (const s of existing) {
    state.sheets.set(s.name, {
      name: s.name,
      ranges: [],
      tables: [],
      activated: false,
      used: s.values ? { row: 0, column: 0, values: s.values } : undefined,
    });
  }

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
      });
    return {
      name: sheetState.name,
      getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) =>
        rangeApi(track(makeRange(sheetState.name, row, column, rowCount, columnCount))),
      getUsedRangeOrNullObject: () => {
        const used = readBack(sheetState);
        if (!used) return { isNullObject: true, load: () => undefined };
        return {
          isNullObject: false,
          rowIndex: used.row,
          columnIndex: used.column,
          values: used.values,
          load: (props: string) => state.loads.push(`usedRange:${props}`),
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
            const sheetState: FakeSheetState = { name, ranges: [], tables: [], activated: false };
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
              : { getUsedRangeOrNullObject: () => ({ isNullObject: true, load: () => undefined }) };
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
    const wb = context.workbook as OfficeMockObject;
    const refresh = [
      setCollectionItems(
        wb.worksheets as OfficeMockObject,
        [...state.sheets.keys()].map((name) => ({ name })),
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
 * What Excel would read back from a sheet: seeded values with the recorded writes on top.
 * Formulas read as "" (what the templates' formulas give on empty rows); the text prefix "'" is dropped.
 */
function readBack(sheet: FakeSheetState): FakeSheetState["used"] {
  const grid: CellValue[][] = (sheet.used?.values ?? []).map((line) => [...line]);
  const put = (r: number, c: number, v: CellValue) => {
    while (grid.length <= r) grid.push([]);
    grid[r][c] = v;
  };
  for (const range of sheet.ranges) {
    range.values?.forEach((line, r) =>
      line.forEach((v, c) =>
        put(range.row + r, range.column + c, typeof v === "string" && v.startsWith("'") ? v.slice(1) : (v as CellValue)),
      ),
    );
    range.formulas?.forEach((line, r) => line.forEach((_f, c) => put(range.row + r, range.column + c, "")));
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
