import { prefillMonthlyReview } from "../../../src/app/prefill-monthly-review";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { createExcelHost } from "../../../src/hosts/excel/excel-host";
import { REVIEW_HEADERS, reviewTeam, TARGETS } from "../../app/actions.cases";
import { createFakeExcel, findRange, keptValue } from "./fake-excel";

const NAME = "office-addin-mock stand-in: Excel cannot run here";

describe(`text stays text through Range.values (${NAME})`, () => {
  it("the fake keeps a string as Excel does when typed: 0012 becomes 12, 2026-11 a date, '0012 the text", () => {
    expect(["0012", "2026-11", "TRUE", "1,234", "'0012", "张三"].map(keptValue)).toEqual([
      12,
      toExcelSerial(2026, 11, 1),
      true,
      1234,
      "0012",
      "张三",
    ]);
  });

  it("sends codes and months behind the text prefix, and plain words as they are", async () => {
    const fake = createFakeExcel();
    await createExcelHost(fake.env).write({
      sheets: [{ sheet: "代码", create: true, values: [{ row: 0, column: 0, values: [["0012", "2026-11", "TRUE", "张三"]] }] }],
    });
    expect(findRange(fake.sheets.get("代码")!, "A1:D1")?.values).toEqual([["'0012", "'2026-11", "'TRUE", "张三"]]);
  });

  it("finds the monthly review's row when Excel holds its month as the date it made of 2026-11", async () => {
    const held = keptValue("2026-11");
    const fake = createFakeExcel(undefined, [
      { name: "成交明细", values: reviewTeam() },
      { name: "目标分解表", values: TARGETS },
      { name: "月度复盘表", values: [REVIEW_HEADERS, [held, "张三、李四"]] },
    ]);
    const result = await prefillMonthlyReview(createExcelHost(fake.env), {
      locale: "zh-CN",
      today: toExcelSerial(2026, 12, 2),
      month: 2026 * 12 + 10,
    });
    expect([held, result.created, result.row]).toEqual([toExcelSerial(2026, 11, 1), false, 2]);
    // Its empty cells filled; the month cell, which holds the month, left as it is.
    expect(result.written).toEqual(["monthTarget", "monthActual", "highlights", "problems"]);
  });
});
