import type { TemplateDefinition } from "./template.types";

/** 模板1：销售团队目标分解表. One row per rep target; 2-3 KRs and their criteria in one cell each. */
export const targetDecompositionTemplate: TemplateDefinition = {
  key: "targets",
  sheetName: { "zh-CN": "目标分解表", en: "Target Decomposition" },
  tableName: "TargetDecomposition",
  columns: [
    {
      key: "teamTarget",
      header: { "zh-CN": "团队总目标", en: "Team Target" },
      type: "quantity",
      width: 14,
      prompt: { "zh-CN": "写明周期和数值，如：月度100万", en: "Period and amount, e.g. Monthly 1,000,000" },
    },
    {
      key: "targetItem",
      header: { "zh-CN": "目标项", en: "Target Item" },
      type: "text",
      width: 14,
      prompt: {
        "zh-CN": "写明指标，如：销售额、新客户数、复购率",
        en: "Name the metric, e.g. revenue, new customers, repurchase rate",
      },
    },
    {
      key: "owner",
      header: { "zh-CN": "负责人", en: "Owner" },
      type: "person",
      width: 10,
    },
    {
      key: "repTarget",
      header: { "zh-CN": "个人目标", en: "Rep Target" },
      type: "quantity",
      width: 12,
      prompt: {
        "zh-CN": "本人承担的部分，如：35万；同一团队目标下各人之和应等于团队总目标",
        en: "This rep's share, e.g. 350,000; the shares of one team target should add up to it",
      },
    },
    {
      key: "deadline",
      header: { "zh-CN": "时间节点", en: "Deadline" },
      type: "date",
      width: 12,
      prompt: { "zh-CN": "如：30日、12月31日、2026-12-31", en: "e.g. 30th, Dec 31, 2026-12-31" },
    },
    {
      key: "keyResults",
      header: { "zh-CN": "关键结果(KR)", en: "Key Results (KR)" },
      type: "multiline",
      width: 32,
      prompt: {
        "zh-CN": "2-3个可衡量的关键结果，如：1.新客户开发8个 2.复购率60%",
        en: "2-3 measurable key results, e.g. 1. 8 new customers 2. repurchase rate 60%",
      },
    },
    {
      key: "criteria",
      header: { "zh-CN": "完成标准", en: "Completion Criteria" },
      type: "multiline",
      width: 36,
      prompt: {
        "zh-CN": "每个KR一条，按同样顺序，写明比较符和数值，如：1.实际开发≥8个",
        en: "One per KR in the same order, with a comparator and a number, e.g. 1. actual new customers >= 8",
      },
    },
    // Filled by "track progress" from the deal data (the playbook's step 5: achievement against the target);
    // a row whose progress cell the user typed over is left to the user.
    {
      key: "actual",
      header: { "zh-CN": "实际完成", en: "Actual" },
      type: "number",
      width: 12,
      numberFormat: "#,##0",
    },
    {
      key: "achievement",
      header: { "zh-CN": "达成率(%)", en: "Achievement (%)" },
      type: "percent",
      width: 10,
      numberFormat: "0.0%",
    },
    {
      key: "progress",
      header: { "zh-CN": "进度", en: "Progress" },
      type: "multiline",
      width: 40,
    },
  ],
  examples: [
    {
      teamTarget: { "zh-CN": "月度100万", en: "Monthly 1,000,000" },
      targetItem: { "zh-CN": "销售额", en: "Revenue" },
      owner: "*某",
      repTarget: { "zh-CN": "35万", en: "350,000" },
      deadline: { "zh-CN": "30日", en: "30th" },
      keyResults: { "zh-CN": "1.新客户开发8个 2.复购率60%", en: "1. Develop 8 new customers 2. Repurchase rate 60%" },
      criteria: {
        "zh-CN": "1.实际开发≥8个 2.复购客户数≥现有客户数60%",
        en: "1. Actual new customers >= 8 2. Repurchasing customers >= 60% of existing customers",
      },
    },
    {
      teamTarget: { "zh-CN": "月度100万", en: "Monthly 1,000,000" },
      targetItem: { "zh-CN": "新客户销售额", en: "New-customer revenue" },
      owner: "*某",
      repTarget: { "zh-CN": "35万", en: "350,000" },
      deadline: { "zh-CN": "30日", en: "30th" },
      keyResults: {
        "zh-CN": "1.开发行业客户5个 2.客单价≥5万",
        en: "1. Develop 5 industry customers 2. Average order value >= 50,000",
      },
      criteria: {
        "zh-CN": "1.实际开发≥5个 2.新客户平均客单价≥5万",
        en: "1. Actual new customers >= 5 2. New-customer average order value >= 50,000",
      },
    },
  ],
};
