import { DEAL_SHEET } from "../../app/analysis.cases";
import { describeEditLedger } from "../../app/marks.cases";
import { describeUseCases, USE_CASE_TESTS } from "../../app/use-case-tests";
import { diagnoseWorkbook } from "../../../src/app/diagnose-workbook";
import { insertTemplates } from "../../../src/app/insert-templates";
import { startLiveValidation } from "../../../src/app/live-validation";
import { clearMarks, markFindings } from "../../../src/app/mark-findings";
import { findTemplate } from "../../../src/core/templates/templates";
import { createExcelHost } from "../../../src/hosts/excel/excel-host";
import { createFakeExcel, EXCEL_1_7, EXCEL_CURRENT, findRange } from "./fake-excel";
import { excelHostFactory } from "./excel-host-under-test";

describeUseCases("Excel (office-addin-mock stand-in: Excel cannot run here)", excelHostFactory(EXCEL_CURRENT));
USE_CASE_TESTS.insertTemplates(
  "Excel (office-addin-mock stand-in: Excel cannot run here), ExcelApi 1.7 only",
  excelHostFactory(EXCEL_1_7),
);
// Before ExcelApi 1.14 the write ledger tells the add-in's writes from the user's: as Excel reports them (at sync),
// reported later, and never reported (fake Excel holds its events back).
USE_CASE_TESTS.startLiveValidation("Excel fake, ExcelApi 1.7 only (the write ledger)", excelHostFactory(EXCEL_1_7));
describe("Excel fake, ExcelApi 1.7 only, the add-in's writes reported later", () =>
  describeEditLedger(excelHostFactory(EXCEL_1_7, "later")));
describe("Excel fake, ExcelApi 1.7 only, the add-in's writes never reported", () =>
  describeEditLedger(excelHostFactory(EXCEL_1_7, "never")));

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
    // The playbook's columns, 个人目标, and the three that target progress fills.
    expect(sheet.tables).toEqual([{ address: "A1:J21", hasHeaders: true, name: "TargetDecomposition" }]);
    expect(findRange(sheet, "A1:J1")?.values).toEqual([
      ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准", "实际完成", "达成率(%)", "进度"],
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
    // The metric list takes a typed metric with a warning; the day counts keep Excel's refusing default.
    expect(metric?.dataValidation.errorAlert).toMatchObject({ showAlert: true, style: "Warning" });
    expect(monday?.dataValidation.errorAlert).toBeUndefined();
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

describe("Excel marks, edits and big ranges (office-addin-mock stand-in: Excel cannot run here)", () => {
  // 100,000-row ranges through the mock take seconds when the machine is busy; what is asserted is the sync count.
  jest.setTimeout(60_000);
  const TODAY = 46352; // 2026-11-26
  /** The weekly tracker's headers up to Friday, in the template's order. */
  const WEEKLY_HEADER = findTemplate("weekly")
    .columns.slice(0, 9)
    .map((c) => c.header["zh-CN"]);

  it("clearing marks leaves the user's own conditional formats", async () => {
    const fake = createFakeExcel(EXCEL_CURRENT, [
      {
        name: "目标",
        values: [
          ["团队总目标", "目标项", "负责人"],
          ["月度100万", "销售额", null],
        ],
      },
    ]);
    fake.sheets.get("目标")!.conditionalFormats.push({
      id: "{user-cf}",
      address: "A1:C9",
      type: "Custom",
      custom: { rule: { formula: "=$A1>0" }, format: { fill: { color: "#00FF00" } } },
    });
    const host = createExcelHost(fake.env);
    await markFindings(host, { today: TODAY, locale: "zh-CN" });
    const marked = fake.sheets.get("目标")!.conditionalFormats;
    expect(marked.map((cf) => [cf.address, cf.custom.format.fill.color])).toEqual([
      ["A1:C9", "#00FF00"],
      ["C2", "#FFC7CE"],
    ]);
    await clearMarks(host);
    expect(fake.sheets.get("目标")!.conditionalFormats.map((cf) => cf.id)).toEqual(["{user-cf}"]);
  });

  it("selects a finding's cell for the pane", async () => {
    const fake = createFakeExcel(EXCEL_CURRENT, [{ name: "目标", values: [["x"]] }]);
    await createExcelHost(fake.env).select!("目标", "C3");
    expect(fake.selected).toEqual({ sheet: "目标", address: "C3" });
    expect(fake.sheets.get("目标")!.activated).toBe(true);
  });

  it.each([
    ["ExcelApi 1.14+: triggerSource", EXCEL_CURRENT],
    ["ExcelApi 1.7: the write ledger", EXCEL_1_7],
  ])("never reports the add-in's own writes as edits (%s)", async (_name, sets) => {
    const fake = createFakeExcel(sets, [{ name: "S", values: [["a"]] }]);
    const host = createExcelHost(fake.env);
    const edits: string[] = [];
    const stop = await host.subscribeToEdits!((e) => edits.push(...e.map((x) => `${x.sheet}:${x.rows.row}+${x.rows.rowCount}`)));
    await host.write({ sheets: [{ sheet: "S", values: [{ row: 4, column: 0, values: [["mine"], ["mine"]] }] }] });
    // Excel reported the add-in's write as it synced (so does the fake): marked as such on 1.14+, recognised by the
    // ledger on 1.7 (the cells hold what it wrote). Once: the same cells changing again are the user's.
    await fake.fireChange("S", "B2", "Local"); // the user
    await fake.fireChange("S", "3:4", "Local"); // whole rows
    expect(edits).toEqual(["S:1+1", "S:2+2"]);
    await stop();
    await fake.fireChange("S", "B2", "Local");
    expect(edits).toHaveLength(2);
  });

  it.each([
    ["ExcelApi 1.14+", EXCEL_CURRENT],
    ["ExcelApi 1.7", EXCEL_1_7],
  ])("live validation does not loop on the add-in's own writes (%s)", async (_name, sets) => {
    const fake = createFakeExcel(sets, [
      {
        name: "目标",
        values: [
          ["团队总目标", "目标项", "负责人"],
          ["月度100万", "销售额", null],
        ],
      },
    ]);
    const host = createExcelHost(fake.env);
    let passes = 0;
    const live = await startLiveValidation(host, { today: TODAY, locale: "zh-CN", debounceMs: 0, onFindings: () => passes++ });
    // The add-in writes while live validation listens: Excel raises onChanged for every range it wrote.
    await insertTemplates(host, { locale: "zh-CN", withExamples: true });
    await live.flush();
    expect(passes).toBe(1); // only the first full pass
    // A user edit is still seen.
    fake.sheets.get("目标")!.used!.values[1][2] = "乙";
    await fake.fireChange("目标", "C2");
    await live.flush();
    expect(passes).toBe(2);
    const syncs = fake.syncs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await live.flush();
    expect([passes, fake.syncs]).toEqual([2, syncs]);
    await live.stop();
  });

  it.each([10, 100_000])("validates %i weekly rows in the same three syncs", async (rows) => {
    const values = [
      WEEKLY_HEADER,
      ...Array.from({ length: rows }, (_v, i) => [46342, `成员${i % 50}`, "电话", 75, 15, 15, 15, 15, i % 10 === 0 ? -1 : 15]),
    ];
    const fake = createFakeExcel(EXCEL_CURRENT, [{ name: "周", values }]);
    const result = await markFindings(createExcelHost(fake.env), { today: TODAY, locale: "zh-CN" });
    expect(result.counts.error).toBe(rows / 10);
    expect(fake.syncs).toBe(3);
  });

  it("reads a range over the payload limit in chunks, one sync each", async () => {
    const rows = 100_000;
    const values = [
      WEEKLY_HEADER,
      ...Array.from({ length: rows }, (_v, i) => [46342, `成员${i % 50}`, "电话", 75, 15, 15, 15, 15, 15]),
    ];
    const fake = createFakeExcel(EXCEL_CURRENT, [{ name: "周", values }]);
    fake.payloadCells = 500_000;
    const [sheet] = await createExcelHost(fake.env).readSheets(["周"]);
    expect(sheet.values).toHaveLength(rows + 1);
    expect(sheet.values[rows]).toEqual(values[rows]);
    // 1 refused, 1 for the dimensions, then 100,001 rows x 9 columns in chunks of 11,111 rows.
    expect(fake.syncs).toBe(2 + Math.ceil((rows + 1) / Math.floor(100_000 / 9)));
  });
});

describe("Excel report charts (office-addin-mock stand-in: Excel cannot run here)", () => {
  const rowsOf = (source: string) =>
    source
      .split(":")
      .map((a) => Number(a.replace(/[A-Z]+/, "")))
      .reduce((top, bottom) => bottom - top + 1);

  it("adds the revenue trend, the change by driver as Excel's waterfall, the rep comparison and the customer types", async () => {
    const fake = createFakeExcel(EXCEL_CURRENT, [{ name: "成交明细", values: DEAL_SHEET }]);
    await diagnoseWorkbook(createExcelHost(fake.env), { locale: "zh-CN" });
    const charts = fake.sheets.get("诊断报告")!.charts;
    expect(charts.map((c) => [c.type, c.title.text])).toEqual([
      ["Line", "销售额月度趋势"],
      ["Waterfall", "销售额变化分解（按因素）"],
      ["BarClustered", "成员销售额对比"],
      ["ColumnClustered", "客户类型贡献（帕累托）"],
    ]);
    // Two months, header included; the waterfall's header, October's revenue and the four drivers (Office.js cannot
    // mark November's closing total as a total, so it is left out); three reps without the average; three types.
    expect(charts.map((c) => [c.source.replace(/\d+/g, ""), rowsOf(c.source)])).toEqual([
      ["A:B", 3],
      ["A:B", 6],
      ["A:B", 4],
      ["A:B", 4],
    ]);
    const waterfall = charts[1];
    expect([waterfall.seriesBy, waterfall.legend.visible]).toEqual(["Columns", false]);
    expect(fake.syncs).toBe(3);
  });

  it("draws the change by driver as plain columns over the whole table without ExcelApi 1.9", async () => {
    const fake = createFakeExcel(EXCEL_1_7, [{ name: "成交明细", values: DEAL_SHEET }]);
    await diagnoseWorkbook(createExcelHost(fake.env), { locale: "zh-CN" });
    const waterfall = fake.sheets.get("诊断报告")!.charts.find((c) => c.title.text === "销售额变化分解（按因素）")!;
    expect([waterfall.type, rowsOf(waterfall.source)]).toEqual(["ColumnClustered", 7]);
  });

  it("wraps the report's long text and fits the rows to it", async () => {
    const fake = createFakeExcel(EXCEL_CURRENT, [{ name: "成交明细", values: DEAL_SHEET }]);
    await diagnoseWorkbook(createExcelHost(fake.env), { locale: "zh-CN" });
    const wrapped = fake.sheets.get("诊断报告")!.ranges.filter((r) => r.format.wrapText);
    expect(wrapped.length).toBeGreaterThan(0);
    expect(wrapped.every((r) => r.format.rowsAutofit)).toBe(true);
    // The problems table's evidence column (G) wraps from its header down.
    expect(wrapped.some((r) => /^G\d+:G\d+$/.test(r.address))).toBe(true);
  });
});
