import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { brief, findingsOf, templateGrid, weeklyRow } from "./fixtures";

const LAST_WEEK = toExcelSerial(2026, 11, 16);
const THIS_WEEK = toExcelSerial(2026, 11, 23); // today is Thursday 26th

const run = (rows: Record<string, CellValue>[], locale: "zh-CN" | "en" = "zh-CN") =>
  brief(findingsOf(templateGrid("weekly", locale, rows)));

describe("weekly tracker rules", () => {
  it.each(["zh-CN", "en"] as const)("a completed week on target has no findings (%s)", (locale) => {
    expect(run([weeklyRow({})], locale)).toEqual([]);
  });

  it.each([
    ["a negative day", { wed: -3 }, ["weekly.day.invalid @ G2 (error)"]],
    ["a negative day (English sheet)", { wed: -3, metric: "Calls", locale: "en" }, ["weekly.day.invalid @ G2 (error)"]],
    [
      "a count written as text (English sheet)",
      { wed: "15 calls", metric: "Calls", locale: "en" },
      ["weekly.day.invalid @ G2 (warning)"],
    ],
    [
      "below 85% without a reason (English sheet)",
      { thu: 5, fri: 5, metric: "Calls", locale: "en" },
      ["weekly.completion.low @ K2 (warning)", "weekly.reason.missing @ L2 (warning)"],
    ],
    [
      "a reason without a measure (English sheet)",
      { fri: 10, reason: "Client away Friday", metric: "Calls", locale: "en" },
      ["weekly.measure.missing @ M2 (warning)"],
    ],
    ["text that is not a count", { wed: "客户未接" }, ["weekly.day.invalid @ G2 (error)"]],
    ["a count written as text (fix offered)", { wed: "15个" }, ["weekly.day.invalid @ G2 (warning)"]],
    ["no target", { target: null }, ["weekly.target.missing @ D2 (warning)"]],
    [
      "below 85% without a reason",
      { thu: 5, fri: 5 },
      ["weekly.completion.low @ K2 (warning)", "weekly.reason.missing @ L2 (warning)"],
    ],
    ["missed but above 85%, reason and measure written", { fri: 10, reason: "周五客户外出", measure: "下周一补打" }, []],
    ["a reason without a measure", { fri: 10, reason: "周五客户外出" }, ["weekly.measure.missing @ M2 (warning)"]],
    [
      "below 85% with a reason and a concrete measure: dealt with",
      { thu: 5, fri: 5, reason: "周四周五培训", measure: "下周一补打20个电话" },
      [],
    ],
    [
      "below 85% with a reason and a measure that only promises effort",
      { thu: 5, fri: 5, reason: "周四周五培训", measure: "下周多努力" },
      ["weekly.completion.low @ K2 (warning)", "weekly.measure.vague @ M2 (warning)"],
    ],
    [
      "a measure that only promises effort (English sheet)",
      { fri: 10, reason: "Client away Friday", measure: "Work harder.", metric: "Calls", locale: "en" },
      ["weekly.measure.vague @ M2 (warning)"],
    ],
    [
      "three days in a row under the daily pace",
      { mon: 10, tue: 10, wed: 10, thu: 30, fri: 15, reason: "前三天开会", measure: "周四补足" },
      ["weekly.coaching @ G2 (warning)"],
    ],
  ])("%s", (_name, change, expected) => {
    const { locale, ...cells } = change as Record<string, CellValue> & { locale?: "zh-CN" | "en" };
    expect(run([weeklyRow(cells)], locale ?? "zh-CN")).toEqual(expected);
  });

  it("flags empty past days of this week, never today or the future", () => {
    const findings = findingsOf(
      templateGrid("weekly", "zh-CN", [weeklyRow({ week: THIS_WEEK, mon: 15, tue: null, wed: null, thu: null, fri: null })]),
    );
    expect(brief(findings)).toEqual(["weekly.day.missing @ F2 (warning)"]);
    expect(findings[0].message["zh-CN"]).toBe("周二、周三已过去但没有填写：请当天下班前更新完成情况，避免数据跟进“形式化”。");
  });

  it("does not judge the completion of a week still under way", () => {
    expect(run([weeklyRow({ week: THIS_WEEK, mon: 15, tue: 12, wed: 15, thu: null, fri: null })])).toEqual([]);
  });

  const missed = { fri: 10, reason: "请假", measure: "下周补" }; // 70/75: missed, above 85%

  it("asks for coaching after two missed weeks in a row for the same rep and metric", () => {
    expect(
      run([
        weeklyRow({ week: toExcelSerial(2026, 11, 2), ...missed }),
        weeklyRow({ week: toExcelSerial(2026, 11, 9), ...missed }),
        weeklyRow({ week: LAST_WEEK }),
        weeklyRow({ owner: "李四", week: LAST_WEEK, ...missed }),
      ]),
    ).toEqual(["weekly.coaching @ B3 (warning)"]);
  });

  it("does not count weeks with a gap between them as consecutive", () => {
    expect(run([weeklyRow({ week: toExcelSerial(2026, 11, 2), ...missed }), weeklyRow({ week: LAST_WEEK, ...missed })])).toEqual(
      [],
    );
  });
});
