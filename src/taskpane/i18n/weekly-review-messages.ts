import { bilingual, type Bilingual } from "../../core/i18n/locale";

/** The weekly review card's texts, loaded with the card (not in the pane's first chunk). A key missing one language fails the type check. */
export const WEEKLY_REVIEW_MESSAGES = {
  title: bilingual("周复盘", "Weekly review"),
  hint: bilingual(
    "每周五复盘：每人每项指标的完成率（低于阈值的在跟踪表上标色）、未完成原因归类、一对一辅导、上周问题是否改善。结果写入“周复盘”表，同一周重复运行只替换该周。",
    "Friday's review: completion per rep and metric (those under the threshold coloured on the tracker), reasons grouped across reps, one-to-one coaching, and whether last week's problems improved. Written to the Weekly Review sheet; running it again for a week replaces only that week.",
  ),
  week: bilingual("复盘哪一周（可选，该周任一天）", "Week to review (optional, any day of it)"),
  weekHint: bilingual("如 2026-11-23。留空：最近一周。", "For example 2026-11-23. Empty: the latest week."),
  button: bilingual("生成周复盘", "Review the week"),
  written: bilingual(
    "已写入“{sheet}”，跟踪表上标出{count}个低于阈值的完成率。",
    'Written to "{sheet}"; {count} completions under the threshold coloured on the tracker.',
  ),
} as const satisfies Record<string, Bilingual>;
