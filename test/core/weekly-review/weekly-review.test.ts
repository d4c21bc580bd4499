import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { createValidationSettings } from "../../../src/core/validate/validation-settings";
import { readSheetTable } from "../../../src/core/sheet/sheet-table";
import { layoutReviewBlock } from "../../../src/core/weekly-review/review-sheet";
import { findWeeklyTrackers, reviewWeek } from "../../../src/core/weekly-review/weekly-review";

const TODAY = toExcelSerial(2026, 11, 27);

describe("the weekly review on the playbook's own free-text tracker", () => {
  const grid = {
    name: "周计划",
    row: 0,
    column: 0,
    values: [
      [
        "负责人",
        "本周目标(量化)",
        "周一完成情况",
        "周二完成情况",
        "周三完成情况",
        "周四完成情况",
        "周五完成情况",
        "未完成原因",
        "改进措施",
      ],
      [
        "*某",
        "开发新客户3个 电话15个",
        "开发1个 电话12个",
        "开发1个 电话14个",
        "开发0个 电话15个",
        "开发1个 电话15个",
        "开发2个 电话15个",
        "周三客户未接听，未达成",
        "周四增加触达，提高客户联系率",
      ],
    ],
  };

  it("reads each metric of the row apart: 5 of 3 new customers, 71 of 15 calls a day", () => {
    const review = reviewWeek(findWeeklyTrackers([grid]), { settings: createValidationSettings(TODAY) });
    const metrics = review.reps[0].metrics.map((m) => [m.metric, m.target, m.done, m.rate, m.below]);
    expect(metrics).toEqual([
      ["newCustomers", 3, 5, 5 / 3, false],
      ["calls", 75, 71, 71 / 75, false],
    ]);
    expect(review.week).toBe(toExcelSerial(2026, 11, 23));
    expect(review.reasons.map((g) => [g.theme, g.reps, g.team])).toEqual([["unreachable", ["*某"], false]]);
  });

  it("lays a block out that no template's header reading takes for a tracker", () => {
    const review = reviewWeek(findWeeklyTrackers([grid]), { settings: createValidationSettings(TODAY) });
    for (const locale of ["zh-CN", "en"] as const) {
      const block = layoutReviewBlock(review, locale);
      expect(block.every((line) => line.length === 7 && line.some((v) => v !== null))).toBe(true);
      expect(readSheetTable({ name: "r", row: 0, column: 0, values: block })).toBeUndefined();
    }
  });
});

describe("the week reviewed by default", () => {
  const row = (week: number, days: (number | null)[]) => [week, "甲", "电话", 75, ...days];
  const header = [
    "周开始日期",
    "负责人",
    "指标",
    "本周目标(量化)",
    "周一完成情况",
    "周二完成情况",
    "周三完成情况",
    "周四完成情况",
    "周五完成情况",
  ];
  const last = toExcelSerial(2026, 11, 23);
  const next = toExcelSerial(2026, 11, 30);

  it("is the latest week begun by today that has counts, not a week planned ahead with targets only", () => {
    const grid = {
      name: "跟踪",
      row: 0,
      column: 0,
      values: [header, row(last, [15, 15, 15, 15, 10]), row(next, [null, null, null, null, null])],
    };
    const monday = toExcelSerial(2026, 11, 30);
    const review = reviewWeek(findWeeklyTrackers([grid]), { settings: createValidationSettings(monday) });
    expect(review.week).toBe(last);
    expect(review.reps[0].metrics[0].rate).toBeCloseTo(70 / 75, 10);
    const asked = reviewWeek(findWeeklyTrackers([grid]), { settings: createValidationSettings(monday), week: monday + 2 });
    expect(asked.week).toBe(next);
    expect(asked.reps[0].metrics[0].rate).toBeNull();
  });
});
