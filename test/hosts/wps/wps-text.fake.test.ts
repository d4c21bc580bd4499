import { prefillMonthlyReview } from "../../../src/app/prefill-monthly-review";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { REVIEW_HEADERS, reviewTeam, TARGETS } from "../../app/actions.cases";
import { TEXT_THAT_LOOKS_LIKE_A_VALUE } from "../typed-entry";
import { FakeEt } from "./fake-et";
import { wpsHostUnderTest } from "./wps-host-under-test";

const NAME = "recording ET fake: WPS cannot run here";

describe(`text stays text through Range.Value2 (${NAME})`, () => {
  it("the fake reads a string as typed, as WPS does: 0012 becomes 12, 2026-11 a date, TRUE a boolean", () => {
    const fake = new FakeEt([{ name: "S", values: [["x"]] }]);
    const t = wpsHostUnderTest(fake);
    fake.edit("S", 0, 0, [["0012"], ["2026-11"], ["TRUE"], ["12%"], ["3月4日"], ["张三"]]);
    expect([0, 1, 2, 3, 4, 5].map((row) => t.value("S", row, 0))).toEqual([
      12,
      toExcelSerial(2026, 11, 1),
      true,
      0.12,
      toExcelSerial(2026, 3, 4),
      "张三",
    ]);
  });

  it("the host's writes keep each such text as written (behind the text prefix)", async () => {
    const fake = new FakeEt();
    const t = wpsHostUnderTest(fake);
    const values = TEXT_THAT_LOOKS_LIKE_A_VALUE.map((text) => [text]);
    await t.host.write({ sheets: [{ sheet: "代码", create: true, values: [{ row: 0, column: 0, values }] }] });
    expect(TEXT_THAT_LOOKS_LIKE_A_VALUE.map((_text, row) => t.value("代码", row, 0))).toEqual(TEXT_THAT_LOOKS_LIKE_A_VALUE);
  });

  it("finds the monthly review's row again after the user retyped its month and WPS made a date of it", async () => {
    const fake = new FakeEt([
      { name: "成交明细", values: reviewTeam() },
      { name: "目标分解表", values: TARGETS },
      { name: "月度复盘表", values: [REVIEW_HEADERS] },
    ]);
    const t = wpsHostUnderTest(fake);
    const request = { locale: "zh-CN" as const, today: toExcelSerial(2026, 12, 2), month: 2026 * 12 + 10 };
    const first = await prefillMonthlyReview(t.host, request);
    expect([first.created, first.row, t.value("月度复盘表", first.row - 1, 0)]).toEqual([false, 2, "2026-11"]);
    fake.edit("月度复盘表", first.row - 1, 0, [["2026-11"]]);
    expect(t.value("月度复盘表", first.row - 1, 0)).toBe(toExcelSerial(2026, 11, 1));
    const again = await prefillMonthlyReview(t.host, request);
    expect([again.created, again.row, t.value("月度复盘表", first.row, 0)]).toEqual([false, first.row, null]);
  });
});
