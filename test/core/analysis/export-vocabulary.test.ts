import { DEAL_FIELDS, detectFields } from "../../../src/core/analysis/reading/fields";

/** Header rows as the systems in docs/EXPORT-VOCABULARY.md write them, and the fields they must give. */
describe("header vocabulary of real exports", () => {
  it.each([
    [
      "Salesforce opportunity report",
      [
        "Opportunity Name",
        "Account Name",
        "Account Type",
        "Opportunity Owner",
        "Stage",
        "Probability (%)",
        "Expected Revenue",
        "Amount",
        "Close Date",
        "Created Date",
        "Contact Name",
      ],
      {
        customer: "Account Name",
        customerType: "Account Type",
        rep: "Opportunity Owner",
        status: "Stage",
        amount: "Amount",
        date: "Close Date",
      },
    ],
    [
      "HubSpot deals export",
      [
        "Record ID",
        "Deal Name",
        "Deal Stage",
        "Close Date",
        "Deal owner",
        "Amount",
        "Associated Company",
        "Create Date",
        "Pipeline",
      ],
      {
        orderId: "Record ID",
        status: "Deal Stage",
        date: "Close Date",
        rep: "Deal owner",
        amount: "Amount",
        customer: "Associated Company",
      },
    ],
    [
      "Zoho CRM deals",
      [
        "Deal Name",
        "Account Name",
        "Contact Name",
        "Deal Owner",
        "Stage",
        "Amount",
        "Expected Revenue",
        "Closing Date",
        "Probability (%)",
        "Industry",
      ],
      {
        customer: "Account Name",
        rep: "Deal Owner",
        status: "Stage",
        amount: "Amount",
        date: "Closing Date",
        customerType: "Industry",
      },
    ],
    [
      "Pipedrive deals (Status beats Stage)",
      [
        "Title",
        "Value",
        "Currency",
        "Organization",
        "Contact person",
        "Stage",
        "Status",
        "Owner",
        "Expected close date",
        "Won time",
        "Deal created",
      ],
      { amount: "Value", customer: "Organization", status: "Status", rep: "Owner", date: "Won time" },
    ],
    [
      'Pipedrive deals exported with "Deal - " before each name',
      [
        "Deal - Title",
        "Deal - Value",
        "Deal - Currency",
        "Deal - Organization",
        "Deal - Stage",
        "Deal - Status",
        "Deal - Owner",
        "Deal - Won time",
        "Deal - Lost reason",
      ],
      {
        amount: "Deal - Value",
        customer: "Deal - Organization",
        status: "Deal - Status",
        rep: "Deal - Owner",
        date: "Deal - Won time",
      },
    ],
    [
      "Dynamics 365 opportunities",
      [
        "Topic",
        "Potential Customer",
        "Est. Close Date",
        "Est. Revenue",
        "Actual Close Date",
        "Actual Revenue",
        "Status",
        "Status Reason",
        "Owner",
        "Probability",
      ],
      { customer: "Potential Customer", date: "Actual Close Date", amount: "Actual Revenue", status: "Status", rep: "Owner" },
    ],
    [
      "销售易 商机",
      ["机会名称", "客户名称", "所有人", "销售阶段", "销售金额", "结单日期", "赢率", "创建时间", "联系人"],
      { customer: "客户名称", rep: "所有人", status: "销售阶段", amount: "销售金额", date: "结单日期" },
    ],
    [
      "纷享销客 商机",
      ["商机名称", "客户名称", "商机金额", "结单日期", "阶段", "负责人", "赢率", "预测金额", "客户级别", "创建时间"],
      { customer: "客户名称", amount: "商机金额", date: "结单日期", status: "阶段", rep: "负责人", customerType: "客户级别" },
    ],
    [
      "钉钉/飞书 CRM 商机",
      ["商机名称", "客户名称", "预计成交金额", "预计成交日期", "商机状态", "销售阶段", "负责人", "客户等级"],
      {
        customer: "客户名称",
        amount: "预计成交金额",
        date: "预计成交日期",
        status: "商机状态",
        rep: "负责人",
        customerType: "客户等级",
      },
    ],
    [
      "金蝶 销售订单",
      ["单据编号", "单据状态", "日期", "客户", "销售部门", "销售员", "物料名称", "数量", "含税单价", "税额", "价税合计"],
      {
        orderId: "单据编号",
        status: "单据状态",
        date: "日期",
        customer: "客户",
        rep: "销售员",
        product: "物料名称",
        amount: "价税合计",
      },
    ],
    [
      "金蝶 K/3 销售出库单",
      ["日期", "单据编号", "购货单位", "部门", "业务员", "产品名称", "实发数量", "单价", "销售金额"],
      { date: "日期", orderId: "单据编号", customer: "购货单位", rep: "业务员", product: "产品名称", amount: "销售金额" },
    ],
    [
      "用友 销售订单",
      ["订单号", "订单日期", "客户简称", "业务员", "存货名称", "数量", "无税金额", "税额", "价税合计", "状态"],
      {
        orderId: "订单号",
        date: "订单日期",
        customer: "客户简称",
        rep: "业务员",
        product: "存货名称",
        amount: "价税合计",
        status: "状态",
      },
    ],
    [
      "用友 T+ 销货单",
      ["单据日期", "单据编号", "往来单位", "业务员", "含税金额", "折扣金额"],
      { date: "单据日期", orderId: "单据编号", customer: "往来单位", rep: "业务员", amount: "含税金额" },
    ],
  ])("%s", (_name, header, expected) => {
    expect(detectFields(DEAL_FIELDS, header).headers).toEqual(expected);
  });

  it("falls back to an estimate's column where the actual one is blank, for dates and amounts only", () => {
    const header = ["Potential Customer", "Est. Close Date", "Actual Close Date", "Est. Revenue", "Actual Revenue"];
    const m = detectFields(DEAL_FIELDS, header);
    expect(m.fallbacks).toEqual({
      date: { column: 1, header: "Est. Close Date" },
      amount: { column: 3, header: "Est. Revenue" },
    });
    expect(detectFields(DEAL_FIELDS, ["Close Date", "Amount"]).fallbacks).toEqual({});
    expect(detectFields(DEAL_FIELDS, ["Won time", "Estimated Close Date", "Value"]).fallbacks).toEqual({
      date: { column: 1, header: "Estimated Close Date" },
    });
  });

  it("uses a weak column only when nothing better exists", () => {
    expect(detectFields(DEAL_FIELDS, ["Create Date", "Expected Revenue"]).headers).toEqual({
      date: "Create Date",
      amount: "Expected Revenue",
    });
    expect(detectFields(DEAL_FIELDS, ["Unit Price", "Quantity", "Total Price", "Order Date"]).headers).toEqual({
      amount: "Total Price",
      date: "Order Date",
    });
  });

  it("never takes a contact, a probability, a discount or a tax for the customer or the amount", () => {
    const m = detectFields(DEAL_FIELDS, ["Contact Name", "Probability", "Discount Amount", "Tax", "Quantity", "Close Date"]);
    expect(m.headers).toEqual({ date: "Close Date" });
    expect(m.missing).toEqual(["rep", "customer", "customerType", "amount", "orderId", "status", "product"]);
  });

  it("lets an explicit map win over every word", () => {
    const m = detectFields(DEAL_FIELDS, ["Close Date", "Created Date", "Amount", "Expected Revenue"], {
      date: "Created Date",
      amount: "Expected Revenue",
    });
    expect(m.headers).toEqual({ date: "Created Date", amount: "Expected Revenue" });
  });
});
