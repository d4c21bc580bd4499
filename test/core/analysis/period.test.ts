import { monthLabel, monthOf, monthOfCell } from "../../../src/core/analysis/reading/period";
import type { CellValue } from "../../../src/core/cell/cell-value";
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

describe("the month a cell names, as text or as the date a host made of it", () => {
  const NOVEMBER = 2026 * 12 + 10;
  it.each<[string, CellValue]>([
    ["the label as written", "2026-11"],
    ["slashes", "2026/11"],
    ["dots", "2026.11"],
    ["zh-CN", "2026年11月"],
    ["zh-CN, spaced and full-width", "２０２６ 年 １１ 月"],
    ["a full date", "2026-11-30"],
    ["a date string a host gives back", "2026/11/1"],
    ["a date and time", "2026-11-30 14:00"],
    ["a day in zh-CN", "2026年11月30日"],
    ["month first", "11/2026"],
    ["a month name", "Nov 2026"],
    ["a long month name", "November 2026"],
    ["Excel's mmm-yy as shown", "Nov-26"],
    ["a two-digit year after an apostrophe", "Nov '26"],
    ["the label with words after it", "2026-11 复盘"],
    ["the serial Excel and WPS make of 2026-11", toExcelSerial(2026, 11, 1)],
    ["a date serial with a time", toExcelSerial(2026, 11, 30) + 0.5833],
    ["yyyymm typed as a number", 202611],
  ])("%s: %j is November 2026", (_what, value) => {
    expect(monthOfCell(value)).toBe(NOVEMBER);
  });

  it.each<CellValue>([
    "30日14:00",
    "10月30日",
    "Mar 26",
    "Nov 26",
    "2026-13",
    "Novelty 2026",
    "复盘",
    "",
    null,
    true,
    0.5833,
    30,
  ])("%j names no month of a year", (value) => {
    expect(monthOfCell(value)).toBeUndefined();
  });
});
