import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { readSheetTable } from "../../../src/core/sheet/sheet-table";
import { SheetValidator } from "../../../src/core/validate/sheet-validator";
import { brief, findingsOf, SETTINGS, templateGrid } from "./fixtures";

const target = (owner: string, repTarget: CellValue = null): Record<string, CellValue> => ({
  teamTarget: "月度100万",
  targetItem: "销售额",
  owner,
  repTarget,
  deadline: "30日",
  keyResults: "1.新客户开发8个 2.复购率60%",
  criteria: "1.实际开发≥8个 2.复购客户数≥现有客户数60%",
});

describe("an optional column left empty on every row gives one note on its header, not a finding per row", () => {
  it("个人目标 empty everywhere: one note on D1 instead of a missing share on each row", () => {
    const findings = findingsOf(templateGrid("targets", "zh-CN", [target("甲"), target("乙"), target("丙")]));
    expect(brief(findings)).toEqual(["sheet.column.empty @ D1 (info)"]);
    expect(findings[0].message["zh-CN"]).toBe(
      "“个人目标”列全部为空：团队总目标还没有拆到个人，暂不核对各人之和是否等于团队总目标。",
    );
    expect(findings[0].fix?.en).toBe("Enter each owner's share, e.g. 350,000; the shares add up to the team target");
  });

  it("once one share is written, the rows still without one are reported (the column is in use)", () => {
    const findings = findingsOf(templateGrid("targets", "zh-CN", [target("甲", "35万"), target("乙"), target("丙")]));
    expect(brief(findings)).toEqual(["decomposition.missing @ D3 (warning)", "decomposition.missing @ D4 (warning)"]);
  });

  it("the same on an English sheet", () => {
    const findings = findingsOf(templateGrid("targets", "en", [{ ...target("A"), targetItem: "Revenue" }, target("B")]));
    expect(brief(findings)).toEqual(["sheet.column.empty @ D1 (info)"]);
    expect(findings[0].message.en).toMatch(/^The "Rep Target" column is empty on every row/);
  });

  it("the playbook's free-text week typed into the template: read as text, no error on each day", () => {
    // Metric and week columns left empty; the playbook's own row in the other columns.
    const findings = findingsOf(
      templateGrid("weekly", "zh-CN", [
        {
          owner: "*某",
          target: "开发新客户3个 电话15个",
          mon: "开发1个 电话12个",
          tue: "开发1个 电话14个",
          wed: "开发0个 电话15个",
          thu: "开发1个 电话15个",
          fri: "开发2个 电话15个",
          reason: "周三客户未接听，未达成",
          measure: "周四增加触达，提高客户联系率",
        },
      ]),
    );
    expect(brief(findings)).toEqual([
      "sheet.column.empty @ A1 (info)",
      "sheet.column.empty @ C1 (info)",
      "weekly.target.ambiguous @ D2 (info)",
    ]);
  });

  it("without week dates, a week is not judged until its Friday is filled in", () => {
    const row = (fri: CellValue): Record<string, CellValue> => ({
      owner: "张三",
      metric: "电话",
      target: 75,
      mon: 10,
      tue: 10,
      wed: 10,
      fri,
    });
    // Monday to Wednesday at 10 calls: under way, so no completion or reason yet; three days under the
    // daily pace of 15 are a fact already.
    expect(brief(findingsOf(templateGrid("weekly", "zh-CN", [row(null)])))).toEqual([
      "sheet.column.empty @ A1 (info)",
      "weekly.coaching @ G2 (warning)",
    ]);
    // Friday filled: the week is over and 40/75 is judged.
    expect(brief(findingsOf(templateGrid("weekly", "zh-CN", [row(10)])))).toEqual([
      "sheet.column.empty @ A1 (info)",
      "weekly.completion.low @ K2 (warning)",
      "weekly.reason.missing @ L2 (warning)",
      "weekly.coaching @ G2 (warning)",
    ]);
  });

  it("monthly review typed as in the playbook, without target and actual: one note per column", () => {
    const findings = findingsOf(
      templateGrid("review", "zh-CN", [
        {
          reviewTime: "30日14:00",
          participants: "张三、李四",
          achievement: "95%",
          improvements: "1.1周内完成交付流程优化，由张三对接运营部",
        },
      ]),
    );
    expect(brief(findings)).toEqual(["sheet.column.empty @ C1 (info)", "sheet.column.empty @ D1 (info)"]);
  });

  it("a sheet with no data rows has nothing to say", () => {
    expect(findingsOf(templateGrid("targets", "zh-CN", []))).toEqual([]);
  });
});

describe("live: the first share typed in, or the last one cleared, revalidates the sheet whole", () => {
  const table = readSheetTable(templateGrid("targets", "zh-CN", [target("甲"), target("乙"), target("丙")]))!;

  it("moves from the header note to the rows still missing a share, and back", () => {
    const validator = new SheetValidator(table, { settings: SETTINGS });
    expect(brief(validator.validateAll())).toEqual(["sheet.column.empty @ D1 (info)"]);
    const first = table.rows[0];
    const typed = validator.revalidateRow(first.sheetRow, { ...first, cells: { ...first.cells, repTarget: "35万" } });
    // The header row is among the rows whose marks are replaced: its note goes.
    expect(typed.rows).toEqual([0, 1, 2, 3]);
    expect(brief(typed.findings)).toEqual(["decomposition.missing @ D3 (warning)", "decomposition.missing @ D4 (warning)"]);
    const cleared = validator.revalidateRow(first.sheetRow, first);
    expect(cleared.rows).toEqual([0, 1, 2, 3]);
    expect(brief(cleared.findings)).toEqual(["sheet.column.empty @ D1 (info)"]);
  });

  it("an edit elsewhere leaves the note alone (the header row is not revalidated)", () => {
    const validator = new SheetValidator(table, { settings: SETTINGS });
    const second = table.rows[1];
    const result = validator.revalidateRow(second.sheetRow, { ...second, cells: { ...second.cells, owner: "丁" } });
    expect(result.rows).toEqual([1, 2, 3]);
    expect(result.findings).toEqual([]);
  });
});

describe("weekly rows of one rep are one group, whatever the layout", () => {
  it("an edit to one free-text row revalidates the rep's other weeks, whatever their targets say", () => {
    const missed = (week: number, target: string): Record<string, CellValue> => ({
      week,
      owner: "张三",
      target,
      mon: "电话10个",
      tue: "电话10个",
      wed: "电话10个",
      thu: "电话10个",
      fri: "电话10个",
      reason: "客户外出",
      measure: "下周补打",
    });
    const grid = templateGrid("weekly", "zh-CN", [
      missed(toExcelSerial(2026, 11, 9), "每周电话60个"),
      missed(toExcelSerial(2026, 11, 16), "每周电话70个"),
    ]);
    const validator = new SheetValidator(readSheetTable(grid)!, { settings: SETTINGS });
    expect(brief(validator.validateAll())).toContain("sheet.column.empty @ C1 (info)");
    const edited = readSheetTable(grid)!.rows[1];
    const { rows } = validator.revalidateRow(edited.sheetRow, edited);
    expect(rows).toEqual([1, 2]);
  });
});
