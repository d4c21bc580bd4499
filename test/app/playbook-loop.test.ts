import { prefillMonthlyReview } from "../../src/app/prefill-monthly-review";
import { trackProgress } from "../../src/app/track-progress";
import { runWeeklyReview } from "../../src/app/weekly-review";
import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import { createXlsxHostUnderTest } from "../hosts/xlsx/xlsx-host-under-test";
import { REVIEW_HEADERS } from "./actions.cases";
import type { HostFactory } from "./host-under-test";
import { createMemoryHostUnderTest } from "./memory-host-under-test";

/**
 * The playbook's loop on one generated team workbook: four months of deals, two months of weekly
 * tracking, a target sheet and an action plan with one strategy that works (a new-customer bonus) and
 * one that does not (a bundle pitch meant to lift order value). The Friday review, the pacing of each
 * rep's target and the monthly review's pre-fill are each checked against figures this file counts
 * from what it generated, by plain loops.
 */

const TODAY = toExcelSerial(2026, 11, 27); // a Friday
const REPS = ["张三", "李四", "王五"] as const;
/** Orders go to reps in this rotation, so 张三 carries half of them. */
const ROTATION = ["张三", "李四", "张三", "王五"] as const;
/** New customers a month: flat before the bonus (from October), then up. */
const NEW_PER_MONTH: Readonly<Record<number, number>> = { 8: 6, 9: 6, 10: 9, 11: 12 };
const RETURNING_PER_MONTH = 8;

/** A seeded generator, so the workbook is the same on every run and every host. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Deal {
  readonly day: number;
  readonly month: number;
  readonly rep: string;
  readonly customer: string;
  readonly amount: number;
}

function generateDeals(): Deal[] {
  const next = random(20261127);
  const deals: Deal[] = [];
  const known: string[] = [];
  let turn = 0;
  for (const month of [8, 9, 10, 11]) {
    const fresh = Array.from({ length: NEW_PER_MONTH[month] }, (_v, i) => `客户${known.length + i + 1}`);
    const returning =
      month === 8 ? [] : Array.from({ length: RETURNING_PER_MONTH }, () => known[Math.floor(next() * known.length)]);
    const orders = [...fresh, ...returning];
    orders.forEach((customer, i) => {
      // Amounts scatter around 1万 in every month alike, so order value does not move.
      const amount = 9_000 + Math.round(next() * 20) * 100;
      // Past months run to the 28th, so they are whole months; November stops before today (the 27th).
      const day = month < 11 && i === orders.length - 1 ? 28 : 2 + (i % 24);
      deals.push({ day, month, rep: ROTATION[turn++ % ROTATION.length], customer, amount });
    });
    known.push(...fresh);
  }
  return deals;
}

const DEALS = generateDeals();

function dealSheet(): CellValue[][] {
  return [
    ["成交日期", "销售代表", "客户名称", "成交金额", "订单号", "状态"],
    ...DEALS.map((d, i) => [toExcelSerial(2026, d.month, d.day), d.rep, d.customer, d.amount, `SO${1000 + i}`, "赢单"]),
  ];
}

function targetSheet(): CellValue[][] {
  return [
    ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
    ...REPS.map((rep) => [
      "月度30万",
      "销售额",
      rep,
      "10万",
      "30日",
      "1.新客户开发4个 2.订单数8个",
      "1.实际开发≥4个 2.成交订单≥8个",
    ]),
  ];
}

const ACTION_START = toExcelSerial(2026, 10, 1);
const ACTION_DUE = toExcelSerial(2026, 10, 30);
function actionSheet(): CellValue[][] {
  const days = Array.from({ length: 10 }, (_v, i) => `第${i + 1}天`);
  const checks = Array.from({ length: 10 }, () => "✓");
  const plan = ["问题", "策略", "负责人", "所需资源", "开始日期", "完成时间", "状态", "目标指标", "基线值"];
  return [
    [...plan, ...days],
    [
      "新客户开发量不足",
      "设立新客户开发奖",
      "张三",
      "奖金每月5000元",
      ACTION_START,
      ACTION_DUE,
      "已完成",
      "新客户数",
      null,
      ...checks,
    ],
    [
      "客单价偏低",
      "推行组合销售话术",
      "李四",
      "话术手册、培训2小时",
      ACTION_START,
      ACTION_DUE,
      "已完成",
      "客单价",
      null,
      ...checks,
    ],
  ];
}

// ---- two months of weekly tracking (Mondays 2026-10-05 .. 2026-11-23) ----

const MONDAYS = Array.from({ length: 8 }, (_v, i) => toExcelSerial(2026, 10, 5) + 7 * i);
const WEEK = MONDAYS[7]; // 2026-11-23, the week reviewed
const LAST_WEEK = MONDAYS[6];
const WEEKLY_TARGETS = { 新客户开发: 3, 电话: 60 } as const;
type TrackedMetric = keyof typeof WEEKLY_TARGETS;

interface TrackedLine {
  readonly week: number;
  readonly owner: string;
  readonly metric: TrackedMetric;
  readonly days: readonly number[];
  readonly reason: string | null;
}

/**
 * Six weeks at or over target (random), then two designed weeks. Last week: 张三 1 of 3 new customers,
 * 李四 40 of 60 calls. This week: 张三 1 of 3 again (a second missed week: coaching) while his calls are
 * at 133%, 李四's calls recovered, and three reps miss new customers for a customer they could not reach,
 * each in their own words. No line has three days in a row under its daily pace.
 */
function trackedLines(): TrackedLine[] {
  const next = random(7);
  const lines: TrackedLine[] = [];
  for (const week of MONDAYS.slice(0, 6))
    for (const owner of REPS)
      for (const metric of Object.keys(WEEKLY_TARGETS) as TrackedMetric[]) {
        const daily = WEEKLY_TARGETS[metric] / 5;
        const days = Array.from({ length: 5 }, () => Math.ceil(daily + next() * daily));
        lines.push({ week, owner, metric, days, reason: null });
      }
  const designed: [number, string, TrackedMetric, number[], string | null][] = [
    [LAST_WEEK, "张三", "新客户开发", [0, 1, 0, 0, 0], "价格谈不拢"],
    [LAST_WEEK, "张三", "电话", [12, 12, 12, 12, 12], null],
    [LAST_WEEK, "李四", "新客户开发", [1, 0, 1, 0, 1], null],
    [LAST_WEEK, "李四", "电话", [8, 8, 8, 8, 8], "周三整天开会"],
    [LAST_WEEK, "王五", "新客户开发", [1, 1, 0, 1, 0], null],
    [LAST_WEEK, "王五", "电话", [13, 13, 13, 13, 13], null],
    [WEEK, "张三", "新客户开发", [0, 1, 0, 0, 0], "客户未接听，联系不上"],
    [WEEK, "张三", "电话", [16, 16, 16, 16, 16], null],
    [WEEK, "李四", "新客户开发", [1, 0, 0, 1, 0], "电话打不通"],
    [WEEK, "李四", "电话", [12, 12, 12, 12, 12], null],
    [WEEK, "王五", "新客户开发", [0, 1, 0, 1, 0], "客户不接电话"],
    [WEEK, "王五", "电话", [14, 10, 13, 12, 11], null],
  ];
  for (const [week, owner, metric, days, reason] of designed) lines.push({ week, owner, metric, days, reason });
  return lines;
}

const TRACKED = trackedLines();
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

function trackerSheet(): CellValue[][] {
  return [
    [
      "周开始日期",
      "负责人",
      "指标",
      "本周目标(量化)",
      "周一完成情况",
      "周二完成情况",
      "周三完成情况",
      "周四完成情况",
      "周五完成情况",
      "完成率(%)",
      "未完成原因",
      "改进措施",
    ],
    ...TRACKED.map((l) => {
      const target = WEEKLY_TARGETS[l.metric];
      return [l.week, l.owner, l.metric, target, ...l.days, sum(l.days) / target, l.reason, l.reason ? "下周调整时间安排" : null];
    }),
  ];
}

function workbook(): { name: string; values: CellValue[][] }[] {
  return [
    { name: "目标分解表", values: targetSheet() },
    { name: "周计划跟踪表", values: trackerSheet() },
    { name: "月度复盘表", values: [[...REVIEW_HEADERS]] },
    { name: "行动计划表", values: actionSheet() },
    { name: "成交明细", values: dealSheet() },
  ];
}

// ---- the figures, counted here by plain loops ----

const firstMonth = new Map<string, number>();
for (const d of DEALS) if (!firstMonth.has(d.customer)) firstMonth.set(d.customer, d.month);
const newCustomersIn = (month: number) => [...firstMonth.values()].filter((m) => m === month).length;
const dealsIn = (month: number, rep?: string) => DEALS.filter((d) => d.month === month && (rep === undefined || d.rep === rep));
const revenueIn = (month: number, rep?: string) => sum(dealsIn(month, rep).map((d) => d.amount));
const orderValueIn = (month: number) => revenueIn(month) / dealsIn(month).length;
const rateOf = (owner: string, metric: TrackedMetric, week: number) => {
  const line = TRACKED.find((l) => l.owner === owner && l.metric === metric && l.week === week)!;
  return sum(line.days) / WEEKLY_TARGETS[metric];
};

const HOSTS: readonly [string, HostFactory][] = [
  ["memory", createMemoryHostUnderTest],
  ["xlsx (ExcelJS, saved and reloaded)", createXlsxHostUnderTest],
];

describe.each(HOSTS)("the playbook's loop on a generated team (%s)", (_name, create) => {
  it("the data is what the loop needs: one strategy's metric moved, the other's did not", () => {
    expect([newCustomersIn(9), newCustomersIn(10)]).toEqual([6, 9]);
    expect(Math.abs(orderValueIn(10) / orderValueIn(9) - 1)).toBeLessThan(0.05);
    expect(DEALS.every((d) => toExcelSerial(2026, d.month, d.day) <= TODAY)).toBe(true);
  });

  it("Friday review: completion per rep and metric, the team problem, coaching and last week's follow-ups", async () => {
    const t = create(workbook());
    const { review, sheet, highlighted } = await runWeeklyReview(t.host, { locale: "zh-CN", today: TODAY });
    expect(review.week).toBe(WEEK);

    // Per rep and metric, never pooled: 张三's 133% of calls leaves his new customers at 33%.
    for (const owner of REPS) {
      const rep = review.reps.find((r) => r.owner === owner)!;
      for (const metric of Object.keys(WEEKLY_TARGETS) as TrackedMetric[]) {
        const m = rep.metrics.find((x) => x.label["zh-CN"].includes(metric === "电话" ? "电话" : "新客户"))!;
        expect(m.rate).toBeCloseTo(rateOf(owner, metric, WEEK), 9);
        expect(m.previousRate).toBeCloseTo(rateOf(owner, metric, LAST_WEEK), 9);
        expect(m.below).toBe(rateOf(owner, metric, WEEK) < 0.85);
      }
    }
    const below = TRACKED.filter((l) => l.week <= WEEK && sum(l.days) / WEEKLY_TARGETS[l.metric] < 0.85);
    expect(highlighted).toBe(below.length);

    // The team's new customers: reps' counts and targets added up within the metric.
    const fresh = TRACKED.filter((l) => l.week === WEEK && l.metric === "新客户开发");
    const team = review.metrics.find((m) => m.metric === "newCustomers")!;
    expect([team.done, team.target]).toEqual([sum(fresh.map((l) => sum(l.days))), 3 * WEEKLY_TARGETS.新客户开发]);
    expect(team.repsBelow).toBe(fresh.filter((l) => sum(l.days) / 3 < 0.85).length);

    // Three reps could not reach customers, each in their own words: a team problem.
    const teamProblems = review.reasons.filter((g) => g.team);
    expect(teamProblems).toHaveLength(1);
    expect([...teamProblems[0].reps].sort()).toEqual([...REPS].sort());

    // 张三 missed new customers two weeks running; nobody else missed twice.
    expect(review.coaching.map((c) => [c.owner, c.weeks])).toEqual([["张三", 2]]);

    // Last week's misses: 张三's new customers did not improve, 李四's calls did.
    const followUps = Object.fromEntries(review.followUps.map((f) => [`${f.owner} ${f.metric}`, f.status]));
    expect(followUps).toEqual({ "张三 newCustomers": "notImproved", "李四 calls": "improved" });

    await t.load?.();
    expect(t.sheetNames()).toContain(sheet);
  });

  it("pacing: each rep's November revenue against 10万 with 90% of the month gone", async () => {
    const t = create(workbook());
    const result = await trackProgress(t.host, { locale: "zh-CN", today: TODAY });
    const elapsed = 27 / 30;
    expect(result.rows).toHaveLength(REPS.length);
    for (const row of result.rows) {
      const actual = revenueIn(11, row.owner);
      const achievement = actual / 100_000;
      const status = achievement >= 1 ? "done" : achievement >= elapsed * 0.95 ? "onTrack" : "behind";
      expect(row.target.actual).toBeCloseTo(actual, 6);
      expect(row.target.achievement).toBeCloseTo(achievement, 9);
      expect(row.target.status).toBe(status);
      if (status !== "done")
        expect(row.target.sentence["zh-CN"]).toBe(
          `完成${Math.round(achievement * 1000) / 10}%，当月已过90%：${status === "onTrack" ? "进度正常" : "落后于进度"}`,
        );
      // KR 2, orders: counted from the lines.
      const orders = row.keyResults.find((k) => k.metric === "orders")!;
      expect(orders.actual).toBe(dealsIn(11, row.owner).length);
    }
    // 张三 carries half the orders, the others a quarter each: both outcomes are on the sheet.
    expect(new Set(result.rows.map((r) => r.target.status)).size).toBeGreaterThan(1);
  });

  it("monthly review of October: achievement, the strategy that worked and the one that did not", async () => {
    const t = create(workbook());
    const october = 2026 * 12 + 9;
    const result = await prefillMonthlyReview(t.host, { locale: "zh-CN", today: TODAY, month: october });
    const p = result.prefill;

    expect(p.team.actual).toBeCloseTo(revenueIn(10), 6);
    expect(p.team.rate).toBeCloseTo(revenueIn(10) / 300_000, 9);
    for (const rep of REPS) {
      const a = p.reps.find((r) => r.rep === rep)!;
      expect(a.actual).toBeCloseTo(revenueIn(10, rep), 6);
      expect(a.rate).toBeCloseTo(revenueIn(10, rep) / 100_000, 9);
    }

    const bonus = p.strategies.find((s) => s.strategy === "设立新客户开发奖")!;
    expect([bonus.before, bonus.after, bonus.verdict]).toEqual([newCustomersIn(9), newCustomersIn(10), "worked"]);
    expect(bonus.sentence["zh-CN"]).toBe("设立新客户开发奖实施后，月新客户数从6个增至9个，提升50%");

    const pitch = p.strategies.find((s) => s.strategy === "推行组合销售话术")!;
    expect(pitch.before).toBeCloseTo(orderValueIn(9), 6);
    expect(pitch.after).toBeCloseTo(orderValueIn(10), 6);
    expect(pitch.verdict).toBe("unchanged");
    expect(pitch.sentence["zh-CN"]).toMatch(/^推行组合销售话术实施后，月客单价.*基本未变$/);

    // Only the strategy that worked is put forward for the team's standard practice.
    expect(p.sop).toEqual(["设立新客户开发奖"]);

    // Written to the review sheet as a suggestion, the manager's header row untouched.
    await t.load?.();
    const cells = REVIEW_HEADERS.map((_h, c) => t.value(result.sheet, result.row - 1, c));
    expect(REVIEW_HEADERS.map((_h, c) => t.value(result.sheet, 0, c))).toEqual(REVIEW_HEADERS);
    expect(cells.filter((v) => typeof v === "string" && v.startsWith("【建议】")).length).toBeGreaterThan(0);
    expect(cells.join("\n")).toContain("设立新客户开发奖实施后，月新客户数从6个增至9个，提升50%");
  });
});

describe.each(HOSTS)("a strategy reviewed before its month is over (%s)", (_name, create) => {
  // October: 6 new customers by the 20th and 4 more at the month's end; November to the 20th: 7.
  const today = toExcelSerial(2026, 11, 20);
  const lines: [number, number, string][] = [
    ...Array.from({ length: 6 }, (_v, i): [number, number, string] => [10, 2 + i, `老${i}`]),
    ...Array.from({ length: 4 }, (_v, i): [number, number, string] => [10, 28 + i, `晚${i}`]),
    ...Array.from({ length: 7 }, (_v, i): [number, number, string] => [11, 3 + i * 2, `新${i}`]),
  ];
  const deals: CellValue[][] = [
    ["成交日期", "销售代表", "客户名称", "成交金额", "订单号", "状态"],
    ...lines.map(([m, d, c], i) => [toExcelSerial(2026, m, d), "张三", c, 10_000, `SO${i}`, "赢单"]),
  ];
  const plan = actionSheet().slice(0, 2);
  plan[1][4] = toExcelSerial(2026, 11, 2);
  plan[1][5] = toExcelSerial(2026, 11, 30);
  plan[1][6] = "进行中";

  it("compares the same days of both months, and says so", async () => {
    const t = create([
      { name: "成交明细", values: deals },
      { name: "行动计划表", values: plan },
      { name: "月度复盘表", values: [[...REVIEW_HEADERS]] },
    ]);
    const result = await prefillMonthlyReview(t.host, { locale: "zh-CN", today, month: 2026 * 12 + 10 });
    const [bonus] = result.prefill.strategies;
    // Counted here: October's new customers on days 1-20, November's to date.
    const before = lines.filter(([m, d]) => m === 10 && d <= 20).length;
    const after = lines.filter(([m]) => m === 11).length;
    expect([bonus.before, bonus.after, bonus.verdict]).toEqual([before, after, "worked"]);
    expect(bonus.sentence["zh-CN"]).toBe(
      `设立新客户开发奖实施后，月新客户数从${before}个增至${after}个，提升${Math.round(((after - before) / before) * 1000) / 10}%（按各月1-20日比较）`,
    );
    expect(bonus.sentence.en).toMatch(/ \(days 1-20 of each month\)$/);
  });
});
