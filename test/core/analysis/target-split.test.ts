import fc from "fast-check";
import { splitTeamTarget } from "../../../src/core/analysis/progress/target-split";

describe("history-based target split", () => {
  it("weights by recent results and trend (hand-computed)", () => {
    // A: flat 40万 -> weight 40万. B: 20,30,40 -> mean 30万, slope 10万/period = +33% of mean, clamped to +20% -> 36万.
    // C: flat 24万. Weights 40:36:24 of 100万 -> 40万, 36万, 24万.
    const split = splitTeamTarget(1_000_000, [
      { rep: "A", values: [400_000, 400_000, 400_000] },
      { rep: "B", values: [200_000, 300_000, 400_000] },
      { rep: "C", values: [240_000, 240_000, 240_000] },
    ]);
    expect(split.reps.map((r) => [r.rep, r.target])).toEqual([
      ["A", 400_000],
      ["B", 360_000],
      ["C", 240_000],
    ]);
    expect(split.reps.map((r) => r.growth && +r.growth.toFixed(4))).toEqual([0, 0.2, 0]);
    expect(split.boundsRelaxed).toBe(false);
  });

  it("is not an equal split when histories differ (the playbook's 一刀切)", () => {
    const split = splitTeamTarget(1_000_000, [
      { rep: "A", values: [500_000] },
      { rep: "B", values: [300_000] },
      { rep: "C", values: [200_000] },
    ]);
    expect(split.reps.map((r) => r.target)).toEqual([500_000, 300_000, 200_000]);
  });

  it("holds growth within the band and moves the rest to reps with room", () => {
    // A: 50k, 100k, 150k -> mean 100k, trend +50% clamped to +20% -> weight 120k. B: flat 100k -> weight 100k.
    // 280k by weight: A 152.7k (+52.7%, above the +50% band) -> held at 150k; B takes the rest: 130k (+30%).
    const split = splitTeamTarget(280_000, [
      { rep: "A", values: [50_000, 100_000, 150_000] },
      { rep: "B", values: [100_000, 100_000, 100_000] },
    ]);
    expect(split.reps.map((r) => [r.rep, r.target])).toEqual([
      ["A", 150_000],
      ["B", 130_000],
    ]);
    expect(split.boundsRelaxed).toBe(false);
  });

  it("says so when the total cannot be met within the bands", () => {
    const split = splitTeamTarget(1_000_000, [
      { rep: "A", values: [100_000] },
      { rep: "B", values: [100_000] },
    ]);
    expect(split.boundsRelaxed).toBe(true);
    expect(split.reps.map((r) => r.target)).toEqual([500_000, 500_000]);
  });

  it("gives reps without history an equal share when nobody has any", () => {
    expect(
      splitTeamTarget(90_000, [
        { rep: "A", values: [] },
        { rep: "B", values: [] },
        { rep: "C", values: [] },
      ]).reps.map((r) => r.target),
    ).toEqual([30_000, 30_000, 30_000]);
  });

  it("property: shares are multiples of the unit (but one remainder) and add up to the total exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 2_000_000 }), { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (total, histories) => {
          const split = splitTeamTarget(
            total,
            histories.map((values, i) => ({ rep: `r${i}`, values })),
          );
          expect(split.reps.reduce((s, r) => s + r.target, 0)).toBe(total);
          expect(split.reps.filter((r) => r.target % 1000 !== 0).length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("the split by ability and customer mix", () => {
  it("multiplies each rep's weight by 1 + its ability and 1 + its mix, each capped at ±10%", () => {
    const flat = [400_000, 400_000, 400_000];
    const split = splitTeamTarget(1_500_000, [
      { rep: "甲", values: flat, ability: 0.05, mix: 0.3 },
      { rep: "乙", values: flat, ability: -0.2 },
      { rep: "丙", values: flat, mix: -0.04 },
    ]);
    const factors = [1.05 * 1.1, 0.9 * 1, 1 * 0.96];
    expect(split.reps.map((r) => +(r.ability * r.mix).toFixed(10))).toEqual(factors.map((f) => +f.toFixed(10)));
    const sum = factors.reduce((a, b) => a + b, 0);
    split.reps.forEach((r, i) => expect(Math.abs(r.target - (1_500_000 * factors[i]) / sum)).toBeLessThanOrEqual(1000));
    expect(split.reps.reduce((s, r) => s + r.target, 0)).toBe(1_500_000);
  });
});
