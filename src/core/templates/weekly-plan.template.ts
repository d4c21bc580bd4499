import { toExcelSerial } from "../cell/excel-date";
import type { ColumnDefinition, TemplateDefinition } from "./template.types";

const DAYS = [
  ["mon", "周一完成情况", "Mon Done"],
  ["tue", "周二完成情况", "Tue Done"],
  ["wed", "周三完成情况", "Wed Done"],
  ["thu", "周四完成情况", "Thu Done"],
  ["fri", "周五完成情况", "Fri Done"],
] as const;

export const WEEKDAY_KEYS = DAYS.map(([key]) => key);

const dayColumns: ColumnDefinition[] = DAYS.map(([key, zh, en]) => ({
  key,
  header: { "zh-CN": zh, en },
  type: "number",
  width: 9,
  validation: { kind: "wholeNumber", min: 0 },
  numberFormat: "0",
  prompt: {
    "zh-CN": "当日完成数量（非负整数），下班前填写",
    en: "Count done that day (whole number >= 0), fill in before leaving",
  },
}));

/**
 * 模板3：周计划与执行跟踪表. One row per rep, metric and week with numeric day cells, so native
 * validation and formulas work; the playbook's free-text layout ("开发1个 电话12个") is still read by
 * the validator.
 */
export const weeklyPlanTemplate: TemplateDefinition = {
  key: "weekly",
  sheetName: { "zh-CN": "周计划跟踪表", en: "Weekly Plan Tracking" },
  tableName: "WeeklyPlanTracking",
  columns: [
    {
      key: "week",
      header: { "zh-CN": "周开始日期", en: "Week Starting" },
      type: "date",
      width: 12,
      validation: { kind: "date" },
      numberFormat: "yyyy-mm-dd",
      prompt: { "zh-CN": "本周周一的日期", en: "Monday of the week" },
    },
    { key: "owner", header: { "zh-CN": "负责人", en: "Owner" }, type: "person", width: 10 },
    {
      key: "metric",
      header: { "zh-CN": "指标", en: "Metric" },
      type: "list",
      width: 12,
      validation: {
        kind: "list",
        values: {
          "zh-CN": ["新客户开发", "电话", "拜访", "跟进", "方案提交", "成交额"],
          en: ["New customers", "Calls", "Visits", "Follow-ups", "Proposals", "Revenue"],
        },
        // The playbook's tracker names its own metrics ("开发新客户3个 电话15个"): others may be typed.
        allowOther: true,
      },
    },
    {
      key: "target",
      header: { "zh-CN": "本周目标(量化)", en: "Weekly Target (quantified)" },
      type: "number",
      width: 12,
      validation: { kind: "decimal", min: 0 },
      prompt: { "zh-CN": "本周合计目标；若是每日目标请乘以5", en: "The target for the whole week; multiply a daily target by 5" },
    },
    ...dayColumns,
    {
      key: "total",
      header: { "zh-CN": "本周合计", en: "Week Total" },
      type: "number",
      width: 10,
      numberFormat: "0",
      formula: '=IF(COUNT({mon},{tue},{wed},{thu},{fri})=0,"",SUM({mon},{tue},{wed},{thu},{fri}))',
    },
    {
      key: "completion",
      header: { "zh-CN": "完成率(%)", en: "Completion (%)" },
      type: "percent",
      width: 10,
      numberFormat: "0%",
      formula: '=IF(AND(N({target})>0,COUNT({mon},{tue},{wed},{thu},{fri})>0),SUM({mon},{tue},{wed},{thu},{fri})/{target},"")',
    },
    {
      key: "reason",
      header: { "zh-CN": "未完成原因", en: "Reason Not Done" },
      type: "text",
      width: 24,
      prompt: { "zh-CN": "完成率低于85%时必填", en: "Required when completion is below 85%" },
    },
    {
      key: "measure",
      header: { "zh-CN": "改进措施", en: "Improvement Measure" },
      type: "text",
      width: 24,
      prompt: { "zh-CN": "写了原因就写措施：做什么、何时", en: "Whenever a reason is given: what you will do, and when" },
    },
  ],
  examples: [
    {
      week: toExcelSerial(2026, 11, 23),
      owner: "*某",
      metric: { "zh-CN": "新客户开发", en: "New customers" },
      target: 3,
      mon: 1,
      tue: 1,
      wed: 0,
      thu: 1,
      fri: 2,
    },
    {
      week: toExcelSerial(2026, 11, 23),
      owner: "*某",
      metric: { "zh-CN": "电话", en: "Calls" },
      target: 75,
      mon: 12,
      tue: 14,
      wed: 15,
      thu: 15,
      fri: 15,
      reason: { "zh-CN": "周三客户未接听，未达成", en: "Customers did not answer on Wednesday, target missed" },
      measure: { "zh-CN": "周四增加触达，提高客户联系率", en: "More outreach on Thursday to raise the contact rate" },
    },
  ],
};
