import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { brief, exampleGrid, findingsOf, SETTINGS, templateGrid } from "./fixtures";

/**
 * The playbook's own example rows, validated as a careful manager would read them.
 * Each expected finding is written down with the reason a manager would give.
 */
describe.each(["zh-CN", "en"] as const)("the playbook's examples (%s)", (locale) => {
  it("target decomposition: both rows are SMART; each item has only one rep's share of 100万 so far", () => {
    // Row 2 (revenue, 35万 of 100万) and row 3 (new-customer revenue, 35万 of 100万): a single rep each, so the
    // 65万 gap is information ("not assigned yet"), not an error. KRs, criteria and 30日 all check out.
    expect(brief(findingsOf(exampleGrid("targets", locale)))).toEqual([
      "decomposition.sum @ D2 (info)",
      "decomposition.sum @ D3 (info)",
    ]);
  });

  it("weekly tracker: the example week is complete and its miss is explained", () => {
    // New customers 5/3, calls 71/75 = 95%: above 85%, the reason and the measure are written.
    // Mon-Wed of the week of 2026-11-23 are past and filled.
    expect(brief(findingsOf(exampleGrid("weekly", locale), { ...SETTINGS, today: toExcelSerial(2026, 12, 1) }))).toEqual([]);
  });

  it("monthly review: 95% agrees with 95万/100万, and each improvement names an owner and a deadline", () => {
    // The inserted row writes the playbook's two measures the way its guide asks: "改进措施需具体到责任人、时间节点".
    expect(brief(findingsOf(exampleGrid("review", locale)))).toEqual([]);
  });

  it("monthly review as the playbook's table prints it: neither improvement names an owner or a deadline", () => {
    const verbatim = {
      "zh-CN": "1.增加1次高客单价产品培训 2.协调运营部门优化交付流程",
      en: "1. One more training on high-ticket products 2. Work with operations to improve delivery",
    };
    const row = { reviewTime: "30日14:00", monthTarget: 1_000_000, monthActual: 950_000, improvements: verbatim[locale] };
    const findings = findingsOf(templateGrid("review", locale, [row]));
    expect(brief(findings)).toEqual(["review.improvement.owner @ H2 (warning)", "review.improvement.deadline @ H2 (warning)"]);
    expect(findings[0].fix?.[locale]).toBe(
      locale === "zh-CN"
        ? "1周内完成交付流程优化，由*某对接运营部"
        : "Within 1 week, *X liaises with operations to optimise the delivery process",
    );
    // The suggested text passes the check it answers.
    const fixed = findingsOf(templateGrid("review", locale, [{ ...row, improvements: findings[0].fix![locale] }]));
    expect(fixed).toEqual([]);
  });
});

describe("the playbook's free-text weekly row", () => {
  const grid = templateGrid("weekly", "zh-CN", [
    {
      owner: "*某",
      target: "开发新客户3个 电话15个",
      mon: "开发1个 电话12个",
      tue: "开发1个 电话14个",
      wed: "开发0个 电话15个",
      thu: "开发1个 电话15个",
      fri: "开发2个 电话15个",
      reason: "周三客户未接听，未达成",
      measure: "周四增加触达，提高客户联系率",
    },
  ]);
  // The playbook's layout has no metric or week column.
  const playbookLayout = {
    ...grid,
    values: grid.values.map((line) => [line[1], line[3], line[4], line[5], line[6], line[7], line[8], line[11], line[12]]),
  };

  it("reads each metric from the text and asks whether 电话15个 is daily or weekly", () => {
    // 开发: 5 against 3 for the week. 电话: 12-15 a day against "15" reads as 15 a day = 75 a week; 71/75 = 95%.
    const findings = findingsOf(playbookLayout);
    expect(brief(findings)).toEqual(["weekly.target.ambiguous @ B2 (info)"]);
    expect(findings[0].message["zh-CN"]).toContain("请写明“每日”或“每周”");
  });

  it("takes an explicit 每日 at its word and then needs no question", () => {
    const explicit = {
      ...playbookLayout,
      values: playbookLayout.values.map((l, i) => (i === 1 ? [l[0], "每周开发新客户3个 每日电话15个", ...l.slice(2)] : l)),
    };
    expect(brief(findingsOf(explicit))).toEqual([]);
  });
});
