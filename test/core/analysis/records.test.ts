import { detectFields, DEAL_FIELDS } from "../../../src/core/analysis/reading/fields";
import { createStatusColumnReader, outcomeOf } from "../../../src/core/analysis/reading/deal-status";
import { readAmount } from "../../../src/core/analysis/reading/records";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { parseDateValue } from "../../../src/core/parse/date-value";

describe("header detection for real exports", () => {
  it.each([
    [
      "a CRM opportunity export (English)",
      ["Opportunity ID", "Opportunity Owner", "Account Name", "Industry", "Stage", "Amount", "Close Date", "Created Date"],
      {
        orderId: "Opportunity ID",
        rep: "Opportunity Owner",
        customer: "Account Name",
        customerType: "Industry",
        status: "Stage",
        amount: "Amount",
        date: "Close Date",
      },
    ],
    [
      "an ERP order export (Chinese)",
      ["订单编号", "下单日期", "销售代表", "客户ID", "客户分类", "产品线", "销售额（元）", "阶段"],
      {
        orderId: "订单编号",
        date: "下单日期",
        rep: "销售代表",
        customer: "客户ID",
        customerType: "客户分类",
        product: "产品线",
        amount: "销售额（元）",
        status: "阶段",
      },
    ],
  ])("%s", (_name, header, expected) => {
    const mapping = detectFields(DEAL_FIELDS, header);
    expect(mapping.headers).toEqual(expected);
  });

  it("reports what it cannot find", () => {
    expect(detectFields(DEAL_FIELDS, ["日期", "金额"]).missing).toEqual([
      "rep",
      "customer",
      "customerType",
      "orderId",
      "status",
      "product",
    ]);
  });
});

describe("cell readers", () => {
  it.each([
    [46329, 46329],
    ["2026-11-03", toExcelSerial(2026, 11, 3)],
    ["2026/11/3", toExcelSerial(2026, 11, 3)],
    ["2026年11月3日", toExcelSerial(2026, 11, 3)],
    ["2026-11-03T09:30:00Z", toExcelSerial(2026, 11, 3)],
    ["11/3/2026", toExcelSerial(2026, 11, 3)],
    ["2026-02-30", undefined],
    ["下周", undefined],
  ])("date %j", (value, serial) => expect(parseDateValue(value)).toBe(serial));

  it.each([
    [35000, 35000],
    ["3.5万", 35000],
    ["1,200", 1200],
    ["面议", undefined],
    ["12%", undefined],
  ])("amount %j", (value, amount) => expect(readAmount(value)).toBe(amount));

  it.each([
    ["赢单", "won"],
    ["Closed Won", "won"],
    ["已成交", "won"],
    ["丢单", "lost"],
    ["Closed Lost", "lost"],
    ["谈判中", "open"],
    ["", undefined],
  ])("status %j", (value, status) => expect(outcomeOf(createStatusColumnReader([[value]], 0, 0).classOf(value))).toBe(status));
});
