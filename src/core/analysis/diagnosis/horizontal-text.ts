import type { Bilingual } from "../../i18n/locale";

/** The words of the comparison across reps (the diagnosis's 横向对比). A key missing one language fails the type check. */
export const HORIZONTAL_TEXT = {
  /** A rep below the per-rep average; `{closeRate}` is `closeRate` below, or empty without decided deals. */
  lagging: {
    "zh-CN": "{rep}销售额{revenue}，为人均的{share}{closeRate}：待提升。",
    en: "{rep}: revenue {revenue}, {share} of the per-rep average{closeRate}: needs support.",
  },
  closeRate: {
    "zh-CN": "，成交率{rate}（{deals}个已结商机）",
    en: ", close rate {rate} ({deals} decided deals)",
  },
  falling: {
    "zh-CN": "{rep}本月销售额{thisMonth}，上月{lastMonth}，下降{fall}。",
    en: "{rep}: {thisMonth} this month against {lastMonth} last month, down {fall}.",
  },
  /** The benchmark's habit that sets it apart, appended to its sentence. */
  habit: {
    "zh-CN": "；其{metric}每周{rep}次（人均{average}次），值得推广",
    en: "; {metric} {rep} a week (average {average}), worth spreading",
  },
  none: { "zh-CN": "", en: "" },
  benchmarkCloseRate: {
    "zh-CN": "标杆：{rep}成交率{rate}（{deals}个已结商机，按样本量调整后{adjusted}），高于团队平均{teamRate}{habit}。",
    en: "Benchmark: {rep}, close rate {rate} ({deals} decided deals, {adjusted} adjusted for sample size) against a team average of {teamRate}{habit}.",
  },
  benchmarkRevenue: {
    "zh-CN": "标杆：{rep}销售额{revenue}，人均{average}{habit}。",
    en: "Benchmark: {rep}, revenue {revenue} against a per-rep average of {average}{habit}.",
  },
} as const satisfies Record<string, Bilingual>;
