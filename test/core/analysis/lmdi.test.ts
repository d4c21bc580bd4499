import fc from "fast-check";
import { attributeChange, logMean } from "../../../src/core/analysis/metrics/lmdi";

const effects = (a: ReturnType<typeof attributeChange>) => a.effects.map((e) => Math.round(e.effect * 100) / 100);

describe("LMDI attribution (hand-computed)", () => {
  it("a pure price change: orders 10→8, order value 1000→1250, revenue flat", () => {
    // L = 10000; orders 10000·ln 0.8 = −2231.44; value 10000·ln 1.25 = +2231.44.
    const a = attributeChange([
      { name: "orders", from: 10, to: 8 },
      { name: "aov", from: 1000, to: 1250 },
    ]);
    expect(a.change).toBe(0);
    expect(effects(a)).toEqual([-2231.44, 2231.44]);
  });

  it("one factor moves: proposals 20→16 carries the whole −2000", () => {
    const a = attributeChange([
      { name: "proposals", from: 20, to: 16 },
      { name: "conversion", from: 0.5, to: 0.5 },
      { name: "aov", from: 1000, to: 1000 },
    ]);
    expect(effects(a)).toEqual([-2000, 0, 0]);
  });

  it("opposite moves: orders 10→12 (+1895.21), order value 1000→900 (−1095.21), change +800 exactly", () => {
    // L(10800, 10000) = 800 / ln 1.08 = 800 / 0.0769610 = 10394.87; ×ln 1.2 (0.1823216) = 1895.21; ×ln 0.9 (−0.1053605) = −1095.21.
    const a = attributeChange([
      { name: "orders", from: 10, to: 12 },
      { name: "aov", from: 1000, to: 900 },
    ]);
    expect(a.change).toBeCloseTo(800, 10);
    expect(effects(a)[0]).toBe(1895.21);
    expect(effects(a)[1]).toBe(-1095.21);
    expect(a.effects.reduce((s, e) => s + e.effect, 0)).toBe(a.change);
  });

  it("zeros: the factors that were zero take the change, in equal parts", () => {
    expect(
      effects(
        attributeChange([
          { name: "o", from: 0, to: 5 },
          { name: "v", from: 1000, to: 2000 },
        ]),
      ),
    ).toEqual([10000, 0]);
    expect(
      effects(
        attributeChange([
          { name: "o", from: 0, to: 5 },
          { name: "v", from: 0, to: 2000 },
        ]),
      ),
    ).toEqual([5000, 5000]);
    expect(
      effects(
        attributeChange([
          { name: "o", from: 4, to: 0 },
          { name: "v", from: 500, to: 0 },
        ]),
      ),
    ).toEqual([-1000, -1000]);
    expect(
      effects(
        attributeChange([
          { name: "o", from: 0, to: 0 },
          { name: "v", from: 3, to: 9 },
        ]),
      ),
    ).toEqual([0, 0]);
  });

  it("stays exact when a factor barely moves (found by the property below)", () => {
    const a = attributeChange([{ name: "x", from: 0.010000000000000002, to: 0.01 }]);
    expect(a.effects[0].effect).toBe(a.change);
    expect(Number.isFinite(a.effects[0].effect)).toBe(true);
  });

  it("the log mean is symmetric and sits between its arguments", () => {
    expect(logMean(5, 5)).toBe(5);
    expect(logMean(1, Math.E)).toBeCloseTo(Math.E - 1, 12);
    expect(() => attributeChange([{ name: "x", from: -1, to: 2 }])).toThrow(RangeError);
  });

  it("property: the parts always add up to the change, with no residual", () => {
    const value = fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 4 }), (pairs) => {
        const a = attributeChange(pairs.map(([from, to], i) => ({ name: `f${i}`, from, to })));
        const sum = a.effects.reduce((s, e) => s + e.effect, 0);
        expect(Math.abs(sum - a.change)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a.change), a.from, a.to));
      }),
      { numRuns: 2000 },
    );
  });
});
