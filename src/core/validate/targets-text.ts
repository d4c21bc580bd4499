import type { Bilingual } from "../i18n/locale";

/**
 * What the checks of the target sheet (目标分解表) say: SMART on each row (targets.validator.ts), its KRs'
 * relevance (key-results.ts) and the split of the team target (decomposition.validator.ts). A key missing
 * one language fails the type check.
 */
export const TARGETS_TEXT = {
  noMetric: {
    "zh-CN": "目标项没有写明指标：请写销售额、新客户数、复购率、客单价或成交率等。",
    en: "The target item names no metric: write revenue, new customers, repurchase rate, order value or close rate.",
  },
  noOwner: {
    "zh-CN": "没有负责人：每个目标都要落到一个人。",
    en: "No owner: every target needs one person who owns it.",
  },
  teamTargetNoNumber: {
    "zh-CN": "团队总目标没有数值：请写周期和数值，如“月度100万”。",
    en: 'The team target has no number: write the period and the amount, e.g. "Monthly 1,000,000".',
  },
  noDeadline: {
    "zh-CN": "没有时间节点：请写截止日期，如“30日”或“2026-12-31”。",
    en: 'No deadline: write the date it is due, e.g. "30th" or "2026-12-31".',
  },
  deadlineUnread: {
    "zh-CN": "读不出时间节点“{value}”：请写成“30日”“12月31日”或“2026-12-31”。",
    en: 'The deadline "{value}" cannot be read as a date: write "30th", "Dec 31" or "2026-12-31".',
  },
  deadlineOutside: {
    "zh-CN": "时间节点不在团队目标的本期、上期或下期内：请核对日期或团队目标的周期（月度/季度/年度）。",
    en: "The deadline falls outside the team target's period (this one, the last or the next): check the date or the period (monthly/quarterly/annual).",
  },
  noKeyResults: {
    "zh-CN": "没有关键结果：请为这个目标写{min}-{max}个可衡量的KR，如“1.新客户开发8个 2.复购率60%”。",
    en: 'No key results: write {min}-{max} measurable KRs, e.g. "1. 8 new customers 2. Repurchase rate 60%".',
  },
  keyResultsPlaceholder: {
    "zh-CN": "关键结果还没填写：请把“（待填写：…）”换成{min}-{max}个可衡量的KR，如“1.新客户开发8个 2.复购率60%”。",
    en: 'The key results are not filled in yet: replace "(to fill in: …)" with {min}-{max} measurable KRs, e.g. "1. 8 new customers 2. Repurchase rate 60%".',
  },
  criteriaPlaceholder: {
    "zh-CN": "完成标准还没填写：请把“（待填写：…）”换成每个KR一条标准，如“1.实际开发≥8个”。",
    en: 'The completion criteria are not filled in yet: replace "(to fill in: …)" with one per KR, e.g. "1. Actual new customers >= 8".',
  },
  keyResultCount: {
    "zh-CN": "有{count}个关键结果：每个目标配{min}-{max}个KR最合适。",
    en: "{count} {count|key result|key results}: {min}-{max} per target work best.",
  },
  keyResultActivity: {
    "zh-CN": "第{index}个KR“{text}”是一项动作，不是结果：请写它带来的可量化结果。",
    en: 'KR {index} "{text}" is an activity, not a result: write the measurable outcome it should bring.',
  },
  keyResultVague: {
    "zh-CN": "第{index}个KR“{text}”没有数值：写明提升到多少，如“复购率提升至60%”。",
    en: 'KR {index} "{text}" has no number: say how far, e.g. "repurchase rate up to 60%".',
  },
  keyResultNoNumber: {
    "zh-CN": "第{index}个KR“{text}”没有数值，无法衡量：请加上数量或比例。",
    en: 'KR {index} "{text}" has no number and cannot be measured: add a count or a rate.',
  },
  /** The completion criterion a KR implies, in the playbook's form: "1.实际新客户数≥8个". */
  criterion: { "zh-CN": "{index}.实际{metric}≥{value}", en: "{index}. Actual {metric} >= {value}" },
  /** A KR's number with the unit it was written with ("8个"); English shows the number alone. */
  quantity: { "zh-CN": "{amount}{unit}", en: "{amount}" },
  /** The metric of a criterion whose KR names none. */
  criterionResult: { "zh-CN": "完成", en: "result" },
  criteriaCount: {
    "zh-CN": "有{keyResults}个KR，却有{criteria}条完成标准：请每个KR写一条，顺序相同。",
    en: "{keyResults} KRs but {criteria} completion criteria: write one per KR, in the same order.",
  },
  criterionUnquantified: {
    "zh-CN": "第{index}条完成标准“{text}”没有比较符和数值：请写成“实际…≥数值”。",
    en: 'Criterion {index} "{text}" has no comparator and number: write it as "actual … >= value".',
  },
  criterionMismatch: {
    "zh-CN": "第{index}条完成标准的数值（{criterion}）与第{keyResult}个KR（{target}）不一致。",
    en: "Criterion {index} uses {criterion} but KR {keyResult} says {target}.",
  },
  // KR需支撑目标项 (key-results.ts).
  relevanceFix: {
    "zh-CN": "换成能带动“{item}”的KR，如：{examples}",
    en: "Use a KR that moves {item}, e.g. {examples}",
  },
  keyResultNotDriver: {
    "zh-CN": "第{index}个KR（{metric}）不能直接带动目标项“{item}”：请换成支撑该目标的结果。",
    en: "KR {index} ({metric}) does not drive the target item ({item}): choose a result that moves it.",
  },
  keyResultNotSales: {
    "zh-CN": "第{index}个KR“{text}”既不是销售结果，也不带动目标项“{item}”：KR需支撑目标项。",
    en: 'KR {index} "{text}" is neither a sales result nor a driver of the target item ({item}): each KR must support it.',
  },
  listSeparator: { "zh-CN": "、", en: ", " },
  // The split of the team target (decomposition.validator.ts).
  repTargetMissing: {
    "zh-CN": "没有个人目标：请写这位成员承担的数值，各人之和应等于团队总目标。",
    en: "No rep target: write this rep's share; the shares should add up to the team target.",
  },
  sharesOver: {
    "zh-CN": "个人目标合计{sum}，团队总目标{team}，超出{difference}。",
    en: "Rep targets add up to {sum} against a team target of {team}: {difference} over.",
  },
  sharesShort: {
    "zh-CN": "个人目标合计{sum}，团队总目标{team}，还差{difference}未分配。",
    en: "Rep targets add up to {sum} against a team target of {team}: {difference} not yet assigned.",
  },
  growthBeyondBand: {
    "zh-CN": "个人目标比近期实际（{past}）高出{above}%，超过{band}%的增长幅度：请确认资源和策略能支撑。",
    en: "The rep target is {above}% above recent actuals ({past}), beyond the {band}% growth band: check the plan can carry it.",
  },
  equalSplit: {
    "zh-CN": "个人目标平均分配，但成员近期业绩差异明显：避免“一刀切”，请结合能力、区域和历史业绩调整。",
    en: "The team target is split equally although the reps' recent results differ: adjust each share to ability, territory and history.",
  },
} as const satisfies Record<string, Bilingual>;
