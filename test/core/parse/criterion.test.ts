import { parseCriterion } from "../../../src/core/parse/criterion";
import { detectMetric, supportsMetric } from "../../../src/core/parse/metrics";
import { splitNumberedList } from "../../../src/core/parse/numbered-list";

describe("criteria", () => {
  it.each([
    ["实际开发≥8个", ">=", 8, "newCustomers"],
    ["实际开发>=8个", ">=", 8, "newCustomers"],
    ["新客户平均客单价≥5万", ">=", 50_000, "avgOrderValue"],
    ["客单价不低于5万元", ">=", 50_000, "avgOrderValue"],
    ["新客户不少于10家", ">=", 10, "newCustomers"],
    ["电话至少20个", ">=", 20, "calls"],
    ["成交额达到35万", ">=", 350_000, "revenue"],
    ["新客户8个以上", ">=", 8, "newCustomers"],
    ["流失客户不超过3个", "<=", 3, "churn"],
    ["流失率3%以内", "<=", 0.03, "churn"],
    ["流失客户低于5个", "<", 5, "churn"],
    ["复购率提升至65%", ">=", 0.65, "repurchase"],
    ["Actual new customers >= 8", ">=", 8, "newCustomers"],
    ["At least 20 calls a day", ">=", 20, "calls"],
    ["Churned customers no more than 3", "<=", 3, "churn"],
    ["Revenue = 350,000", "=", 350_000, "revenue"],
  ])("%s", (text, comparator, value, metric) => {
    const result = parseCriterion(text);
    expect(
      result.ok && [result.value.comparator, result.value.quantity.value, result.value.metric, result.value.explicit],
    ).toEqual([comparator, value, metric, true]);
  });

  it("reads a ratio to a base, in both languages", () => {
    const zh = parseCriterion("复购客户数≥现有客户数60%");
    expect(zh.ok && [zh.value.quantity.value, zh.value.base, zh.value.metric]).toEqual([0.6, "现有客户数", "repurchase"]);
    const en = parseCriterion("Repurchasing customers >= 60% of existing customers");
    expect(en.ok && [en.value.quantity.value, en.value.base, en.value.metric]).toEqual([0.6, "existing customers", "repurchase"]);
    const en2 = parseCriterion("at least 60% of existing customers");
    expect(en2.ok && [en2.value.comparator, en2.value.base]).toEqual([">=", "existing customers"]);
  });

  it('reads "from X to Y"', () => {
    const zh = parseCriterion("高客单价产品成交率从10%提升至15%");
    expect(zh.ok && [zh.value.from?.value, zh.value.quantity.value, zh.value.metric]).toEqual([0.1, 0.15, "closeRate"]);
    const en = parseCriterion("close rate from 10% to 15%");
    expect(en.ok && [en.value.from?.value, en.value.quantity.value]).toEqual([0.1, 0.15]);
  });

  it("takes a bare number as an implicit target, and says it was implicit", () => {
    const r = parseCriterion("新客户开发8个");
    expect(r.ok && [r.value.comparator, r.value.quantity.value, r.value.explicit]).toEqual([">=", 8, false]);
  });

  it("does not take a comparator word inside another word", () => {
    const r = parseCriterion("Discover 5 new accounts");
    expect(r.ok && r.value.explicit).toBe(false);
  });

  it.each([
    ["", "empty"],
    ["做好客户维护", "no-number"],
  ])("%j fails with a reason", (text, reason) => expect(parseCriterion(text)).toEqual({ ok: false, reason }));
});

describe("numbered lists in one cell", () => {
  it.each([
    ["1.新客户开发8个 2.复购率60%", ["新客户开发8个", "复购率60%"]],
    ["1、开发行业客户5个；2、客单价≥5万", ["开发行业客户5个", "客单价≥5万"]],
    ["①优化名单②电话+微信+案例③开发奖", ["优化名单", "电话+微信+案例", "开发奖"]],
    ["(1) calls (2) visits", ["calls", "visits"]],
    ["新客户开发8个\n复购率60%", ["新客户开发8个", "复购率60%"]],
    ["新客户开发8个；复购率60%", ["新客户开发8个", "复购率60%"]],
    ["1.客单价1.5万 2.成交率20%", ["客单价1.5万", "成交率20%"]],
    ["1. Develop 8 new customers 2. Repurchase rate 60%", ["Develop 8 new customers", "Repurchase rate 60%"]],
  ])("%j", (text, items) => expect(splitNumberedList(text).map((i) => i.text)).toEqual(items));

  it("keeps the writer's labels", () => {
    expect(splitNumberedList("2.b 1.a").map((i) => [i.index, i.label])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(splitNumberedList(null)).toEqual([]);
  });
});

describe("metrics and the driver tree", () => {
  it.each([
    ["销售额", "revenue"],
    ["新客户销售额", "revenue"],
    ["新客户平均客单价", "avgOrderValue"],
    ["老客户复购率", "repurchase"],
    ["New-customer revenue", "revenue"],
    ["方案提交数", "proposals"],
    ["Follow-up frequency", "followUps"],
    ["团队氛围", undefined],
  ])("%s is about %s", (text, metric) => expect(detectMetric(text)).toBe(metric));

  it("knows what drives what", () => {
    expect(supportsMetric("newCustomers", "revenue")).toBe(true);
    expect(supportsMetric("calls", "revenue")).toBe(true);
    expect(supportsMetric("repurchase", "newCustomers")).toBe(false);
    expect(supportsMetric("newCustomers", "avgOrderValue")).toBe(false);
  });
});
