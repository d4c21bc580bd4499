import {
  detectMetric,
  driversOf,
  METRIC_EXAMPLES,
  METRIC_NAMES,
  supportsMetric,
  type MetricKey,
} from "../../../src/core/parse/metrics";

const METRICS = Object.keys(METRIC_NAMES) as MetricKey[];

describe("metric words", () => {
  it.each([
    ["成交金额", "revenue"],
    ["签约额", "revenue"],
    ["成交10单", "orders"],
    ["签约5家", "orders"],
    ["成交率", "closeRate"],
    ["新增客户20家", "newCustomers"],
    ["转介绍客户3个", "newCustomers"],
    ["有效商机20个", "leads"],
    ["意向客户数", "leads"],
    ["续签率90%", "repurchase"],
    ["客户满意度≥90%", "satisfaction"],
    ["Sign 10 contracts", "orders"],
    ["销量500台", "orders"],
    ["发展代理商5家", "newCustomers"],
    ["邀约到店20人", "visits"],
    ["投诉率≤1%", "satisfaction"],
    ["市场活动3场", "leads"],
    ["Win 3 key accounts", "customers"],
    ["Retain 95% of customers", "repurchase"],
    ["30 qualified leads", "leads"],
    ["Leadership training", undefined],
    ["参加培训40小时", undefined],
    ["周报提交率100%", undefined],
    ["阅读3本书", undefined],
  ])("%s is about %s", (text, metric) => expect(detectMetric(text)).toBe(metric));

  it.each(METRICS)("the example KR of %s is read as that metric, in both languages", (metric) => {
    expect(detectMetric(METRIC_EXAMPLES[metric]["zh-CN"])).toBe(metric);
    expect(detectMetric(METRIC_EXAMPLES[metric].en)).toBe(metric);
  });
});

describe("the driver tree", () => {
  it("feeds every metric's direct drivers into it, and nothing feeds a metric from outside the tree", () => {
    for (const target of METRICS) {
      expect(supportsMetric(target, target)).toBe(true);
      for (const driver of driversOf(target)) expect(supportsMetric(driver, target)).toBe(true);
    }
  });

  it("puts the playbook's own KRs for revenue first", () => {
    expect(driversOf("revenue").slice(0, 3)).toEqual(["newCustomers", "repurchase", "avgOrderValue"]);
  });

  it.each([
    ["leads", "revenue", true],
    ["satisfaction", "repurchase", true],
    ["satisfaction", "newCustomers", false],
    ["calls", "revenue", true],
    ["revenue", "calls", false],
  ] as const)("%s supports %s: %s", (driver, target, expected) => expect(supportsMetric(driver, target)).toBe(expected));
});
