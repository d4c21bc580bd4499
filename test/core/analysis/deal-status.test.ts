import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import {
  classifyStatusText,
  createStatusColumnReader,
  outcomeOf,
  type StatusWord,
} from "../../../src/core/analysis/reading/deal-status";
import { readDealSheet } from "../../../src/core/analysis/reading/records";
import { gridOf } from "../../support/grid";

describe("what a status text says on its own", () => {
  it.each<[string, StatusWord]>([
    // CRM outcomes (Salesforce, HubSpot, Maven's CRM sales opportunities)
    ["won", "won"],
    ["Won", "won"],
    ["Closed Won", "won"],
    ["closedwon", "won"],
    ["Won - Renewal", "won"],
    ["赢单", "won"],
    ["成交", "won"],
    ["已成交", "won"],
    ["签约", "won"],
    ["已完成", "won"],
    ["交易成功", "won"],
    ["lost", "lost"],
    ["Lost", "lost"],
    ["Closed Lost", "lost"],
    ["closedlost", "lost"],
    ["Lost - price", "lost"],
    ["Closed Lost - Competitor", "lost"],
    ["Closed-Lost to Competition", "lost"],
    ["Closed without sale", "lost"],
    ["输单-价格", "lost"],
    ["丢单（价格）", "lost"],
    ["未成交", "lost"],
    ["Out-Sold", "lost"],
    ["赢单失败", "lost"],
    // cancelled orders (Kaggle's sample sales data, ERPs, Taobao)
    ["Cancelled", "lost"],
    ["Canceled", "lost"],
    ["已取消", "lost"],
    ["作废", "lost"],
    ["已作废", "lost"],
    ["交易关闭", "lost"],
    ["已关闭", "lost"],
    // order states: an order exists (Kaggle's Shipped, Resolved, In Process, Disputed; ERP and Taobao states)
    ["Shipped", "booked"],
    ["Resolved", "booked"],
    ["In Process", "booked"],
    ["Disputed", "booked"],
    ["delivered", "booked"],
    ["Invoiced", "booked"],
    ["Paid", "booked"],
    ["Fulfilled", "booked"],
    ["已发货", "booked"],
    ["已出库", "booked"],
    ["已开票", "booked"],
    ["已审核", "booked"],
    ["部分发货", "booked"],
    ["待收款", "booked"],
    ["卖家已发货", "booked"],
    ["卖家已发货，等待买家确认", "booked"],
    ["执行中", "booked"],
    // shop and marketplace states: waiting to ship is an order (JD, Pinduoduo); a partial refund keeps the sale
    ["等待出库", "booked"],
    ["待发货", "booked"],
    ["partially_refunded", "booked"],
    ["已部分退款", "booked"],
    ["退款失败", "booked"], // the refund failed: the sale stands
    // a refunded or returned order is a sale undone (Shopify, WooCommerce)
    ["refunded", "lost"],
    ["Returned", "lost"],
    ["已退款", "lost"],
    // payment states: an order exists, whatever was collected
    ["已收清", "booked"],
    ["部分收款", "booked"],
    ["未收款", "booked"],
    ["已收款", "booked"],
    // held: decided by the rest of the column
    ["On Hold", "onHold"],
    ["on-hold", "onHold"],
    ["暂停", "onHold"],
    // CRM pipeline stages (Salesforce, HubSpot's internal names, Maven, Chinese CRMs)
    ["Prospecting", "stage"],
    ["Engaging", "stage"],
    ["Qualification", "stage"],
    ["Needs Analysis", "stage"],
    ["Value Proposition", "stage"],
    ["Id. Decision Makers", "stage"],
    ["Proposal/Price Quote", "stage"],
    ["Negotiation/Review", "stage"],
    ["Negotiation", "stage"],
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
    ["商务谈判", "stage"],
    ["跟进中", "stage"],
    ["报价中", "stage"],
    ["签约中", "stage"],
    // orders not yet approved or paid
    ["未审核", "pending"],
    ["Draft", "pending"],
    ["等待买家付款", "pending"],
    ["待付款", "pending"],
    // nothing known
    ["Closed", "unknown"],
    ["正常", "unknown"],
    ["", "unknown"],
  ])("%j is %s", (text, kind) => expect(classifyStatusText(text)).toBe(kind));

  it("reads a value alone in its column: stages and unpaid orders are open, order states won, the unknown says nothing", () => {
    const alone = (value: CellValue) => outcomeOf(createStatusColumnReader([[value]], 0, 0).classOf(value));
    expect([alone("谈判中"), alone("等待买家付款"), alone("Shipped"), alone("正常"), alone(null)]).toEqual([
      "open",
      "open",
      "won",
      undefined,
      undefined,
    ]);
  });
});

describe("each status value is classified on its own", () => {
  const today = toExcelSerial(2026, 11, 1);
  const d = (day: number) => toExcelSerial(2026, 10, day);
  const sheet = (statuses: CellValue[], options: Parameters<typeof readDealSheet>[1] = {}) =>
    readDealSheet(gridOf([["Close Date", "Amount", "Stage"], ...statuses.map((s, i) => [d(i + 1), 100 * (i + 1), s])]), {
      today,
      ...options,
    });
  const total = (lines: readonly { amount: number }[]) => lines.reduce((a, l) => a + l.amount, 0);

  it("keeps Shipped, Resolved and In Process as revenue when the column also holds On Hold (read as booked, assumed)", () => {
    const statuses = ["Shipped", "On Hold", "Resolved", "In Process", "Cancelled", "Disputed", "Shipped"];
    const s = sheet(statuses);
    const revenueRows = statuses.flatMap((v, i) => (v === "Cancelled" ? [] : [100 * (i + 1)]));
    expect(s.pipeline).toHaveLength(0);
    expect(total(s.lines.filter((l) => l.status !== "lost"))).toBe(revenueRows.reduce((a, v) => a + v, 0));
    expect(s.statuses.find((x) => x.text === "On Hold")).toEqual({ text: "On Hold", lines: 1, class: "booked", assumed: true });
    expect(s.statuses.find((x) => x.text === "Shipped")).toEqual({ text: "Shipped", lines: 2, class: "booked", assumed: false });
    expect(s.statuses.find((x) => x.text === "Cancelled")?.class).toBe("lost");
  });

  it("reads On Hold as open pipeline beside CRM stages, and an unknown value as revenue with no outcome", () => {
    const statuses = ["Won", "Lost", "Engaging", "On Hold", "Custom Stage 7", "Custom Stage 7", null];
    const s = sheet(statuses);
    expect(s.lines.map((l) => [l.amount, l.status])).toEqual([
      [100, "won"],
      [200, "lost"],
      [500, undefined],
      [600, undefined],
      [700, undefined],
    ]);
    expect(s.pipeline.map((l) => [l.amount, l.status])).toEqual([
      [300, "open"],
      [400, "open"],
    ]);
    expect(s.statuses).toEqual([
      { text: "Custom Stage 7", lines: 2, class: "unknown", assumed: true },
      { text: "Won", lines: 1, class: "won", assumed: false },
      { text: "Lost", lines: 1, class: "lost", assumed: false },
      { text: "Engaging", lines: 1, class: "open", assumed: false },
      { text: "On Hold", lines: 1, class: "open", assumed: true },
      { text: "", lines: 1, class: "unknown", assumed: true },
    ]);
    expect(total(s.pipeline)).toBe(300 + 400);
  });

  it("reads Taobao's order states: success and shipped are revenue, closed is lost, awaiting payment is open", () => {
    const s = sheet(["交易成功", "卖家已发货，等待买家确认", "交易关闭", "等待买家付款"]);
    expect(s.lines.map((l) => [l.amount, l.status])).toEqual([
      [100, "won"],
      [200, "won"],
      [300, "lost"],
    ]);
    expect(s.pipeline.map((l) => l.amount)).toEqual([400]);
  });

  it("never reads a payment state as lost", () => {
    const s = sheet(["已收清", "部分收款", "未收款", "已取消"]);
    expect(s.statuses.map((x) => [x.text, x.class])).toEqual([
      ["已收清", "booked"],
      ["部分收款", "booked"],
      ["未收款", "booked"],
      ["已取消", "lost"],
    ]);
    expect(s.lines.filter((l) => l.status === "won").map((l) => l.amount)).toEqual([100, 200, 300]);
  });

  it("lets the user's class win over the words and the column, matched without case or spaces", () => {
    const s = sheet(["Shipped", "On Hold", "Custom Stage 7", "Cancelled"], {
      statuses: { " on hold ": "open", "CUSTOM STAGE 7": "lost" },
    });
    expect(s.statuses.map((x) => [x.text, x.class, x.assumed])).toEqual([
      ["Shipped", "booked", false],
      ["On Hold", "open", false],
      ["Custom Stage 7", "lost", false],
      ["Cancelled", "lost", false],
    ]);
    expect(s.pipeline.map((l) => l.amount)).toEqual([200]);
    expect(s.lines.map((l) => [l.amount, l.status])).toEqual([
      [100, "won"],
      [300, "lost"],
      [400, "lost"],
    ]);
  });

  it("counts one text written in different cases once", () => {
    const many = readDealSheet(
      gridOf([["日期", "金额", "状态"], ...Array.from({ length: 30 }, (_v, i) => [d(1), 1, `状态${i % 25}`] as CellValue[])]),
    );
    expect(many.statuses).toHaveLength(25);
    expect(many.statuses[0]).toEqual({ text: "状态0", lines: 2, class: "unknown", assumed: true });
    const cased = sheet(["WON", "won", "Won", "lost"]);
    expect(cased.statuses[0]).toEqual({ text: "WON", lines: 3, class: "won", assumed: false });
  });

  it("has no status summary without a status column", () => {
    const s = readDealSheet(
      gridOf([
        ["日期", "金额"],
        [d(1), 5],
      ]),
    );
    expect([s.hasStatus, s.onlyWon, s.statuses]).toEqual([false, false, []]);
  });
});
