import { toExcelSerial } from "../cell/excel-date";
import type { TemplateDefinition } from "./template.types";

/** 成交明细: one line per order line, as a CRM or ERP exports them. The analysis also reads other headers. */
export const dealsTemplate: TemplateDefinition<"deals"> = {
  key: "deals",
  sheetName: { "zh-CN": "成交明细", en: "Deals" },
  tableName: "Deals",
  columns: [
    {
      key: "date",
      header: { "zh-CN": "成交日期", en: "Date" },
      type: "date",
      width: 12,
      validation: { kind: "date" },
      numberFormat: "yyyy-mm-dd",
    },
    { key: "rep", header: { "zh-CN": "负责人", en: "Owner" }, type: "person", width: 10 },
    { key: "customer", header: { "zh-CN": "客户名称", en: "Customer" }, type: "text", width: 16 },
    { key: "customerType", header: { "zh-CN": "客户类型", en: "Customer Type" }, type: "text", width: 12 },
    {
      key: "amount",
      header: { "zh-CN": "成交金额", en: "Amount" },
      type: "money",
      width: 12,
      validation: { kind: "decimal", min: 0 },
      numberFormat: "#,##0",
    },
    { key: "orderId", header: { "zh-CN": "订单号", en: "Order ID" }, type: "text", width: 12 },
    {
      key: "status",
      header: { "zh-CN": "状态", en: "Status" },
      type: "list",
      width: 8,
      // A CRM's own words (已回款, 待核) are read too (deal-status): typed ones are warned about, not refused.
      validation: {
        kind: "list",
        values: { "zh-CN": ["赢单", "输单", "跟进中"], en: ["Won", "Lost", "Open"] },
        allowOther: true,
      },
    },
    { key: "product", header: { "zh-CN": "产品线", en: "Product" }, type: "text", width: 12 },
  ],
  examples: [
    {
      date: toExcelSerial(2026, 11, 3),
      rep: "*某",
      customer: { "zh-CN": "某科技", en: "Acme" },
      customerType: { "zh-CN": "行业TOP100", en: "Industry TOP100" },
      amount: 80000,
      orderId: "SO-001",
      status: { "zh-CN": "赢单", en: "Won" },
      product: { "zh-CN": "标准版", en: "Standard" },
    },
  ],
};

/** 销售过程数据: one row per rep and week with the process counts of step 2. */
export const activityTemplate: TemplateDefinition<"activity"> = {
  key: "activity",
  sheetName: { "zh-CN": "销售过程数据", en: "Activity" },
  tableName: "Activity",
  columns: [
    {
      key: "date",
      header: { "zh-CN": "周开始日期", en: "Week Starting" },
      type: "date",
      width: 12,
      validation: { kind: "date" },
      numberFormat: "yyyy-mm-dd",
    },
    { key: "rep", header: { "zh-CN": "负责人", en: "Owner" }, type: "person", width: 10 },
    ...(
      [
        ["calls", "电话", "Calls"],
        ["visits", "拜访", "Visits"],
        ["followUps", "跟进", "Follow-ups"],
        ["proposals", "方案提交", "Proposals"],
      ] as const
    ).map(([key, zh, en]) => ({
      key,
      header: { "zh-CN": zh, en },
      type: "number" as const,
      width: 9,
      validation: { kind: "wholeNumber" as const, min: 0 },
      numberFormat: "0",
    })),
  ],
  examples: [{ date: toExcelSerial(2026, 11, 2), rep: "*某", calls: 75, visits: 6, followUps: 20, proposals: 5 }],
};

export const DATA_TEMPLATES: readonly TemplateDefinition<"deals" | "activity">[] = [dealsTemplate, activityTemplate];
