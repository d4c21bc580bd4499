import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { classifyDataSheet } from "../../../src/core/analysis/reading/data-sheets";
import { readActivitySheet, readDealSheet } from "../../../src/core/analysis/reading/records";
import { gridOf } from "../../support/grid";

const d = (day: number) => toExcelSerial(2026, 10, day);

/** A report as an ERP prints it: a title, export notes that name header words, a blank row, then the table. */
const REPORT: CellValue[][] = [
  ["销售订单明细表", null, null, null],
  ["导出日期：2026-11-01  金额单位：元", null, null, null],
  ["导出日期：", "2026-11-01", "金额单位：", "元"],
  ["Report generated 2026-11-01 | Currency: CNY", null, null, null],
  [null, null, null, null],
  ["单据日期", "客户", "业务员", "价税合计"],
  [d(1), "甲公司", "张三", 1000],
  [d(2), "乙公司", "李四", 2000],
];

describe("the header row of real reports", () => {
  it("skips titles, export notes and blank rows", () => {
    const sheet = readDealSheet(gridOf(REPORT));
    expect(sheet.headerRow).toBe(5);
    expect(sheet.headerFound).toBe(true);
    expect(sheet.mapping.headers).toEqual({ date: "单据日期", customer: "客户", rep: "业务员", amount: "价税合计" });
    expect(sheet.lines.map((l) => l.amount)).toEqual([1000, 2000]);
    expect(classifyDataSheet(gridOf(REPORT))).toBe("deals");
  });

  it("finds it below row 10 and counts rows from where the range starts", () => {
    const padded = [...Array.from({ length: 14 }, () => [null, null, null, null] as CellValue[]), ...REPORT];
    const sheet = readDealSheet(gridOf(padded, "Sheet1", 3));
    expect(sheet.headerRow).toBe(3 + 19);
    expect(sheet.lines[0].sheetRow).toBe(3 + 20);
    expect(classifyDataSheet(gridOf(padded))).toBe("deals");
  });

  it("gives up past 30 rows", () => {
    const deep = [...Array.from({ length: 30 }, () => ["x"] as CellValue[]), ...REPORT];
    expect(classifyDataSheet(gridOf(deep))).toBeUndefined();
    expect(readDealSheet(gridOf(deep)).headerFound).toBe(false);
  });

  it("prefers the row with more fields to an earlier row that also names a date and an amount", () => {
    const rows: CellValue[][] = [
      ["日期", "金额"],
      ["成交日期", "客户名称", "负责人", "成交金额", "状态"],
      [d(3), "甲", "张三", 500, "赢单"],
    ];
    const sheet = readDealSheet(gridOf(rows));
    expect(sheet.headerRow).toBe(1);
    expect(sheet.lines).toHaveLength(1);
  });

  it("lets an explicit map find its own header row", () => {
    const rows: CellValue[][] = [
      ["成交日期", "成交金额"],
      ["Booked on", "Net", "Account"],
      [d(4), 700, "甲"],
    ];
    const map = { date: "Booked on", amount: "Net", customer: "Account" };
    const sheet = readDealSheet(gridOf(rows), { map });
    expect(sheet.headerRow).toBe(1);
    expect(sheet.mapping.headers).toEqual(map);
    expect(sheet.lines.map((l) => [l.date, l.amount, l.customer])).toEqual([[d(4), 700, "甲"]]);
    expect(classifyDataSheet(gridOf(rows.slice(1)))).toBeUndefined();
    expect(classifyDataSheet(gridOf(rows.slice(1)), map)).toBe("deals");
  });

  it("does not take a data row for a header", () => {
    const rows: CellValue[][] = [
      ["客户", "日期", "金额"],
      ["客户A", "2026-10-05", "1000"],
    ];
    expect(readDealSheet(gridOf(rows)).headerRow).toBe(0);
  });

  it("finds the activity sheet's header the same way, with its dates read day-first when the data says so", () => {
    const rows: CellValue[][] = [
      ["销售过程周报", null, null],
      ["导出时间：2026-11-01", null, null],
      ["周开始日期", "负责人", "电话"],
      ["13/10/2026", "张三", 50],
      ["06/10/2026", "张三", 40],
      ["合计", null, 90],
      ["注：电话含外呼", null, null],
    ];
    const sheet = readActivitySheet(gridOf(rows));
    expect(sheet.headerRow).toBe(2);
    expect(sheet.records.map((r) => r.date)).toEqual([toExcelSerial(2026, 10, 13), toExcelSerial(2026, 10, 6)]);
    expect([sheet.dateOrder, sheet.dateOrderSource, sheet.ambiguousDates]).toEqual(["dmy", "data", 1]);
    expect([sheet.skipped.total.rows, sheet.skipped.note.rows, sheet.rejected.noDate.count]).toEqual([[6], [7], 0]);
    expect(classifyDataSheet(gridOf(rows))).toBe("activity");
  });
});
