import type { Bilingual } from "../../core/i18n/locale";

/**
 * The texts of the diagnosis's small charts in the pane (the revenue change by driver, the monthly trend), in
 * their own chunk with the charts. A key missing one language fails the type check.
 */
export const CHART_MESSAGES = {
  chartsLabel: { "zh-CN": "诊断图表", en: "Diagnosis charts" },
  waterfallTitle: { "zh-CN": "本月销售额变化（按驱动因素拆分）", en: "This month's revenue change by driver" },
  waterfallSummary: {
    "zh-CN": "销售额从{before}的{from}变为{now}的{to}：{effects}。",
    en: "Revenue went from {from} in {before} to {to} in {now}: {effects}.",
  },
  effectItem: { "zh-CN": "{driver}{amount}", en: "{driver} {amount}" },
  listSeparator: { "zh-CN": "，", en: ", " },
  trendTitle: { "zh-CN": "近{count}个月销售额", en: "Revenue, last {count} {count|month|months}" },
  trendLast: { "zh-CN": "{month}：{value}", en: "{month}: {value}" },
  trendSummary: {
    "zh-CN": "{first}为{firstValue}，最高为{peak}的{peakValue}，{last}为{lastValue}。",
    en: "{first}: {firstValue}; highest {peakValue} in {peak}; {last}: {lastValue}.",
  },
} as const satisfies Record<string, Bilingual>;
