import type { Univer } from "@univerjs/core";
import { cellAddress } from "../../../src/core/cell/a1";
import { readMarkFormula } from "../../../src/core/validate/marks";
import { fromCellData, UniverHost } from "../../../src/hosts/univer/univer-host";
import type { HostFactory } from "../../app/host-under-test";
import { describeUseCases } from "../../app/use-case-tests";
import { deserializeListOptions, SetRangeValuesMutation } from "@univerjs/sheets";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { createHeadlessUniver } from "./headless-univer";

const running: Univer[] = [];
afterEach(() => {
  for (const univer of running.splice(0)) univer.dispose();
});

/** The Univer host on Univer's real engine (its model, formula, validation and formatting plugins, no screen). */
export const createUniverHostUnderTest: HostFactory = (existing = []) => {
  const { univer, api, workbook } = createHeadlessUniver(existing);
  // Univer keeps at least one sheet: a workbook started without any holds its own blank one, left out here.
  const blank = existing.length === 0 ? workbook.getSheets()[0].getSheetName() : undefined;
  running.push(univer);
  const host = new UniverHost(api, workbook);
  let calls = 0;
  for (const method of ["readOutline", "readSheets", "write"] as const) {
    const original = host[method].bind(host) as (...args: unknown[]) => Promise<unknown>;
    (host as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      calls++;
      return original(...args);
    };
  }
  const sheet = (name: string) => {
    const ws = workbook.getSheetByName(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  return {
    host,
    sheetNames: () =>
      workbook
        .getSheets()
        .map((ws) => ws.getSheetName())
        .filter((name) => name !== blank),
    value: (name, row, column) => {
      // getCellDatas, as the host reads: the raw cell (getCellData shows a number through its format).
      const cell = sheet(name).getRange(row, column).getCellDatas()[0][0];
      return cell?.f ? null : fromCellData(cell);
    },
    formula: (name, row, column) => sheet(name).getRange(row, column).getCellData()?.f ?? null,
    tableNames: () => [],
    frozenRows: (name) => sheet(name).getFrozenRows(),
    hidden: (name) => sheet(name).isSheetHidden(),
    roundTrips: () => calls,
    validation: (name, row, column) => {
      const dv = sheet(name).getRange(row, column).getDataValidation();
      const first = dv?.getCriteriaValues()[1];
      if (dv?.getCriteriaType() !== "list" || first === undefined) return undefined;
      return { kind: "list", values: deserializeListOptions(first), ...(dv.getAllowInvalid() ? { allowOther: true } : {}) };
    },
    marks: (name) =>
      sheet(name)
        .getConditionalFormattingRules()
        .flatMap((cf) => {
          const mark = readMarkFormula(String((cf.rule as { value?: unknown }).value ?? ""));
          return mark ? [`${cellAddress(mark.cell.row, mark.cell.column)} ${mark.severity}`] : [];
        })
        .sort(),
    // What typing does: Univer's set-range-values command, outside the add-in's own writes.
    edit: async (name, row, column, values) => {
      sheet(name)
        .getRange(row, column, values.length, values[0].length)
        .setValues(values.map((line) => line.map((v) => (typeof v === "string" ? { v, t: 1 } : { v }))));
    },
    protect: async (name) => void (await sheet(name).getWorksheetPermission().protect()),
    // Several areas in one set-range-values mutation (what clearing a multi-selection does): Univer reports its extent.
    editAreas: async (name, areas) => {
      const cellValue: Record<number, Record<number, { v: CellValue; t?: number }>> = {};
      for (const { row, column, values } of areas)
        values.forEach((line, r) =>
          line.forEach((v, c) => ((cellValue[row + r] ??= {})[column + c] = typeof v === "string" ? { v, t: 1 } : { v })),
        );
      api.syncExecuteCommand(SetRangeValuesMutation.id, {
        unitId: workbook.getId(),
        subUnitId: sheet(name).getSheetId(),
        cellValue,
      });
    },
  };
};

describeUseCases("the Univer host", createUniverHostUnderTest);

describe("the Univer host on Univer's engine", () => {
  it("writes text that looks like a formula or a number as the text it is", async () => {
    const t = createUniverHostUnderTest([{ name: "数据", values: [["x"]] }]);
    const texts = ["=1+1", "+SUM(A1)", "00123", "1e5", "@x"];
    await t.host.write({ sheets: [{ sheet: "数据", values: [{ row: 1, column: 0, values: [texts] }] }] });
    expect(texts.map((_v, c) => t.formula("数据", 1, c))).toEqual(texts.map(() => null));
    expect(texts.map((_v, c) => t.value("数据", 1, c))).toEqual(texts);
    const [read] = await t.host.readSheets(["数据"]);
    expect(read.values[1]).toEqual(texts);
  });

  it("computes the formulas it writes before the next read", async () => {
    const t = createUniverHostUnderTest([{ name: "数据", values: [[2, 3]] }]);
    await t.host.write({ sheets: [{ sheet: "数据", formulas: [{ row: 0, column: 2, formulas: [["=A1*B1"]] }] }] });
    const [read] = await t.host.readSheets(["数据"]);
    expect(read.values).toEqual([[2, 3, 6]]);
  });

  it("reports what a user types, never its own writes", async () => {
    const t = createUniverHostUnderTest([{ name: "数据", values: [["a"], ["b"]] }]);
    const seen: string[] = [];
    const stop = await t.host.subscribeToEdits!((edits) =>
      seen.push(...edits.map((e) => `${e.sheet} ${e.rows.row}+${e.rows.rowCount}`)),
    );
    await t.host.write({ sheets: [{ sheet: "数据", values: [{ row: 0, column: 1, values: [["own"], ["write"]] }] }] });
    expect(seen).toEqual([]);
    await t.edit!("数据", 1, 0, [["typed"]]);
    expect(seen).toEqual(["数据 1+1"]);
    await stop();
    await t.edit!("数据", 0, 0, [["after"]]);
    expect(seen).toEqual(["数据 1+1"]);
  });

  it("writes drop-downs, widths, number formats and frozen rows; skips the charts it cannot make", async () => {
    const { univer, api, workbook } = createHeadlessUniver([{ name: "表", values: [["状态", "金额"]] }]);
    running.push(univer);
    const host = new UniverHost(api, workbook);
    await host.write({
      sheets: [
        {
          sheet: "表",
          columns: [
            { column: 0, width: 12, validation: { kind: "list", values: ["进行中", "完成"] }, rows: { row: 1, rowCount: 10 } },
            { column: 1, numberFormat: "#,##0", validation: { kind: "decimal", min: 0 }, rows: { row: 1, rowCount: 10 } },
          ],
          charts: [
            {
              kind: "line",
              title: "趋势",
              source: { row: 0, column: 0, rowCount: 2, columnCount: 2 },
              at: { row: 0, column: 4 },
            },
          ],
          freezeRows: 1,
        },
      ],
    });
    const ws = workbook.getSheetByName("表")!;
    const rules = ws.getDataValidations().map((v) => [v.getCriteriaType(), v.getRanges().map((r) => r.getA1Notation())]);
    expect(rules).toEqual([
      ["list", ["A2:A11"]],
      ["decimal", ["B2:B11"]],
    ]);
    expect(ws.getDataValidations()[0].getCriteriaValues()[1]).toContain("进行中");
    expect(ws.getColumnWidth(0)).toBe(89);
    expect(ws.getFrozenRows()).toBe(1);
    expect(host.capabilities.charts).toBe(false);
    await host.write({ sheets: [{ sheet: "表", values: [{ row: 1, column: 1, values: [[1234.5]] }] }] });
    expect(ws.getRange("B2").getDisplayValue()).toBe("1,235");
  });
});
