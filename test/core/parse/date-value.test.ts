import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { dayMonthParts, parseDateValue, parseDateValueInOrder } from "../../../src/core/parse/date-value";

const nov3 = toExcelSerial(2026, 11, 3);

describe("dates of data exports", () => {
  it.each([
    ["2026-11-03", nov3],
    ["2026-11-03T09:30:00Z", nov3],
    ["2026-11-03T23:30:00-05:00", nov3],
    ["2026-11-03 09:30:00.000", nov3],
    ["2026-11-03T09:30:00+08:00", nov3],
    ["2026/11/3", nov3],
    ["2026.11.3", nov3],
    ["2026年11月3日", nov3],
    ["2026年11月3日 星期二", nov3],
    ["2026年11月3日（周二）", nov3],
    ["2026年11月3日 14:30", nov3],
    ["2026年11月3日 下午3:05", nov3],
    ["26年11月3日", nov3],
    ["11/3/2026", nov3],
    ["11/3/2026 2:15 PM", nov3],
    ["11/03/2026 14:15:00", nov3],
    ["11-03-2026", nov3],
    ["11/3/26", nov3],
    ["3-Nov-2026", nov3],
    ["03-Nov-26", nov3],
    ["3 November 2026", nov3],
    ["3 Nov 2026 14:00", nov3],
    ["Nov 3, 2026", nov3],
    ["November 3 2026", nov3],
    ["Tue, Nov 3, 2026", nov3],
    ["Nov 3rd, 2026", nov3],
    ["20261103", nov3],
    [20261103, nov3],
    [nov3, nov3],
    [nov3 + 0.75, nov3],
    [String(nov3), nov3],
  ])("%j (month-first)", (value, serial) => expect(parseDateValueInOrder(value, "mdy")).toBe(serial));

  it.each([
    ["3/11/2026", nov3],
    ["3.11.2026", nov3],
    ["03/11/26 09:00", nov3],
    ["2026-11-03", nov3],
    ["3-Nov-2026", nov3],
  ])("%j (day-first)", (value, serial) => expect(parseDateValueInOrder(value, "dmy")).toBe(serial));

  it.each([
    "2026-02-30",
    "13/13/2026",
    "下周",
    "Nov 2026",
    "Foo 3, 2026",
    "2026-11-03 to 2026-12-01",
    "11/3",
    "",
    "Q4",
    true,
    null,
    5,
  ])("%j is no date", (value) => {
    expect(parseDateValueInOrder(value, "mdy")).toBeUndefined();
    expect(parseDateValueInOrder(value, "dmy")).toBeUndefined();
  });

  it("reads day/month dates in the order given", () => {
    expect(parseDateValueInOrder("03/04/2026", "mdy")).toBe(toExcelSerial(2026, 3, 4));
    expect(parseDateValueInOrder("03/04/2026", "dmy")).toBe(toExcelSerial(2026, 4, 3));
    expect(parseDateValueInOrder("03/04/2026", "ymd")).toBe(toExcelSerial(2026, 3, 4));
    expect(parseDateValueInOrder("13/04/2026", "mdy")).toBeUndefined();
  });

  it("gives the two leading parts of day/month dates only", () => {
    expect(dayMonthParts("13/04/2026")).toEqual({ first: 13, second: 4 });
    expect(dayMonthParts("4.13.26 2:15 PM")).toEqual({ first: 4, second: 13 });
    expect(dayMonthParts("2026/04/13")).toBeUndefined();
    expect(dayMonthParts("13-Apr-2026")).toBeUndefined();
    expect(dayMonthParts(46300)).toBeUndefined();
  });

  it("keeps the checks' strict reader as it was", () => {
    expect(parseDateValue("11/3/2026")).toBe(nov3);
    expect(parseDateValue("2026年11月3日")).toBe(nov3);
    expect(parseDateValue("3-Nov-2026")).toBeUndefined();
    expect(parseDateValue("11/3/2026 2:15 PM")).toBeUndefined();
    expect(parseDateValue("20261103")).toBeUndefined();
    expect(parseDateValue(20261103)).toBeUndefined();
  });
});
