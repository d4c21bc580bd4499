import type { Bilingual } from "../../i18n/locale";
import type { ProblemCode } from "./strategies";

/**
 * The words of the TOP 3's items: each problem's summary, evidence and the actions worked out from the
 * month's figures, `{placeholders}` filled by its detector (`problem-candidates`, `type-candidates`,
 * `rep-candidates`). The playbook's own strategies for each problem are in `strategies`.
 */
export const PROBLEM_TEXT = {
  fallingActivity: {
    summary: { "zh-CN": "{label}下降：人均每周{before}→{now}次", en: "{label} per rep per week fell from {before} to {now}" },
    evidence: {
      "zh-CN": "{label}人均每周{now}次，{against}{whom}；新客户随之减少（{newCustomers}个），{revenue}",
      en: "{label} per rep per week {now} {against}{whom}; fewer new customers followed ({newCustomers}), {revenue}",
    },
    restore: {
      "zh-CN": "恢复{label}至人均每周{before}次（本月{now}次），晨会同步、夕会复盘",
      en: "Restore {label} to {before} per rep per week (now {now}), checked at stand-up and evening review",
    },
  },
  newCustomerShortfall: {
    summary: {
      "zh-CN": "新客户开发不足：本月{now}个，此前平均{before}个",
      en: "Too few new customers: {now} this month against {before} on average",
    },
    evidence: { "zh-CN": "新客户{now}个，{against}{whom}；{revenue}", en: "{now} new customers {against}{whom}; {revenue}" },
    target: {
      "zh-CN": "下月新客户开发目标不少于{before}个（此前月均）",
      en: "Next month: at least {before} new customers (the recent monthly average)",
    },
  },
  lowRepurchase: {
    summary: {
      "zh-CN": "老客户复购下降：复购率{now}，此前平均{before}",
      en: "Repeat purchase fell: {now} against {before} on average",
    },
    evidence: {
      "zh-CN": "近3个月成交的{base}个客户中本月复购{repeaters}个（{now}），{against}，约少{missing}个{whom}；{revenue}",
      en: "{repeaters} of the {base} customers of the last 3 months bought again this month ({now}) {against}, about {missing} fewer{whom}; {revenue}",
    },
    callOn: {
      "zh-CN": "本周内回访近3个月成交、本月未复购的客户（约{missing}个低于常态）",
      en: "This week, call on the recent customers who did not buy again (about {missing} below normal)",
    },
  },
  lowHighTicketCloseRate: {
    summary: {
      "zh-CN": "高客单价订单成交率低：{now}，此前平均{before}",
      en: "High-ticket close rate fell to {now} from {before} on average",
    },
    evidence: {
      "zh-CN": "高客单价订单成交{won}单、输单{lost}单（{now}），{against}{whom}；{revenue}",
      en: "high-ticket deals {won} won, {lost} lost ({now}) {against}{whom}; {revenue}",
    },
  },
  orderValueDrop: {
    summary: { "zh-CN": "客单价下降：{now}，此前平均{before}", en: "Order value fell to {now} from {before} on average" },
    evidence: {
      "zh-CN": "客单价{now}，{against}{withinTypes}{whom}；{revenue}",
      en: "order value {now} {against}{withinTypes}{whom}; {revenue}",
    },
    withinTypes: {
      "zh-CN": "；同一客户类型内也下降（按各类型常态客单价为{share}）",
      en: "; lower within customer types too ({share} of each type's usual order value)",
    },
    restore: {
      "zh-CN": "客单价恢复至{before}（本月{now}）：{strategy}",
      en: "Bring order value back to {before} (now {now}): {strategy}",
    },
  },
  customerTypeShift: {
    summary: { "zh-CN": "客户类型结构变化：{list}", en: "Customer-type mix shifted: {list}" },
    /** Between the types the summary lists. */
    summarySeparator: { "zh-CN": "，", en: ", " },
    evidence: {
      "zh-CN": "{since}：{list}（{type}本月{now}，此前平均{before}）{price}；{revenue}",
      en: "{since}: {list} ({type} {now} this month, {before} on average before){price}; {revenue}",
    },
    sinceLastMonth: { "zh-CN": "与上月相比", en: "against last month" },
    sinceMonths: { "zh-CN": "与前{months}个月平均相比", en: "against the previous {months} {months|month's|months'} average" },
    /** "行业TOP100减少12万（-47%）". */
    down: { "zh-CN": "{type}减少{amount}{relative}", en: "{type} down {amount}{relative}" },
    up: { "zh-CN": "{type}增加{amount}{relative}", en: "{type} up {amount}{relative}" },
    relative: { "zh-CN": "（{change}）", en: " ({change})" },
    mixNotPrice: {
      "zh-CN": "；各类型客单价与常态持平（{share}），客单价下降来自客户结构，不是价格",
      en: "; each type paid its usual order value ({share}): the lower order value is the mix, not price",
    },
    callOn: {
      "zh-CN": "{type}客户逐个回访：本月少采购的原因（预算、竞品、交付），由销售经理牵头挽回",
      en: "Call on the {type} customers one by one: why they bought less (budget, competitor, delivery); the sales manager leads the win-back",
    },
  },
  returnsRise: {
    summary: { "zh-CN": "退货/红冲增加", en: "More returns and credit notes" },
    evidence: {
      "zh-CN": "本月退货/红冲比上月多{amount}{whom}",
      en: "returns and credit notes {amount} more than last month{whom}",
    },
  },
  repDrop: {
    summary: {
      "zh-CN": "{rep}本月业绩骤降：{now}，此前月均{usual}",
      en: "{rep}'s revenue collapsed: {now} against {usual} a month on average",
    },
    evidence: {
      "zh-CN": "{rep}本月{now}，{against}{teamPart}{habit}；{revenue}",
      en: "{rep}: {now} this month {against}{teamPart}{habit}; {revenue}",
    },
    teamPart: {
      "zh-CN": "；其中约{amount}来自全队共同的变化，不计入本项",
      en: "; about {amount} of it is the team-wide change, not counted here",
    },
  },
  repFarBelow: {
    summary: { "zh-CN": "{rep}业绩远低于团队人均", en: "{rep} far below the team average" },
    evidence: {
      "zh-CN": "{rep}近3个月（含本月）月均{perMonth}，同期团队人均{team}{habit}；{revenue}",
      en: "{rep}: {perMonth} a month over the 3 months to this one, against the team's per-rep average of {team} over the same months{habit}; {revenue}",
    },
  },
  seasonalDip: {
    summary: {
      "zh-CN": "季节性回落：去年同期同样下降{fall}",
      en: "Seasonal dip: the same months a year ago fell {fall} too",
    },
    evidence: {
      "zh-CN": "本月销售额环比{now}，去年同期环比{yearAgo}{why}；按去年节奏约{amount}的下降属季节性",
      en: "revenue {now} on last month; a year ago {yearAgo}{why}; about {amount} of the fall follows last year's season",
    },
    sameDrivers: { "zh-CN": "，且下降来自相同的因素", en: ", through the same drivers" },
    sameYears: { "zh-CN": "，此前一年同期也同样下降", en: ", and the year before as well" },
    /** A year-ago dip that is not taken as a season, said in item 1's evidence. */
    oneYear: {
      "zh-CN": "去年同期{driver}也下降过（销售额{fall}），但只有一年且幅度不足以解释本月，不按季节性处理",
      en: "{driver} also fell the same months a year ago (revenue {fall}), but one year of a smaller dip does not explain this month, so it is not taken as seasonal",
    },
    otherDriver: {
      "zh-CN": "去年同期也下降{fall}，但当时主要因{yearAgo}，与本月的{now}不同，不按季节性处理",
      en: "the same months a year ago fell {fall} too, but through {yearAgo}, not {now} as now, so this is not taken as seasonal",
    },
    activity: { "zh-CN": "过程活动量", en: "activity" },
  },
} as const satisfies Record<ProblemCode, Record<string, Bilingual>>;

/** The words every item's evidence and actions share. */
export const ITEM_TEXT = {
  /** "against the previous 3 months' average of 5": the one baseline an item states. */
  lastMonth: { "zh-CN": "上月{value}", en: "against last month's {value}" },
  months: {
    "zh-CN": "前{months}个月平均{value}",
    en: "against the previous {months} {months|month's|months'} average of {value}",
  },
  /** "影响销售额约12万". */
  revenue: { "zh-CN": "影响销售额约{amount}", en: "about {amount} of revenue" },
  allReps: { "zh-CN": "，全部{reps}名成员（{reps}/{reps}）", en: ", for all {reps} reps ({reps} of {reps})" },
  someReps: { "zh-CN": "，{reps}名成员中{count}名（{names}）", en: ", for {count} of the {reps} {reps|rep|reps} ({names})" },
  nameSeparator: { "zh-CN": "、", en: ", " },
  moreNames: { "zh-CN": "等", en: ", …" },
  /** A count and its unit: "5个", "5次". */
  count: { "zh-CN": "{value}个", en: "{value}" },
  times: { "zh-CN": "{value}次", en: "{value}" },
  /** Item 1's evidence with what the year-ago months say. */
  withContext: { "zh-CN": "{evidence}；{context}", en: "{evidence}; {context}" },
  /** The benchmark's habit the rep lacks, and the coaching on it. */
  habit: {
    "zh-CN": "；标杆{benchmark}的{label}每周{theirs}次，{rep}{ours}次",
    en: "; the benchmark {benchmark} makes {theirs} {label} a week, {rep} {ours}",
  },
  coaching: {
    "zh-CN": "{rep}与标杆{benchmark}一对一辅导：{label}从每周{ours}次提高到{theirs}次",
    en: "One-to-one coaching of {rep} with {benchmark}: {label} from {ours} to {theirs} a week",
  },
} as const satisfies Record<string, Bilingual>;

/** Nothing, in both languages: an optional part of a sentence left out. */
export const NOTHING: Bilingual = { "zh-CN": "", en: "" };
