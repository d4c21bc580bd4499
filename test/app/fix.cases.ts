import { applySafeFix } from "../../src/app/apply-fix";
import { UseCaseError } from "../../src/app/use-case-error";
import { validateWorkbook } from "../../src/app/validate-workbook";
import type { CellValue } from "../../src/core/cell/cell-value";
import { serialOfLocalDate } from "../../src/core/cell/excel-date";
import type { HostFactory } from "./host-under-test";

const TODAY = serialOfLocalDate(new Date(2026, 10, 26));
/** Target 1,000,000, actual 870,000: the typed 95% is wrong, 87% is what the row's own figures give. */
const REVIEW: CellValue[][] = [
  ["复盘时间", "参与人员", "本月目标", "本月实际", "本月业绩达成率(%)", "下月改进措施"],
  ["30日14:00", "张三、李四", 1_000_000, 870_000, "95%", "1.1周内完成交付流程优化，由张三对接运营部"],
];

/** A day typed with its unit ("3个") is a count; "约5个" and "5个电话2个拜访" say more and stay as written. */
const TRACKER: CellValue[][] = [
  ["负责人", "指标", "本周目标(量化)", "周一完成情况", "周二完成情况", "周三完成情况", "未完成原因", "改进措施"],
  ["张三", "电话", 60, "3个", "约5个", "5个电话2个拜访", null, null],
];

/** One-click safe fixes, once for every host. */
export function describeSafeFix(hostName: string, create: HostFactory): void {
  describe(`safe fixes on ${hostName}`, () => {
    it("writes the computed achievement rate over a mistyped one, and the check then passes", async () => {
      const t = create([{ name: "复盘", values: REVIEW.map((r) => [...r]) }]);
      const before = await validateWorkbook(t.host, { today: TODAY });
      const mismatch = before.findings.find((f) => f.rule === "review.achievement.mismatch")!;
      // The value comes from the row's own figures, computed here by hand.
      expect(mismatch.replacement).toEqual({ was: "95%", value: 870_000 / 1_000_000 });
      // Free text never gets a replacement.
      expect(before.findings.filter((f) => f.replacement).map((f) => f.rule)).toEqual(["review.achievement.mismatch"]);
      expect(await applySafeFix(t.host, mismatch)).toEqual({ cell: "复盘!E2" });
      await t.load?.();
      expect(t.value("复盘", 1, 4)).toBe(0.87);
      expect(t.value("复盘", 1, 5)).toBe(REVIEW[1][5]);
      const after = await validateWorkbook(t.host, { today: TODAY });
      expect(after.findings.filter((f) => f.rule.startsWith("review.achievement"))).toEqual([]);
    });

    it("writes a day's count typed with its unit as the number, and only where the cell holds nothing else", async () => {
      const t = create([{ name: "周计划", values: TRACKER.map((r) => [...r]) }]);
      const before = await validateWorkbook(t.host, { today: TODAY });
      const days = before.findings.filter((f) => f.rule === "weekly.day.invalid");
      expect(days.map((f) => f.cell)).toEqual(["D2", "E2", "F2"]);
      expect(days.map((f) => f.replacement ?? null)).toEqual([{ was: "3个", value: 3 }, null, null]);
      expect(await applySafeFix(t.host, days[0])).toEqual({ cell: "周计划!D2" });
      await t.load?.();
      expect([t.value("周计划", 1, 3), t.value("周计划", 1, 4), t.value("周计划", 1, 5)]).toEqual([3, "约5个", "5个电话2个拜访"]);
      const after = await validateWorkbook(t.host, { today: TODAY });
      expect(after.findings.filter((f) => f.rule === "weekly.day.invalid").map((f) => f.cell)).toEqual(["E2", "F2"]);
    });

    it("refuses once the cell changed after the check, and leaves it as the user wrote it", async () => {
      const t = create([{ name: "复盘", values: REVIEW.map((r) => [...r]) }]);
      const mismatch = (await validateWorkbook(t.host, { today: TODAY })).findings.find(
        (f) => f.rule === "review.achievement.mismatch",
      )!;
      // The user types 90% after the check.
      await t.host.write({ sheets: [{ sheet: "复盘", values: [{ row: 1, column: 4, values: [["90%"]] }] }] });
      await expect(applySafeFix(t.host, mismatch)).rejects.toThrow(UseCaseError);
      await expect(applySafeFix(t.host, mismatch)).rejects.toThrow("复盘!E2 changed after the check");
      await t.load?.();
      expect(t.value("复盘", 1, 4)).toBe("90%");
    });
  });
}
