import type { Bilingual } from "../../i18n/locale";

/** The drivers only the revenue attribution names, beside the metrics (`METRIC_NAMES`). */
export const ATTRIBUTION_DRIVER_NAMES = {
  returningCustomers: { "zh-CN": "老客户数", en: "returning customers" },
  ordersPerCustomer: { "zh-CN": "客户人均订单数", en: "orders per customer" },
  returns: { "zh-CN": "退货/红冲", en: "returns and credit notes" },
} as const satisfies Record<string, Bilingual>;

/** The words of the comparison over time (the diagnosis's 纵向对比). A key missing one language fails the type check. */
export const LONGITUDINAL_TEXT = {
  thisMonth: { "zh-CN": "本月", en: "This month's" },
  rateUp: { "zh-CN": "上升{points}个百分点", en: "up {points} percentage points" },
  rateDown: { "zh-CN": "下降{points}个百分点", en: "down {points} percentage points" },
  up: { "zh-CN": "增长{percent}", en: "up {percent}" },
  down: { "zh-CN": "下降{percent}", en: "down {percent}" },
  upFromZero: { "zh-CN": "从0起步", en: "up from zero" },
  /** Which way revenue moved, inside a sentence. */
  directionUp: { "zh-CN": "增长", en: "up" },
  directionDown: { "zh-CN": "下降", en: "down" },
  /** An amount of an increase: "+35万". */
  plus: { "zh-CN": "+{amount}", en: "+{amount}" },
  /** "本月销售额下降20%（-20万），主因方案提交量减少25%（贡献-18万，占变化的90%）" (without its full stop). */
  attribution: {
    "zh-CN": "{period}销售额{head}（{amount}），主因{driver}{moved}（贡献{effect}，占变化的{share}）",
    en: "{period} revenue {head} ({amount}), mainly because {driver} {moved} ({effect}, {share} of the change)",
  },
  /** The same when the main driver moved more than the whole change: the others offset it. */
  attributionOffset: {
    "zh-CN":
      "{period}销售额{head}（{amount}），主因{driver}{moved}（贡献{effect}，占各{direction}因素合计的{share}；其他因素向相反方向抵消了{offset}）",
    en: "{period} revenue {head} ({amount}), mainly because {driver} {moved} ({effect}, {share} of what moved it {direction}; other factors offset {offset} the other way)",
  },
  sentence: { "zh-CN": "{clause}。", en: "{clause}." },
  leadFall: {
    "zh-CN": "{period}销售额{head}（{amount}），首要原因为{summary}（约{atStake}，占下降的{share}）。",
    en: "{period} revenue {head} ({amount}); first cause: {summary} (about {atStake}, {share} of the fall).",
  },
  leadHidden: {
    "zh-CN": "{growth}；但增长掩盖了约{hidden}的损失，其中最大的是{summary}（约{atStake}，占这些损失的{share}）。",
    en: "{growth}; but the growth hid about {hidden} of losses, the largest: {summary} (about {atStake}, {share} of those losses).",
  },
  metricMoved: { "zh-CN": "{metric}环比{moved}。", en: "{metric} {moved} on the previous month." },
} as const satisfies Record<string, Bilingual>;
