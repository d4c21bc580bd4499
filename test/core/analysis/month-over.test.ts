import { comparedDays, diagnose } from "../../../src/core/analysis/diagnosis/diagnose";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import type { CellValue } from "../../../src/core/cell/cell-value";
import type { DealLine } from "../../../src/core/analysis/reading/records";
import { gridOf } from "../../support/grid";

/** April whole, May up to the 20th: whether May is over is decided by today, not by the last date in the data. */
function deals(): CellValue[][] {
  const rows: CellValue[][] = [["日期", "销售", "客户", "金额", "状态"]];
  for (let day = 1; day <= 30; day++) rows.push([toExcelSerial(2026, 4, day), "张三", `a${day}`, 1000, "成交"]);
  for (let day = 1; day <= 20; day++) rows.push([toExcelSerial(2026, 5, day), "张三", `b${day}`, 1000, "成交"]);
  return rows;
}

describe("whether the diagnosed month is over", () => {
  it("read in November, a May whose data ends on the 20th is a whole month against whole April", () => {
    const d = diagnose({ deals: gridOf(deals()), today: toExcelSerial(2026, 11, 26) });
    expect(d.periods.longitudinal).toEqual({ current: "2026-05", previous: "2026-04", days: null });
    const revenue = d.longitudinal!.metrics.find((m) => m.metric === "revenue")!;
    expect([revenue.current, revenue.previous]).toEqual([20 * 1000, 30 * 1000]);
    const notes = d.notes.map((n) => n.text.en).join(" ");
    expect(notes).not.toContain("is not over");
    // Said next to the figures: the data stops on the 20th, and the month is compared whole because it is over.
    expect(notes).toContain("The data of 2026-05 ends on 2026-05-20, but the month is over");
  });

  it("read on 20 May, May is compared day for day with April's days 1-20", () => {
    const d = diagnose({ deals: gridOf(deals()), today: toExcelSerial(2026, 5, 20) });
    expect(d.periods.longitudinal!.days).toBe(20);
    const revenue = d.longitudinal!.metrics.find((m) => m.metric === "revenue")!;
    expect([revenue.current, revenue.previous]).toEqual([20 * 1000, 20 * 1000]);
  });

  it("without a today, data that stops more than 3 days before the month ends is taken as not over", () => {
    const lines = [{ month: 2026 * 12 + 4, date: toExcelSerial(2026, 5, 20) }] as unknown as DealLine[];
    expect(comparedDays(lines, 2026 * 12 + 4, undefined)).toBe(20);
    expect(comparedDays(lines, 2026 * 12 + 4, toExcelSerial(2026, 11, 26))).toBeNull();
  });
});

it("compared day for day, a customer who bought late last month is no new customer this month", () => {
  // Ten customers buy on 20 October and 20 November, and again on 3 December; four new ones buy on 2 December.
  const rows: CellValue[][] = [["日期", "销售", "客户", "金额", "状态"]];
  for (let c = 0; c < 10; c++)
    for (const [m, day] of [
      [10, 20],
      [11, 20],
      [12, 3],
    ])
      rows.push([toExcelSerial(2026, m, day), "张三", `老客户${c}`, 1000, "成交"]);
  for (let c = 0; c < 4; c++) rows.push([toExcelSerial(2026, 12, 2), "张三", `新客户${c}`, 1000, "成交"]);
  const d = diagnose({ deals: gridOf(rows), today: toExcelSerial(2026, 12, 6) });
  expect(d.periods.longitudinal!.days).toBe(6);
  const fresh = d.longitudinal!.metrics.find((m) => m.metric === "newCustomers")!;
  expect(fresh.current).toBe(4);
  // The change against November's days 1-6 (no sale) is all new customers' and returning customers' own.
  const team = d.drivers!.team;
  expect(team.newCustomers + team.activity).toBeCloseTo(4 * 1000, 6);
  expect(team.returningCustomers + team.ordersPerCustomer + team.avgOrderValue).toBeCloseTo(10 * 1000, 6);
});
