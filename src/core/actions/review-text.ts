import type { Bilingual } from "../i18n/locale";
import type { StrategyMetric } from "../parse/metric-names";

/** The words the action plan and the monthly review pre-fill write into cells. */
export const ACTION_TEXT = {
  /** Starts every text cell the monthly review pre-fill writes: the manager decides what stays. */
  suggestion: { "zh-CN": "【建议】", en: "[Suggestion] " },
  /** A strategy's effect in a month not yet over: both months on the same days. */
  monthToDate: { "zh-CN": "{sentence}（按各月1-{days}日比较）", en: "{sentence} (days 1-{days} of each month)" },
  reviewSource: { "zh-CN": "月度复盘改进措施（{time}）", en: "Monthly review improvement ({time})" },
  teamAchievement: { "zh-CN": "团队达成率{rate}", en: "Team achievement {rate}" },
  teamActual: { "zh-CN": "团队销售额{actual}（未找到本月目标）", en: "Team revenue {actual} (no monthly target found)" },
  repsAchievement: { "zh-CN": "（{reps}）", en: " ({reps})" },
  repAchievement: { "zh-CN": "{rep}{rate}", en: "{rep} {rate}" },
  listSeparator: { "zh-CN": "、", en: ", " },
  sop: {
    "zh-CN": "将“{strategy}”沉淀为团队SOP，纳入新人培训教材，由{owner}负责，1个月内完成",
    en: 'Make "{strategy}" team standard practice (SOP) and part of new-hire training, owner: {owner}, within 1 month',
  },
  rethink: {
    "zh-CN": "复盘“{strategy}”未见效的原因，调整或放弃，由{owner}负责，1周内完成",
    en: 'Find out why "{strategy}" did not work and adjust or drop it, owner: {owner}, within 1 week',
  },
  manager: { "zh-CN": "销售经理", en: "the sales manager" },
  /** What a strategy did to its metric, in the monthly review: "新客户开发奖实施后，月新客户数从6个增至9个，提升50%". */
  effectWorked: {
    "zh-CN": "{strategy}实施后，{metric}从{before}增至{after}，提升{by}",
    en: 'After "{strategy}", {metric} went from {before} to {after}, up {by}',
  },
  effectWorse: {
    "zh-CN": "{strategy}实施后，{metric}从{before}降至{after}，下降{by}",
    en: 'After "{strategy}", {metric} went from {before} to {after}, down {by}',
  },
  effectUnchanged: {
    "zh-CN": "{strategy}实施后，{metric}从{before}到{after}，基本未变",
    en: 'After "{strategy}", {metric} went from {before} to {after}: unchanged',
  },
  /** A metric counted per month (a rate is not): "月新客户数". */
  monthlyMetric: { "zh-CN": "月{metric}", en: "monthly {metric}" },
  /** The change of a rate. */
  points: { "zh-CN": "{points}个百分点", en: "{points} points" },
  /** A figure per rep per week: "人均每周3.2次". */
  perRepWeek: { "zh-CN": "人均每周{figure}", en: "{figure} per rep per week" },
  /** The metric per rep per week, in the review's effect sentence. */
  perRepWeekMetric: { "zh-CN": "人均每周{metric}", en: "{metric} per rep per week" },
  /** The number format of a baseline per rep per week ({unit}: the quoted unit or nothing): the cell shows "人均每周3.2次". */
  perRepWeekFormat: { "zh-CN": '"人均每周"{number}{unit}', en: '{number}{unit}" per rep per week"' },
  /** A count with its unit: "6个" (English has none). */
  count: { "zh-CN": "{count}{unit}", en: "{count}{unit}" },
} as const satisfies Record<string, Bilingual>;

/** The unit of each counted metric, as a count of it is written in zh-CN; English writes the number alone. */
export const COUNT_UNITS: Readonly<Partial<Record<StrategyMetric, Bilingual>>> = {
  newCustomers: { "zh-CN": "个", en: "" },
  orders: { "zh-CN": "单", en: "" },
  calls: { "zh-CN": "个", en: "" },
  visits: { "zh-CN": "次", en: "" },
  followUps: { "zh-CN": "次", en: "" },
  proposals: { "zh-CN": "份", en: "" },
};

/** True when a cell's text still starts with the suggestion marker (in either language). */
export function isSuggestion(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const text = value.trimStart();
  return text.startsWith(ACTION_TEXT.suggestion["zh-CN"]) || text.startsWith(ACTION_TEXT.suggestion.en.trim());
}

/** The text without a leading suggestion marker: what the checks read of a pre-filled cell. */
export function stripSuggestion(value: unknown): unknown {
  if (!isSuggestion(value)) return value;
  const text = (value as string).trimStart();
  const marker = text.startsWith(ACTION_TEXT.suggestion["zh-CN"])
    ? ACTION_TEXT.suggestion["zh-CN"]
    : ACTION_TEXT.suggestion.en.trim();
  return text.slice(marker.length).trimStart();
}
