import { trackProgress } from "../../src/app/track-progress";
import { UseCaseError } from "../../src/app/use-case-error";
import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import type { WriteBatch } from "../../src/app/workbook-host.port";
import type { HostFactory } from "./host-under-test";

/** Half of November gone: 2026-11-15 is day 15 of 30. */
const TODAY = toExcelSerial(2026, 11, 15);

/** 张三 sold to A and B in October; in November to A again and to the new C and D (E lost). 李四: F; G is after today. */
export const PROGRESS_DEALS: CellValue[][] = [
  ["成交日期", "负责人", "客户名称", "成交金额", "订单号", "状态"],
  ["2026-10-10", "张三", "A", 50000, "o1", "赢单"],
  ["2026-10-12", "张三", "B", 30000, "o2", "赢单"],
  ["2026-11-03", "张三", "A", 100000, "o3", "赢单"],
  ["2026-11-05", "张三", "C", 60000, "o4", "赢单"],
  ["2026-11-08", "张三", "D", 50000, "o5", "赢单"],
  ["2026-11-09", "张三", "E", 40000, "o6", "丢单"],
  ["2026-11-04", "李四", "F", 100000, "o7", "赢单"],
  ["2026-11-20", "李四", "G", 90000, "o8", "赢单"],
];

const HEADER = ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"];
const ZHANG = [
  "月度100万",
  "销售额",
  "张三",
  "35万",
  "30日",
  "1.新客户开发8个 2.复购率60%",
  "1.实际开发≥8个 2.复购客户数≥现有客户数60%",
];
const LI = ["月度100万", "销售额", "李四", "35万", "30日", "1.成交订单10单 2.客单价≥5万", "1.实际订单≥10单 2.客单价≥5万"];

/** What the progress column says for 张三 and 李四 on 2026-11-15, worked out by hand from the deals above. */
const ZHANG_PROGRESS = [
  // 21万 of 35万 = 60% with 50% of November gone.
  "目标：完成60%，当月已过50%：进度正常",
  // New customers C and D: 2 of 8 = 25%.
  "KR1：完成25%，当月已过50%：落后于进度",
  // A of the existing A and B bought again: 50% of 60% = 83.3%.
  "KR2：完成83.3%，当月已过50%：进度正常（截至2026-11-15）",
].join("\n");
const LI_PROGRESS = [
  "目标：完成28.6%，当月已过50%：落后于进度",
  "KR1：完成10%，当月已过50%：落后于进度",
  "KR2：10万，目标≥5万：进度正常（截至2026-11-15）",
].join("\n");

/** Target progress (actual, achievement, pacing) written into the target sheet, once for every host. */
export function describeTrackProgress(hostName: string, create: HostFactory): void {
  describe(`target progress on ${hostName}`, () => {
    it("fills the actual, achievement and progress columns of the template's target sheet", async () => {
      const t = create([
        { name: "成交", values: PROGRESS_DEALS },
        { name: "目标分解表", values: [[...HEADER, "实际完成", "达成率(%)", "进度"], ZHANG, LI] },
      ]);
      const result = await trackProgress(t.host, { locale: "zh-CN", today: TODAY });
      await t.load?.();
      expect([result.sheet, result.dealSheet, result.addedColumns, result.typed, result.written]).toEqual([
        "目标分解表",
        "成交",
        [],
        [],
        2,
      ]);
      expect(t.value("目标分解表", 1, 7)).toBe(210000);
      expect(t.value("目标分解表", 1, 8)).toBeCloseTo(0.6, 12);
      expect(t.value("目标分解表", 1, 9)).toBe(ZHANG_PROGRESS);
      expect(t.value("目标分解表", 2, 7)).toBe(100000);
      expect(t.value("目标分解表", 2, 8)).toBeCloseTo(100000 / 350000, 12);
      expect(t.value("目标分解表", 2, 9)).toBe(LI_PROGRESS);
      expect(t.roundTrips()).toBe(3);
    });

    it("adds the columns after the last header cell of an older sheet, its own column left alone", async () => {
      const t = create([
        { name: "成交", values: PROGRESS_DEALS },
        {
          name: "我的目标",
          values: [
            [...HEADER, "备注"],
            [...ZHANG, "=重点客户"],
            // A note of the user's under a blank header, where the actual column goes: that row is left alone.
            [...LI, null, "看下月"],
          ],
        },
      ]);
      const result = await trackProgress(t.host, { locale: "en", today: TODAY });
      await t.load?.();
      expect(result.addedColumns).toEqual(["actual", "achievement", "progress"]);
      expect([7, 8, 9, 10].map((c) => t.value("我的目标", 0, c))).toEqual(["备注", "Actual", "Achievement (%)", "Progress"]);
      expect(result.typed).toEqual([3]);
      expect([8, 9, 10].map((c) => t.value("我的目标", 2, c) ?? null)).toEqual(["看下月", null, null]);
      expect(t.value("我的目标", 1, 7)).toBe("=重点客户");
      expect(t.formula("我的目标", 1, 7) ?? null).toBeNull();
      expect(t.value("我的目标", 1, 8)).toBe(210000);
      expect(t.value("我的目标", 1, 10)).toBe(
        [
          "Target: 60% done with 50% of the month gone: on track",
          "KR 1: 25% done with 50% of the month gone: behind pace",
          "KR 2: 83.3% done with 50% of the month gone: on track (as of 2026-11-15)",
        ].join("\n"),
      );
    });

    it("leaves a row the user typed in, says so, and rewrites its own rows on the next run", async () => {
      const t = create([
        { name: "成交", values: PROGRESS_DEALS },
        {
          name: "目标分解表",
          values: [
            [...HEADER, "实际完成", "达成率(%)", "进度"],
            [...ZHANG, null, null, null],
            [...LI, 90000, 0.9, null],
          ],
        },
      ]);
      const first = await trackProgress(t.host, { locale: "zh-CN", today: TODAY });
      expect([first.typed, first.written]).toEqual([[3], 1]);
      const second = await trackProgress(t.host, { locale: "zh-CN", today: TODAY + 1 });
      await t.load?.();
      expect([second.typed, second.written]).toEqual([[3], 1]);
      expect([7, 8, 9].map((c) => t.value("目标分解表", 2, c) ?? null)).toEqual([90000, 0.9, null]);
      // The next day: 16 of 30 days gone.
      expect(String(t.value("目标分解表", 1, 9)).split("\n")[0]).toBe("目标：完成60%，当月已过53.3%：进度正常");
    });

    it("writes one block per run of adjacent cells, not one per row and column: a typed row splits the run", async () => {
      const rep = (name: string) => [...ZHANG.slice(0, 2), name, ...ZHANG.slice(3)];
      const t = create([
        { name: "成交", values: PROGRESS_DEALS },
        {
          name: "目标分解表",
          values: [
            [...HEADER, "实际完成", "达成率(%)", "进度"],
            [...rep("张三"), null, null, null],
            [...rep("张三"), null, null, null],
            [...LI, 90000, 0.9, null],
            [...rep("张三"), null, null, null],
            [...rep("李四"), null, null, null],
            [...rep("张三"), null, null, null],
          ],
        },
      ]);
      const writes: WriteBatch[] = [];
      const write = t.host.write.bind(t.host);
      t.host.write = (batch) => (writes.push(batch), write(batch));
      const result = await trackProgress(t.host, { locale: "zh-CN", today: TODAY });
      await t.load?.();
      expect([result.typed, result.written]).toEqual([[4], 5]);
      const [sheet] = writes.flatMap((w) => w.sheets);
      // Rows 2-3 and 5-7, each three columns wide; the number formats likewise, one per format and run.
      expect(sheet.values!.map((b) => [b.row, b.column, b.values.length, b.values[0].length])).toEqual([
        [1, 7, 2, 3],
        [4, 7, 3, 3],
      ]);
      expect(sheet.formats!.map((f) => [f.numberFormat, f.range.row, f.range.rowCount, f.range.column])).toEqual([
        ["#,##0", 1, 2, 7],
        ["#,##0", 4, 3, 7],
        ["0.0%", 1, 2, 8],
        ["0.0%", 4, 3, 8],
      ]);
      expect([7, 8, 9].map((c) => t.value("目标分解表", 3, c) ?? null)).toEqual([90000, 0.9, null]);
      expect(String(t.value("目标分解表", 6, 9)).split("\n")[0]).toBe(ZHANG_PROGRESS.split("\n")[0]);
      expect(String(t.value("目标分解表", 5, 9)).split("\n")[0]).toBe(LI_PROGRESS.split("\n")[0]);
    });

    it("says what to do when there is no target sheet", async () => {
      const t = create([{ name: "成交", values: PROGRESS_DEALS }]);
      const failure = trackProgress(t.host, { locale: "en", today: TODAY });
      await expect(failure).rejects.toThrow(UseCaseError);
      await expect(failure).rejects.toThrow("No target decomposition sheet found");
    });
  });
}
