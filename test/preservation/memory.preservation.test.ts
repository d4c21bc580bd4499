import fc from "fast-check";
import type { CellValue } from "../../src/core/cell/cell-value";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { userWorkbook, type UserWorkbook } from "../support/random-workbook";
import { allowedWrites } from "./allowed-writes";
import { preservationProblems, type CellRecord, type SheetSnapshot } from "./preservation-check";
import { runUseCases } from "./run-use-cases";

/** The user's workbook in the memory host: values, formulas (result kept as the value), number formats, tables. */
function seedMemoryHost(workbook: UserWorkbook): MemoryHost {
  const host = new MemoryHost();
  for (const s of workbook.sheets) {
    const values: CellValue[][] = [];
    for (const c of s.cells) (values[c.row] ??= [])[c.column] = c.value;
    const sheet = host.seedSheet(
      s.name,
      Array.from(values, (line) => Array.from(line ?? [], (v) => v ?? null)),
    );
    for (const c of s.cells) {
      if (c.formula) {
        // Dense rows, as the host keeps them.
        while (sheet.formulas.length <= c.row) sheet.formulas.push([]);
        const line = sheet.formulas[c.row];
        while (line.length < c.column) line.push(null);
        line[c.column] = `=${c.formula}`;
      }
      if (c.numFmt)
        sheet.numberFormats.push({ range: { row: c.row, column: c.column, rowCount: 1, columnCount: 1 }, format: c.numFmt });
    }
    if (s.table) sheet.tables.push({ ...s.table });
  }
  return host;
}

function snapshotMemoryHost(host: MemoryHost): SheetSnapshot[] {
  return [...host.sheets.values()].map((s) => {
    const cells = new Map<string, CellRecord>();
    const rows = Math.max(s.values.length, s.formulas.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(s.values[r]?.length ?? 0, s.formulas[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const value = s.values[r]?.[c] ?? null;
        const formula = s.formulas[r]?.[c] ?? null;
        if (value !== null || formula !== null) cells.set(`${r},${c}`, { value, formula: formula ?? undefined });
      }
    }
    return {
      name: s.name,
      cells,
      rest: structuredClone({
        numberFormats: s.numberFormats,
        boldRanges: s.boldRanges,
        validations: s.validations,
        tables: s.tables,
        marks: s.marks,
        charts: s.charts,
        columnWidths: [...s.columnWidths],
        freezeRows: s.freezeRows,
        headerRow: s.headerRow,
      }),
    };
  });
}

describe("never lose a file: the memory host", () => {
  it("keeps every cell, formula, number format and table of the user's through every use case", async () => {
    await fc.assert(
      fc.asyncProperty(userWorkbook, async (workbook) => {
        const host = seedMemoryHost(workbook);
        const before = snapshotMemoryHost(host);
        const allowed = allowedWrites(await host.readSheets([...host.sheets.keys()]));
        const run = await runUseCases(host, workbook);
        expect(preservationProblems(before, snapshotMemoryHost(run.host), allowed, ["value", "formula"])).toEqual([]);
        if (allowed.sheet) expect(run.customerSheet).toBe(allowed.sheet);
        expect(run.reportSheet).toMatch(workbook.locale === "zh-CN" ? /^诊断报告( \(\d+\))?$/ : /^Diagnosis( \(\d+\))?$/);
      }),
      { numRuns: 400 },
    );
  });
});
