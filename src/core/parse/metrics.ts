import type { Bilingual } from "../i18n/locale";
import { normalizeText } from "./parse-result";
import { memoizeText } from "./memo";
import { WordScanner } from "./word-scanner";

/** The metrics of the playbook's driver tree. */
export type MetricKey =
  | "revenue"
  | "newCustomers"
  | "repurchase"
  | "avgOrderValue"
  | "closeRate"
  | "orders"
  | "customers"
  | "churn"
  | "calls"
  | "visits"
  | "followUps"
  | "proposals"
  | "leads"
  | "satisfaction";

/** Words people use for each metric, zh-CN and English, lower-case for English. */
export const METRIC_SYNONYMS: Readonly<Record<MetricKey, readonly string[]>> = {
  revenue: [
    "销售额",
    "销售金额",
    "业绩",
    "成交额",
    "成交金额",
    "签约额",
    "签约金额",
    "合同额",
    "合同金额",
    "订单额",
    "订单金额",
    "营业额",
    "营收",
    "销售收入",
    "回款",
    "revenue",
    "sales",
    "turnover",
    "bookings",
  ],
  newCustomers: [
    "新客户",
    "新客",
    "新增客户",
    "新签客户",
    "开发",
    "拓客",
    "获客",
    "转介绍",
    "代理商",
    "经销商",
    "new customer",
    "new client",
    "new account",
    "new logo",
    "acquisition",
    "develop",
    "referral",
  ],
  repurchase: [
    "复购",
    "回购",
    "续约",
    "续签",
    "续费",
    "增购",
    "老客户",
    "repurchase",
    "repurchasing",
    "repeat purchase",
    "repeat",
    "retention",
    "retain",
    "renewal",
    "upsell",
    "cross-sell",
    "existing customer",
  ],
  avgOrderValue: ["客单价", "单价", "平均订单", "average order value", "aov", "order value", "deal size", "ticket"],
  closeRate: ["成交率", "转化率", "转化", "赢单率", "签约率", "close rate", "closing rate", "win rate", "conversion"],
  orders: [
    "订单",
    "成交单",
    "成交",
    "签单",
    "出单",
    "赢单",
    "签约",
    "合同",
    "销量",
    "销售量",
    "出货量",
    "order",
    "deal",
    "contract",
    "signed",
  ],
  customers: [
    "客户数",
    "客户总数",
    "有效客户",
    "活跃客户",
    "覆盖",
    "customer count",
    "number of customers",
    "active customer",
    "account",
  ],
  churn: ["流失", "churn", "lost customer"],
  calls: ["电话", "外呼", "来电", "触达", "微信", "call", "phone"],
  visits: ["拜访", "上门", "陪访", "面谈", "演示", "邀约", "到访", "visit", "meeting", "demo"],
  followUps: ["跟进", "回访", "follow-up", "follow up", "followup"],
  proposals: ["方案", "报价", "提案", "投标", "标书", "proposal", "quote", "quotation", "bid", "tender"],
  leads: [
    "商机",
    "线索",
    "意向客户",
    "展会",
    "沙龙",
    "研讨会",
    "市场活动",
    "leads",
    "qualified lead",
    "sales lead",
    "opportunit",
    "pipeline",
    "prospect",
    "trade show",
    "webinar",
  ],
  satisfaction: ["满意度", "好评", "投诉", "satisfaction", "nps", "complaint"],
};

/**
 * What every face calls each metric, the playbook's own names (销售额、新客户数、复购率 …; 电话量、拜访量、方案提交数):
 * one name per concept in checks, reports, the action plan's drop-down and the command line. English is
 * written as it reads inside a sentence; the drop-down capitalises it (`STRATEGY_METRIC_NAMES`).
 */
export const METRIC_NAMES: Readonly<Record<MetricKey, Bilingual>> = {
  revenue: { "zh-CN": "销售额", en: "revenue" },
  newCustomers: { "zh-CN": "新客户数", en: "new customers" },
  repurchase: { "zh-CN": "复购率", en: "repurchase rate" },
  avgOrderValue: { "zh-CN": "客单价", en: "average order value" },
  closeRate: { "zh-CN": "成交率", en: "close rate" },
  orders: { "zh-CN": "订单数", en: "orders" },
  customers: { "zh-CN": "客户数", en: "customers" },
  churn: { "zh-CN": "客户流失", en: "churn" },
  calls: { "zh-CN": "电话量", en: "calls" },
  visits: { "zh-CN": "拜访量", en: "visits" },
  followUps: { "zh-CN": "跟进次数", en: "follow-ups" },
  proposals: { "zh-CN": "方案提交数", en: "proposals" },
  leads: { "zh-CN": "商机线索", en: "leads" },
  satisfaction: { "zh-CN": "客户满意度", en: "customer satisfaction" },
};

/** One key result per metric, written the way the playbook writes them: the fixes' examples. */
export const METRIC_EXAMPLES: Readonly<Record<MetricKey, Bilingual>> = {
  revenue: { "zh-CN": "销售额35万", en: "revenue 350,000" },
  newCustomers: { "zh-CN": "新客户开发8个", en: "8 new customers" },
  repurchase: { "zh-CN": "复购率60%", en: "repurchase rate 60%" },
  avgOrderValue: { "zh-CN": "客单价≥5万", en: "average order value >= 50,000" },
  closeRate: { "zh-CN": "成交率20%", en: "close rate 20%" },
  orders: { "zh-CN": "成交订单20单", en: "20 orders" },
  customers: { "zh-CN": "有效客户数50个", en: "customer count 50" },
  churn: { "zh-CN": "流失客户≤3个", en: "at most 3 lost customers" },
  calls: { "zh-CN": "电话量每日20个", en: "20 calls a day" },
  visits: { "zh-CN": "拜访15次", en: "15 visits" },
  followUps: { "zh-CN": "客户跟进每周5次", en: "5 follow-ups a week" },
  proposals: { "zh-CN": "方案提交8份", en: "8 proposals" },
  leads: { "zh-CN": "有效商机20个", en: "20 qualified leads" },
  satisfaction: { "zh-CN": "客户满意度≥90%", en: "customer satisfaction >= 90%" },
};

/** Which metrics drive which (the playbook's step 2 and 3): revenue = orders × order value, and so on. */
const DRIVERS: Readonly<Record<MetricKey, readonly MetricKey[]>> = {
  revenue: ["newCustomers", "repurchase", "avgOrderValue", "orders", "closeRate", "customers", "churn"],
  orders: ["newCustomers", "repurchase", "closeRate", "proposals", "customers"],
  newCustomers: ["calls", "visits", "proposals", "leads", "followUps", "closeRate"],
  repurchase: ["visits", "followUps", "satisfaction", "churn", "customers"],
  customers: ["newCustomers", "repurchase", "churn"],
  closeRate: ["proposals", "followUps", "visits"],
  avgOrderValue: ["proposals", "visits"],
  churn: ["visits", "followUps", "satisfaction"],
  calls: [],
  visits: ["calls"],
  followUps: ["calls", "visits"],
  proposals: ["visits", "followUps", "calls"],
  leads: ["calls", "visits"],
  satisfaction: ["visits", "followUps"],
};

/** The metrics that feed `target` directly, most telling first (the playbook's own KRs lead). */
export function driversOf(target: MetricKey): readonly MetricKey[] {
  return DRIVERS[target];
}

const WORD_TO_METRIC = new Map<string, MetricKey>(
  (Object.entries(METRIC_SYNONYMS) as [MetricKey, readonly string[]][]).flatMap(([metric, words]) =>
    words.map((word) => [word, metric] as const),
  ),
);
const METRIC_SCANNER = new WordScanner(WORD_TO_METRIC.keys(), "start");

export interface MetricMention {
  readonly metric: MetricKey;
  readonly start: number;
  readonly end: number;
}

/** Every metric word in a text, left to right. */
export function findMetrics(input: unknown): readonly MetricMention[] {
  return findMetricsInText(normalizeText(input).toLowerCase());
}

const findMetricsInText = memoizeText((text: string): readonly MetricMention[] =>
  METRIC_SCANNER.scan(text).map((hit) => ({ metric: WORD_TO_METRIC.get(hit.word)!, start: hit.index, end: hit.end })),
);

/**
 * The metric a phrase is about. Chinese and English noun phrases put the head last
 * ("新客户销售额" is revenue, "新客户平均客单价" is order value), so the last mention before
 * `before` (usually where the comparator or number starts) wins; a bare count of customers
 * yields to the metric right before it ("复购客户数" counts repurchasing customers). With no
 * mention before, the first one after ("at least 20 calls").
 */
export function detectMetric(input: unknown, before = Number.POSITIVE_INFINITY): MetricKey | undefined {
  const mentions = findMetrics(input);
  const head = mentions.filter((m) => m.start < before);
  if (head.length === 0) return mentions[0]?.metric;
  const last = head[head.length - 1];
  const previous = head[head.length - 2];
  if (last.metric === "customers" && previous && last.start - previous.end <= 1) return previous.metric;
  return last.metric;
}

/** For each metric, every metric that feeds it, directly or through others (itself included). */
const FED_BY: ReadonlyMap<MetricKey, ReadonlySet<MetricKey>> = new Map(
  (Object.keys(DRIVERS) as MetricKey[]).map((target) => {
    const seen = new Set<MetricKey>();
    const stack: MetricKey[] = [target];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      stack.push(...DRIVERS[current]);
    }
    return [target, seen] as const;
  }),
);

/** True when `driver` is `target` or feeds it through the driver tree. */
export function supportsMetric(driver: MetricKey, target: MetricKey): boolean {
  return FED_BY.get(target)?.has(driver) ?? false;
}

/** One "metric + number" piece of free text, with the words written around it. */
export interface MetricSegment {
  readonly metric: MetricKey;
  readonly value: number;
  /** The text that belongs to this number: from the previous number to this one (or, for "12 calls", to the next). */
  readonly text: string;
}

/**
 * Metric counts in free text, as the playbook's weekly sheet writes them: "开发1个 电话12个"
 * -> newCustomers 1, calls 12. Each number belongs to the metric named between it and the
 * previous number; in English the metric may follow ("12 calls, 3 visits").
 */
export function readMetricSegments(
  input: unknown,
  quantities: readonly { value: number; start: number; end: number }[],
): MetricSegment[] {
  const text = normalizeText(input);
  const out: MetricSegment[] = [];
  quantities.forEach((q, i) => {
    const before = text.slice(i > 0 ? quantities[i - 1].end : 0, q.start);
    const after = text.slice(q.end, i + 1 < quantities.length ? quantities[i + 1].start : text.length);
    const metric = detectMetric(before) ?? findMetrics(after)[0]?.metric;
    if (metric && !out.some((s) => s.metric === metric)) {
      out.push({ metric, value: q.value, text: detectMetric(before) ? before : after });
    }
  });
  return out;
}
