import { toExcelSerial } from "../cell/excel-date";
import { STRATEGY_METRICS, STRATEGY_METRIC_NAMES } from "../parse/metric-names";
import type { ColumnDefinition, TemplateDefinition } from "./template.types";

/** How many working days from the start date are checked daily (the playbook: 前两周每日跟进). */
export const CHECK_DAYS = 10;

/** The day-check columns' keys: day1 … day10. */
export const CHECK_DAY_KEYS: readonly string[] = Array.from({ length: CHECK_DAYS }, (_v, i) => `day${i + 1}`);

/** The status drop-down, in the order a strategy moves through it. */
export const ACTION_STATUSES = {
  notStarted: { "zh-CN": "未开始", en: "Not started" },
  inProgress: { "zh-CN": "进行中", en: "In progress" },
  done: { "zh-CN": "已完成", en: "Done" },
  dropped: { "zh-CN": "已放弃", en: "Dropped" },
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;

/** Reads a status cell in either language; undefined when empty or none of the four. */
export function readActionStatus(value: unknown): ActionStatus | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  return (Object.keys(ACTION_STATUSES) as ActionStatus[]).find(
    (k) => ACTION_STATUSES[k]["zh-CN"] === text || ACTION_STATUSES[k].en.toLowerCase() === text,
  );
}

const statusValues = (locale: "zh-CN" | "en") => Object.values(ACTION_STATUSES).map((s) => s[locale]);
const metricValues = (locale: "zh-CN" | "en") => STRATEGY_METRICS.map((m) => STRATEGY_METRIC_NAMES[m][locale]);

const dayColumns: ColumnDefinition[] = CHECK_DAY_KEYS.map((key, i) => ({
  key,
  header: { "zh-CN": `第${i + 1}天`, en: `Day ${i + 1}` },
  type: "text",
  width: 7,
  prompt: {
    "zh-CN": `开始日期起第${i + 1}个工作日的跟进：✓ 做到 / ✗ 没做到 / 写一句情况`,
    en: `The follow-up on working day ${i + 1} from the start date: ✓ done / ✗ not done / a short note`,
  },
}));

/**
 * The action plan (the playbook's steps 3 and 4): each strategy with its owner, resources and
 * deadline, its status, the metric it should move with the baseline at its start, and a daily
 * check for its first two weeks (the playbook's reminder against 重计划、轻执行).
 */
export const actionPlanTemplate: TemplateDefinition = {
  key: "actions",
  sheetName: { "zh-CN": "行动计划表", en: "Action Plan" },
  tableName: "ActionPlan",
  columns: [
    {
      key: "problem",
      header: { "zh-CN": "问题", en: "Problem" },
      type: "text",
      width: 22,
      prompt: { "zh-CN": "诊断出的问题，如：新客户开发量不足", en: "The problem diagnosed, e.g. too few new customers" },
    },
    {
      key: "strategy",
      header: { "zh-CN": "策略", en: "Strategy" },
      type: "text",
      width: 34,
    },
    { key: "owner", header: { "zh-CN": "负责人", en: "Owner" }, type: "person", width: 10 },
    {
      key: "resources",
      header: { "zh-CN": "所需资源", en: "Resources" },
      type: "text",
      width: 18,
      prompt: { "zh-CN": "如：培训支持、物料准备、奖金预算", en: "e.g. training, materials, a bonus budget" },
    },
    {
      key: "startDate",
      header: { "zh-CN": "开始日期", en: "Start Date" },
      type: "date",
      width: 12,
      validation: { kind: "date" },
      numberFormat: "yyyy-mm-dd",
    },
    {
      key: "deadline",
      header: { "zh-CN": "完成时间", en: "Due Date" },
      type: "date",
      width: 12,
      validation: { kind: "date" },
      numberFormat: "yyyy-mm-dd",
      prompt: { "zh-CN": "完成时间节点，如：2026-12-04", en: "When it is done, e.g. 2026-12-04" },
    },
    {
      key: "status",
      header: { "zh-CN": "状态", en: "Status" },
      type: "list",
      width: 9,
      validation: { kind: "list", values: { "zh-CN": statusValues("zh-CN"), en: statusValues("en") } },
    },
    {
      key: "metric",
      header: { "zh-CN": "目标指标", en: "Target Metric" },
      type: "list",
      width: 11,
      // A metric the list lacks may be typed (warned, not refused); the check flags an empty one.
      validation: { kind: "list", values: { "zh-CN": metricValues("zh-CN"), en: metricValues("en") }, allowOther: true },
      prompt: { "zh-CN": "这条策略要提升的指标", en: "The metric this strategy should move" },
    },
    {
      key: "baseline",
      header: { "zh-CN": "基线值", en: "Baseline" },
      type: "number",
      width: 10,
      prompt: {
        "zh-CN": "开始日期前一个月的指标值（比率写成小数或百分数）",
        en: "The metric in the month before the start date (a rate as a fraction or a percentage)",
      },
    },
    ...dayColumns,
  ],
  examples: [
    {
      problem: { "zh-CN": "新客户开发量不足", en: "Too few new customers" },
      strategy: { "zh-CN": "设立“新客户开发奖”（每开发1个奖励500元）", en: "A new-customer bonus (500 per new customer)" },
      owner: "*某",
      resources: { "zh-CN": "奖金预算每月5000元", en: "Bonus budget of 5,000 a month" },
      startDate: toExcelSerial(2026, 11, 2),
      deadline: toExcelSerial(2026, 11, 13),
      status: ACTION_STATUSES.done,
      metric: STRATEGY_METRIC_NAMES.newCustomers,
      baseline: 6,
      day1: "✓",
      day2: "✓",
      day3: { "zh-CN": "✗ 客户未接听", en: "✗ no answer" },
      day4: "✓",
      day5: "✓",
      day6: "✓",
      day7: "✓",
      day8: "✓",
      day9: "✓",
      day10: "✓",
    },
    {
      problem: { "zh-CN": "老客户复购率低", en: "Low repeat purchases" },
      strategy: {
        "zh-CN": "建立“老客户维护清单”，标注客户采购周期、偏好产品",
        en: "A key-account maintenance list with purchase cycle and preferred products",
      },
      owner: "某",
      resources: { "zh-CN": "CRM客户标签", en: "Customer tags in the CRM" },
      startDate: toExcelSerial(2026, 11, 9),
      deadline: toExcelSerial(2026, 11, 20),
      status: ACTION_STATUSES.done,
      metric: STRATEGY_METRIC_NAMES.repurchase,
      baseline: 0.4,
      day1: "✓",
      day2: "✓",
      day3: "✓",
      day4: "✓",
      day5: { "zh-CN": "✗ 清单待补采购周期", en: "✗ purchase cycles missing" },
      day6: "✓",
      day7: "✓",
      day8: "✓",
      day9: "✓",
      day10: "✓",
    },
  ],
};
