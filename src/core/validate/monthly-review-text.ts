import type { Bilingual } from "../i18n/locale";

/** What the checks of the monthly review (月度复盘表) say. A key missing one language fails the type check. */
export const MONTHLY_REVIEW_TEXT = {
  achievementUnread: {
    "zh-CN": "业绩达成率读不出百分比：请写成“95%”，或填本月目标和实际由表格计算。",
    en: 'The achievement rate is not a percentage: write it as "95%", or fill in target and actual to compute it.',
  },
  achievementMismatch: {
    "zh-CN": "达成率{rate}与本月实际÷目标（{computed}）不一致。",
    en: "The achievement rate {rate} differs from actual / target ({computed}).",
  },
  improvementNoOwner: {
    "zh-CN": "第{items}条改进措施没有责任人：写明由谁负责。",
    en: "Improvement {items} names no owner: say who is responsible.",
  },
  improvementsNoOwner: {
    "zh-CN": "第{items}条改进措施没有责任人：写明由谁负责。",
    en: "Improvement {items} name no owner: say who is responsible.",
  },
  improvementNoDeadline: {
    "zh-CN": "第{items}条改进措施没有时间节点：写明何时完成。",
    en: "Improvement {items} has no deadline: say when it is done.",
  },
  improvementsNoDeadline: {
    "zh-CN": "第{items}条改进措施没有时间节点：写明何时完成。",
    en: "Improvement {items} have no deadline: say when it is done.",
  },
  /** The playbook's own improvement, offered as the form to follow. */
  playbookExample: {
    "zh-CN": "1周内完成交付流程优化，由*某对接运营部",
    en: "Within 1 week, *X liaises with operations to optimise the delivery process",
  },
  listSeparator: { "zh-CN": "、", en: ", " },
} as const satisfies Record<string, Bilingual>;
