import { rangeAddress } from "../../../src/core/cell/a1";
import { joinCells } from "../../../src/core/cell/cell-blocks";
import { ADDRESS_LIMIT, AREA_CELL_LIMIT, FORMULA_LIMIT, markAreas, readMarkAreas } from "../../../src/core/validate/mark-areas";

const cell = (row: number, column: number) => ({ row, column });
const key = (c: { row: number; column: number }) => `${c.row},${c.column}`;

describe("marks of many cells as a few conditional formats (mark-areas)", () => {
  it("joins runs down a column, then equal runs side by side, into rectangles", () => {
    const cells = [cell(1, 2), cell(2, 2), cell(3, 2), cell(1, 3), cell(2, 3), cell(3, 3), cell(9, 2), cell(9, 4), cell(2, 2)];
    expect(joinCells(cells).map(rangeAddress)).toEqual(["C10", "C2:D4", "E10"]);
  });

  it("splits a column marked down to row 1,048,576 so that each format reads back within its cell limit", () => {
    const cells = Array.from({ length: 1_048_575 }, (_v, i) => cell(i + 1, 2));
    const areas = markAreas("error", cells);
    expect(areas.map((a) => a.ranges.map(rangeAddress))).toEqual([["C2:C1000001"], ["C1000002:C1048576"]]);
    expect(areas.map((a) => readMarkAreas(a.formula)?.cells.length)).toEqual([AREA_CELL_LIMIT, 48_575]);
  });

  it("writes the cells into formulas it reads back exactly, each formula and address within 255 characters", () => {
    // Rows with gaps over 100,000 rows, several columns, runs: what checking a large sheet marks.
    const cells = new Map<string, { row: number; column: number }>();
    for (let i = 0; i < 20_000; i++) {
      const row = (i * 37) % 120_000;
      const column = 2 + ((i * 7) % 11);
      cells.set(key({ row, column }), cell(row, column));
      if (i % 9 === 0) cells.set(key({ row: row + 1, column }), cell(row + 1, column));
    }
    const areas = markAreas("warning", [...cells.values()]);
    expect(areas.every((a) => a.formula.length <= FORMULA_LIMIT)).toBe(true);
    expect(areas.every((a) => a.addresses.every((s) => s.length <= ADDRESS_LIMIT))).toBe(true);
    const read = areas.flatMap((a) => readMarkAreas(a.formula)!.cells.map(key)).sort();
    expect(read).toEqual([...cells.keys()].sort());
    // Each format's addresses are its cells.
    for (const a of areas.slice(0, 20)) {
      const fromAddresses = a.ranges.flatMap((r) =>
        Array.from({ length: r.rowCount * r.columnCount }, (_v, i) =>
          key(cell(r.row + Math.floor(i / r.columnCount), r.column + (i % r.columnCount))),
        ),
      );
      expect(fromAddresses.sort()).toEqual(readMarkAreas(a.formula)!.cells.map(key).sort());
      expect(a.addresses.join(",")).toBe(a.ranges.map(rangeAddress).join(","));
    }
    // Far fewer formats than cells.
    expect(areas.length).toBeLessThan(cells.size / 50);
  });

  it("reads tone and kind, and nothing from the user's formulas or a damaged marker", () => {
    expect(readMarkAreas('=ISTEXT("sales-playbook-marks|below|B-C:2.3")')).toEqual({
      tone: "below",
      kind: "completion",
      cells: [cell(1, 1), cell(1, 2), cell(2, 1), cell(2, 2), cell(3, 1), cell(3, 2)],
    });
    for (const formula of [
      "=$A1>0",
      '=ISTEXT("sales-playbook-mark|B2|error")',
      '=ISTEXT("sales-playbook-marks|fatal|B:2")',
      '=ISTEXT("sales-playbook-marks|error|B:0")',
      '=ISTEXT("sales-playbook-marks|error|C-B:2")',
      '=ISTEXT("sales-playbook-marks|error|B:2,,3")',
      '=ISTEXT("sales-playbook-marks|error|B:zzzzz")',
    ])
      expect(readMarkAreas(formula)).toBeUndefined();
  });
});
