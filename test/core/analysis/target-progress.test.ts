import { createMetricsIndex } from "../../../src/core/analysis/metrics/period-metrics";
import { readDealSheet } from "../../../src/core/analysis/reading/records";
import {
  createProgressSettings,
  measureTargetProgress,
  targetPeriodOf,
} from "../../../src/core/analysis/progress/target-progress";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { readSheetTable } from "../../../src/core/sheet/sheet-table";

/** A seeded generator, so the team is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Deal {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly rep: string;
  readonly customer: string;
  readonly amount: number;
  readonly won: boolean;
}

const REPS = ["张三", "李四", "王五"];
/** How much each rep sells: one ahead of the month's pace, one behind, one about on it. */
const SCALE: Record<string, number> = { 张三: 1.6, 李四: 0.5, 王五: 1 };

/** August to mid-November 2026, one line per order, some lost; customers drawn from each rep's pool with newcomers. */
function generateTeam(seed: number): Deal[] {
  const next = random(seed);
  const deals: Deal[] = [];
  for (const [y, m, days] of [
    [2026, 8, 31],
    [2026, 9, 30],
    [2026, 10, 31],
    [2026, 11, 20],
  ]) {
    for (const rep of REPS) {
      const n = 6 + Math.floor(next() * 6);
      for (let i = 0; i < n; i++) {
        const pool = Math.floor(next() * 14);
        deals.push({
          y,
          m,
          d: 1 + Math.floor(next() * days),
          rep,
          customer: `${rep}-客户${pool}`,
          amount: Math.round((10_000 + next() * 40_000) * SCALE[rep]),
          won: next() > 0.25,
        });
      }
    }
  }
  return deals;
}

const TODAY = toExcelSerial(2026, 11, 12);
const serial = (x: Deal) => toExcelSerial(x.y, x.m, x.d);
/** year × 12 + month of an Excel serial, through a Date. */
const monthNumber = (day: number) => {
  const date = new Date(Date.UTC(1899, 11, 30 + day));
  return date.getUTCFullYear() * 12 + date.getUTCMonth() + 1;
};
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** The figures the progress should report, counted straight from the generated deals (not through the index). */
function expected(deals: readonly Deal[], rep: string, from: number, to: number) {
  const booked = deals.filter((x) => serial(x) <= TODAY);
  const inPeriod = booked.filter((x) => x.rep === rep && serial(x) >= from && serial(x) <= to);
  const won = inPeriod.filter((x) => x.won);
  const firstWon = new Map<string, number>();
  for (const x of booked.filter((b) => b.won)) {
    const month = x.y * 12 + x.m;
    firstWon.set(x.customer, Math.min(firstWon.get(x.customer) ?? Infinity, month));
  }
  const fromMonth = monthNumber(from);
  const customers = new Set(won.map((x) => x.customer));
  const newCustomers = [...customers].filter((c) => (firstWon.get(c) ?? 0) >= fromMonth).length;
  const before = new Set(booked.filter((x) => x.rep === rep && x.won && serial(x) < from).map((x) => x.customer));
  const returned = [...customers].filter((c) => before.has(c)).length;
  const revenue = won.reduce((s, x) => s + x.amount, 0);
  return {
    revenue,
    orders: won.length,
    newCustomers,
    repurchase: returned / before.size,
    closeRate: won.length / inPeriod.length,
    aov: revenue / won.length,
  };
}

describe("target progress on a generated team", () => {
  const deals = generateTeam(20261112);
  const grid = {
    name: "成交",
    row: 0,
    column: 0,
    values: [
      ["成交日期", "负责人", "客户名称", "成交金额", "状态"],
      ...deals.map((x) => [`${x.y}-${x.m}-${x.d}`, x.rep, x.customer, x.amount, x.won ? "赢单" : "丢单"]),
    ] as CellValue[][],
  };
  const sheet = readDealSheet(grid, { today: TODAY });
  const data = { index: createMetricsIndex(sheet.lines, []), hasRep: true };
  const targets: CellValue[][] = [
    ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
    ...REPS.map((rep) => ["月度100万", "销售额", rep, "35万", "30日", "1.新客户开发4个 2.复购率50% 3.成交率70%", ""]),
    ["季度300万", "销售额", "张三", "100万", "Q4", "1.成交订单60单 2.客单价≥3万", ""],
    ["月度100万", "销售额", "王五", "30万", "", "1.客户满意度90%", ""],
    ["月度100万", "新客户销售额", "李四", "10万", "30日", "1.新客户开发4个", ""],
    ["周度", "销售额", "王五", "8万", "本周", "1.成交订单5单", ""],
    ["月度100万", "销售额", "赵六", "20万", "30日", "1.新客户开发2个", ""],
  ];
  const table = readSheetTable({ name: "目标分解表", row: 0, column: 0, values: targets })!;
  const progress = measureTargetProgress(table, data, createProgressSettings(TODAY));
  const nov = [toExcelSerial(2026, 11, 1), toExcelSerial(2026, 11, 30)] as const;
  const elapsed = 12 / 30;

  it("measures each rep's month: revenue, new customers, repurchase and close rate, with the pacing sentence", () => {
    const statuses = new Set<string>();
    REPS.forEach((rep, i) => {
      const row = progress[i];
      const e = expected(deals, rep, ...nov);
      expect(row.period).toMatchObject({ kind: "month", from: "2026-11-01", to: "2026-11-30", anchor: "deadline" });
      expect(row.period.elapsed).toBeCloseTo(elapsed, 12);
      expect(row.target.actual).toBe(e.revenue);
      expect(row.target.achievement).toBeCloseTo(e.revenue / 350_000, 12);
      const a = e.revenue / 350_000;
      const status = a >= 1 ? "done" : a >= elapsed * 0.95 ? "onTrack" : "behind";
      statuses.add(status);
      const word = { done: "已达成", onTrack: "进度正常", behind: "落后于进度" }[status];
      expect(row.target.status).toBe(status);
      expect(row.target.sentence["zh-CN"]).toBe(
        status === "done" ? `完成${pct(a)}：已达成` : `完成${pct(a)}，当月已过${pct(elapsed)}：${word}`,
      );
      const [newKr, repurchaseKr, closeKr] = row.keyResults;
      expect(newKr.actual).toBe(e.newCustomers);
      expect(repurchaseKr.actual).toBeCloseTo(e.repurchase, 12);
      expect(closeKr.actual).toBeCloseTo(e.closeRate, 12);
      // A rate is compared as it stands, not paced.
      expect(closeKr.status).toBe(e.closeRate >= 0.7 ? "onTrack" : "behind");
      expect(closeKr.sentence.en).toBe(
        `${pct(e.closeRate)} against a target of >= 70%: ${e.closeRate >= 0.7 ? "on track" : "below target"}`,
      );
    });
    // The generated team has a rep ahead of the pace and one behind it.
    expect(statuses.has("behind")).toBe(true);
    expect(statuses.has("onTrack") || statuses.has("done")).toBe(true);
  });

  it("paces a quarterly target over Q4 (its deadline), orders and order value included", () => {
    const row = progress[3];
    const q4 = [toExcelSerial(2026, 10, 1), toExcelSerial(2026, 12, 31)] as const;
    const e = expected(deals, "张三", ...q4);
    const gone = (TODAY - q4[0] + 1) / (q4[1] - q4[0] + 1);
    expect(row.period).toMatchObject({ kind: "quarter", from: "2026-10-01", to: "2026-12-31" });
    expect(row.period.elapsed).toBeCloseTo(gone, 12);
    expect(row.target.actual).toBe(e.revenue);
    expect(row.target.sentence.en).toBe(
      `${pct(e.revenue / 1e6)} done with ${pct(gone)} of the quarter gone: ${e.revenue / 1e6 >= gone * 0.95 ? "on track" : "behind pace"}`,
    );
    expect(row.keyResults[0].actual).toBe(e.orders);
    expect(row.keyResults[1].actual).toBeCloseTo(e.aov, 9);
  });

  it("takes a blank deadline as the month containing today and says why a KR is not measured", () => {
    const [blank, qualified, weekly, stranger] = progress.slice(4);
    expect(blank.period).toMatchObject({ kind: "month", from: "2026-11-01", anchor: "today" });
    expect(blank.target.actual).toBe(expected(deals, "王五", ...nov).revenue);
    expect(blank.keyResults[0].unmeasured).toBe("metric");
    expect(qualified.target.unmeasured).toBe("qualified");
    expect(qualified.keyResults[0].actual).toBe(expected(deals, "李四", ...nov).newCustomers);
    expect(weekly.period.kind).toBe("week");
    expect(weekly.target.unmeasured).toBe("weekly");
    expect(stranger.unmeasured).toBe("ownerNotInData");
    expect(stranger.target.sentence["zh-CN"]).toContain("成交明细里没有“赵六”的记录");
  });

  it("reads the period of a row from its words", () => {
    const p = (cells: Record<string, CellValue>) => targetPeriodOf(cells, TODAY);
    expect(p({ teamTarget: "年度1200万", deadline: "年底" })).toMatchObject({ kind: "year", to: "2026-12-31" });
    expect(p({ teamTarget: "1000万", deadline: "年底" })).toMatchObject({ kind: "year", from: "2026-01-01" });
    expect(p({ teamTarget: "300万", deadline: "Q3" })).toMatchObject({ kind: "quarter", from: "2026-07-01", elapsed: 1 });
    expect(p({ teamTarget: "月度100万", deadline: "12月31日" })).toMatchObject({ kind: "month", from: "2026-12-01", elapsed: 0 });
  });
});
