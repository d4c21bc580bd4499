import { fillCustomerAnalysis } from "../../src/app/fill-customer-analysis";
import { insertTemplates } from "../../src/app/insert-templates";
import { prefillMonthlyReview } from "../../src/app/prefill-monthly-review";
import { trackProgress } from "../../src/app/track-progress";
import { validateWorkbook } from "../../src/app/validate-workbook";
import { targetPeriodOf } from "../../src/core/analysis/progress/target-progress";
import type { CellValue } from "../../src/core/cell/cell-value";
import { serialToIso, toExcelSerial } from "../../src/core/cell/excel-date";
import { customerAnalysisTemplate } from "../../src/core/templates/customer-analysis.template";
import { MemoryHost } from "../../src/hosts/memory/memory-host";

/** Example rows never count as data: the customer fill, progress and the monthly review leave them out. */

const DEALS_EN: CellValue[][] = [
  ["Date", "Owner", "Customer", "Customer Type", "Amount", "Order ID", "Status"],
  ["2026-10-03", "Ann", "Acme", "SMB", 20000, "o1", "Won"],
  ["2026-10-08", "Ann", "Bolt", "SMB", 10000, "o2", "Lost"],
  ["2026-10-12", "Ben", "Core", "Key account", 90000, "o3", "Won"],
  ["2026-11-05", "Ben", "Dyna", "SMB", 30000, "o4", "Won"],
  ["2026-11-09", "Ann", "Core", "Key account", 60000, "o5", "Won"],
];

/** Type -> [customers, orders, revenue, close rate], counted from the deal rows. */
function byType(rows: CellValue[][]): Map<string, [number, number, number, number]> {
  const out = new Map<string, { customers: Set<CellValue>; orders: number; revenue: number; decided: number }>();
  for (const [, , customer, type, amount, , status] of rows.slice(1)) {
    const e = out.get(type as string) ?? { customers: new Set(), orders: 0, revenue: 0, decided: 0 };
    e.decided++;
    if (status === "Won") {
      e.customers.add(customer);
      e.orders++;
      e.revenue += amount as number;
    }
    out.set(type as string, e);
  }
  return new Map([...out].map(([k, e]) => [k, [e.customers.size, e.orders, e.revenue, e.orders / e.decided]]));
}

describe("filling the customer sheet over the playbook's example rows", () => {
  it("replaces them: types matched by meaning, a new type in a freed row, the rest emptied, no share on empty rows", async () => {
    const host = new MemoryHost();
    await insertTemplates(host, { locale: "en", withExamples: true, templates: ["customers"] });
    host.seedSheet("Deals", DEALS_EN);
    const result = await fillCustomerAnalysis(host, { locale: "en", today: toExcelSerial(2026, 11, 26) });
    // What was assumed is said next to the figures.
    expect(result.notes.map((n) => n.text.en)).toEqual(
      expect.arrayContaining([
        `The data's "SMB" filled the customer sheet's "SMEs" row, read as the same type; if they differ, rename that row's type.`,
        `The playbook's example rows (Industry TOP100, Individuals) are not data: replaced by the data's customer types or emptied.`,
      ]),
    );
    const sheet = host.findSheet("Customer Analysis")!;
    const keys = customerAnalysisTemplate.columns.map((c) => c.key);
    const col = (key: string) => keys.indexOf(key);
    const body = sheet.values.slice(1).filter((r) => r.some((v) => v !== null && v !== ""));
    const expected = byType(DEALS_EN);
    // "SMEs" is the playbook's word for the data's "SMB": that row holds SMB's figures, its pain points kept.
    const smes = body.find((r) => r[col("customerType")] === "SMEs")!;
    expect(["customers", "orders", "revenue", "closeRate"].map((k) => smes[col(k)])).toEqual(expected.get("SMB"));
    expect(smes[col("painPoints")]).toBe("Price-sensitive, short delivery cycles");
    // "Key account" is in no example row: it takes the first freed one, with none of the example's text.
    const key = body.find((r) => r[col("customerType")] === "Key account")!;
    expect(["customers", "orders", "revenue", "closeRate"].map((k) => key[col(k)])).toEqual(expected.get("Key account"));
    expect(key[col("painPoints")]).toBeNull();
    // Nothing of the other examples is left: two rows, the data's.
    expect(body).toHaveLength(2);
    expect(body.flat()).not.toContain("Individuals");
    expect(body.flat()).not.toContain(1_000_000);
    // The share is the sheet's formula, empty on a row without revenue rather than 0.0%.
    const emptyRow = sheet.values.findIndex((r, i) => i > 0 && r.every((v) => v === null || v === ""));
    const share = sheet.formulas[emptyRow][col("share")]!;
    expect(share).toMatch(/^=IF\(OR\(ISBLANK\(D\d+\),SUM\(\$D:\$D\)=0\),"",/);
  });
});

describe("the monthly review of the month reviewed", () => {
  const deals: CellValue[][] = [
    ["成交日期", "负责人", "客户名称", "成交金额", "订单号", "状态"],
    ["2026-10-10", "张三", "甲", 50000, "o1", "赢单"],
    ["2026-11-03", "张三", "乙", 70000, "o2", "赢单"],
    ["2026-11-12", "李四", "丙", 40000, "o3", "赢单"],
    ["2026-11-20", "李四", "丁", 25000, "o4", "输单"],
    ["2026-12-02", "张三", "戊", 10000, "o5", "赢单"],
  ];
  const targets: CellValue[][] = [
    ["团队总目标", "目标项", "负责人", "个人目标", "时间节点"],
    // November's, then December's written since: the review of November takes November's.
    ["月度12万", "销售额", "张三", "8万", "2026-11-30"],
    ["月度12万", "新客户销售额", "张三", "3万", "2026-11-30"],
    ["月度12万", "销售额", "李四", "4万", "2026-11-30"],
    ["月度100万", "销售额", "*某", "35万", "2026-11-30"],
    ["月度20万", "销售额", "张三", "12万", "2026-12-31"],
    ["月度20万", "销售额", "李四", "8万", "2026-12-31"],
  ];

  it("takes that month's targets, one figure per rep, and no example name", async () => {
    const host = new MemoryHost();
    host.seedSheet("成交明细", deals);
    host.seedSheet("目标分解表", targets);
    const result = await prefillMonthlyReview(host, {
      locale: "zh-CN",
      today: toExcelSerial(2026, 12, 6),
      month: 2026 * 12 + 10,
    });
    const november = (rep?: string) =>
      deals
        .slice(1)
        .filter((r) => String(r[0]).startsWith("2026-11") && r[5] === "赢单" && (rep === undefined || r[1] === rep))
        .reduce((s, r) => s + (r[3] as number), 0);
    const p = result.prefill;
    expect([p.team.target, p.team.actual]).toEqual([120_000, november()]);
    // 张三 has a revenue row and a new-customer revenue row: one figure, the revenue target's.
    expect(p.reps.map((r) => [r.rep, r.target, r.actual])).toEqual(
      [
        ["张三", 80_000, november("张三")],
        ["李四", 40_000, november("李四")],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });
});

describe("a target whose deadline falls in the month before today's", () => {
  const today = toExcelSerial(2026, 12, 6);
  const row = {
    teamTarget: "Monthly 1,000,000",
    targetItem: "Revenue",
    owner: "Ann",
    repTarget: "100,000",
    deadline: "2026-11-30",
  };

  it("is that month's target, not outside the period", async () => {
    const period = targetPeriodOf(row, today);
    expect([period.from, period.to]).toEqual(["2026-11-01", "2026-11-30"]);
    const host = new MemoryHost();
    host.seedSheet("Deals", DEALS_EN);
    host.seedSheet("Targets", [
      ["Team Target", "Target Item", "Owner", "Rep Target", "Deadline", "Key Results (KR)", "Completion Criteria"],
      [
        row.teamTarget,
        row.targetItem,
        row.owner,
        row.repTarget,
        row.deadline,
        "1. Develop 2 new customers 2. Repurchase rate 60%",
        "1. Actual new customers >= 2 2. Repurchasing customers >= 60% of existing customers",
      ],
      // The playbook's example row: never measured as a rep.
      [
        row.teamTarget,
        row.targetItem,
        "*某",
        "350,000",
        "30th",
        "1. Develop 8 new customers 2. Repurchase rate 60%",
        "1. Actual new customers >= 8 2. Repurchasing customers >= 60% of existing customers",
      ],
    ]);
    const check = await validateWorkbook(host, { today });
    expect(check.findings.filter((f) => f.rule === "target.timebound.outside")).toEqual([]);
    const progress = await trackProgress(host, { locale: "en", today, write: false });
    expect(progress.rows.map((r) => r.owner)).toEqual(["Ann"]);
    // Ann's actual is November's won revenue, counted from the rows.
    const november = DEALS_EN.slice(1)
      .filter((r) => String(r[0]).startsWith("2026-11") && r[1] === "Ann" && r[6] === "Won")
      .reduce((s, r) => s + (r[4] as number), 0);
    expect(progress.rows[0].target.actual).toBe(november);
    expect(serialToIso(progress.rows[0].period.end)).toBe("2026-11-30");
  });

  it("while a deadline two months away is still outside the period", async () => {
    const host = new MemoryHost();
    host.seedSheet("Targets", [
      ["Team Target", "Target Item", "Owner", "Rep Target", "Deadline", "Key Results (KR)", "Completion Criteria"],
      [
        row.teamTarget,
        row.targetItem,
        row.owner,
        row.repTarget,
        "2026-10-31",
        "1. Develop 2 new customers 2. Repurchase rate 60%",
        "1. Actual new customers >= 2 2. Repurchasing customers >= 60% of existing customers",
      ],
    ]);
    const check = await validateWorkbook(host, { today });
    expect(check.findings.filter((f) => f.rule === "target.timebound.outside").map((f) => f.cell)).toEqual(["E2"]);
  });
});

describe("one team target written for two months", () => {
  it("is two decompositions, each adding up on its own", async () => {
    const host = new MemoryHost();
    const kr = ["1.新客户开发2个 2.客单价≥1万", "1.实际开发≥2个 2.平均客单价≥1万"];
    host.seedSheet("目标分解表", [
      ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
      ["月度12万", "销售额", "张三", "7万", "2026-11-30", ...kr],
      ["月度12万", "销售额", "李四", "5万", "2026-11-30", ...kr],
      ["月度12万", "销售额", "张三", "6万", "2026-12-31", ...kr],
      ["月度12万", "销售额", "李四", "6万", "2026-12-31", ...kr],
    ]);
    const check = await validateWorkbook(host, { today: toExcelSerial(2026, 12, 6) });
    expect(check.findings.filter((f) => f.rule.startsWith("decomposition."))).toEqual([]);
    // The same rows as one month's would add up to twice the team target.
    host.seedSheet("目标分解表 (2)", [
      ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
      ["月度12万", "销售额", "张三", "7万", "2026-12-31", ...kr],
      ["月度12万", "销售额", "李四", "5万", "2026-12-31", ...kr],
      ["月度12万", "销售额", "张三", "6万", "2026-12-31", ...kr],
      ["月度12万", "销售额", "李四", "6万", "2026-12-31", ...kr],
    ]);
    const again = await validateWorkbook(host, { today: toExcelSerial(2026, 12, 6) });
    expect(again.findings.filter((f) => f.rule === "decomposition.sum").map((f) => [f.sheet, f.cell])).toContainEqual([
      "目标分解表 (2)",
      "D2",
    ]);
  });
});
