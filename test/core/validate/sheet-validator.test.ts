import type { CellValue } from "../../../src/core/cell/cell-value";
import { readSheetTable } from "../../../src/core/sheet/sheet-table";
import { SheetValidator } from "../../../src/core/validate/sheet-validator";
import { brief, SETTINGS, templateGrid } from "./fixtures";

function targetRows(teams: number): Record<string, CellValue>[] {
  return Array.from({ length: teams }, (_v, team) =>
    ["35万", "35万", "30万"].map((share, i) => ({
      teamTarget: `月度100万 #${team}`, // one team target per group of three reps
      targetItem: "销售额",
      owner: `成员${team}-${i}`,
      repTarget: share,
      deadline: "30日",
      keyResults: "1.新客户开发8个 2.复购率60%",
      criteria: "1.实际开发≥8个 2.复购客户数≥现有客户数60%",
    })),
  ).flat();
}

describe("revalidating one edited row", () => {
  const grid = templateGrid("targets", "zh-CN", targetRows(1000));
  const table = readSheetTable(grid)!;

  it("starts clean", () => {
    expect(new SheetValidator(table, { settings: SETTINGS }).validateAll()).toEqual([]);
  });

  it("touches only that row and its decomposition group, and finds the new gap", () => {
    const validator = new SheetValidator(table, { settings: SETTINGS });
    const edited = table.rows[1500]; // team 500, second rep
    const { rows, findings } = validator.revalidateRow(edited.sheetRow, {
      ...edited,
      cells: { ...edited.cells, repTarget: "25万" },
    });
    expect(rows).toEqual([1501, 1502, 1503]); // 0-based sheet rows of team 500
    expect(brief(findings)).toEqual(["decomposition.sum @ D1502 (warning)"]);
  });

  it("moving a row to another group revalidates both groups", () => {
    const validator = new SheetValidator(table, { settings: SETTINGS });
    const edited = table.rows[0];
    const moved = { ...edited, cells: { ...edited.cells, teamTarget: table.rows[3].cells.teamTarget } };
    const { rows, findings } = validator.revalidateRow(edited.sheetRow, moved);
    expect(rows).toEqual([1, 2, 3, 4, 5, 6]);
    expect(brief(findings)).toEqual(["decomposition.sum @ D3 (warning)", "decomposition.sum @ D2 (warning)"]);
  });

  it("a cleared row disappears from its group", () => {
    const validator = new SheetValidator(table, { settings: SETTINGS });
    const { findings } = validator.revalidateRow(table.rows[2].sheetRow, undefined);
    expect(brief(findings)).toEqual(["decomposition.sum @ D2 (warning)"]);
  });
});
