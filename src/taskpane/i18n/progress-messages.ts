import type { Bilingual } from "../../core/i18n/locale";

/**
 * The task pane's target-progress card texts, kept apart from the pane's first catalogue (`MESSAGES`) so
 * they load with the card's own chunk. A key missing one language fails the type check.
 */
export const PROGRESS_MESSAGES = {
  progressTitle: { "zh-CN": "跟踪目标进度", en: "Track target progress" },
  progressHint: {
    "zh-CN":
      "按成交明细计算目标分解表里每人的目标和KR：实际完成、达成率，以及与时间进度的对比，写入“实际完成”“达成率”“进度”列。手工填写过这几列的行不会被改写。",
    en: "Measures each rep's target and KRs on the target sheet from the deal data: actual, achievement and pace against the time gone, written into the Actual, Achievement and Progress columns. Rows where you typed in those columns are left as they are.",
  },
  progressButton: { "zh-CN": "计算进度", en: "Track progress" },
  progressDone: {
    "zh-CN": "已在“{sheet}”写入 {rows} 行的进度（成交数据来自“{data}”，截至 {today}）。",
    en: 'Wrote the progress of {rows} {rows|row|rows} to "{sheet}" (deal data from "{data}", as of {today}).',
  },
  progressTyped: {
    "zh-CN": "第 {rows} 行的实际完成/达成率/进度是手工填写的：已计算但未改写。",
    en: "Row(s) {rows} hold actual, achievement or progress typed by hand: measured, but left as they are.",
  },
  progressOwner: { "zh-CN": "{owner}（{from}至{to}）", en: "{owner} ({from} to {to})" },
  progressTarget: { "zh-CN": "目标 {text}：{sentence}", en: "Target {text}: {sentence}" },
  progressKr: { "zh-CN": "KR{index} {text}：{sentence}", en: "KR {index} {text}: {sentence}" },
} as const satisfies Record<string, Bilingual>;
