import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { createValidationSettings } from "../../../src/core/validate/validation-settings";
import { validateSheets } from "../../../src/core/validate/validate-sheets";
import { bothLanguages, brief, findingsOf, TODAY, templateGrid } from "./fixtures";

const GOOD_ZH: Record<string, CellValue> = {
  teamTarget: "月度100万",
  targetItem: "销售额",
  owner: "张三",
  repTarget: "100万",
  deadline: "30日",
  keyResults: "1.新客户开发8个 2.复购率60%",
  criteria: "1.实际开发≥8个 2.复购客户数≥现有客户数60%",
};
const GOOD_EN: Record<string, CellValue> = {
  teamTarget: "Monthly 1,000,000",
  targetItem: "Revenue",
  owner: "Zhang",
  repTarget: 1_000_000,
  deadline: "2026-11-30",
  keyResults: "1. 8 new customers 2. Repurchase rate 60%",
  criteria: "1. Actual new customers >= 8 2. Repurchasing customers >= 60% of existing customers",
};

function rules(locale: "zh-CN" | "en", change: Record<string, CellValue>): string[] {
  const base = locale === "zh-CN" ? GOOD_ZH : GOOD_EN;
  return brief(findingsOf(templateGrid("targets", locale, [{ ...base, ...change }])));
}

describe("target rows: a good row has no findings", () => {
  it.each(["zh-CN", "en"] as const)("%s", (locale) => expect(rules(locale, {})).toEqual([]));
});

describe.each([
  // [case, zh change, en change, expected]
  [
    "Specific: no metric in the target item",
    { targetItem: "团队建设" },
    { targetItem: "Team building" },
    ["target.specific.metric @ B2 (warning)"],
  ],
  ["Specific: no owner", { owner: null }, { owner: "  " }, ["target.specific.owner @ C2 (error)"]],
  [
    "Measurable: team target without a number",
    { teamTarget: "冲刺目标" },
    { teamTarget: "Stretch goal" },
    ["target.measurable.team @ A2 (error)"],
  ],
  ["Time-bound: no deadline", { deadline: null }, { deadline: null }, ["target.timebound.missing @ E2 (warning)"]],
  ["Time-bound: unreadable", { deadline: "尽快" }, { deadline: "asap" }, ["target.timebound.unparsed @ E2 (warning)"]],
  [
    "Time-bound: outside the month",
    { deadline: "2027-01-15" },
    { deadline: "2027-01-15" },
    ["target.timebound.outside @ E2 (warning)"],
  ],
  ["KRs: none", { keyResults: null, criteria: null }, { keyResults: null, criteria: null }, ["kr.missing @ F2 (error)"]],
  // An accepted split's placeholders are asked for, never read as KRs (their own words hold no number to count).
  [
    "KRs and criteria left as the split's placeholders",
    { keyResults: "（待填写：本人的2-3个可衡量的关键结果）", criteria: "（待填写：每个关键结果一条完成标准，写明比较符和数值）" },
    {
      keyResults: "(to fill in: this rep's 2-3 measurable key results)",
      criteria: "(to fill in: one completion criterion per key result)",
    },
    ["criteria.placeholder @ G2 (warning)", "kr.placeholder @ F2 (warning)"],
  ],
  [
    "KRs written, criteria still a placeholder",
    { criteria: "（待填写：每个关键结果一条完成标准）" },
    { criteria: "(to fill in: one completion criterion per key result)" },
    ["criteria.placeholder @ G2 (warning)"],
  ],
  [
    "KRs: one only",
    { keyResults: "1.新客户开发8个", criteria: "1.实际开发≥8个" },
    { keyResults: "1. 8 new customers", criteria: "1. Actual new customers >= 8" },
    ["kr.count @ F2 (warning)"],
  ],
  [
    "KRs: an activity, not a result",
    { keyResults: "1.新客户开发8个 2.完成客户培训", criteria: "1.实际开发≥8个" },
    { keyResults: "1. 8 new customers 2. Complete the customer training", criteria: "1. Actual new customers >= 8" },
    // The activity has no criterion either: one for each KR is still asked for.
    ["kr.activity @ F2 (warning)", "criteria.count @ G2 (warning)"],
  ],
  [
    "KRs: vague words without a number",
    { keyResults: "1.新客户开发8个 2.提升客户满意度", criteria: "1.实际开发≥8个" },
    { keyResults: "1. 8 new customers 2. Improve satisfaction", criteria: "1. Actual new customers >= 8" },
    ["kr.vague @ F2 (warning)", "criteria.count @ G2 (warning)"],
  ],
  [
    "Relevant: a KR that does not drive the item",
    { targetItem: "新客户数", keyResults: "1.新客户开发8个 2.复购率60%" },
    { targetItem: "New customers", keyResults: "1. 8 new customers 2. Repurchase rate 60%" },
    ["kr.relevant @ F2 (warning)"],
  ],
  [
    "Criteria: fewer than KRs",
    { criteria: "1.实际开发≥8个" },
    { criteria: "1. Actual new customers >= 8" },
    ["criteria.count @ G2 (warning)"],
  ],
  [
    "Criteria: not quantified",
    { criteria: "1.实际开发≥8个 2.复购情况良好" },
    { criteria: "1. Actual new customers >= 8 2. Repurchase is healthy" },
    ["criteria.quantified @ G2 (warning)"],
  ],
  [
    "Criteria: threshold differs from the KR (8 vs 5)",
    { criteria: "1.实际开发≥5个 2.复购客户数≥现有客户数60%" },
    { criteria: "1. Actual new customers >= 5 2. Repurchasing customers >= 60% of existing customers" },
    ["criteria.mismatch @ G2 (warning)"],
  ],
])("%s", (_name, zh, en, expected) => {
  it("zh-CN", () => expect(rules("zh-CN", zh as Record<string, CellValue>)).toEqual(expected));
  it("en", () => expect(rules("en", en as Record<string, CellValue>)).toEqual(expected));
});

describe("fixes are concrete texts", () => {
  it("suggests the criterion the KR implies", () => {
    const grid = templateGrid("targets", "zh-CN", [{ ...GOOD_ZH, criteria: "1.实际开发≥5个 2.复购客户数≥现有客户数60%" }]);
    const [finding] = findingsOf(grid);
    expect(bothLanguages(finding.fix)).toEqual({ "zh-CN": "1.实际新客户数≥8个", en: "1. Actual new customers >= 8" });
    expect(finding.message["zh-CN"]).toBe("第1条完成标准的数值（5个）与第1个KR（8个）不一致。");
  });
});

describe("decomposition", () => {
  const rep = (owner: string, repTarget: CellValue) => ({ ...GOOD_ZH, owner, repTarget });

  it("accepts the playbook's 35万+35万+30万=100万", () => {
    const grid = templateGrid("targets", "zh-CN", [rep("甲", "35万"), rep("乙", "35万"), rep("丙", "30万")]);
    expect(brief(findingsOf(grid))).toEqual([]);
  });

  it("reports the gap when shares do not add up", () => {
    const findings = findingsOf(templateGrid("targets", "zh-CN", [rep("甲", "35万"), rep("乙", "35万"), rep("丙", "20万")]));
    expect(brief(findings)).toEqual(["decomposition.sum @ D2 (warning)"]);
    expect(findings[0].message["zh-CN"]).toBe("个人目标合计90万，团队总目标100万，还差10万未分配。");
    expect(findings[0].message.en).toBe(
      "Rep targets add up to 900,000 against a team target of 1,000,000: 100,000 not yet assigned.",
    );
  });

  it("reports the gap on an English sheet with plain numbers", () => {
    const en = (owner: string, repTarget: CellValue) => ({ ...GOOD_EN, owner, repTarget });
    const findings = findingsOf(templateGrid("targets", "en", [en("A", 350_000), en("B", 350_000), en("C", "200k")]));
    expect(brief(findings)).toEqual(["decomposition.sum @ D2 (warning)"]);
    expect(findings[0].message.en).toBe(
      "Rep targets add up to 900,000 against a team target of 1,000,000: 100,000 not yet assigned.",
    );
  });

  it("reports a missing share", () => {
    expect(brief(findingsOf(templateGrid("targets", "zh-CN", [rep("甲", "50万"), rep("乙", null)])))).toEqual([
      "decomposition.missing @ D3 (warning)",
    ]);
  });

  it('flags an equal split for reps with different histories ("一刀切") and a target far above history', () => {
    const grid = templateGrid("targets", "zh-CN", [rep("甲", "50万"), rep("乙", "50万")]);
    const history = new Map([
      ["甲", 600_000],
      ["乙", 300_000],
    ]);
    const findings = validateSheets([grid], { settings: createValidationSettings(TODAY), history }).flatMap((s) => s.findings);
    expect(brief(findings)).toEqual(["target.achievable.growth @ D3 (warning)", "decomposition.equal-split @ D2 (warning)"]);
  });

  it("uses the growth band from the settings", () => {
    const grid = templateGrid("targets", "zh-CN", [rep("甲", "100万")]);
    const history = new Map([["甲", 800_000]]);
    const run = (growthBand: number) =>
      brief(
        validateSheets([grid], { settings: createValidationSettings(TODAY, { growthBand }), history }).flatMap((s) => s.findings),
      );
    expect(run(0.3)).toEqual([]);
    expect(run(0.2)).toEqual(["target.achievable.growth @ D2 (warning)"]);
  });
});

describe("deadlines follow the team target's period", () => {
  it("a quarterly target may be due at quarter end", () => {
    const settings = createValidationSettings(toExcelSerial(2026, 11, 26));
    const grid = templateGrid("targets", "zh-CN", [
      { ...GOOD_ZH, teamTarget: "Q4 300万", repTarget: "300万", deadline: "12月31日" },
    ]);
    expect(brief(findingsOf(grid, settings))).toEqual([]);
  });
});

describe("KRs support the target item (KR需支撑目标项)", () => {
  const relevance = (locale: "zh-CN" | "en", change: Record<string, CellValue>) =>
    findingsOf(templateGrid("targets", locale, [{ ...(locale === "zh-CN" ? GOOD_ZH : GOOD_EN), ...change }])).filter(
      (f) => f.rule === "kr.relevant",
    );

  it.each([
    "新客户开发8个",
    "复购率60%",
    "客单价≥5万",
    "电话量每日20个",
    "拜访15次",
    "方案提交8份",
    "成交订单20单",
    "有效商机20个",
  ])("%s supports a revenue target", (kr) => expect(relevance("zh-CN", { keyResults: `1.${kr} 2.新客户开发8个` })).toEqual([]));

  it.each(["参加培训40小时", "周报提交率100%", "阅读3本书"])("%s does not support a revenue target", (kr) => {
    const findings = relevance("zh-CN", { keyResults: `1.${kr} 2.新客户开发8个` });
    expect(brief(findings)).toEqual(["kr.relevant @ F2 (warning)"]);
    expect(findings[0].message["zh-CN"]).toBe(`第1个KR“${kr}”既不是销售结果，也不带动目标项“销售额”：KR需支撑目标项。`);
    // The fix names KRs that would move revenue, leaving out the one the row already has (new customers).
    expect(bothLanguages(findings[0].fix)).toEqual({
      "zh-CN": "换成能带动“销售额”的KR，如：复购率60%、客单价≥5万、成交订单20单",
      en: "Use a KR that moves revenue, e.g. repurchase rate 60%, average order value >= 50,000, 20 orders",
    });
  });

  it.each([
    ["Attend 40 hours of training", false],
    ["Weekly report submission rate 100%", false],
    ["Read 3 books", false],
    ["20 calls a day", true],
    ["15 customer visits", true],
    ["Sign 10 contracts", true],
  ])("English: %s supports revenue: %s", (kr, supports) => {
    const findings = relevance("en", { keyResults: `1. ${kr} 2. 8 new customers` });
    expect(findings.length === 0).toBe(supports);
    if (!supports) {
      expect(findings[0].message.en).toBe(
        `KR 1 "${kr}" is neither a sales result nor a driver of the target item (revenue): each KR must support it.`,
      );
    }
  });

  it("a KR about a metric that does not feed the item gets the same fix, fitted to the item", () => {
    const [finding] = relevance("zh-CN", { targetItem: "新客户数", keyResults: "1.电话量每日20个 2.复购率60%" });
    expect(finding.message["zh-CN"]).toBe("第2个KR（复购率）不能直接带动目标项“新客户数”：请换成支撑该目标的结果。");
    expect(finding.fix?.["zh-CN"]).toBe("换成能带动“新客户数”的KR，如：拜访15次、方案提交8份、有效商机20个");
  });

  it("says nothing about relevance while the target item names no metric (that has its own finding)", () => {
    expect(relevance("zh-CN", { targetItem: "团队建设", keyResults: "1.参加培训40小时 2.阅读3本书" })).toEqual([]);
  });
});
