import type { CellValue } from "../../../src/core/cell/cell-value";
import { gridOf } from "../../support/grid";
import { diagnose } from "../../../src/core/analysis/diagnosis/diagnose";

/**
 * A small team's deals, every number below computed by hand.
 *   Sep: c1 o1 10万 (two lines 6万+4万) won 张三; c2 o2 3万 won 李四; c3 o3 2万 lost 李四
 *   Oct: c1 o4 8万 won 张三; c2 o5 3万 won 李四; c4 o6 1万 won 王五
 *   Nov: c1 o7 12万 won 张三; c5 o8 3万 won 张三; c4 o9 1万 lost 王五; c6 o10 1万 won 王五
 */
const HEADER = ["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "订单号", "状态"];
const DEALS: CellValue[][] = [
  HEADER,
  ["2026-09-03", "张三", "c1", "行业TOP100", 60000, "o1", "赢单"],
  ["2026-09-03", "张三", "c1", "行业TOP100", "4万", "o1", "赢单"],
  ["2026/9/10", "李四", "c2", "中小企业", 30000, "o2", "成交"],
  ["2026年9月20日", "李四", "c3", "中小企业", 20000, "o3", "输单"],
  [46300, "张三", "c1", "行业TOP100", 80000, "o4", "won"], // 2026-10-03 as an Excel serial
  ["2026-10-12", "李四", "c2", "中小企业", 30000, "o5", "won"],
  ["2026-10-20", "王五", "c4", "个人客户", 10000, "o6", "won"],
  ["2026-11-02", "张三", "c1", "行业TOP100", 120000, "o7", "赢单"],
  ["2026-11-09", "张三", "c5", "中小企业", 30000, "o8", "赢单"],
  ["2026-11-16", "王五", "c4", "个人客户", 10000, "o9", "丢单"],
  ["2026-11-28", "王五", "c6", "个人客户", 10000, "o10", "赢单"],
];

describe("diagnosis of a hand-computed team", () => {
  const d = diagnose({ deals: gridOf(DEALS) });

  it("maps the columns by their headers and reports nothing missing but product", () => {
    expect(d.mapping.deals).toEqual({
      date: "成交日期",
      rep: "负责人",
      customer: "客户名称",
      customerType: "客户类型",
      amount: "成交金额",
      orderId: "订单号",
      status: "状态",
    });
    expect(d.missing.deals).toEqual(["product"]);
    expect(d.period).toBe("2026-11");
  });

  it("counts an order of two lines once and customers distinct", () => {
    expect(d.customers.total).toEqual({ customers: 5, orders: 8, revenue: 410000 }); // o1..o10 less the lost o3 and o9
  });

  it("builds the customer-type table", () => {
    const rows = d.customers.segments.map((s) => [
      s.type,
      s.customers,
      s.orders,
      s.revenue,
      +s.share.toFixed(4),
      s.avgOrderValue,
      s.closeRate && +s.closeRate.toFixed(4),
      s.repurchaseRate,
    ]);
    expect(rows).toEqual([
      ["行业TOP100", 1, 3, 300000, 0.7317, 100000, 1, 1],
      ["中小企业", 2, 3, 90000, 0.2195, 30000, 0.75, 0.5],
      ["个人客户", 2, 2, 20000, 0.0488, 10000, 0.6667, 0],
    ]);
    expect(d.customers.customers.map((c) => `${c.customer}:${c.abc}`)).toEqual(["c1:A", "c2:A", "c5:B", "c4:C", "c6:C"]);
    expect(d.customers.concentration).toBeCloseTo(300000 / 410000, 12);
    expect(d.customers.repurchaseRate).toBe(0.4); // c1 and c2 of five customers bought in two or more months
    expect(d.customers.churned).toEqual(["c2", "c4"]);
  });

  it("compares November with October and attributes the +4万 exactly", () => {
    const by = Object.fromEntries(d.longitudinal!.metrics.map((m) => [m.metric, m]));
    expect([by.revenue.current, by.revenue.previous, by.revenue.yearAgo]).toEqual([160000, 120000, null]);
    expect(by.revenue.change).toBeCloseTo(1 / 3, 12);
    expect([by.orders.current, by.customers.current, by.newCustomers.current, by.newCustomers.previous]).toEqual([3, 3, 2, 1]);
    expect(by.closeRate.current).toBe(0.75);
    expect(by.closeRate.change).toBe(-0.25); // 100% -> 75%: −25 points
    expect(by.calls.current).toBeNull();
    const a = d.longitudinal!.attribution!;
    expect(a.change).toBe(40000);
    // By rep and driver: 张三's order value 8万 -> 12万 (+4万) and his new customer c5 (+3万); 李四's c2 did not
    // come back (−3万); 王五's new customer c6 replaced c4 (0). The team's effects are the reps' sums.
    expect(a.effects.map((e) => [e.name, e.from, e.to, Math.round(e.effect)])).toEqual([
      ["newCustomers", 1, 2, 30000],
      ["returningCustomers", 2, 1, -30000],
      ["ordersPerCustomer", 1, 1, 0],
      ["avgOrderValue", 40000, 160000 / 3, 40000],
    ]);
    expect(d.drivers!.reps.map((r) => [r.rep, r.from, r.to])).toEqual([
      ["张三", 80000, 150000],
      ["李四", 30000, 0],
      ["王五", 10000, 10000],
    ]);
    // The growth hid one loss, 李四's c2 (−3万): the headline keeps the growth's driver and names the TOP 3's first item.
    expect(d.issues[0].atStake).toBeCloseTo(30000, 6);
    expect(d.issues[0].shareOf).toBe("hiddenLosses");
    expect(d.longitudinal!.statements[0]).toEqual({
      "zh-CN": `本月销售额增长33.3%（+4万），主因客单价增长33.3%（贡献+4万，占变化的100%）；但增长掩盖了约3万的损失，其中最大的是${d.issues[0].summary["zh-CN"]}（约3万，占这些损失的100%）。`,
      en: `This month's revenue up 33.3% (+40,000), mainly because average order value up 33.3% (+40,000, 100% of the change); but the growth hid about 30,000 of losses, the largest: ${d.issues[0].summary.en} (about 30,000, 100% of those losses).`,
    });
  });

  it("ranks reps over the last three months, shrinking close rates toward the team's", () => {
    const h = d.horizontal!;
    // Team: 8 won, 2 lost = 80%. 张三 4/4 -> (4+8)/(4+10) = 85.7%; 李四 and 王五 2/3 -> (2+8)/(3+10) = 76.9%.
    expect(h.reps.map((r) => [r.rep, r.revenue, r.won, r.lost, +(r.adjustedCloseRate ?? 0).toFixed(4)])).toEqual([
      ["张三", 330000, 4, 0, 0.8571],
      ["李四", 60000, 2, 1, 0.7692],
      ["王五", 20000, 2, 1, 0.7692],
    ]);
    expect(h.team.revenue).toBeCloseTo(410000 / 3, 6);
    expect(h.benchmark).toBe("张三");
    expect(h.below).toEqual(["李四", "王五"]); // under 70% of the per-rep average (95,667)
  });

  it("names as TOP problem what explains the losses, judged against the team's own months, never more than them", () => {
    // Revenue grew (+4万), so the problems explain the losses it covered: only 李四's −3万 (c2 did not buy again).
    // 李四's revenue went from 3万 in both September and October to nothing: no driver moved for the whole team, so
    // his collapse claims his own −3万 (c2 did not buy again) before any team-level reading of it (repeat purchase).
    expect(d.issues.map((i) => [i.rank, i.code, i.priority, Math.round(i.atStake), i.share, i.affects])).toEqual([
      [1, "repDrop", "high", 30000, 1, ["李四"]],
    ]);
    expect(d.issues[0].summary["zh-CN"]).toBe("李四本月业绩骤降：0，此前月均3万");
    expect(d.issues[0].baseline).toEqual({ value: 30000, months: 2, kind: "money" });
    expect(d.issues[0].evidence["zh-CN"]).toContain("前2个月平均3万");
    expect(d.issues[0].strategies.map((s) => s.action["zh-CN"])).toEqual([
      "一对一辅导：逐个客户复盘本月未成交的原因，制定个人改进计划",
      "安排与标杆同事陪访，复制有效做法",
    ]);
    expect(d.issues[0].strategies[0]).toMatchObject({ owner: "", resources: "", deadline: "" });
  });

  it("says the data is thin: three orders this month", () => {
    expect(d.dataQuality).toMatchObject({
      dealLines: 11,
      rejectedLines: 0,
      months: ["2026-09", "2026-10", "2026-11"],
      thin: true,
      partialPeriod: false,
    });
    expect(d.dataQuality.notes.map((n) => n["zh-CN"])).toEqual(["本期只有3个订单（少于30个）：比例类结论波动大。"]);
  });

  it("describes the high-value customers", () => {
    expect(d.customers.highValue?.statement["zh-CN"]).toBe(
      "高价值客户（A类：按销售额从高到低累计贡献前80%的客户）2个，占客户数40%，贡献87.8%业绩；50%为“中小企业”，客单价7.2万（其他客户1.67万），人均下单2.5次（其他客户1次）。",
    );
  });
});

describe("diagnosis edge cases", () => {
  it("without a status column: close rates are not available, never 0% or 100%", () => {
    const d = diagnose({ deals: gridOf(DEALS.map((r) => r.slice(0, 6))) });
    expect(d.customers.segments.every((s) => s.closeRate === null)).toBe(true);
    expect(d.longitudinal!.metrics.find((m) => m.metric === "closeRate")!.current).toBeNull();
    expect(d.missing.deals).toEqual(["status", "product"]);
    // Without status the lost lines count as booked: 41万 + 2万 + 1万.
    expect(d.customers.total.revenue).toBe(440000);
  });

  it("a rep with one won deal does not become the benchmark", () => {
    const lucky: CellValue[][] = [
      ...DEALS,
      ["2026-11-20", "赵六", "c9", "中小企业", 5000, "o11", "赢单"],
      ...Array.from(
        { length: 8 },
        (_v, i) => ["2026-11-21", "张三", `d${i}`, "中小企业", 1000, `p${i}`, i < 2 ? "丢单" : "赢单"] as CellValue[],
      ),
    ];
    const h = diagnose({ deals: gridOf(lucky) }).horizontal!;
    expect(h.reps.find((r) => r.rep === "赵六")!.closeRate).toBe(1);
    expect(h.benchmark).toBe("张三"); // 10/12 raw 83%, adjusted higher than 1/1
  });

  it("a month without deals is reported, and its comparison is against zero", () => {
    const gap = DEALS.filter((r) => !String(r[0]).startsWith("2026-10") && r[0] !== 46300);
    const d = diagnose({ deals: gridOf(gap) });
    expect(d.dataQuality.monthsWithoutDeals).toEqual(["2026-10"]);
    const revenue = d.longitudinal!.metrics.find((m) => m.metric === "revenue")!;
    expect([revenue.current, revenue.previous, revenue.change]).toEqual([160000, null, null]);
    expect(d.longitudinal!.attribution).toBeNull();
  });

  it("rows without a date or an amount are left out and counted", () => {
    const d = diagnose({
      deals: gridOf([
        ...DEALS,
        ["", "张三", "c1", "行业TOP100", 1, "x1", "赢单"],
        ["2026-11-03", "张三", "c1", "行业TOP100", "面议", "x2", "赢单"],
      ]),
    });
    expect(d.dataQuality.rejectedLines).toBe(2);
    expect(d.notes.filter((n) => n.section === "data").map((n) => n.text.en)).toEqual([
      'How the status column was read: won: "赢单" 5 line(s), "won" 3 line(s), "成交" 1 line(s); lost: "输单" 1 line(s), "丢单" 1 line(s).',
      "1 row(s) left out (no date, e.g. rows 13).",
      "1 row(s) left out (no amount, e.g. rows 14).",
    ]);
  });

  it("an explicit mapping overrides detection", () => {
    const renamed = [["When", "Who", "Client", "Kind", "Value", "Ref", "Result"], ...DEALS.slice(1)];
    const d = diagnose({
      deals: gridOf(renamed),
      map: {
        date: "When",
        rep: "Who",
        customer: "Client",
        customerType: "Kind",
        amount: "Value",
        orderId: "Ref",
        status: "Result",
      },
    });
    expect(d.customers.total).toEqual({ customers: 5, orders: 8, revenue: 410000 }); // o1..o10 less the lost o3 and o9
  });
});
