import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { analyseCustomers } from "../../../src/core/analysis/metrics/customer-contribution";
import { closeRateOf, createMetricsIndex } from "../../../src/core/analysis/metrics/period-metrics";
import { readingNotes } from "../../../src/core/analysis/reading/reading-notes";
import { readDealSheet } from "../../../src/core/analysis/reading/records";
import { classifyStatusText } from "../../../src/core/analysis/reading/deal-status";
import { parseWorkbookSettings, workbookSettingsRows } from "../../../src/core/settings/workbook-settings";
import { gridOf } from "../../support/grid";

const today = toExcelSerial(2026, 11, 26);
const d = (day: number) => toExcelSerial(2026, 10, day);

/** Won and lost deals counted from the status words of the rows, independently of the reader. */
function expectedCloseRate(rows: readonly (readonly CellValue[])[], statusColumn: number): number {
  let won = 0;
  let lost = 0;
  for (const row of rows) {
    const word = classifyStatusText(String(row[statusColumn] ?? ""));
    if (word === "won" || word === "booked") won++;
    else if (word === "lost") lost++;
  }
  return won / (won + lost);
}

describe("lost deals kept at 0 or without an amount", () => {
  const rows: CellValue[][] = [
    [d(1), "甲", 1000, "Won"],
    [d(2), "乙", 2500, "Won"],
    [d(3), "丙", 800, "Won"],
    [d(4), "丁", 0, "Lost"],
    [d(5), "戊", 0, "Lost"],
    [d(6), "己", null, "Lost"],
    [d(7), "庚", "", "Closed Lost"],
    [d(8), "辛", 1200, "Lost"],
    [d(9), "壬", null, "Engaging"],
  ];
  const sheet = readDealSheet(gridOf([["Close Date", "Account", "Amount", "Deal Stage"], ...rows]), { today });

  it("count as lost in the close rate", () => {
    const decided = rows.filter((r) => r[3] !== "Engaging");
    const rate = expectedCloseRate(decided, 3);
    expect(rate).toBeLessThan(0.5);
    expect(closeRateOf(createMetricsIndex(sheet.lines, []).metrics([sheet.lines[0].month]))).toBeCloseTo(rate, 10);
    expect(analyseCustomers(sheet.lines, sheet.hasStatus).segments[0].closeRate).toBeCloseTo(rate, 10);
  });

  it("add no revenue, and an open deal without an amount is pipeline worth nothing, not a row left out", () => {
    const wonRevenue = rows.filter((r) => r[3] === "Won").reduce((a, r) => a + Number(r[2]), 0);
    expect(createMetricsIndex(sheet.lines, []).metrics([sheet.lines[0].month]).revenue).toBe(wonRevenue);
    expect(sheet.rejected.noAmount.count).toBe(0);
    expect(sheet.pipeline.map((l) => [l.customer, l.amount])).toEqual([["壬", 0]]);
  });
});

it("an open deal whose close date is still empty is pipeline; a won or lost one without a date is left out", () => {
  const s = readDealSheet(
    gridOf([
      ["close_date", "account", "close_value", "deal_stage"],
      [d(1), "甲", 1000, "Won"],
      [null, "乙", null, "Engaging"],
      [null, "丙", 500, "Prospecting"],
      [null, "丁", 800, "Won"],
      [null, "戊", 0, "Lost"],
    ]),
    { today },
  );
  expect(s.pipeline.map((l) => [l.customer, l.amount, l.month])).toEqual([
    ["乙", 0, 0],
    ["丙", 500, 0],
  ]);
  expect(s.lines.map((l) => l.customer)).toEqual(["甲"]);
  expect(s.rejected.noDate.count).toBe(2);
  expect(s.statuses.map((x) => [x.text, x.class])).toEqual(
    expect.arrayContaining([
      ["Engaging", "open"],
      ["Prospecting", "open"],
    ]),
  );
});

it("reads no deal from a sheet without an amount column, lost ones included", () => {
  const s = readDealSheet(
    gridOf([
      ["Date", "Customer", "Status"],
      [d(1), "甲", "Lost"],
      [d(2), "乙", "Won"],
    ]),
    { today },
  );
  expect([s.lines.length, s.rejected.noAmount.count]).toEqual([0, 2]);
});

describe("a status column that never says lost", () => {
  const rows: CellValue[][] = [
    [d(1), "甲", 1000, "Shipped"],
    [d(2), "乙", 2500, "Won"],
    [d(3), "丙", 800, "Shipped"],
    [d(4), "丁", 300, "Prospecting"],
  ];
  const sheet = readDealSheet(gridOf([["Date", "Customer", "Amount", "Status"], ...rows]), { today });

  it("gives no close rate (not 100%) and says so in one note, revenue unchanged", () => {
    const month = sheet.lines[0].month;
    const m = createMetricsIndex(sheet.lines, []).metrics([month]);
    expect(sheet.onlyWon).toBe(true);
    expect(closeRateOf(m)).toBeNull();
    expect(analyseCustomers(sheet.lines, sheet.hasStatus).segments.every((s) => s.closeRate === null)).toBe(true);
    const booked = rows.filter((r) => r[3] !== "Prospecting").reduce((a, r) => a + Number(r[2]), 0);
    expect(m.revenue).toBe(booked);
    const notes = readingNotes(sheet, false).filter((n) => /close rates cannot be computed/.test(n.text.en));
    expect(notes).toHaveLength(1);
    expect(notes[0].text["zh-CN"]).toContain("成交率无法计算");
  });

  it("keeps close rates when one lost deal is there", () => {
    const withLost = [...rows, [d(5), "戊", 0, "Cancelled"]];
    const s = readDealSheet(gridOf([["Date", "Customer", "Amount", "Status"], ...withLost]), { today });
    expect(s.onlyWon).toBe(false);
    const rate = expectedCloseRate(
      withLost.filter((r) => r[3] !== "Prospecting"),
      3,
    );
    expect(closeRateOf(createMetricsIndex(s.lines, []).metrics([s.lines[0].month]))).toBeCloseTo(rate, 10);
  });
});

describe("an order is its id and its customer", () => {
  const rows: CellValue[][] = [
    ["A1", d(1), "华东机械", "制造业", 100],
    ["A1", d(1), "华东机械", "制造业", 50],
    ["A1", d(2), "西部零售", "零售", 70],
    ["A2", d(3), "华东机械", "制造业", 30],
    ["A3", d(4), "西部零售", "零售", 20],
    ["A3", d(4), "北方物流", "物流", 60],
    ["A3", d(5), "南方医药", "医药", 10],
  ];
  const sheet = readDealSheet(gridOf([["订单号", "日期", "客户名称", "客户类型", "金额"], ...rows]), { today });
  const pairs = new Set(rows.map((r) => `${r[0]}|${r[2]}`));
  const customersOf = new Map<string, Set<string>>();
  for (const r of rows) customersOf.set(String(r[0]), (customersOf.get(String(r[0])) ?? new Set()).add(String(r[2])));
  const shared = [...customersOf.values()].filter((c) => c.size > 1).length;

  it("counts one id used by different customers as several orders, and the types' orders add up", () => {
    const result = analyseCustomers(sheet.lines, sheet.hasStatus);
    expect(result.total.orders).toBe(pairs.size);
    expect(result.segments.reduce((a, s) => a + s.orders, 0)).toBe(pairs.size);
    expect(createMetricsIndex(sheet.lines, []).metrics([sheet.lines[0].month]).orders).toBe(pairs.size);
  });

  it("says how many ids were shared", () => {
    expect(sheet.sharedOrderIds).toBe(shared);
    const note = readingNotes(sheet, false).find((n) => n.text.en.includes("used by more than one customer"));
    expect(note?.text.en).toContain(`${shared} order id(s)`);
    expect(note?.text["zh-CN"]).toContain(`${shared}个订单号`);
  });
});

describe("customer identity", () => {
  const rows: CellValue[][] = [
    [d(1), "C001", "张三贸易", 100],
    [d(2), "C002", "张三贸易", 200],
    [d(3), "C001", "张三贸易有限公司", 300],
    [d(4), "C003", "李四科技", 400],
  ];
  const sheet = readDealSheet(gridOf([["日期", "客户编号", "客户名称", "金额"], ...rows]), { today });

  it("tells customers apart by the id and shows the name", () => {
    const ids = new Set(rows.map((r) => r[1]));
    const result = analyseCustomers(sheet.lines, sheet.hasStatus);
    expect(result.total.customers).toBe(ids.size);
    expect(sheet.mapping.headers.customer).toBe("客户编号");
    expect(sheet.customerName).toBe("客户名称");
    const firstName = (id: CellValue) => rows.find((r) => r[1] === id)![2];
    const c001 = rows.filter((r) => r[1] === "C001").reduce((a, r) => a + Number(r[3]), 0);
    expect(result.customers.find((c) => c.revenue === c001)?.customer).toBe(firstName("C001"));
    expect(new Set(result.customers.map((c) => c.customer))).toEqual(
      new Set(rows.map((r) => r[2]).filter((n) => n !== "张三贸易有限公司")),
    );
    expect(readingNotes(sheet, false).some((n) => n.text.en.includes('told apart by "客户编号"'))).toBe(true);
  });

  it("keeps the name as the customer when the sheet has no id", () => {
    const s = readDealSheet(gridOf([["日期", "客户名称", "金额"], ...rows.map((r) => [r[0], r[2], r[3]])]), { today });
    expect(s.customerName).toBeUndefined();
    expect(analyseCustomers(s.lines, s.hasStatus).total.customers).toBe(new Set(rows.map((r) => r[2])).size);
  });

  it("shows an ERP's 客户 beside its 客户编码", () => {
    const s = readDealSheet(gridOf([["单据日期", "客户编码", "客户", "价税合计"], ...rows]), { today });
    expect([s.mapping.headers.customer, s.customerName]).toEqual(["客户编码", "客户"]);
    expect(s.lines.map((l) => l.customer)).toEqual(rows.map((r) => r[2]));
  });

  it("reads an English export's Customer ID with its Customer Name", () => {
    const s = readDealSheet(
      gridOf([["Order Date", "Customer ID", "Customer Name", "Sales"], ...rows.map((r) => [r[0], r[1], r[2], r[3]])]),
      { today },
    );
    expect([s.mapping.headers.customer, s.customerName]).toEqual(["Customer ID", "Customer Name"]);
  });
});

describe("the status note is information only where nothing was guessed", () => {
  const notesOf = (statuses: readonly string[]) =>
    readingNotes(
      readDealSheet(gridOf([["Date", "Customer", "Amount", "Status"], ...statuses.map((x, i) => [d(i + 1), `c${i}`, 100, x])]), {
        today,
      }),
      false,
    ).filter((n) => n.text.en.startsWith("How the status column was read"));

  it("every value known: information", () => {
    expect(notesOf(["Won", "Lost", "Shipped"]).map((n) => n.info)).toEqual([true]);
  });

  it("a guessed value (On Hold, an unknown word): a warning to look at", () => {
    expect(notesOf(["Shipped", "On Hold", "Cancelled"]).map((n) => n.info ?? false)).toEqual([false]);
    expect(notesOf(["Won", "Lost", "Sonderfreigabe"]).map((n) => n.info ?? false)).toEqual([false]);
  });
});

it("the template's example row (owner *某) above the user's data is left out and said so, never counted", () => {
  const rows: CellValue[][] = [
    [d(3), "*某", "某科技", 80000, "赢单"],
    [d(4), "张三", "甲公司", 1200, "赢单"],
    [d(5), "李四", "乙公司", 800, "输单"],
  ];
  const sheet = readDealSheet(gridOf([["成交日期", "负责人", "客户名称", "成交金额", "状态"], ...rows]), { today });
  expect(sheet.lines.map((l) => l.rep)).toEqual(["张三", "李四"]);
  expect(sheet.skipped.example).toEqual({ count: 1, rows: [2] });
  expect(readingNotes(sheet, false).map((n) => n.text["zh-CN"])).toContainEqual(expect.stringContaining("模板示例行"));
});

it("a lost line of an order otherwise won (a refunded item) is no revenue, and the order still counts as won", () => {
  const rows: CellValue[][] = [
    [d(1), "甲", 300, "交易成功", "T1"],
    [d(1), "甲", 50, "退款成功", "T1"],
    [d(2), "乙", 200, "交易成功", "T2"],
    [d(3), "丙", 80, "交易关闭", "T3"],
  ];
  const sheet = readDealSheet(gridOf([["订单付款时间", "买家会员名", "买家实际支付金额", "订单状态", "订单编号"], ...rows]), {
    today,
  });
  const revenue = 300 + 200; // the refunded item and the closed order are out
  const m = createMetricsIndex(sheet.lines, []).metrics([sheet.lines[0].month]);
  expect([m.revenue, m.orders]).toEqual([revenue, 2]);
  const table = analyseCustomers(sheet.lines, sheet.hasStatus);
  expect([table.total.revenue, table.total.orders]).toEqual([revenue, 2]);
  expect(table.segments[0].closeRate).toBeCloseTo(2 / 3, 10);
});

describe("blank status cells", () => {
  const rows: CellValue[][] = [
    [d(1), "甲", 1000, "Won"],
    [d(2), "乙", 600, null],
    [d(3), "丙", 400, "Lost"],
  ];
  const grid = gridOf([["Close Date", "Account", "Amount", "Stage"], ...rows]);

  it("are revenue with no outcome, listed as blank, unless the user classifies them", () => {
    const plain = readDealSheet(grid, { today });
    expect(plain.lines.map((l) => l.amount)).toEqual([1000, 600, 400]);
    expect(plain.statuses.find((x) => x.text === "")).toEqual({ text: "", lines: 1, class: "unknown", assumed: true });
    const open = readDealSheet(grid, { today, statuses: { "": "open" } });
    expect(open.pipeline.map((l) => l.customer)).toEqual(["乙"]);
    expect(open.statuses.find((x) => x.text === "")?.class).toBe("open");
  });

  it("keep the user's class through the workbook's settings (a `status.` row)", () => {
    const rows = workbookSettingsRows({ thresholds: {}, map: {}, statuses: { "": "open", "On Hold": "booked" } });
    expect(parseWorkbookSettings(rows).statuses).toEqual({ "": "open", "On Hold": "booked" });
  });
});
