import { diagnose } from "../../../src/core/analysis/diagnosis/diagnose";
import { formatBilingual } from "../../../src/core/i18n/locale";
import type { Problem } from "../../../src/core/analysis/diagnosis/problems";
import { generateTeam, type PlantedCause } from "../../support/team-generator";
import { gridOf } from "../../support/grid";

/**
 * The TOP 3's words are templates (`problem-text`) filled by each problem's detector: a placeholder a
 * detector does not fill would reach the manager as "{name}". Every item of every generated team is
 * read in both languages.
 */
const CAUSES: PlantedCause[] = [
  "none",
  "activity",
  "laggard",
  "orderValue",
  "repurchase",
  "seasonal",
  "teamActivityCollapse",
  "orderValueYearAgo",
  "hiddenCollapse",
  "mixShift",
  "seasonalYears",
];

function texts(p: Problem): string[] {
  return [p.summary, p.evidence, ...p.strategies.map((s) => s.action)].flatMap((b) => [b["zh-CN"], b.en]);
}

describe("the TOP 3's words", () => {
  it("fill every placeholder, in both languages, for every item of the generated teams", () => {
    const seen = new Set<string>();
    for (const cause of CAUSES)
      for (const seed of [7, 11]) {
        const team = generateTeam(cause, seed);
        const d = diagnose({ deals: gridOf(team.deals, "deals"), activity: gridOf(team.activity, "activity") });
        for (const p of d.issues) {
          seen.add(p.code);
          for (const text of texts(p)) {
            expect(text).not.toMatch(/\{\w+\}/);
            expect(text.trim()).not.toBe("");
          }
        }
      }
    // The teams show most of the problems, so the check covers their detectors' words.
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });

  it("fill a placeholder with a text in each language, and leave an unknown one as written", () => {
    const text = { "zh-CN": "{rep}本月{now}（{unknown}）", en: "{rep}: {now} ({unknown})" };
    expect(formatBilingual(text, { rep: "张三", now: { "zh-CN": "12万", en: "120,000" } })).toEqual({
      "zh-CN": "张三本月12万（{unknown}）",
      en: "张三: 120,000 ({unknown})",
    });
  });
});
