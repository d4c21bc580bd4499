import { describeAnalysis } from "../../app/analysis.cases";
import { insertTemplates } from "../../../src/app/insert-templates";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { createExcelHost } from "../../../src/hosts/excel/excel-host";
import type { HostFactory } from "../../app/host-under-test";
import { describeInsertTemplates } from "../../app/insert-templates.cases";
import { describeValidateWorkbook } from "../../app/validate-workbook.cases";
import { createFakeExcel, EXCEL_1_7, EXCEL_CURRENT, findRange, type FakeExcel, type RequirementSets } from "./fake-excel";

/** What a cell shows after the fake recorded writes: the last write covering it wins. */
function cellOf(fake: FakeExcel, sheet: string, row: number, column: number, prop: "values" | "formulas"): unknown {
  const state = fake.sheets.get(sheet);
  if (!state) throw new Error(`no sheet ${sheet}`);
  for (const r of [...state.ranges].reverse()) {
    const grid = r[prop];
    if (!grid || row < r.row || row >= r.row + r.rowCount || column < r.column || column >= r.column + r.columnCount) continue;
    return grid[row - r.row][column - r.column];
  }
  if (prop === "values" && state.used) return state.used.values[row - state.used.row]?.[column - state.used.column];
  return undefined;
}

function excelHostFactory(sets: RequirementSets): HostFactory {
  return (existing = []) => {
    const fake = createFakeExcel(sets, existing);
    return {
      host: createExcelHost(fake.env),
      sheetNames: () => [...fake.sheets.keys()],
      value: (sheet, row, column) => {
        const formula = cellOf(fake, sheet, row, column, "formulas");
        if (formula !== undefined) return null; // a formula cell has no literal value
        const v = cellOf(fake, sheet, row, column, "values") as CellValue | undefined;
        // Excel keeps the text prefix "'" out of the cell's value.
        return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v === "" ? null : v;
      },
      formula: (sheet, row, column) => (cellOf(fake, sheet, row, column, "formulas") as string | undefined) ?? null,
      tableNames: (sheet) => fake.sheets.get(sheet)?.tables.map((t) => t.name ?? "") ?? [],
      frozenRows: (sheet) => fake.sheets.get(sheet)?.frozenRows ?? 0,
      roundTrips: () => fake.syncs,
    };
  };
}

describeInsertTemplates(
  "Excel (office-addin-mock stand-in: Excel cannot run here), current API",
  excelHostFactory(EXCEL_CURRENT),
);
describeInsertTemplates(
  "Excel (office-addin-mock stand-in: Excel cannot run here), ExcelApi 1.7 only",
  excelHostFactory(EXCEL_1_7),
);

describeValidateWorkbook("Excel (office-addin-mock stand-in: Excel cannot run here)", excelHostFactory(EXCEL_CURRENT));

describeAnalysis("Excel (office-addin-mock stand-in: Excel cannot run here)", excelHostFactory(EXCEL_CURRENT));

describe("Excel host Office.js calls (office-addin-mock stand-in: Excel cannot run here)", () => {
  it("inserts in two Excel.run batches with one sync each, calculation suspended for the write", async () => {
    const fake = createFakeExcel();
    await insertTemplates(createExcelHost(fake.env), { locale: "zh-CN" });
    expect(fake.runs).toBe(2);
    expect(fake.syncs).toBe(2);
    expect(fake.suspendCalls).toBe(1);
    expect(fake.loads).toEqual(["worksheets:items/name", "tables:items/name"]);
  });

  it("lays the target sheet out as a table over header + 20 body rows, first sheet activated", async () => {
    const fake = createFakeExcel();
    await insertTemplates(createExcelHost(fake.env), { locale: "zh-CN" });
    const sheet = fake.sheets.get("目标分解表")!;
    expect(sheet.tables).toEqual([{ address: "A1:G21", hasHeaders: true, name: "TargetDecomposition" }]);
    expect(findRange(sheet, "A1:G1")?.values).toEqual([
      ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
    ]);
    expect(sheet.activated).toBe(true);
    expect(fake.sheets.get("客户分析表")!.activated).toBe(false);
    // Widths in points: 14 characters x 6.
    expect(sheet.ranges.find((r) => r.entireColumn && r.column === 0)?.format.columnWidth).toBe(84);
  });

  it("sets native validation with its prompt where ExcelApi 1.8 exists", async () => {
    const fake = createFakeExcel(EXCEL_CURRENT);
    await insertTemplates(createExcelHost(fake.env), { locale: "zh-CN", templates: ["weekly"] });
    const monday = findRange(fake.sheets.get("周计划跟踪表")!, "E2:E21");
    expect(monday?.dataValidation.rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(monday?.dataValidation.prompt?.message).toBe("当日完成数量（非负整数），下班前填写");
    expect(monday?.numberFormat).toEqual(Array.from({ length: 20 }, () => ["0"]));
    const metric = findRange(fake.sheets.get("周计划跟踪表")!, "C2:C21");
    expect(metric?.dataValidation.rule).toEqual({
      list: { inCellDropDown: true, source: "新客户开发,电话,拜访,跟进,方案提交,成交额" },
    });
  });

  it("skips native validation on ExcelApi 1.7 and says so through its capabilities", async () => {
    const fake = createFakeExcel(EXCEL_1_7);
    const host = createExcelHost(fake.env);
    await insertTemplates(host, { locale: "zh-CN", templates: ["weekly"] });
    expect(host.capabilities.nativeValidation).toBe(false);
    const ruled = fake.sheets.get("周计划跟踪表")!.ranges.filter((r) => r.dataValidation.rule);
    expect(ruled).toEqual([]);
  });

  it("reads the used range of each sheet in one sync and leaves out missing sheets", async () => {
    const fake = createFakeExcel(EXCEL_CURRENT, [{ name: "数据", values: [["a", 1]] }]);
    const sheets = await createExcelHost(fake.env).readSheets(["数据", "不存在"]);
    expect(sheets).toEqual([{ name: "数据", row: 0, column: 0, values: [["a", 1]] }]);
    expect(fake.syncs).toBe(1);
  });
});
