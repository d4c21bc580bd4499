import { clearMarks, markFindings } from "../../src/app/mark-findings";
import { runWeeklyReview } from "../../src/app/weekly-review";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import type { CellValue } from "../../src/core/cell/cell-value";
import type { HostFactory, HostUnderTest } from "./host-under-test";

const TODAY = toExcelSerial(2026, 11, 27); // a Friday
const W1 = toExcelSerial(2026, 11, 16);
const W2 = toExcelSerial(2026, 11, 23);
const HEADER = [
  "周开始日期",
  "负责人",
  "指标",
  "本周目标(量化)",
  "周一完成情况",
  "周二完成情况",
  "周三完成情况",
  "周四完成情况",
  "周五完成情况",
  "完成率(%)",
  "未完成原因",
  "改进措施",
];
const line = (week: number, owner: string, metric: string, target: number, days: number[], reason = ""): CellValue[] => {
  const done = days.reduce((s, d) => s + d, 0);
  return [week, owner, metric, target, ...days, done / target, reason || null, reason ? "下周一前调整" : null];
};
/**
 * Two weeks of four reps. Week 2, by hand: 甲 new customers 1/5 = 20% (calls 100/75 = 133% does not hide
 * it), 丙 new customers 3/5 = 60% and calls 50/75 = 66.7%, 丁 new customers 2/5 = 40% and visits 5/10 =
 * 50%: five of eight under 85%. Three reps write a customer they could not reach, in three ways.
 */
export const TRACKER: CellValue[][] = [
  HEADER,
  line(W1, "甲", "新客户开发", 5, [1, 1, 1, 1, 1]),
  line(W1, "甲", "电话", 75, [15, 15, 15, 15, 15]),
  line(W1, "乙", "新客户开发", 5, [0, 1, 0, 1, 0], "客户未接听"),
  line(W1, "乙", "电话", 75, [12, 12, 12, 12, 12], "周三开会"),
  line(W1, "丙", "新客户开发", 5, [1, 1, 1, 1, 0], "周三客户没接电话"),
  line(W2, "甲", "新客户开发", 5, [0, 0, 1, 0, 0], "客户未接听，联系不上"),
  line(W2, "甲", "电话", 75, [20, 20, 20, 20, 20]),
  line(W2, "乙", "新客户开发", 5, [1, 1, 1, 1, 1]),
  line(W2, "乙", "电话", 75, [14, 14, 14, 14, 14]),
  line(W2, "丙", "新客户开发", 5, [1, 0, 1, 0, 1], "电话打不通"),
  line(W2, "丙", "电话", 75, [10, 10, 10, 10, 10], "CRM系统故障"),
  line(W2, "丁", "新客户开发", 5, [0, 1, 0, 0, 1], "客户不接电话"),
  line(W2, "丁", "拜访", 10, [1, 1, 1, 1, 1], "出差"),
];
const copy = (values: readonly (readonly CellValue[])[]): CellValue[][] => values.map((l) => [...l]);

/** Column A of the review sheet from row 0 to the first empty cell after `from`. */
function columnA(t: HostUnderTest, sheet: string, rows: number): string[] {
  return Array.from({ length: rows }, (_v, r) => String(t.value(sheet, r, 0) ?? ""));
}

/** The rows of a block whose first cell is `first`, as "A|B|C|…" text, up to the next blank row. */
function blockRows(t: HostUnderTest, sheet: string, start: number): string[] {
  const out: string[] = [];
  for (let r = start; ; r++) {
    const cells = Array.from({ length: 7 }, (_v, c) => t.value(sheet, r, c));
    if (cells.every((v) => v === null || v === undefined || v === "")) return out;
    out.push(cells.map((v) => (v === null || v === undefined ? "" : String(v))).join("|"));
  }
}

/** The weekly review (周复盘), once for every host. */
export function describeWeeklyReview(hostName: string, create: HostFactory): void {
  describe(`weekly review on ${hostName}`, () => {
    it("writes the week's block, per rep and per metric, and highlights the completions under 85%, in three round trips", async () => {
      const t = create([{ name: "周计划跟踪表", values: copy(TRACKER) }]);
      const result = await runWeeklyReview(t.host, { today: TODAY, locale: "zh-CN" });
      expect(t.roundTrips()).toBe(3);
      expect(result.sheet).toBe("周复盘");
      expect(result.review.week).toBe(W2);
      await t.load?.();
      const rows = blockRows(t, "周复盘", 0);
      expect(rows[0]).toBe("周复盘 2026-11-23 ~ 2026-11-27|完成率阈值 85%|||||");
      expect(rows).toContain("本周4人共8项指标，5项低于85%。||||||");
      expect(rows).toContain("甲|新客户数|5|1|20%|100%|低于85%");
      expect(rows).toContain("甲|电话量|75|100|133.3%|100%|达标");
      expect(rows).toContain("丙|电话量|75|50|66.7%|—|低于85%");
      expect(rows).toContain("团队|新客户数|20|11|55%|73.3%|3人低于85%");
      expect(rows).toContain(
        "“客户联系不上”有3位成员提到（甲、丙、丁）：团队共性问题，建议培训“电话+微信+案例”组合触达法，调整外呼时段。||||||",
      );
      expect(rows).toContain("丙|新客户数|连续2周未完成||||");
      expect(rows).toContain("丁|拜访量|本周连续5天低于每日进度||||");
      expect(rows).toContain("丙|新客户数|80%|60%|未改善||");
      expect(rows).toContain("乙|电话量|80%|93.3%|已改善（达到85%）||");
      if (t.host.capabilities.marks) {
        expect(result.highlighted).toBe(8);
        expect(t.marks("周计划跟踪表")).toEqual(
          ["J4", "J5", "J6", "J7", "J11", "J12", "J13", "J14"].map((c) => `${c} below`).sort(),
        );
      }
      // The tracker's own cells are as they were.
      expect(t.value("周计划跟踪表", 6, 10)).toBe("客户未接听，联系不上");
    });

    it("leaves a protected tracker without highlights, says so, and still writes the review", async () => {
      const t = create([{ name: "周计划跟踪表", values: copy(TRACKER) }]);
      await t.protect!("周计划跟踪表");
      const result = await runWeeklyReview(t.host, { today: TODAY, locale: "zh-CN" });
      expect(result.sheet).toBe("周复盘");
      expect(result.highlighted).toBe(0);
      expect(result.protectedSheets).toEqual(t.host.capabilities.marks ? ["周计划跟踪表"] : undefined);
      await t.load?.();
      expect(blockRows(t, "周复盘", 0)).toContain("甲|新客户数|5|1|20%|100%|低于85%");
      expect(t.marks("周计划跟踪表")).toEqual([]);
    });

    it("replaces the week's block on a second run and puts an earlier week below it, newest first", async () => {
      const t = create([{ name: "周计划跟踪表", values: copy(TRACKER) }]);
      await runWeeklyReview(t.host, { today: TODAY, locale: "zh-CN" });
      await t.load?.();
      const first = blockRows(t, "周复盘", 0);
      await runWeeklyReview(t.host, { today: TODAY, locale: "zh-CN", week: W1 + 3 });
      await runWeeklyReview(t.host, { today: TODAY, locale: "zh-CN" });
      await t.load?.();
      expect(blockRows(t, "周复盘", 0)).toEqual(first);
      const titles = columnA(t, "周复盘", 80).filter((v) => v.startsWith("周复盘 "));
      expect(titles).toEqual(["周复盘 2026-11-23 ~ 2026-11-27", "周复盘 2026-11-16 ~ 2026-11-20"]);
      const second = blockRows(t, "周复盘", first.length + 1);
      expect(second).toContain("本周3人共5项指标，3项低于85%。||||||");
      if (t.host.capabilities.marks) expect(t.marks("周计划跟踪表")).toHaveLength(8);
    });

    it("keeps its highlights when the checks mark findings, and Clear marks removes both kinds", async () => {
      const t = create([{ name: "周计划跟踪表", values: copy(TRACKER) }]);
      await runWeeklyReview(t.host, { today: TODAY, locale: "en" });
      await markFindings(t.host, { today: TODAY, locale: "en" });
      await markFindings(t.host, { today: TODAY, locale: "en" });
      await t.load?.();
      if (!t.host.capabilities.marks) return;
      const marks = t.marks("周计划跟踪表");
      expect(marks.filter((m) => m.endsWith(" below"))).toHaveLength(8);
      expect(marks.length).toBeGreaterThan(8);
      const { removed } = await clearMarks(t.host);
      expect(removed).toBe(marks.length);
      await t.load?.();
      expect(t.marks("周计划跟踪表")).toEqual([]);
    });

    it("never writes over the user's text: a review sheet of theirs is left alone and the review goes to a new sheet", async () => {
      const t = create([
        { name: "周计划跟踪表", values: copy(TRACKER) },
        { name: "Weekly Review", values: [["my own notes", 42]] },
      ]);
      const result = await runWeeklyReview(t.host, { today: TODAY, locale: "en" });
      expect(result.sheet).toBe("Weekly Review (2)");
      expect(result.notice?.en).toContain('"Weekly Review" holds text that is not a weekly review');
      await t.load?.();
      expect(t.value("Weekly Review", 0, 0)).toBe("my own notes");
      expect(t.value("Weekly Review", 0, 1)).toBe(42);
      expect(blockRows(t, "Weekly Review (2)", 0)[0]).toBe(
        "Weekly review 2026-11-23 to 2026-11-27|Completion threshold 85%|||||",
      );
    });

    it("moves an earlier block below the new week and never touches what the user wrote beside the blocks", async () => {
      const earlier: CellValue[][] = [
        ["周复盘 2026-11-16 ~ 2026-11-20", "完成率阈值 85%", null, null, null, null, null, null, null, "经理备注：周五前回顾"],
        ["一、小结", null, null, null, null, null, null, null, null, null],
        ["上周没有低于85%的指标。", null, null, null, null, null, null, null, null, "第二条备注"],
      ];
      const t = create([
        { name: "周计划跟踪表", values: copy(TRACKER) },
        { name: "周复盘", values: earlier },
      ]);
      const result = await runWeeklyReview(t.host, { today: TODAY, locale: "zh-CN" });
      expect(result.sheet).toBe("周复盘");
      await t.load?.();
      const top = blockRows(t, "周复盘", 0);
      expect(top[0]).toBe("周复盘 2026-11-23 ~ 2026-11-27|完成率阈值 85%|||||");
      expect(blockRows(t, "周复盘", top.length + 1)).toEqual([
        "周复盘 2026-11-16 ~ 2026-11-20|完成率阈值 85%|||||",
        "一、小结||||||",
        "上周没有低于85%的指标。||||||",
      ]);
      expect(t.value("周复盘", 0, 9)).toBe("经理备注：周五前回顾");
      expect(t.value("周复盘", 2, 9)).toBe("第二条备注");
    });

    it("writes the rep's and the reason's text as literal text, never as a formula", async () => {
      const t = create([
        {
          name: "周计划跟踪表",
          values: [HEADER, line(W2, "=1+1", "电话", 75, [10, 10, 10, 10, 10], "+客户未接听")],
        },
      ]);
      await runWeeklyReview(t.host, { today: TODAY, locale: "en" });
      await t.load?.();
      const rows = blockRows(t, "Weekly Review", 0);
      const at = rows.findIndex((r) => r.startsWith("=1+1|calls|75|50|"));
      expect(at).toBeGreaterThan(0);
      expect(t.value("Weekly Review", at, 0)).toBe("=1+1");
      expect(t.formula("Weekly Review", at, 0) ?? null).toBeNull();
      expect(rows).toContain("customers could not be reached|1|=1+1|=1+1: +客户未接听|Follow up one to one||");
    });

    it("takes the team's own threshold (a settings override)", async () => {
      const t = create([{ name: "周计划跟踪表", values: copy(TRACKER) }]);
      await runWeeklyReview(t.host, { today: TODAY, locale: "zh-CN", week: W1 });
      await t.load?.();
      const review = await runWeeklyReview(t.host, { today: TODAY, locale: "zh-CN", settings: { completionTarget: 0.5 } });
      expect(
        review.review.reps
          .flatMap((r) => r.metrics)
          .filter((m) => m.below)
          .map((m) => `${m.owner} ${m.metric}`),
      ).toEqual(["甲 newCustomers", "丁 newCustomers"]);
      await t.load?.();
      expect(t.value("周复盘", 0, 1)).toBe("完成率阈值 50%");
    });
  });
}
