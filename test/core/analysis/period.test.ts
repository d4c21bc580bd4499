import { monthLabel, monthOf } from "../../../src/core/analysis/reading/period";
import { fromExcelSerial, mondayOf, toExcelSerial } from "../../../src/core/cell/excel-date";

describe("months and weeks of Excel serials", () => {
  it("agrees with the calendar on every day from 1900-03-01 to 2100-12-31", () => {
    for (let serial = 61; serial <= toExcelSerial(2100, 12, 31); serial++) {
      const d = fromExcelSerial(serial)!;
      if (monthOf(serial) !== d.year * 12 + d.month - 1) throw new Error(`monthOf(${serial}) is wrong`);
    }
    expect(monthLabel(monthOf(toExcelSerial(2026, 11, 30)))).toBe("2026-11");
    expect(monthOf(toExcelSerial(2024, 2, 29) + 0.75)).toBe(2024 * 12 + 1);
  });

  it("finds the Monday of a week", () => {
    expect(mondayOf(toExcelSerial(2026, 11, 26))).toBe(toExcelSerial(2026, 11, 23));
    expect(mondayOf(toExcelSerial(2026, 11, 23))).toBe(toExcelSerial(2026, 11, 23));
    expect(mondayOf(toExcelSerial(2026, 11, 29))).toBe(toExcelSerial(2026, 11, 23));
  });
});
