import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { classifyStatusText } from "../../../src/core/analysis/deal-status";
import { readDealSheet, readStatus } from "../../../src/core/analysis/records";
import { gridOf } from "../../support/grid";

describe("what a status text says on its own", () => {
  it.each([
    ["won", "won"],
    ["Closed Won", "won"],
    ["closedwon", "won"],
    ["Won - Renewal", "won"],
    ["赢单", "won"],
    ["成交", "won"],
    ["已成交", "won"],
    ["签约", "won"],
    ["已完成", "won"],
    ["已发货", "won"],
    ["已出库", "won"],
    ["已开票", "won"],
    ["已收款", "won"],
    ["已审核", "won"],
    ["部分发货", "won"],
    ["Shipped", "won"],
    ["delivered", "won"],
    ["Invoiced", "won"],
    ["Paid", "won"],
    ["Fulfilled", "won"],
    ["lost", "lost"],
    ["Closed Lost", "lost"],
    ["closedlost", "lost"],
    ["Lost - price", "lost"],
    ["Closed Lost - Competitor", "lost"],
    ["Closed-Lost to Competition", "lost"],
    ["输单-价格", "lost"],
    ["丢单（价格）", "lost"],
    ["cancelled", "lost"],
    ["Canceled", "lost"],
    ["已取消", "lost"],
    ["作废", "lost"],
    ["Out-Sold", "lost"],
    ["赢单失败", "lost"],
    ["Prospecting", "stage"],
    ["Qualification", "stage"],
    ["Needs Analysis", "stage"],
    ["Value Proposition", "stage"],
    ["Id. Decision Makers", "stage"],
    ["Proposal/Price Quote", "stage"],
    ["Negotiation/Review", "stage"],
    ["appointmentscheduled", "stage"],
    ["qualifiedtobuy", "stage"],
    ["presentationscheduled", "stage"],
    ["decisionmakerboughtin", "stage"],
    ["contractsent", "stage"],
    ["In Progress", "stage"],
    ["open", "stage"],
    ["初步接洽", "stage"],
    ["需求确认", "stage"],
    ["方案报价", "stage"],
    ["谈判", "stage"],
    ["商务谈判", "stage"],
    ["跟进中", "stage"],
    ["报价中", "stage"],
    ["签约中", "stage"],
    ["未审核", "pending"],
    ["Draft", "pending"],
    ["已关闭", "closed"],
    ["Closed", "closed"],
    ["正常", "unknown"],
    ["", "unknown"],
  ])("%j is %s", (text, kind) => expect(classifyStatusText(text)).toBe(kind));

  it("keeps readStatus for single cells: stages and unapproved orders are open, the unknown says nothing", () => {
    expect([readStatus("谈判中"), readStatus("未审核"), readStatus("正常"), readStatus(null)]).toEqual([
      "open",
      "open",
      undefined,
      undefined,
    ]);
  });
});

describe("pipeline is not revenue", () => {
  const today = toExcelSerial(2026, 11, 1);
  const d = (day: number) => toExcelSerial(2026, 10, day);
  const sheet = (statuses: CellValue[]) =>
    readDealSheet(gridOf([["Close Date", "Amount", "Stage"], ...statuses.map((s, i) => [d(i + 1), 100 * (i + 1), s])]), {
      today,
    });

  it("reads an unknown value as one more stage when the column holds pipeline stages", () => {
    const s = sheet(["Closed Won", "Closed Lost - Price", "Prospecting", "Custom Stage 7", "Custom Stage 7", null]);
    expect(s.statusHoldsStages).toBe(true);
    expect(s.lines.map((l) => [l.amount, l.status])).toEqual([
      [100, "won"],
      [200, "lost"],
      [600, undefined],
    ]);
    expect(s.pipeline.map((l) => [l.amount, l.status])).toEqual([
      [300, "open"],
      [400, "open"],
      [500, "open"],
    ]);
    expect(s.statuses).toEqual([
      { text: "Custom Stage 7", lines: 2, status: "open" },
      { text: "Closed Won", lines: 1, status: "won" },
      { text: "Closed Lost - Price", lines: 1, status: "lost" },
      { text: "Prospecting", lines: 1, status: "open" },
      { text: "", lines: 1, status: "booked" },
    ]);
  });

  it("reads an unknown value as booked in an order export", () => {
    const s = sheet(["已审核", "执行中", "已关闭", "已作废", "未审核"]);
    expect(s.statusHoldsStages).toBe(false);
    expect(s.lines.map((l) => [l.amount, l.status])).toEqual([
      [100, "won"],
      [200, undefined],
      [300, undefined],
      [400, "lost"],
    ]);
    expect(s.pipeline.map((l) => [l.amount, l.status])).toEqual([[500, "open"]]);
    expect(s.statuses.map((x) => [x.text, x.status])).toEqual([
      ["已审核", "won"],
      ["执行中", "booked"],
      ["已关闭", "booked"],
      ["已作废", "lost"],
      ["未审核", "open"],
    ]);
  });

  it("counts one text written in different cases once, and keeps at most 20", () => {
    const many = readDealSheet(
      gridOf([["日期", "金额", "状态"], ...Array.from({ length: 30 }, (_v, i) => [d(1), 1, `状态${i % 25}`] as CellValue[])]),
    );
    expect(many.statuses).toHaveLength(20);
    expect(many.statuses[0]).toEqual({ text: "状态0", lines: 2, status: "booked" });
    const cased = sheet(["WON", "won", "Won"]);
    expect(cased.statuses).toEqual([{ text: "WON", lines: 3, status: "won" }]);
  });

  it("has no status summary without a status column", () => {
    const s = readDealSheet(
      gridOf([
        ["日期", "金额"],
        [d(1), 5],
      ]),
    );
    expect([s.hasStatus, s.statusHoldsStages, s.statuses]).toEqual([false, false, []]);
  });
});
