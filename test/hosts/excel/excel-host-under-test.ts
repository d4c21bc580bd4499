import { cellAddress, rangeAddress } from "../../../src/core/cell/a1";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { readMarkFormula } from "../../../src/core/validate/marks";
import { createExcelHost } from "../../../src/hosts/excel/excel-host";
import type { HostFactory } from "../../app/host-under-test";
import { createFakeExcel, type FakeExcel, type RequirementSets } from "./fake-excel";

/** What a cell shows after the fake recorded writes: the last write covering it wins. */
function cellOf(fake: FakeExcel, sheet: string, row: number, column: number, prop: "values" | "formulas"): unknown {
  const state = fake.sheets.get(sheet);
  if (!state) throw new Error(`no sheet ${sheet}`);
  for (const r of [...state.ranges].reverse()) {
    const grid = r[prop];
    if (
      !grid ||
      r.readOnly ||
      row < r.row ||
      row >= r.row + r.rowCount ||
      column < r.column ||
      column >= r.column + r.columnCount
    )
      continue;
    return grid[row - r.row][column - r.column];
  }
  if (prop === "values" && state.used) return state.used.values[row - state.used.row]?.[column - state.used.column];
  return undefined;
}

export function excelHostFactory(sets: RequirementSets): HostFactory {
  return (existing = []) => {
    const fake = createFakeExcel(sets, existing);
    return {
      host: createExcelHost(fake.env),
      sheetNames: () => [...fake.sheets.keys()],
      value: (sheet, row, column) => {
        const formula = cellOf(fake, sheet, row, column, "formulas");
        if (formula !== undefined) return null; // a formula cell has no literal value
        const v = cellOf(fake, sheet, row, column, "values") as CellValue | undefined;
        // Excel keeps the text prefix "'" out of the cell's value.
        return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v === "" ? null : v;
      },
      formula: (sheet, row, column) => (cellOf(fake, sheet, row, column, "formulas") as string | undefined) ?? null,
      tableNames: (sheet) => fake.sheets.get(sheet)?.tables.map((t) => t.name ?? "") ?? [],
      frozenRows: (sheet) => fake.sheets.get(sheet)?.frozenRows ?? 0,
      hidden: (sheet) => fake.sheets.get(sheet)?.visibility === "Hidden",
      roundTrips: () => fake.syncs,
      marks: (sheet) =>
        (fake.sheets.get(sheet)?.conditionalFormats ?? [])
          .flatMap((cf) => {
            const mark = readMarkFormula(cf.custom.rule.formula ?? "");
            return mark ? [`${cellAddress(mark.cell.row, mark.cell.column)} ${mark.severity}`] : [];
          })
          .sort(),
      edit: async (sheet, row, column, values) => {
        const state = fake.sheets.get(sheet)!;
        const grid = state.used?.values ?? [];
        values.forEach((line, r) =>
          line.forEach((v, c) => {
            while (grid.length <= row + r) grid.push([]);
            grid[row + r][column + c] = v;
          }),
        );
        state.used = { row: 0, column: 0, values: grid };
        await fake.fireChange(sheet, rangeAddress({ row, column, rowCount: values.length, columnCount: values[0].length }));
      },
    };
  };
}
