import type { Bilingual } from "../../i18n/locale";
import type { Period } from "../../parse/deadline";

/** The words of target progress (the pane, the command line and the target sheet's progress column). */
export const PROGRESS_TEXT = {
  /** "{done} done with {elapsed} of the month gone: on track". */
  paced: {
    "zh-CN": "完成{done}，{period}已过{elapsed}：{status}",
    en: "{done} done with {elapsed} of the {period} gone: {status}",
  },
  met: { "zh-CN": "完成{done}：{status}", en: "{done} done: {status}" },
  over: { "zh-CN": "{period}已结束，完成{done}：{status}", en: "the {period} is over at {done}: {status}" },
  notStarted: { "zh-CN": "{period}尚未开始", en: "the {period} has not started" },
  level: { "zh-CN": "{actual}，目标{target}：{status}", en: "{actual} against a target of {target}: {status}" },
  /** The target of a level KR, as its comparator says: "≥60%", "≤3". */
  atLeast: { "zh-CN": "≥{target}", en: ">= {target}" },
  atMost: { "zh-CN": "≤{target}", en: "<= {target}" },
  asOf: { "zh-CN": "（截至{date}）", en: " (as of {date})" },
  kr: { "zh-CN": "KR{index}", en: "KR {index}" },
  target: { "zh-CN": "目标", en: "Target" },
  item: { "zh-CN": "{label}：{sentence}", en: "{label}: {sentence}" },
} as const satisfies Record<string, Bilingual>;

export const PERIOD_WORDS: Readonly<Record<Period["kind"], Bilingual>> = {
  week: { "zh-CN": "当周", en: "week" },
  month: { "zh-CN": "当月", en: "month" },
  quarter: { "zh-CN": "当季", en: "quarter" },
  year: { "zh-CN": "当年", en: "year" },
};

export const STATUS_WORDS = {
  done: { "zh-CN": "已达成", en: "target met" },
  onTrack: { "zh-CN": "进度正常", en: "on track" },
  behind: { "zh-CN": "落后于进度", en: "behind pace" },
  below: { "zh-CN": "低于目标", en: "below target" },
  missed: { "zh-CN": "未达成", en: "missed" },
  notStarted: { "zh-CN": "未开始", en: "not started" },
} as const satisfies Record<string, Bilingual>;

/** Why a KR or a row is not measured, in one sentence that says what to do. */
export const UNMEASURED_TEXT = {
  metric: {
    "zh-CN": "成交数据衡量不了这个指标（能衡量：销售额、新客户、复购率、客单价、成交率、订单数）",
    en: "the deal data cannot measure this metric (it can: revenue, new customers, repurchase rate, order value, close rate, orders)",
  },
  noNumber: { "zh-CN": "没有目标数值：写明数量或比例才能衡量", en: "no target number: write a count or a rate to measure it" },
  qualified: {
    "zh-CN": "指标限定了客户范围（如“新客户销售额”），成交数据无法单独计算",
    en: 'the metric is limited to some customers (such as "new-customer revenue"), which the deal data cannot single out',
  },
  weekly: { "zh-CN": "周目标在周计划跟踪表中跟踪", en: "weekly targets are tracked in the weekly plan sheet" },
  noCloseData: {
    "zh-CN": "没有赢单/输单记录：成交明细需要状态列才能算成交率",
    en: "no won or lost deals: the deal sheet needs a status column for close rates",
  },
  noOrders: { "zh-CN": "期间内还没有订单", en: "no orders in the period yet" },
  noExistingCustomers: {
    "zh-CN": "期间开始前没有老客户，复购率无从计算",
    en: "no existing customers before the period, so there is no repurchase rate",
  },
  noOwner: { "zh-CN": "没有负责人", en: "no owner" },
  ownerNotInData: {
    "zh-CN": "成交明细里没有“{owner}”的记录：请核对负责人姓名与成交明细的负责人列一致",
    en: 'the deal sheet has no lines of "{owner}": check the owner is written as in its rep column',
  },
  noRepColumn: {
    "zh-CN": "成交明细没有负责人列，无法按人统计",
    en: "the deal sheet has no rep column, so nothing can be counted per rep",
  },
} as const satisfies Record<string, Bilingual>;

export type UnmeasuredReason = keyof typeof UNMEASURED_TEXT;
