import { diagnoseWorkbook } from "../../src/app/diagnose-workbook";
import { fillActionPlan } from "../../src/app/fill-action-plan";
import { prefillMonthlyReview } from "../../src/app/prefill-monthly-review";
import { validateWorkbook } from "../../src/app/validate-workbook";
import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import { generateTeam } from "../support/team-generator";
import type { HostFactory } from "./host-under-test";

const ACTION_HEADERS = ["问题", "策略", "负责人", "所需资源", "开始日期", "完成时间", "状态", "目标指标", "基线值"];
const DAY_HEADERS = Array.from({ length: 10 }, (_v, i) => `第${i + 1}天`);
export const REVIEW_HEADERS = [
  "复盘时间",
  "参与人员",
  "本月目标",
  "本月实际",
  "本月业绩达成率(%)",
  "亮点与成功经验",
  "问题与不足",
  "下月改进措施",
];

/**
 * A team over four months (2026-08 to 2026-11), every order 1万: new customers per month 5, 6, 7, 9,
 * and one returning customer a month. Reps alternate by customer.
 */
export function reviewTeam(): CellValue[][] {
  const rows: CellValue[][] = [["成交日期", "销售代表", "客户名称", "成交金额", "订单号", "状态"]];
  const newPerMonth: Record<number, number> = { 8: 5, 9: 6, 10: 7, 11: 9 };
  let order = 0;
  let customer = 0;
  for (const month of [8, 9, 10, 11]) {
    for (let i = 0; i < newPerMonth[month]; i++) {
      customer++;
      rows.push([
        toExcelSerial(2026, month, 3 + i),
        customer % 2 ? "张三" : "李四",
        `客户${customer}`,
        10000,
        `SO${++order}`,
        "赢单",
      ]);
    }
    if (month > 8) rows.push([toExcelSerial(2026, month, 20), "张三", "客户1", 10000, `SO${++order}`, "赢单"]);
  }
  return rows;
}

/** New customers and order value per month, straight from the rows (every line is won, one line an order). */
function monthFigures(rows: CellValue[][]) {
  const first = new Map<string, number>();
  const byMonth = new Map<number, { revenue: number; orders: number; fresh: number; rep: Map<string, number> }>();
  const monthOfSerial = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).getUTCMonth() + 1;
  for (const [date, rep, name, amount] of rows.slice(1) as [number, string, string, number][]) {
    const m = monthOfSerial(date);
    const entry = byMonth.get(m) ?? { revenue: 0, orders: 0, fresh: 0, rep: new Map() };
    entry.revenue += amount;
    entry.orders += 1;
    entry.rep.set(rep, (entry.rep.get(rep) ?? 0) + amount);
    if (!first.has(name)) {
      first.set(name, m);
      entry.fresh += 1;
    }
    byMonth.set(m, entry);
  }
  return byMonth;
}

export const ACTION_ROWS: CellValue[][] = [
  [...ACTION_HEADERS, ...DAY_HEADERS],
  [
    "新客户开发量不足",
    "设立新客户开发奖",
    "张三",
    "奖金预算每月5000元",
    toExcelSerial(2026, 10, 5),
    toExcelSerial(2026, 10, 30),
    "已完成",
    "新客户数",
    null,
    ...Array<CellValue>(10).fill("✓"),
  ],
  [
    "客单价偏低",
    "推行组合销售话术",
    "李四",
    "话术手册",
    toExcelSerial(2026, 10, 5),
    toExcelSerial(2026, 10, 30),
    "进行中",
    "客单价",
    null,
    ...Array<CellValue>(10).fill("✓"),
  ],
];

export const TARGETS: CellValue[][] = [
  ["团队总目标", "目标项", "负责人", "个人目标", "时间节点"],
  ["月度12万", "销售额", "张三", 70000, "30日"],
  ["月度12万", "销售额", "李四", 50000, "30日"],
];

/** The action plan and the monthly review from data, once for every host. */
export function describeActionPlan(hostName: string, create: HostFactory): void {
  describe(`action plan and monthly review on ${hostName}`, () => {
    it("fills the action plan from the TOP 3 with the metric each should move and its baseline", async () => {
      const team = generateTeam("orderValue", 7, [2026, 10]);
      const t = create([
        { name: "成交明细", values: team.deals },
        { name: "拜访", values: team.activity },
      ]);
      const today = toExcelSerial(2026, 11, 5);
      const diagnosis = await diagnoseWorkbook(t.host, { locale: "zh-CN", today, write: false });
      const calls = t.roundTrips();
      const result = await fillActionPlan(t.host, { locale: "zh-CN", today });
      await t.load?.();
      expect(t.roundTrips() - calls).toBe(3);
      expect([result.sheet, result.created, result.period]).toEqual(["行动计划表", true, "2026-10"]);
      const strategies = diagnosis.diagnosis.issues.flatMap((p) => p.strategies.map((s) => s.action["zh-CN"]));
      expect(result.added.map((a) => a.strategy)).toEqual(strategies);
      // Order value in October, from the rows: revenue / orders (every line its own won order).
      const october = team.deals
        .slice(1)
        .filter((r) => (r[0] as number) >= toExcelSerial(2026, 10, 1) && (r[0] as number) < toExcelSerial(2026, 11, 1));
      const octoberValue = october.reduce((a, r) => a + (r[4] as number), 0) / october.length;
      const orderValueRow = result.added.findIndex((a) => a.metric === "avgOrderValue");
      expect(orderValueRow).toBeGreaterThanOrEqual(0);
      const sheetRow = orderValueRow + 1;
      expect([0, 1, 4, 6, 7].map((c) => t.value("行动计划表", sheetRow, c))).toEqual([
        diagnosis.diagnosis.issues.find((p) => p.code === "orderValueDrop")!.summary["zh-CN"],
        result.added[orderValueRow].strategy,
        today,
        "未开始",
        "客单价",
      ]);
      expect(t.value("行动计划表", sheetRow, 8) as number).toBeCloseTo(octoberValue, 6);
      // Complete rows: the owner (the one rep a problem is about, else the manager), the playbook's resources for
      // the problem and a due date two weeks on, so the plan's own checks ask for nothing on them.
      const orderValue = diagnosis.diagnosis.issues.find((p) => p.code === "orderValueDrop")!;
      expect([2, 3, 5].map((c) => t.value("行动计划表", sheetRow, c))).toEqual([
        orderValue.affects.length === 1 ? orderValue.affects[0] : "销售经理",
        "订单明细与折扣记录、产品组合方案",
        today + 14,
      ]);
      const checked = await validateWorkbook(t.host, { today });
      expect(
        checked.findings
          .filter((f) => f.sheet === "行动计划表" && /owner|resources|deadline|metric\.missing/.test(f.rule))
          .map((f) => f.cell),
      ).toEqual([]);

      // Run again: nothing new is added, nothing is changed.
      const again = await fillActionPlan(t.host, { locale: "zh-CN", today });
      expect([again.added.length, again.alreadyPlanned, again.created]).toEqual([0, strategies.length, false]);
    });

    it("gives the lead activity's strategies their baseline per rep per week, as the strategy says, and the cell says so", async () => {
      const team = generateTeam("activity", 7, [2026, 10]);
      const t = create([
        { name: "成交明细", values: team.deals },
        { name: "拜访", values: team.activity },
      ]);
      const today = toExcelSerial(2026, 11, 5);
      const diagnosis = await diagnoseWorkbook(t.host, { locale: "zh-CN", today, write: false });
      const falling = diagnosis.diagnosis.issues.find((p) => p.code === "fallingActivity");
      expect(falling).toBeDefined();
      const result = await fillActionPlan(t.host, { locale: "zh-CN", today });
      await t.load?.();
      // October's visits from the activity rows: the total over the reps who recorded visits and October's weeks.
      const october = team.activity
        .slice(1)
        .filter((r) => (r[0] as number) >= toExcelSerial(2026, 10, 1) && (r[0] as number) < toExcelSerial(2026, 11, 1));
      const perRepWeek = october.reduce((a, r) => a + (r[2] as number), 0) / new Set(october.map((r) => r[1])).size / (31 / 7);
      const rows = result.added.map((a, i) => ({ ...a, sheetRow: i + 1 })).filter((a) => a.problem === falling!.summary["zh-CN"]);
      expect(rows.length).toBeGreaterThan(0);
      // The strategy says "恢复拜访至人均每周X次（本月Y次）": the baseline is Y, the month's own figure.
      expect(rows[0].strategy).toContain("人均每周");
      expect(falling!.baseline!.current).toBeCloseTo(perRepWeek, 9);
      for (const row of rows) {
        expect([row.metric, row.basis]).toEqual(["visits", "repWeek"]);
        expect(row.baseline!).toBeCloseTo(perRepWeek, 9);
        expect(t.value("行动计划表", row.sheetRow, 8) as number).toBeCloseTo(perRepWeek, 9);
        if (t.numberFormat) expect(t.numberFormat("行动计划表", row.sheetRow, 8)).toBe('"人均每周"0.0"次"');
      }
      // The other strategies stay on the team's month.
      const others = result.added.filter((a) => a.problem !== falling!.summary["zh-CN"] && a.metric !== null);
      for (const a of others) expect(a.basis).toBe("month");
    });

    it("adds the latest review's improvements with their owner and deadline, and fills empty baselines", async () => {
      const deals = reviewTeam();
      const t = create([
        { name: "成交明细", values: deals },
        { name: "行动计划表", values: ACTION_ROWS },
        {
          name: "月度复盘表",
          values: [
            REVIEW_HEADERS,
            [
              "30日14:00",
              "张三、李四",
              null,
              null,
              null,
              "",
              "",
              "①1周内完成交付流程优化，由王五对接运营部②月底前更新客户标签，由张三负责",
            ],
          ],
        },
      ]);
      const today = toExcelSerial(2026, 12, 2);
      const result = await fillActionPlan(t.host, { locale: "zh-CN", today });
      await t.load?.();
      const review = result.added.filter((a) => a.source === "review");
      expect(review.map((a) => [a.strategy, a.owner, a.deadline])).toEqual([
        ["1周内完成交付流程优化，由王五对接运营部", "王五", today + 7],
        ["月底前更新客户标签，由张三负责", "张三", toExcelSerial(2026, 12, 31)],
      ]);
      // Both of the manager's rows start in October: September's figures fill their empty baselines.
      const september = monthFigures(deals).get(9)!;
      expect(result.baselinesFilled).toEqual([2, 3]);
      expect([t.value("行动计划表", 1, 8), t.value("行动计划表", 2, 8)]).toEqual([
        september.fresh,
        september.revenue / september.orders,
      ]);
      expect(t.value("行动计划表", 1, 1)).toBe("设立新客户开发奖");
      // Neither improvement names a metric: the plan's check asks the manager for one on each (rows 4 and 5).
      expect(review.map((a) => a.metric)).toEqual([null, null]);
      const checked = await validateWorkbook(t.host, { today });
      expect(
        checked.findings.filter((f) => f.sheet === "行动计划表" && f.rule === "actions.metric.missing").map((f) => f.cell),
      ).toEqual(["H4", "H5"]);
    });

    it("pre-fills the monthly review: achievement, the strategy that worked and the one that did not", async () => {
      const deals = reviewTeam();
      const t = create([
        { name: "成交明细", values: deals },
        { name: "目标分解表", values: TARGETS },
        { name: "行动计划表", values: ACTION_ROWS },
        {
          name: "月度复盘表",
          values: [REVIEW_HEADERS, ["10月30日", "张三、李四", 100000, 90000, null, "我的亮点", "我的问题", "我的措施"]],
        },
      ]);
      const today = toExcelSerial(2026, 12, 2);
      const result = await prefillMonthlyReview(t.host, { locale: "zh-CN", today, month: 2026 * 12 + 10 });
      await t.load?.();
      const figures = monthFigures(deals);
      const [sep, nov] = [figures.get(9)!, figures.get(11)!];
      // The independent figures: new customers 6 -> 9 (+50%), order value 1万 -> 1万.
      expect([sep.fresh, nov.fresh]).toEqual([6, 9]);
      const p = result.prefill;
      expect([p.team.target, p.team.actual]).toEqual([120000, nov.revenue]);
      expect(p.team.rate).toBeCloseTo(nov.revenue / 120000, 10);
      expect(p.reps.map((r) => [r.rep, r.actual, r.rate])).toEqual(
        [
          ["张三", nov.rep.get("张三"), nov.rep.get("张三")! / 70000],
          ["李四", nov.rep.get("李四"), nov.rep.get("李四")! / 50000],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      expect(p.strategies.map((s) => [s.strategy, s.verdict, s.before, s.after])).toEqual([
        ["设立新客户开发奖", "worked", 6, 9],
        ["推行组合销售话术", "unchanged", sep.revenue / sep.orders, nov.revenue / nov.orders],
      ]);
      // November's data stops on the 20th, but today is in December: November is over, so, as the diagnosis does,
      // whole months are compared (no "days 1-20" qualifier).
      expect(p.strategies[0].sentence["zh-CN"]).toBe("设立新客户开发奖实施后，月新客户数从6个增至9个，提升50%");
      expect(p.strategies[1].sentence["zh-CN"]).toBe("推行组合销售话术实施后，月客单价从1万到1万，基本未变");
      expect(p.sop).toEqual(["设立新客户开发奖"]);

      // A new row below the manager's, which is left as it was.
      expect([result.sheet, result.row, result.created, result.kept]).toEqual(["月度复盘表", 3, false, []]);
      expect([5, 6, 7].map((c) => t.value("月度复盘表", 1, c))).toEqual(["我的亮点", "我的问题", "我的措施"]);
      expect([0, 2, 3].map((c) => t.value("月度复盘表", 2, c))).toEqual(["2026-11", 120000, nov.revenue]);
      expect(t.formula("月度复盘表", 2, 4)).toBe('=IF(N(C3)>0,D3/C3,"")');
      const highlights = String(t.value("月度复盘表", 2, 5));
      expect(highlights.startsWith("【建议】1.团队达成率")).toBe(true);
      expect(highlights).toContain("设立新客户开发奖实施后，月新客户数从6个增至9个，提升50%");
      expect(String(t.value("月度复盘表", 2, 6))).toContain("推行组合销售话术实施后，月客单价从1万到1万，基本未变");
      expect(t.value("月度复盘表", 2, 7)).toBe(
        "【建议】1.将“设立新客户开发奖”沉淀为团队SOP，纳入新人培训教材，由张三负责，1个月内完成 2.复盘“推行组合销售话术”未见效的原因，调整或放弃，由李四负责，1周内完成",
      );

      // The pre-filled improvements pass the review's own checks (owner and deadline for each).
      const check = await validateWorkbook(t.host, { today });
      expect(check.findings.filter((f) => f.sheet === "月度复盘表" && f.row === 3)).toEqual([]);
      // And the strategy whose metric did not move after its due date is flagged for the review.
      expect(check.findings.filter((f) => f.rule === "actions.metric.unchanged").map((f) => f.cell)).toEqual(["H3"]);
    });

    it("fills only the empty cells of a month's existing row: the manager's text is never overwritten", async () => {
      const t = create([
        { name: "成交明细", values: reviewTeam() },
        { name: "行动计划表", values: ACTION_ROWS },
        { name: "月度复盘表", values: [REVIEW_HEADERS, ["2026-11", "张三、李四", null, null, null, "=我写的亮点", null, null]] },
      ]);
      const result = await prefillMonthlyReview(t.host, {
        locale: "zh-CN",
        today: toExcelSerial(2026, 12, 2),
        month: 2026 * 12 + 10,
      });
      await t.load?.();
      expect([result.row, result.kept]).toEqual([2, ["highlights"]]);
      expect(t.value("月度复盘表", 1, 5)).toBe("=我写的亮点");
      expect(String(t.value("月度复盘表", 1, 6)).startsWith("【建议】")).toBe(true);
      expect(t.sheetNames()).toEqual(["成交明细", "行动计划表", "月度复盘表"]);
    });
  });
}
