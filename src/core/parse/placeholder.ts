import type { Bilingual } from "../i18n/locale";
import { normalizeText } from "./parse-result";

/**
 * What the add-in writes in a cell it leaves for someone to fill in (an accepted target split's KRs and
 * criteria): visibly marked, and never read as a value. Each text starts with a marker the readers know in
 * either language, "（待填写：" or "(to fill in:", and holds no number, so nothing counts it as a KR.
 */
export const PLACEHOLDER_TEXT = {
  keyResults: {
    "zh-CN": "（待填写：本人的2-3个可衡量的关键结果）",
    en: "(to fill in: this rep's 2-3 measurable key results)",
  },
  criteria: {
    "zh-CN": "（待填写：每个关键结果一条完成标准，写明比较符和数值）",
    en: "(to fill in: one completion criterion per key result, with a comparator and a number)",
  },
} as const satisfies Record<string, Bilingual>;

/** The start of every placeholder, full-width brackets folded: "(待填写" or "(to fill in". */
const MARKERS = ["(待填写", "(to fill in"];

/** True when a cell still holds a placeholder the add-in wrote (in either language), not what someone wrote. */
export function isPlaceholder(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const text = normalizeText(value).toLowerCase();
  return MARKERS.some((m) => text.startsWith(m));
}
