import { normalizeText } from "./parse-result";

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
  | "proposals";

/** Words people use for each metric, zh-CN and English, lower-case for English. */
export const METRIC_SYNONYMS: Readonly<Record<MetricKey, readonly string[]>> = {
  revenue: ["销售额", "业绩", "成交额", "营业额", "营收", "销售收入", "回款", "revenue", "sales", "turnover", "bookings"],
  newCustomers: ["新客户", "新客", "开发", "拓客", "获客", "new customer", "new client", "new account", "acquisition", "develop"],
  repurchase: ["复购", "回购", "续约", "续费", "老客户", "repurchase", "repurchasing", "repeat purchase", "repeat", "retention", "renewal", "existing customer"],
  avgOrderValue: ["客单价", "单价", "平均订单", "average order value", "aov", "order value", "deal size", "ticket"],
  closeRate: ["成交率", "转化率", "赢单率", "签约率", "close rate", "closing rate", "win rate", "conversion"],
  orders: ["订单", "成交单", "单量", "order", "deal"],
  customers: ["客户数", "客户总数", "customer count", "number of customers"],
  churn: ["流失", "churn", "lost customer"],
  calls: ["电话", "外呼", "来电", "call", "phone"],
  visits: ["拜访", "上门", "陪访", "visit", "meeting"],
  followUps: ["跟进", "回访", "follow-up", "follow up", "followup"],
  proposals: ["方案", "报价", "提案", "proposal", "quote", "quotation"],
};

/** Which metrics drive which (the playbook's step 2 and 3): revenue = orders × order value, and so on. */
const DRIVERS: Readonly<Record<MetricKey, readonly MetricKey[]>> = {
  revenue: ["orders", "avgOrderValue", "newCustomers", "repurchase", "customers", "closeRate", "churn"],
  orders: ["newCustomers", "repurchase", "customers", "closeRate", "proposals"],
  newCustomers: ["calls", "visits", "followUps", "proposals", "closeRate"],
  repurchase: ["visits", "followUps", "churn", "customers"],
  customers: ["newCustomers", "repurchase", "churn"],
  closeRate: ["proposals", "followUps", "visits"],
  avgOrderValue: ["proposals", "visits"],
  churn: ["visits", "followUps"],
  calls: [],
  visits: ["calls"],
  followUps: ["calls", "visits"],
  proposals: ["visits", "followUps", "calls"],
};

const ENTRIES = (Object.entries(METRIC_SYNONYMS) as [MetricKey, readonly string[]][])
  .flatMap(([metric, words]) => words.map((word) => ({ metric, word })))
  .sort((a, b) => b.word.length - a.word.length);

export interface MetricMention {
  readonly metric: MetricKey;
  readonly start: number;
  readonly end: number;
}

/** Every metric word in a text, longest words first where they overlap. */
export function findMetrics(input: unknown): MetricMention[] {
  const text = normalizeText(input).toLowerCase();
  const taken = new Array<boolean>(text.length).fill(false);
  const found: MetricMention[] = [];
  for (const { metric, word } of ENTRIES) {
    let from = 0;
    for (let i = text.indexOf(word, from); i >= 0; i = text.indexOf(word, from)) {
      from = i + word.length;
      if (taken.slice(i, i + word.length).some(Boolean)) continue;
      for (let k = i; k < i + word.length; k++) taken[k] = true;
      found.push({ metric, start: i, end: i + word.length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

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

/** True when `driver` is `target` or feeds it through the driver tree. */
export function supportsMetric(driver: MetricKey, target: MetricKey): boolean {
  const seen = new Set<MetricKey>();
  const stack: MetricKey[] = [target];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === driver) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...DRIVERS[current]);
  }
  return false;
}
