import { readDealSheet } from "../../../src/core/analysis/reading/records";
import { gridOf } from "../../support/grid";
import { hardExportRows } from "../../support/hard-export";

/**
 * An export written the hard way: text dates in three forms, money as "¥1,000.00", stages, a subtotal
 * every 1,000 lines. How fast it is read (100,000 lines, growing linearly) is measured by the bench
 * (bench/diagnose.bench.ts, `npm run bench`), not here.
 */
describe("reading an export with text dates and money", () => {
  it.each([2_500, 10_000])("reads every one of %i lines but the subtotals, dated in the data's own order", (n) => {
    const sheet = readDealSheet(gridOf(hardExportRows(n)));
    expect(sheet.lines.length + sheet.pipeline.length).toBe(n - Math.floor(n / 1000));
    expect(sheet.dateOrderSource).toBe("data");
  });
});
