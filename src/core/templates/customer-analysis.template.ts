import type { TemplateDefinition } from "./template.types";

/**
 * 模板2：客户分析表（按客户类型）. Revenue and orders are added so that contribution share and
 * average order value are computed, not typed; the playbook's example numbers are reproduced exactly
 * (600万/300万/100万 give 60%/30%/10%; 75, 100 and 100 orders give 8万, 3万 and 1万).
 */
export const customerAnalysisTemplate: TemplateDefinition = {
  key: "customers",
  sheetName: { "zh-CN": "客户分析表", en: "Customer Analysis" },
  tableName: "CustomerAnalysis",
  columns: [
    {
      key: "customerType",
      header: { "zh-CN": "客户类型", en: "Customer Type" },
      type: "text",
      width: 14,
    },
    {
      key: "customers",
      header: { "zh-CN": "客户数量", en: "Customers" },
      type: "number",
      width: 10,
      validation: { kind: "wholeNumber", min: 0 },
      numberFormat: "0",
      prompt: { "zh-CN": "该类型的客户数（去重）", en: "Distinct customers of this type" },
    },
    {
      key: "orders",
      header: { "zh-CN": "订单数", en: "Orders" },
      type: "number",
      width: 10,
      validation: { kind: "wholeNumber", min: 0 },
      numberFormat: "0",
    },
    {
      key: "revenue",
      header: { "zh-CN": "销售额", en: "Revenue" },
      type: "money",
      width: 14,
      validation: { kind: "decimal", min: 0 },
      numberFormat: "#,##0",
    },
    {
      key: "share",
      header: { "zh-CN": "贡献占比(%)", en: "Contribution Share (%)" },
      type: "percent",
      width: 12,
      numberFormat: "0.0%",
      // Empty on a row without revenue, not 0.0%.
      formula: '=IF(OR(ISBLANK({revenue}),SUM({revenue:column})=0),"",{revenue}/SUM({revenue:column}))',
    },
    {
      key: "avgOrderValue",
      header: { "zh-CN": "平均客单价", en: "Average Order Value" },
      type: "money",
      width: 12,
      numberFormat: "#,##0",
      formula: '=IF(N({orders})>0,{revenue}/{orders},"")',
    },
    {
      key: "closeRate",
      header: { "zh-CN": "成交率(%)", en: "Close Rate (%)" },
      type: "percent",
      width: 10,
      validation: { kind: "decimal", min: 0, max: 1 },
      numberFormat: "0%",
      prompt: { "zh-CN": "赢单数÷(赢单+输单)，0-100%", en: "Won / (won + lost), 0-100%" },
    },
    {
      key: "painPoints",
      header: { "zh-CN": "主要需求痛点", en: "Main Needs and Pain Points" },
      type: "text",
      width: 24,
    },
    {
      key: "strategy",
      header: { "zh-CN": "开发/维护策略", en: "Development / Retention Strategy" },
      type: "text",
      width: 28,
    },
    // Filled by the customer contribution with the months its figures cover and the day it ran: the check
    // flags the sheet once that quarter is over (the playbook: 每季度更新一次).
    {
      key: "period",
      header: { "zh-CN": "数据期间", en: "Data Period" },
      type: "text",
      width: 30,
    },
  ],
  examples: [
    {
      customerType: { "zh-CN": "行业TOP100", en: "Industry TOP100" },
      customers: 15,
      orders: 75,
      revenue: 6_000_000,
      closeRate: 0.25,
      painPoints: { "zh-CN": "产品稳定性高、服务响应快", en: "High product stability, fast service response" },
      strategy: { "zh-CN": "提供定制化方案+7×24小时服务", en: "Customised solutions + 24/7 service" },
    },
    {
      customerType: { "zh-CN": "中小企业", en: "SMEs" },
      customers: 50,
      orders: 100,
      revenue: 3_000_000,
      closeRate: 0.15,
      painPoints: { "zh-CN": "价格敏感、交付周期短", en: "Price-sensitive, short delivery cycles" },
      strategy: { "zh-CN": "推广标准化产品+简化流程", en: "Promote standard products + simpler process" },
    },
    {
      customerType: { "zh-CN": "个人客户", en: "Individuals" },
      customers: 30,
      orders: 100,
      revenue: 1_000_000,
      closeRate: 0.1,
      painPoints: { "zh-CN": "操作简单、性价比高", en: "Easy to use, good value for money" },
      strategy: { "zh-CN": "线上推广+基础功能培训", en: "Online promotion + basic feature training" },
    },
  ],
};
