import { insertTemplates } from "../../src/app/insert-templates";
import { validateWorkbook } from "../../src/app/validate-workbook";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import type { CellValue } from "../../src/core/cell/cell-value";
import type { HostFactory } from "./host-under-test";

const TODAY = toExcelSerial(2026, 11, 26);

/** A table placed with its header on row `row` and its first column at `column` (1-based, as a user sees it). */
export function placeAt(table: readonly (readonly CellValue[])[], row: number, column: number): CellValue[][] {
  return [
    ...Array.from({ length: row - 1 }, () => [] as CellValue[]),
    ...table.map((line) => [...Array.from({ length: column - 1 }, () => null), ...line]),
  ];
}

/** The validate-workbook use case, once for every host. */
export function describeValidateWorkbook(hostName: string, create: HostFactory): void {
  describe(`validate workbook on ${hostName}`, () => {
    it("finds the playbook sheets by their headers, whatever their names, and checks them", async () => {
      const t = create([
        { name: "我的笔记", values: [["随便写写", 1]] },
        {
          name: "三月目标",
          values: [
            ["团队总目标", "目标项", "负责人", "时间节点", "关键结果(KR)", "完成标准"],
            ["月度100万", "销售额", "", "30日", "1.新客户开发8个 2.复购率60%", "1.实际开发≥5个 2.复购客户数≥现有客户数60%"],
          ],
        },
      ]);
      const result = await validateWorkbook(t.host, { today: TODAY });
      expect(result.sheets).toEqual([{ sheet: "三月目标", template: "targets" }]);
      expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
        "三月目标!C2 target.specific.owner",
        "三月目标!F2 criteria.mismatch",
      ]);
      expect(result.counts).toEqual({ error: 1, warning: 1, info: 0 });
    });

    it("compares rep targets with the reps' own history when the workbook has deal data (一刀切)", async () => {
      const deals: CellValue[][] = [["成交日期", "负责人", "客户", "成交金额"]];
      for (const month of [9, 10, 11]) {
        deals.push([`2026-${month}-05`, "张三", `甲${month}`, 600000], [`2026-${month}-06`, "李四", `乙${month}`, 200000]);
      }
      const target = (owner: string): CellValue[] => [
        "月度100万",
        "销售额",
        owner,
        "50万",
        "30日",
        "1.新客户开发8个 2.复购率60%",
        "1.实际开发≥8个 2.复购客户数≥现有客户数60%",
      ];
      const t = create([
        {
          name: "目标",
          values: [
            ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
            target("张三"),
            target("李四"),
          ],
        },
        { name: "成交", values: deals },
      ]);
      const result = await validateWorkbook(t.host, { today: TODAY });
      // 李四 has done 20万 a month: 50万 is +150%, beyond the 30% band; the equal split ignores 60万 vs 20万.
      expect(result.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual([
        "D3 target.achievable.growth",
        "D2 decomposition.equal-split",
      ]);
    });

    it("puts each finding on its own cell when the tables start at B4, not A1", async () => {
      const targets: CellValue[][] = [
        ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
        ["月度100万", "销售额", "甲", "35万", "30日", "1.新客户开发8个 2.复购率60%", "1.实际开发≥8个 2.复购客户数≥现有客户数60%"],
        ["月度100万", "销售额", null, "35万", "30日", "1.新客户开发8个 2.参加培训40小时", "1.实际开发≥8个 2.培训≥40小时"],
        ["月度100万", "销售额", "丙", "20万", "下周", "1.新客户开发8个 2.复购率60%", "1.实际开发≥8个 2.复购客户数≥现有客户数60%"],
      ];
      const weekly: CellValue[][] = [
        [
          "周开始日期",
          "负责人",
          "指标",
          "本周目标(量化)",
          "周一完成情况",
          "周二完成情况",
          "周三完成情况",
          "周四完成情况",
          "周五完成情况",
          "本周合计",
          "完成率(%)",
          "未完成原因",
          "改进措施",
        ],
        [toExcelSerial(2026, 11, 16), "张三", "电话", 75, 15, 15, -1, 15, 15],
        [toExcelSerial(2026, 11, 16), "李四", "拜访", 10, 1, 1, 1, 1, 1],
        [toExcelSerial(2026, 11, 23), "张三", "电话", 75, 15],
      ];
      const t = create([
        { name: "目标", values: placeAt(targets, 4, 2) },
        { name: "周计划", values: placeAt(weekly, 4, 2) },
      ]);
      const result = await validateWorkbook(t.host, { today: TODAY });
      // Columns B-H hold the target table and B-N the weekly one; rows 5-7 hold the data.
      expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
        "目标!D6 target.specific.owner", // 负责人 is column D
        "目标!G6 kr.relevant", // 关键结果 is column G
        "目标!F7 target.timebound.unparsed", // 时间节点 is column F
        "目标!E5 decomposition.sum", // 个人目标 of the group's first row
        "周计划!H5 weekly.day.invalid", // Wednesday is column H
        "周计划!L6 weekly.completion.low", // 完成率 is column L
        "周计划!M6 weekly.reason.missing", // 未完成原因 is column M
        "周计划!H6 weekly.coaching", // the third day in a row under the daily pace: Wednesday, column H
        "周计划!G7 weekly.day.missing", // Tuesday of this week is column G
      ]);
      expect(result.findings.map((f) => [f.row, f.column])).toEqual(
        result.findings.map((f) => [Number(f.cell.replace(/[A-Z]+/, "")), f.cell.replace(/\d+/, "")]),
      );
    });

    it("reads in two round trips and writes nothing", async () => {
      const t = create([
        {
          name: "月度复盘表",
          values: [
            ["复盘时间", "参与人员", "本月业绩达成率(%)"],
            ["30日", "某", "九成五"],
          ],
        },
      ]);
      const result = await validateWorkbook(t.host, { today: TODAY });
      expect(result.findings.map((f) => f.rule)).toEqual(["review.achievement.unparsed"]);
      expect(t.roundTrips()).toBe(2);
    });

    it("gives the playbook's expected findings on the inserted example rows", async () => {
      const t = create();
      await insertTemplates(t.host, { locale: "zh-CN", withExamples: true });
      const result = await validateWorkbook(t.host, { today: TODAY });
      expect(result.sheets.map((s) => s.template)).toEqual(["targets", "customers", "weekly", "review", "actions"]);
      expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
        "目标分解表!D2 decomposition.sum",
        "目标分解表!D3 decomposition.sum",
      ]);
    });

    it.each([
      ["zh-CN", TODAY],
      ["en", TODAY],
      // Before the example week, after it, and half a year on: the rows stay clean whenever they are inserted.
      ["zh-CN", toExcelSerial(2026, 11, 2)],
      ["en", toExcelSerial(2026, 12, 1)],
      ["zh-CN", toExcelSerial(2027, 6, 15)],
    ] as const)("passes its own checks on the example rows it inserts (%s, day %d)", async (locale, today) => {
      const t = create();
      await insertTemplates(t.host, { locale, withExamples: true });
      await t.load?.();
      const result = await validateWorkbook(t.host, { today });
      expect(result.counts.error).toBe(0);
      expect(result.counts.warning).toBe(0);
      // The only notes: each example item has one rep's 35万 of 100万 so far ("65万 not yet assigned").
      expect(result.findings.map((f) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual([
        "D2 decomposition.sum info",
        "D3 decomposition.sum info",
      ]);
    });

    it("gives no findings on freshly inserted, empty templates", async () => {
      const t = create();
      await insertTemplates(t.host, { locale: "zh-CN" });
      const result = await validateWorkbook(t.host, { today: TODAY });
      expect(result.findings).toEqual([]);
    });
  });
}
