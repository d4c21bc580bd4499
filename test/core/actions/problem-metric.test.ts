import { metricOfProblem } from "../../../src/core/actions/strategy-metric";
import { STRATEGY_METRICS } from "../../../src/core/parse/metric-names";
import { STRATEGIES, type ProblemCode } from "../../../src/core/analysis/diagnosis/strategies";

describe("every problem the diagnosis can name flows to a metric of the action plan", () => {
  const codes = Object.keys(STRATEGIES) as ProblemCode[];

  it.each(codes)("%s has strategies in both languages and a metric the plan's drop-down offers", (code) => {
    expect(STRATEGIES[code].length).toBeGreaterThan(0);
    for (const s of STRATEGIES[code]) expect([s["zh-CN"].length > 0, s.en.length > 0]).toEqual([true, true]);
    expect(STRATEGY_METRICS).toContain(metricOfProblem(code, "proposals"));
  });

  it("a customer-type shift is followed by revenue (of the types), the lead activity's problem by that activity", () => {
    expect(metricOfProblem("customerTypeShift", null)).toBe("revenue");
    expect(metricOfProblem("fallingActivity", "proposals")).toBe("proposals");
  });
});
