import type { CellValue } from "../../../src/core/cell/cell-value";
import { readSheetTable } from "../../../src/core/sheet/sheet-table";
import { SheetValidator } from "../../../src/core/validate/sheet-validator";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { brief, SETTINGS, templateGrid, weeklyRow } from "./fixtures";

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

  it("a row edited again is revalidated in its place, also when it was its group's only row", () => {
    const validator = new SheetValidator(table, { settings: SETTINGS });
    const edited = table.rows[1500];
    const edit = (cells: Record<string, CellValue>) =>
      validator.revalidateRow(edited.sheetRow, { ...edited, cells: { ...edited.cells, ...cells } });
    expect(brief(edit({ repTarget: "25万" }).findings)).toEqual(["decomposition.sum @ D1502 (warning)"]);
    // Moved to a team of its own (its old team now short), to another, back to the first, then first among its team's rows.
    expect(brief(edit({ teamTarget: "月度35万 #新" }).findings)).toEqual(["decomposition.sum @ D1503 (warning)"]);
    expect(brief(edit({ teamTarget: "月度36万 #新" }).findings)).toEqual(["decomposition.sum @ D1502 (info)"]);
    expect(brief(edit({ teamTarget: "月度35万 #新" }).findings)).toEqual([]); // the team it left, emptied, has it again
    const back = edit({});
    expect(back.rows).toEqual([1501, 1502, 1503]);
    expect(brief(back.findings)).toEqual([]);
    expect(validator.validateAll()).toEqual([]);
  });

  it("a cleared row disappears from its group", () => {
    const validator = new SheetValidator(table, { settings: SETTINGS });
    const { findings } = validator.revalidateRow(table.rows[2].sheetRow, undefined);
    expect(brief(findings)).toEqual(["decomposition.sum @ D2 (warning)"]);
  });
});

describe("validating a weekly tracker by rep", () => {
  // Two reps, three weeks each; 张三 misses weeks 1 and 2, 李四 weeks 2 and 3 (two missed weeks in a row call for coaching).
  const weeks = [toExcelSerial(2026, 11, 2), toExcelSerial(2026, 11, 9), toExcelSerial(2026, 11, 16)];
  const missedWeeks: Record<string, number[]> = { 张三: [0, 1], 李四: [1, 2] };
  const line = (owner: string, w: number): Record<string, CellValue> =>
    weeklyRow({
      week: weeks[w],
      owner,
      fri: missedWeeks[owner].includes(w) ? 10 : 15,
      reason: missedWeeks[owner].includes(w) ? "请假" : null,
    });
  const together = ["张三", "李四"].flatMap((owner) => [0, 1, 2].map((w) => line(owner, w)));
  // 张三's rows start first and end last: the reps' order is not the order in which their last rows come.
  const interleaved = [line("张三", 0), ...[0, 1, 2].map((w) => line("李四", w)), line("张三", 1), line("张三", 2)];

  it.each([
    ["each rep's rows together", together, [2, 3, 6, 7], ["weekly.coaching @ B3 (warning)", "weekly.coaching @ B7 (warning)"]],
    [
      "the reps' rows interleaved",
      interleaved,
      [2, 4, 5, 6],
      ["weekly.coaching @ B6 (warning)", "weekly.coaching @ B5 (warning)"],
    ],
  ])("row findings come in row order, then each rep's coaching in the reps' order (%s)", (_layout, rows, measures, coaching) => {
    const findings = brief(
      new SheetValidator(readSheetTable(templateGrid("weekly", "zh-CN", rows))!, { settings: SETTINGS }).validateAll(),
    );
    expect(findings).toEqual([...measures.map((r) => `weekly.measure.missing @ M${r} (warning)`), ...coaching]);
  });

  it.each([
    ["together", together],
    ["interleaved", interleaved],
  ])("an edit revalidates that rep's rows and weeks only (%s)", (_layout, rows) => {
    const table = readSheetTable(templateGrid("weekly", "zh-CN", rows))!;
    const validator = new SheetValidator(table, { settings: SETTINGS });
    const all = validator.validateAll();
    // 李四 fills in week 2 fully: no longer two missed weeks in a row.
    const edited = table.rows.find((r) => r.cells.owner === "李四" && r.cells.week === weeks[1])!;
    const { rows: touched, findings } = validator.revalidateRow(edited.sheetRow, {
      ...edited,
      cells: { ...edited.cells, fri: 15, reason: null },
    });
    const own = table.rows.filter((r) => r.cells.owner === "李四").map((r) => r.sheetRow);
    expect(touched).toEqual(own);
    const ownCells = new Set(own.map((r) => r + 1));
    const expected = all.filter((f) => ownCells.has(f.row) && f.rule !== "weekly.coaching" && f.row !== edited.sheetRow + 1);
    expect(brief(findings)).toEqual(brief(expected));
  });
});
