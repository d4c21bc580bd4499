/**
 * `npm run bench`: the full diagnosis (reading the grids, customer contribution, longitudinal with
 * attribution, reps, TOP 3) on 100,000 deal lines + 20,000 activity rows (goal: under 300 ms of
 * compute), and at 25k / 50k to show the cost grows linearly.
 */
import type { CellValue } from "../src/core/cell/cell-value";
import { toExcelSerial } from "../src/core/cell/excel-date";
import { diagnose } from "../src/core/analysis/diagnose";

const TYPES = ["行业TOP100", "中小企业", "个人客户"];
const START = toExcelSerial(2025, 12, 1);

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deals(n: number): CellValue[][] {
  const rnd = random(7);
  const rows: CellValue[][] = [["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "订单号", "状态", "产品线"]];
  for (let i = 0; i < n; i++) {
    const order = Math.floor(i / 2); // two lines per order
    const customer = Math.floor(rnd() * 5000);
    const status = rnd() < 0.7 ? "赢单" : "丢单";
    rows.push([
      START + Math.floor((order % 365) * 1),
      `成员${order % 40}`,
      `客户${customer}`,
      TYPES[customer % 3],
      Math.round(1000 + rnd() * 90000),
      `O${order}`,
      status,
      `产品${order % 6}`,
    ]);
  }
  return rows;
}

function activity(n: number): CellValue[][] {
  const rows: CellValue[][] = [["周开始日期", "负责人", "电话", "拜访", "跟进", "方案提交"]];
  for (let i = 0; i < n; i++)
    rows.push([START + 7 * (i % 52), `成员${i % 40}`, 80 + (i % 30), 10 + (i % 7), 20 + (i % 9), 4 + (i % 5)]);
  return rows;
}

function time(fn: () => unknown, runs = 5): { ms: number; coldMs: number } {
  const coldStart = process.hrtime.bigint();
  fn();
  const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], coldMs };
}

for (const [n, m] of [
  [25_000, 5_000],
  [50_000, 10_000],
  [100_000, 20_000],
] as const) {
  const input = {
    deals: { name: "deals", row: 0, column: 0, values: deals(n) },
    activity: { name: "activity", row: 0, column: 0, values: activity(m) },
  };
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const t = time(() => {
    const d = diagnose(input);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return d;
  });
  console.log(
    `diagnose ${n.toLocaleString("en-US")} deal lines + ${m.toLocaleString("en-US")} activity rows: ${t.ms.toFixed(1)} ms (median of 5; first run ${t.coldMs.toFixed(1)} ms), heap over the input ${((peak - base) / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}
