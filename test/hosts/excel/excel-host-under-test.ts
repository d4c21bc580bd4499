import { cellAddress, rangeAddress, type RangeRef } from "../../../src/core/cell/a1";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { readMarkFormula } from "../../../src/core/validate/marks";
import { createExcelHost } from "../../../src/hosts/excel/excel-host";
import type { HostFactory } from "../../app/host-under-test";
import { createFakeExcel, keptValue, type FakeExcel, type RequirementSets } from "./fake-excel";

/** What a cell shows after the fake recorded writes: the last write covering it wins (values as Excel keeps them). */
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
    const written = grid[row - r.row][column - r.column];
    return prop === "values" ? keptValue(written) : written;
  }
  if (prop === "values" && state.used) return state.used.values[row - state.used.row]?.[column - state.used.column];
  return undefined;
}

/**
 * `writes`: how the fake reports the add-in's writes to onChanged: as it syncs (Excel), "later" (held back until
 * the case's `echo`), or "never".
 */
export function excelHostFactory(sets: RequirementSets, writes: "sync" | "later" | "never" = "sync"): HostFactory {
  return (existing = []) => {
    const fake = createFakeExcel(sets, existing);
    fake.writeEvents = writes === "sync" ? "sync" : "none";
    return {
      host: createExcelHost(fake.env),
      sheetNames: () => [...fake.sheets.keys()],
      value: (sheet, row, column) => {
        const formula = cellOf(fake, sheet, row, column, "formulas");
        if (formula !== undefined) return null; // a formula cell has no literal value
        const v = cellOf(fake, sheet, row, column, "values") as CellValue | undefined;
        return v === "" ? null : v;
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
      edit: (sheet, row, column, values) => fake.type(sheet, [{ row, column, values }]),
      editAreas: (sheet, areas) => fake.type(sheet, areas),
      protect: async (sheet) => void (fake.sheets.get(sheet)!.protected = true),
      ...(writes === "later" ? { echo: (sheet: string, range: RangeRef) => fake.fireChange(sheet, rangeAddress(range)) } : {}),
    };
  };
}
