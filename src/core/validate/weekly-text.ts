import type { Bilingual } from "../i18n/locale";

/** The working days of the weekly tracker's columns, Monday first. */
export const WEEKDAY_NAMES: readonly Bilingual[] = [
  { "zh-CN": "周一", en: "Mon" },
  { "zh-CN": "周二", en: "Tue" },
  { "zh-CN": "周三", en: "Wed" },
  { "zh-CN": "周四", en: "Thu" },
  { "zh-CN": "周五", en: "Fri" },
];

/** What the checks of the weekly plan tracker (周计划跟踪表) say. A key missing one language fails the type check. */
export const WEEKLY_TEXT = {
  dayInvalid: {
    "zh-CN": "{day}完成情况“{value}”不是非负数：只填当天完成的数量。",
    en: '{day} "{value}" is not a number >= 0: enter only the count done that day.',
  },
  targetAmbiguous: {
    "zh-CN": "“{target}”中{metric}的目标（{value}）与每天的完成数相当，按每日目标计算：请写明“每日”或“每周”。",
    en: 'In "{target}" the {metric} target ({value}) matches the daily counts, so it is read as a daily target: write "daily" or "weekly".',
  },
  dayMissing: {
    "zh-CN": "{days}已过去但没有填写：请当天下班前更新完成情况，避免数据跟进“形式化”。",
    en: "{days} is past but empty: update the count before leaving each day.",
  },
  daysMissing: {
    "zh-CN": "{days}已过去但没有填写：请当天下班前更新完成情况，避免数据跟进“形式化”。",
    en: "{days} are past but empty: update the count before leaving each day.",
  },
  targetMissing: {
    "zh-CN": "没有量化的本周目标：请填本周要完成的数量。",
    en: "No quantified weekly target: enter the count to reach this week.",
  },
  completionLow: {
    "zh-CN": "{metric}本周完成率{rate}，低于{threshold}：请分析原因并制定改进措施。",
    en: "{metric}: {rate} of the weekly target, below {threshold}: find the cause and plan a fix.",
  },
  reasonMissing: {
    "zh-CN": "{metric}未达成本周目标（{done}/{target}），请写未完成原因。",
    en: "{metric} missed the weekly target ({done}/{target}): write the reason.",
  },
  coachingDays: {
    "zh-CN": "{metric}连续{days}天低于每日进度（{pace}）：安排一对一辅导。",
    en: "{metric} below the daily pace ({pace}) for {days} {days|day|days} in a row: schedule one-to-one coaching.",
  },
  measureMissing: {
    "zh-CN": "写了未完成原因，但没有改进措施：请写做什么、何时做。",
    en: "A reason is given but no improvement measure: write what will be done, and when.",
  },
  measureVague: {
    "zh-CN": "改进措施只说了要更努力：请写具体做什么、做多少、何时做（如“周四补打20个电话”）。",
    en: 'The measure only promises more effort: write what will be done, how much and when (e.g. "20 more calls on Thursday").',
  },
  coachingWeeks: {
    "zh-CN": "{owner}的{metric}已连续{weeks}周未完成：安排一对一辅导。",
    en: "{owner} has missed {metric} {weeks} {weeks|week|weeks} in a row: schedule one-to-one coaching.",
  },
  listSeparator: { "zh-CN": "、", en: ", " },
} as const satisfies Record<string, Bilingual>;
