import type { CellValue } from "../../../src/core/cell/cell-value";
import { brief, findingsOf, templateGrid } from "./fixtures";

const good = (locale: "zh-CN" | "en"): Record<string, CellValue> => ({
  reviewTime: "30日14:00",
  participants: "张三、李四",
  monthTarget: 1_000_000,
  monthActual: 950_000,
  achievement: 0.95,
  improvements:
    locale === "zh-CN"
      ? "1.1周内完成交付流程优化，由张三对接运营部 2.12月10日前增加1次高客单价产品培训，李四负责"
      : "1. Fix the delivery process within 1 week, owner: Zhang 2. One more product training by 2026-12-10, owner: Li",
});

const run = (locale: "zh-CN" | "en", change: Record<string, CellValue>) =>
  brief(findingsOf(templateGrid("review", locale, [{ ...good(locale), ...change }])));

describe.each(["zh-CN", "en"] as const)("monthly review rules (%s)", (locale) => {
  it("a complete review has no findings", () => expect(run(locale, {})).toEqual([]));

  it.each([
    ["a rate typed as text", { achievement: "95%" }, []],
    ["a rate that is not a percent", { achievement: "基本达成" }, ["review.achievement.unparsed @ E2 (warning)"]],
    ["a rate that disagrees with actual / target", { achievement: 0.9 }, ["review.achievement.mismatch @ E2 (warning)"]],
    // The only row has no target: the column is empty, which one note on its header says (no row finding).
    ["a rate with no target to check against", { monthTarget: null, achievement: 0.9 }, ["sheet.column.empty @ C1 (info)"]],
  ])("%s", (_name, change, expected) => expect(run(locale, change as Record<string, CellValue>)).toEqual(expected));

  it("lists the improvements without an owner or a deadline", () => {
    const findings = findingsOf(
      templateGrid("review", locale, [
        {
          ...good(locale),
          improvements:
            locale === "zh-CN" ? "1.加强培训 2.由王五本月底前优化流程" : "1. More training 2. Owner: Wang, by end of month",
        },
      ]),
    );
    expect(brief(findings)).toEqual(["review.improvement.owner @ H2 (warning)", "review.improvement.deadline @ H2 (warning)"]);
    expect(findings[0].message[locale]).toBe(
      locale === "zh-CN" ? "第1条改进措施没有责任人：写明由谁负责。" : "Improvement 1 names no owner: say who is responsible.",
    );
  });
});

describe("the mismatch fix", () => {
  it("offers the computed rate", () => {
    const [f] = findingsOf(templateGrid("review", "zh-CN", [{ ...good("zh-CN"), achievement: 0.9 }]));
    expect(f.fix).toEqual({ "zh-CN": "95%", en: "95%" });
  });
});
