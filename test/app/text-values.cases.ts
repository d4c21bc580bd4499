import { fillActionPlan } from "../../src/app/fill-action-plan";
import { prefillMonthlyReview } from "../../src/app/prefill-monthly-review";
import { acceptTargetSplit, proposeTargetSplit } from "../../src/app/target-split";
import { trackProgress } from "../../src/app/track-progress";
import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import { TEXT_THAT_LOOKS_LIKE_A_VALUE } from "../hosts/typed-entry";
import { ACTION_ROWS, REVIEW_HEADERS, reviewTeam, TARGETS } from "./actions.cases";
import type { HostFactory, HostUnderTest } from "./host-under-test";

/** Deals of reps known by their codes, "0012" and "0034", from September to November 2026. */
export function codedRepDeals(): CellValue[][] {
  const deals: CellValue[][] = [["成交日期", "负责人", "客户名称", "成交金额"]];
  for (const month of [9, 10, 11, 12]) {
    deals.push([`2026-${month}-01`, "0012", "甲", 600000], [`2026-${month}-02`, "0034", "乙", 400000]);
  }
  return deals;
}

/** The review sheet's months, row by row below its header, as the host holds them, up to the first empty row. */
function reviewMonths(t: HostUnderTest, sheet: string): CellValue[] {
  const months: CellValue[] = [];
  for (let row = 1; row < 20; row++) {
    const value = t.value(sheet, row, 0);
    if (value === null || value === undefined || value === "") break;
    months.push(value);
  }
  return months;
}

/**
 * Text the add-in writes stays that text on the host, whatever it looks like: codes, months, rates. And the month
 * of the monthly review is found again whether the host kept it as text or made a date of it, once for every host.
 */
export function describeTextValues(hostName: string, create: HostFactory): void {
  describe(`text stays text on ${hostName}`, () => {
    it("reads back every text that looks like a number, date, time, boolean or formula exactly as written", async () => {
      const t = create();
      const values = TEXT_THAT_LOOKS_LIKE_A_VALUE.map((text) => [text, "张三"]);
      await t.host.write({ sheets: [{ sheet: "代码", create: true, values: [{ row: 0, column: 0, values }] }] });
      await t.load?.();
      expect(TEXT_THAT_LOOKS_LIKE_A_VALUE.map((_text, row) => t.value("代码", row, 0))).toEqual(TEXT_THAT_LOOKS_LIKE_A_VALUE);
      const [sheet] = await t.host.readSheets(["代码"]);
      expect(sheet.values.map((line) => line[0])).toEqual(TEXT_THAT_LOOKS_LIKE_A_VALUE);
    });

    it("writes a rep code such as 0012 into the target split as text, so progress finds that rep's deals", async () => {
      const t = create([{ name: "成交", values: codedRepDeals() }]);
      const today = toExcelSerial(2026, 12, 15);
      const proposal = await proposeTargetSplit(t.host, { teamTarget: "月度120万" });
      expect(proposal.reps.map((r) => r.rep)).toEqual(["0012", "0034"]);
      await acceptTargetSplit(t.host, { proposal, locale: "zh-CN", today });
      await t.load?.();
      expect([t.value("目标分解表", 1, 2), t.value("目标分解表", 2, 2)]).toEqual(["0012", "0034"]);
      const progress = await trackProgress(t.host, { locale: "zh-CN", today, write: false });
      // December so far: 60万 for 0012 and 40万 for 0034, both found by their codes.
      expect(progress.rows.map((r) => [r.owner, r.unmeasured, r.target.actual])).toEqual([
        ["0012", undefined, 600000],
        ["0034", undefined, 400000],
      ]);
    });

    const NOVEMBER = 2026 * 12 + 10;
    const request = { locale: "zh-CN" as const, today: toExcelSerial(2026, 12, 2), month: NOVEMBER };

    it("adds no second row for the month when the monthly pre-fill runs again", async () => {
      const t = create([
        { name: "成交明细", values: reviewTeam() },
        { name: "目标分解表", values: TARGETS },
      ]);
      const first = await prefillMonthlyReview(t.host, request);
      const again = await prefillMonthlyReview(t.host, request);
      await t.load?.();
      expect([first.created, again.created, again.row]).toEqual([true, false, first.row]);
      expect(reviewMonths(t, first.sheet)).toEqual(["2026-11"]);
    });

    it.each<[string, CellValue, string | undefined]>([
      ["a date (the serial Excel and WPS make of 2026-11)", toExcelSerial(2026, 11, 1), "mmm-yy"],
      ["a date with a day", toExcelSerial(2026, 11, 30), "yyyy-mm-dd"],
      ["text written the Chinese way", "2026年11月", undefined],
      ["a date string", "2026/11/1", undefined],
    ])("finds the month's row again when the host holds its month as %s", async (_what, held, numberFormat) => {
      const t = create([
        { name: "成交明细", values: reviewTeam() },
        { name: "目标分解表", values: TARGETS },
        { name: "月度复盘表", values: [REVIEW_HEADERS, ["2026-10", "张三、李四"]] },
      ]);
      const first = await prefillMonthlyReview(t.host, request);
      expect([first.created, first.row]).toEqual([false, 3]);
      // What the cell holds once the host made something else of the label (as a date value or a user's retyping).
      const cell = { row: first.row - 1, column: 0, rowCount: 1, columnCount: 1 };
      await t.host.write({
        sheets: [
          {
            sheet: first.sheet,
            values: [{ row: cell.row, column: 0, values: [[held]] }],
            ...(numberFormat ? { formats: [{ range: cell, numberFormat }] } : {}),
          },
        ],
      });
      const again = await prefillMonthlyReview(t.host, request);
      await t.load?.();
      expect([again.created, again.row, again.written]).toEqual([false, first.row, []]);
      expect(reviewMonths(t, first.sheet)).toEqual(["2026-10", held]);
    });

    it.each<[string, CellValue]>([
      ["a date", toExcelSerial(2026, 11, 1)],
      ["a number written yyyymm", 202611],
    ])("names a review whose month the host holds as %s by that month in the action plan", async (_what, held) => {
      const improvement = "1周内完成交付流程优化，由王五对接运营部";
      const t = create([
        { name: "成交明细", values: reviewTeam() },
        { name: "行动计划表", values: ACTION_ROWS },
        {
          name: "月度复盘表",
          values: [REVIEW_HEADERS, [held, "张三、李四", null, null, null, "", "", improvement]],
        },
      ]);
      const result = await fillActionPlan(t.host, { locale: "zh-CN", today: toExcelSerial(2026, 12, 2) });
      expect(result.added.filter((a) => a.source === "review").map((a) => [a.problem, a.strategy])).toEqual([
        ["月度复盘改进措施（2026-11）", improvement],
      ]);
    });
  });
}
