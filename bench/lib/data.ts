/** The bench's data, generated from fixed seeds: every run measures the same rows. */
import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";

export const CUSTOMER_TYPES = ["行业TOP100", "中小企业", "个人客户"];
export const DEAL_HEADERS = ["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "订单号", "状态", "产品线"];
export const ACTIVITY_HEADERS = ["周开始日期", "负责人", "电话", "拜访", "跟进", "方案提交"];
const START = toExcelSerial(2025, 12, 1);

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` deal lines over a year from 2025-12-01 (dates as Excel serials), two lines per order, 40 reps, 5,000 customers. */
export function* dealLines(n: number): Generator<CellValue[]> {
  const rnd = random(7);
  for (let i = 0; i < n; i++) {
    const order = Math.floor(i / 2);
    const customer = Math.floor(rnd() * 5000);
    const status = rnd() < 0.7 ? "赢单" : "丢单";
    yield [
      START + (order % 365),
      `成员${order % 40}`,
      `客户${customer}`,
      CUSTOMER_TYPES[customer % 3],
      Math.round(1000 + rnd() * 90000),
      `O${order}`,
      status,
      `产品${order % 6}`,
    ];
  }
}

/** The header row and `n` deal lines. */
export const dealRows = (n: number): CellValue[][] => [DEAL_HEADERS, ...dealLines(n)];

/** `n` weekly activity rows for the same 40 reps. */
export function activityRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [ACTIVITY_HEADERS];
  for (let i = 0; i < n; i++)
    rows.push([START + 7 * (i % 52), `成员${i % 40}`, 80 + (i % 30), 10 + (i % 7), 20 + (i % 9), 4 + (i % 5)]);
  return rows;
}

/**
 * Target rows: teams of three reps (35万/35万/30万 of 100万), each row with its own numbers. `flawed` is the
 * share of rows with a problem (vague KR, unreadable deadline, criterion that contradicts its KR, a share off).
 */
export function targetRows(n: number, flawed: number): Record<string, CellValue>[] {
  const shares = ["35万", "35万", "30万"];
  const every = Math.max(1, Math.round(1 / flawed));
  return Array.from({ length: n }, (_v, i) => {
    const bad = i % every === 0;
    const k = 5 + (i % 97);
    return {
      teamTarget: `月度100万 #${Math.floor(i / 3)}`,
      targetItem: "销售额",
      owner: `成员${i}`,
      repTarget: bad && i % 4 === 1 ? "25万" : shares[i % 3],
      deadline: bad && i % 4 === 2 ? "尽快" : `${20 + (i % 10)}日`,
      keyResults: bad && i % 4 === 3 ? `1.新客户开发${k}个 2.提升客户满意度` : `1.新客户开发${k}个 2.复购率${40 + (i % 53)}%`,
      criteria: `1.实际开发≥${bad && i % 4 === 0 ? k - 2 : k}个 2.复购客户数≥现有客户数${40 + (i % 53)}%`,
    };
  });
}

/** Weekly rows: 46 past weeks per rep and metric; `flawed` of them missed with a gap in the data or the write-up. */
export function weeklyRows(n: number, flawed: number): Record<string, CellValue>[] {
  const metrics = ["新客户开发", "电话", "拜访", "方案提交"];
  const every = Math.max(1, Math.round(1 / flawed));
  return Array.from({ length: n }, (_v, i) => {
    const bad = i % every === 0;
    return {
      week: toExcelSerial(2026, 1, 5) + 7 * (i % 46),
      owner: `成员${Math.floor(i / 184)}`,
      metric: metrics[Math.floor(i / 46) % 4],
      target: 75,
      mon: 15,
      tue: bad && i % 3 === 0 ? null : 15,
      wed: bad && i % 3 === 1 ? "十五" : 15,
      thu: bad ? 5 : 15 + (i % 3),
      fri: 15,
      reason: bad && i % 2 === 0 ? "客户未接听" : null,
    };
  });
}
