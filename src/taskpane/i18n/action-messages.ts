import type { Bilingual } from "../../core/i18n/locale";

/**
 * The task pane's texts for the action plan (step 3) and the monthly review (step 5), kept apart from `MESSAGES` so
 * the pane's first chunk does not carry them: only the card that uses them (loaded on first use) does.
 * A key missing one language fails the type check.
 */
export const ACTION_MESSAGES = {
  actionPlanTitle: { "zh-CN": "行动计划", en: "Action plan" },
  actionPlanHint: {
    "zh-CN": "把诊断的TOP3策略和最近一次复盘的改进措施填入行动计划表（责任人、资源、时间、指标和基线）。你写的内容不会被改动。",
    en: "Puts the TOP 3's strategies and the latest review's improvements into the action plan (owner, resources, dates, metric and baseline). Nothing you wrote is changed.",
  },
  monthlyReviewTitle: { "zh-CN": "月度复盘", en: "Monthly review" },
  monthlyReviewHint: {
    "zh-CN": "按数据预填月度复盘表：本月达成率、各策略的效果和可沉淀为团队SOP的做法。你写的内容不会被改动。",
    en: "Pre-fills the monthly review from the data: this month's achievement, each strategy's effect and what could become a team SOP. Nothing you wrote is changed.",
  },
  fillActionPlanButton: { "zh-CN": "填写行动计划", en: "Fill the action plan" },
  monthlyReviewButton: { "zh-CN": "预填月度复盘", en: "Pre-fill the monthly review" },
  monthLabel: { "zh-CN": "复盘月份（可选）", en: "Month reviewed (optional)" },
  monthHint: {
    "zh-CN": "如 2026-11。留空：数据中截至今天的最近一个月。",
    en: "For example 2026-11. Empty: the latest month in the data up to today.",
  },
  monthBad: {
    "zh-CN": "“{value}”不是月份：请写成 2026-11。",
    en: '"{value}" is not a month: write 2026-11.',
  },
  actionPlanDone: {
    "zh-CN": "已在“{sheet}”新增 {count} 条策略（{kept} 条已在计划中）。请确认负责人、资源和完成时间，前两周每天记录跟进。",
    en: 'Added {count} {count|strategy|strategies} to "{sheet}" ({kept} already planned). Confirm each owner, resources and due date, and record a check every day for the first two weeks.',
  },
  baselinesFilled: {
    "zh-CN": "已按数据补填第 {rows} 行的基线值。",
    en: "Filled the empty baselines of rows {rows} from the data.",
  },
  monthlyDone: {
    "zh-CN": "已在“{sheet}”第 {row} 行预填 {month} 的复盘，标有“【建议】”，请修改确认。",
    en: 'Pre-filled the review of {month} in "{sheet}", row {row}, marked "[Suggestion]": edit and confirm it.',
  },
  monthlyKept: {
    "zh-CN": "这些列已有你的内容，未预填：{columns}",
    en: "These columns already held your text and were left as they were: {columns}",
  },
  teamAchievement: { "zh-CN": "团队达成率：{rate}", en: "Team achievement: {rate}" },
  noTarget: { "zh-CN": "未找到本月目标（目标分解表）", en: "No monthly target found (target sheet)" },
  strategiesAdded: { "zh-CN": "新增的策略", en: "Strategies added" },
  strategyEffects: { "zh-CN": "各策略效果", en: "What each strategy did" },
  sopCandidates: {
    "zh-CN": "可沉淀为团队SOP：{strategies}",
    en: "Candidates for the team's standard practice (SOP): {strategies}",
  },
  listSeparator: { "zh-CN": "、", en: ", " },
} as const satisfies Record<string, Bilingual>;
