import type { TemplateDefinition } from "./template.types";

/** 模板4：月度复盘记录表. Target and actual are added so the achievement rate is computed. */
export const monthlyReviewTemplate: TemplateDefinition = {
  key: "review",
  sheetName: { "zh-CN": "月度复盘表", en: "Monthly Review" },
  tableName: "MonthlyReview",
  columns: [
    {
      key: "reviewTime",
      header: { "zh-CN": "复盘时间", en: "Review Time" },
      type: "text",
      width: 14,
    },
    {
      key: "participants",
      header: { "zh-CN": "参与人员", en: "Participants" },
      type: "text",
      width: 16,
    },
    {
      key: "monthTarget",
      header: { "zh-CN": "本月目标", en: "Month Target" },
      type: "money",
      width: 12,
      validation: { kind: "decimal", min: 0 },
      numberFormat: "#,##0",
    },
    {
      key: "monthActual",
      header: { "zh-CN": "本月实际", en: "Month Actual" },
      type: "money",
      width: 12,
      validation: { kind: "decimal", min: 0 },
      numberFormat: "#,##0",
    },
    {
      key: "achievement",
      header: { "zh-CN": "本月业绩达成率(%)", en: "Achievement Rate (%)" },
      type: "percent",
      width: 12,
      numberFormat: "0%",
      formula: '=IF(N({monthTarget})>0,{monthActual}/{monthTarget},"")',
    },
    {
      key: "highlights",
      header: { "zh-CN": "亮点与成功经验", en: "Highlights and What Worked" },
      type: "multiline",
      width: 30,
    },
    {
      key: "problems",
      header: { "zh-CN": "问题与不足", en: "Problems and Shortfalls" },
      type: "multiline",
      width: 30,
    },
    {
      key: "improvements",
      header: { "zh-CN": "下月改进措施", en: "Improvements for Next Month" },
      type: "multiline",
      width: 34,
      prompt: {
        "zh-CN": "每条写明责任人和时间节点，如：1周内完成交付流程优化，由*某对接运营部",
        en: "Each item names an owner and a deadline, e.g. optimise delivery within 1 week, *X liaises with operations",
      },
    },
  ],
  examples: [
    {
      reviewTime: { "zh-CN": "30日14:00", en: "30th 14:00" },
      participants: { "zh-CN": "某、某、*某", en: "X, Y, *Z" },
      monthTarget: 1_000_000,
      monthActual: 950_000,
      highlights: {
        "zh-CN": "1.*某新客户开发量超额20% 2.复购率提升至65%",
        en: "1. *Z beat the new-customer target by 20% 2. Repurchase rate up to 65%",
      },
      problems: {
        "zh-CN": "1.高客单价产品成交率仅12% 2.3个客户因交付延迟流失",
        en: "1. Close rate on high-ticket products only 12% 2. 3 customers lost to late delivery",
      },
      // The playbook's two measures, each with the owner and deadline its guide asks for ("1周内完成交付流程优化，由*某对接运营部").
      improvements: {
        "zh-CN": "1.2周内增加1次高客单价产品培训，由*某负责 2.1周内完成交付流程优化，由*某对接运营部",
        en: "1. One more training on high-ticket products within 2 weeks, owner: *Z 2. Within 1 week, *Z liaises with operations to optimise the delivery process",
      },
    },
  ],
};
