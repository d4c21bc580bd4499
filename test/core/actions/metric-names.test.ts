import { readStrategyMetric, STRATEGY_METRIC_NAMES, STRATEGY_METRICS } from "../../../src/core/parse/metric-names";
import { METRIC_NAMES } from "../../../src/core/parse/metrics";

describe("the action plan's metric names", () => {
  it("are the metric names of checks and reports, English capitalised for the drop-down", () => {
    for (const m of STRATEGY_METRICS) {
      expect(STRATEGY_METRIC_NAMES[m]["zh-CN"]).toBe(METRIC_NAMES[m]["zh-CN"]);
      expect(STRATEGY_METRIC_NAMES[m].en.toLowerCase()).toBe(METRIC_NAMES[m].en);
    }
    expect(STRATEGY_METRIC_NAMES.newCustomers).toEqual({ "zh-CN": "新客户数", en: "New customers" });
  });

  it("read back every drop-down value, in either language and any case", () => {
    for (const m of STRATEGY_METRICS) {
      expect(readStrategyMetric(STRATEGY_METRIC_NAMES[m]["zh-CN"])).toBe(m);
      expect(readStrategyMetric(` ${STRATEGY_METRIC_NAMES[m].en.toUpperCase()} `)).toBe(m);
    }
  });

  it("still read the English names earlier versions wrote, and nothing else", () => {
    expect(readStrategyMetric("Repeat-purchase rate")).toBe("repurchase");
    expect(readStrategyMetric("Order value")).toBe("avgOrderValue");
    expect(readStrategyMetric("constructor")).toBeUndefined();
    expect(readStrategyMetric("满意度")).toBeUndefined();
  });
});
