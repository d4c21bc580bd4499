/**
 * Row 2: the diagnosis on generated deal lines and activity rows (default 100,000 + 20,000). The
 * aggregation part (per month, per rep and month, per customer type: revenue sums, distinct orders and
 * customers, new customers, won and lost orders; activity sums per rep and month) is timed against
 * arquero doing the same group-by work on the same records, run alternately; both answers must agree.
 * The whole diagnosis is timed too (reading the grids, attribution, reps, TOP 3). Run by scripts/bench.mjs.
 */
import * as aq from "arquero";
import { toExcelSerial } from "../src/core/cell/excel-date";
import { analyseCustomers } from "../src/core/analysis/metrics/customer-contribution";
import { diagnose } from "../src/core/analysis/diagnosis/diagnose";
import { PROCESS_FIELDS } from "../src/core/analysis/reading/fields";
import { createMetricsIndex } from "../src/core/analysis/metrics/period-metrics";
import { readActivitySheet, readDealSheet, type ActivityRecord, type DealLine } from "../src/core/analysis/reading/records";
import { hardExportRows } from "../test/support/hard-export";
import { activityRows, dealRows } from "./lib/data";
import { fmtCount, fmtMs, fmtWallCpu, progress, readArgs, report, type Figure } from "./lib/figures";
import { alternate } from "./lib/timing";

const { sizes } = readArgs();
const today = toExcelSerial(2026, 12, 31);
const input = {
  deals: { name: "deals", row: 0, column: 0, values: dealRows(sizes.deals) },
  activity: { name: "activity", row: 0, column: 0, values: activityRows(sizes.activity) },
  today,
};
const deals = readDealSheet(input.deals, { today });
const records = readActivitySheet(input.activity, { today }).records;

/** The aggregates both sides compute, keyed "month", "rep|month", "type" and "act rep|month". */
type Aggregates = Map<string, Record<string, number>>;
const round = (v: number) => Math.round(v * 100) / 100;

function ours(lines: readonly DealLine[], activity: readonly ActivityRecord[]): Aggregates {
  const out: Aggregates = new Map();
  const index = createMetricsIndex(lines, activity);
  const put = (key: string, m: ReturnType<typeof index.metrics>) => {
    out.set(key, {
      revenue: round(m.revenue),
      orders: m.orders,
      customers: m.customers,
      newCustomers: m.newCustomers,
      won: m.won,
      lost: m.lost,
    });
    const counts = PROCESS_FIELDS.filter((f) => m.activity[f] !== undefined);
    if (counts.length > 0) out.set(`act ${key}`, Object.fromEntries(counts.map((f) => [f, m.activity[f]!])));
  };
  for (const month of index.months) {
    put(`${month}`, index.metrics([month]));
    for (const rep of index.reps) put(`${rep}|${month}`, index.metrics([month], rep));
  }
  for (const s of analyseCustomers(lines, true).segments)
    out.set(s.type, { revenue: round(s.revenue), orders: s.orders, customers: s.customers });
  return out;
}

// The peer's input: the same records as columns, built before the clock starts (a dataframe's loaded table).
const dealTable = aq.table({
  month: deals.lines.map((l) => l.month),
  rep: deals.lines.map((l) => l.rep),
  customerKey: deals.lines.map((l) => l.customerKey),
  customerType: deals.lines.map((l) => l.customerType || "—"),
  amount: deals.lines.map((l) => l.amount),
  orderKey: deals.lines.map((l) => l.orderKey),
  status: deals.lines.map((l) => l.status ?? ""),
});
const activityTable = aq.table({
  month: records.map((r) => r.month),
  rep: records.map((r) => r.rep),
  ...Object.fromEntries(PROCESS_FIELDS.map((f) => [f, records.map((r) => r.counts[f] ?? null)])),
});

/** The same aggregates with arquero (expressions as strings: arquero parses them). */
function peer(): Aggregates {
  const out: Aggregates = new Map();
  const orders = dealTable
    .groupby("orderKey")
    .rollup({ anyWon: "d => op.max(d.status === 'won' ? 1 : 0)", anyLost: "d => op.max(d.status === 'lost' ? 1 : 0)" });
  const withOrder = dealTable.lookup(orders, "orderKey", "anyWon", "anyLost");
  const positive = withOrder.filter("d => d.amount > 0");
  // Revenue, orders and customers: lines of orders not lost, less the lost lines of orders otherwise won (a refunded
  // item is no revenue: src/core/analysis/metrics/period-metrics.ts, customer-contribution.ts).
  const booked = withOrder.filter("d => !(d.anyLost === 1 && d.anyWon === 0) && d.status !== 'lost'");
  const bookedPositive = booked.filter("d => d.amount > 0");
  const firsts = bookedPositive.groupby("customerKey").rollup({ first: "d => op.min(d.month)" });
  const firstLines = bookedPositive.lookup(firsts, "customerKey", "first").filter("d => d.first === d.month");
  const lostLines = positive.filter("d => d.anyLost === 1 && d.anyWon === 0");
  const wonLines = positive.filter("d => d.anyWon === 1");
  const keys = (t: aq.ColumnTable, by: string[]) =>
    (t.objects() as Record<string, number>[]).map((o) => [by.map((k) => String(o[k])).join("|"), o] as const);
  for (const by of [["month"], ["rep", "month"]]) {
    const revenue = booked.groupby(by).rollup({ revenue: "d => op.sum(d.amount)" });
    const counts = bookedPositive
      .groupby(by)
      .rollup({ orders: "d => op.distinct(d.orderKey)", customers: "d => op.distinct(d.customerKey)" });
    const fresh = firstLines.groupby(by).rollup({ newCustomers: "d => op.distinct(d.customerKey)" });
    const won = wonLines.groupby(by).rollup({ won: "d => op.distinct(d.orderKey)" });
    const lost = lostLines.groupby(by).rollup({ lost: "d => op.distinct(d.orderKey)" });
    const act = activityTable.groupby(by).rollup(Object.fromEntries(PROCESS_FIELDS.map((f) => [f, `d => op.sum(d.${f})`])));
    for (const [k, o] of keys(revenue, by))
      out.set(k, { revenue: round(o.revenue), orders: 0, customers: 0, newCustomers: 0, won: 0, lost: 0 });
    for (const [k, o] of keys(counts, by)) Object.assign(out.get(k)!, { orders: o.orders, customers: o.customers });
    for (const [k, o] of keys(fresh, by)) out.get(k)!.newCustomers = o.newCustomers;
    for (const [k, o] of keys(won, by)) if (out.has(k)) out.get(k)!.won = o.won;
    for (const [k, o] of keys(lost, by)) if (out.has(k)) out.get(k)!.lost = o.lost;
    for (const [k, o] of keys(act, by)) out.set(`act ${k}`, Object.fromEntries(PROCESS_FIELDS.map((f) => [f, o[f]])));
  }
  const typeRevenue = booked.groupby("customerType").rollup({ revenue: "d => op.sum(d.amount)" });
  const typeCounts = bookedPositive
    .groupby("customerType")
    .rollup({ orders: "d => op.distinct(d.orderKey)", customers: "d => op.distinct(d.customerKey)" });
  for (const [k, o] of keys(typeRevenue, ["customerType"])) out.set(k, { revenue: round(o.revenue), orders: 0, customers: 0 });
  for (const [k, o] of keys(typeCounts, ["customerType"]))
    Object.assign(out.get(k)!, { orders: o.orders, customers: o.customers });
  return out;
}

/** The keys and values on which the two answers differ (none: they agree). */
function differences(a: Aggregates, b: Aggregates): string[] {
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = JSON.stringify(a.get(key) ?? null);
    const y = JSON.stringify(b.get(key) ?? null);
    if (x !== y) out.push(`${key}: ours ${x}, arquero ${y}`);
  }
  return out;
}

let oursResult: Aggregates = new Map();
let peerResult: Aggregates = new Map();
const t = alternate({ ours: () => (oursResult = ours(deals.lines, records)), arquero: () => (peerResult = peer()) }, sizes.runs);
const diff = differences(oursResult, peerResult);
if (diff.length > 0) progress(`the aggregates differ (${diff.length}):\n  ${diff.slice(0, 5).join("\n  ")}`);
const ratio = t.ours.ms / t.arquero.ms;
progress(
  `aggregation: ours ${fmtMs(t.ours.ms)}, arquero ${fmtMs(t.arquero.ms)}, ratio ${ratio.toFixed(2)}; ${oursResult.size} groups`,
);

// Reading an export written the hard way (text dates and money), as many lines as deals: 100,000 in well
// under a second (15 µs a line), growing linearly (a quarter of the lines in about a quarter of the time).
const hardLines = sizes.deals;
const hardBudgetMs = hardLines * 0.015;
const hardGrids = [hardLines / 4, hardLines].map((n) => ({ name: "export", row: 0, column: 0, values: hardExportRows(n) }));
const hard = alternate(
  { quarter: () => readDealSheet(hardGrids[0], { today }), whole: () => readDealSheet(hardGrids[1], { today }) },
  sizes.runs,
);
const hardRatio = hard.whole.ms / (4 * hard.quarter.ms);
progress(
  `reading text dates and money: ${fmtMs(hard.whole.ms)} for ${fmtCount(hardLines)} lines, ${fmtMs(hard.quarter.ms)} for a quarter`,
);

const whole = alternate({ diagnose: () => diagnose(input) }, sizes.runs).diagnose;
progress(`whole diagnosis: ${fmtMs(whole.ms)} (first run ${fmtMs(whole.coldMs)})`);
const size = `${fmtCount(sizes.deals)} deal lines + ${fmtCount(sizes.activity)} activity rows`;
const figures: Figure[] = [
  {
    row: 2,
    figure: `Diagnosis, aggregation part (per month, per rep and month, per customer type: sums and distinct counts; ${fmtCount(oursResult.size)} groups), ${size}; peer: arquero${diff.length > 0 ? `; ANSWERS DIFFER on ${diff.length} groups` : ", same answers"}`,
    ours: fmtWallCpu(t.ours),
    peer: fmtWallCpu(t.arquero),
    ratio,
    goal: "ratio ≤ 1.0",
    pass: diff.length === 0 && ratio <= 1,
  },
  {
    row: 2,
    figure: `Diagnosis, whole compute (reading the grids, attribution, reps, customers, TOP 3), ${size}`,
    ours: fmtWallCpu(whole),
    peer: "—",
    ratio: null,
    goal: "< 300 ms",
    pass: whole.ms < 300,
  },
  {
    row: 2,
    figure: `Reading ${fmtCount(hardLines)} deal lines of an export with text dates and money (three date forms, "¥1,000.00", a subtotal every 1,000 lines); peer: 4 × the time for ${fmtCount(hardLines / 4)} lines`,
    ours: fmtWallCpu(hard.whole),
    peer: fmtMs(4 * hard.quarter.ms),
    ratio: hardRatio,
    goal: `< ${fmtMs(hardBudgetMs)}; linear: ratio ≤ 2.5`,
    pass: hard.whole.ms < hardBudgetMs && hardRatio <= 2.5,
  },
];
report(figures);
