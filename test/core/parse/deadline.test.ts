import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { detectPeriod, parseDeadline } from "../../../src/core/parse/deadline";

const TODAY = toExcelSerial(2026, 11, 26); // a Thursday

describe("deadlines", () => {
  it.each([
    ["30日", toExcelSerial(2026, 11, 30), "dayOfMonth"],
    ["30号", toExcelSerial(2026, 11, 30), "dayOfMonth"],
    ["30th", toExcelSerial(2026, 11, 30), "dayOfMonth"],
    ["12月31日", toExcelSerial(2026, 12, 31), "monthDay"],
    ["十二月三十一日", toExcelSerial(2026, 12, 31), "monthDay"],
    ["2026-12-31", toExcelSerial(2026, 12, 31), "date"],
    ["2026/12/31", toExcelSerial(2026, 12, 31), "date"],
    ["2026年12月31日", toExcelSerial(2026, 12, 31), "date"],
    ["本月底", toExcelSerial(2026, 11, 30), "periodEnd"],
    ["by end of month", toExcelSerial(2026, 11, 30), "periodEnd"],
    ["1周内", TODAY + 7, "relative"],
    ["3天内", TODAY + 3, "relative"],
    ["within 2 weeks", TODAY + 14, "relative"],
    ["Q4", toExcelSerial(2026, 12, 31), "periodEnd"],
    ["第一季度", toExcelSerial(2026, 3, 31), "periodEnd"],
    ["季度末", toExcelSerial(2026, 12, 31), "periodEnd"],
    ["年底", toExcelSerial(2026, 12, 31), "periodEnd"],
  ])("%s", (text, serial, kind) => expect(parseDeadline(text, TODAY)).toEqual({ ok: true, value: { serial, kind } }));

  it("takes an Excel serial date cell as it is", () => {
    expect(parseDeadline(toExcelSerial(2026, 12, 1) + 0.5, TODAY)).toEqual({
      ok: true,
      value: { serial: toExcelSerial(2026, 12, 1), kind: "date" },
    });
  });

  it.each([
    ["2026-02-30", "invalid-date"],
    ["31日", "invalid-date"], // November has 30 days
    ["尽快", "no-date"],
    ["", "empty"],
  ])("%j fails with %s", (text, reason) => expect(parseDeadline(text, TODAY)).toEqual({ ok: false, reason }));
});

describe("periods named by a team target", () => {
  it.each([
    ["月度100万", "month", toExcelSerial(2026, 11, 1), toExcelSerial(2026, 11, 30)],
    ["Q4 300万", "quarter", toExcelSerial(2026, 10, 1), toExcelSerial(2026, 12, 31)],
    ["年度1200万", "year", toExcelSerial(2026, 1, 1), toExcelSerial(2026, 12, 31)],
    ["本周开发10个", "week", toExcelSerial(2026, 11, 23), toExcelSerial(2026, 11, 29)],
    ["100万", "month", toExcelSerial(2026, 11, 1), toExcelSerial(2026, 11, 30)],
  ])("%s is a %s", (text, kind, start, end) => expect(detectPeriod(text, TODAY)).toEqual({ kind, start, end }));
});
