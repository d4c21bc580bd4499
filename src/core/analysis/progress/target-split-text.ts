import type { Bilingual } from "../../i18n/locale";

/** What accepting a target split says (`target-split-rows`). A key missing one language fails the type check. */
export const TARGET_SPLIT_TEXT = {
  skipped: {
    "zh-CN": "{reps}在本期已有这项目标，未重复添加，已有的行保持不变。",
    en: "{reps} already {count|has|have} this target for the period: not added again, and {count|that row is|those rows are} left as written.",
  },
  listSeparator: { "zh-CN": "、", en: ", " },
} as const satisfies Record<string, Bilingual>;
