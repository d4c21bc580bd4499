import type { Bilingual } from "../i18n/locale";

/** What the checks of the action plan (行动计划表) say. A key missing one language fails the type check. */
export const ACTIONS_TEXT = {
  noOwner: {
    "zh-CN": "策略“{strategy}”没有负责人：写明由谁负责。",
    en: 'The strategy "{strategy}" has no owner: say who is responsible.',
  },
  noResources: {
    "zh-CN": "策略“{strategy}”没有写所需资源：写明需要的支持，如培训、物料、预算；不需要时写“无”。",
    en: 'The strategy "{strategy}" names no resources: say what it needs, e.g. training, materials, budget; write "none" if nothing.',
  },
  /** What a strategy that needs nothing writes as its resources. */
  noResourcesFix: { "zh-CN": "无", en: "none" },
  noDeadline: {
    "zh-CN": "策略“{strategy}”没有完成时间：写明何时完成，如“2026-12-04”。",
    en: 'The strategy "{strategy}" has no due date: say when it is done, e.g. 2026-12-04.',
  },
  deadlineUnread: {
    "zh-CN": "完成时间读不出日期：请写成“2026-12-04”或“12月4日”。",
    en: "The due date is not a date: write it as 2026-12-04.",
  },
  overdue: {
    "zh-CN": "策略“{strategy}”已过完成时间（{deadline}）仍未完成：完成后把状态改为“已完成”，或调整时间、写明原因。",
    en: 'The strategy "{strategy}" is past its due date ({deadline}) and not done: set its status to Done when it is, or move the date and say why.',
  },
  checkMissing: {
    "zh-CN": "{day}（第{index}个工作日）没有跟进记录：新策略前两周每日跟进，记 ✓、✗ 或一句情况。",
    en: "No check on {day} (working day {index}): a new strategy is followed daily for its first two weeks; enter ✓, ✗ or a short note.",
  },
  /** The mark of a day's check done. */
  checkFix: { "zh-CN": "✓", en: "✓" },
  noMetric: {
    "zh-CN": "策略“{strategy}”没有目标指标：从下拉列表选一个，或写上团队自己的指标，月度复盘才能判断它是否见效。",
    en: 'The strategy "{strategy}" has no target metric: pick one from the list or type the team\'s own, so the monthly review can tell whether it worked.',
  },
  metricUnchanged: {
    "zh-CN": "{effect}（{before}→{after}）：到期后{metric}没有改善，列入月度复盘讨论是否调整。",
    en: "{effect} ({before} → {after}): {metric} has not improved since the due date; take it to the monthly review.",
  },
} as const satisfies Record<string, Bilingual>;
