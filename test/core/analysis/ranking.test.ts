import { diagnose } from "../../../src/core/analysis/diagnosis/diagnose";
import { generateTeam, type PlantedCause } from "../../support/team-generator";
import { gridOf } from "../../support/grid";

/**
 * Generated teams with one cause planted in the last month: the planted cause must rank first, the
 * problems must not share any amount, and together they never exceed the fall they explain.
 */
const cases: [PlantedCause, string, (affects: readonly string[]) => void][] = [
  ["activity", "fallingActivity", (affects) => expect([...affects].sort()).toEqual(["张三", "李四", "王五"].sort())],
  ["laggard", "repDrop", (affects) => expect(affects).toEqual(["钱七"])],
  ["orderValue", "orderValueDrop", () => undefined],
  ["repurchase", "lowRepurchase", () => undefined],
  ["seasonal", "seasonalDip", () => undefined],
];

function run(cause: PlantedCause, seed = 7) {
  const team = generateTeam(cause, seed);
  return diagnose({ deals: gridOf(team.deals, "deals"), activity: gridOf(team.activity, "activity") });
}

describe("TOP 3 on generated teams with one planted cause", () => {
  it.each(cases)("%s: the planted cause ranks first, and the amounts add up to no more than the fall", (cause, code, check) => {
    for (const seed of [7, 11, 23]) {
      const d = run(cause, seed);
      const change = d.drivers!.change;
      expect(change).toBeLessThan(0);
      expect(d.issues[0]?.code).toBe(code);
      check(d.issues[0].affects);
      const total = d.issues.reduce((s, p) => s + p.atStake, 0);
      expect(total).toBeLessThanOrEqual(-change + 1e-6);
      expect(d.issues.every((p) => p.atStake > 0)).toBe(true);
      expect(d.issues.map((p) => p.rank)).toEqual(d.issues.map((_p, i) => i + 1));
    }
  });

  it("the planted cause explains most of the fall and is the only high priority", () => {
    const d = run("orderValue");
    expect(d.issues[0].share).toBeGreaterThan(0.5);
    expect(d.issues.filter((p) => p.priority === "high").map((p) => p.code)).toEqual(["orderValueDrop"]);
  });

  it("a normal B2B month: customers who did not buy this month are not a repeat-purchase problem", () => {
    for (const seed of [7, 11, 23, 31]) {
      const d = run("none", seed);
      expect(d.customers.churned.length).toBeGreaterThan(20); // many of last month's buyers are not due this month
      expect(d.issues.map((p) => p.code)).not.toContain("lowRepurchase");
    }
  });

  it("a rep whose revenue collapsed is named with this month against last in the rep table", () => {
    const d = run("laggard");
    const rep = d.horizontal!.reps.find((r) => r.rep === "钱七")!;
    expect(rep.thisMonth).toBeLessThan(0.5 * rep.lastMonth!);
    expect(d.horizontal!.statements.map((x) => x["zh-CN"])).toContainEqual(expect.stringMatching(/^钱七本月销售额.*，下降\d/));
    expect(d.issues[0].summary["zh-CN"]).toMatch(/^钱七本月业绩骤降/);
  });
});
