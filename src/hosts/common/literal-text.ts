import { looksLikeFormula, type CellValue } from "../../core/cell/cell-value";

/**
 * A literal for a host that takes values the way Excel does (Office.js `Range.values`, the ET object
 * model's `Range.Value2`): a string that starts with = + - @ would run as a formula, so such text (and
 * text that itself starts with an apostrophe) gets the text prefix "'", which both programs keep out
 * of the cell's value. `null` becomes "" (an empty cell).
 */
export function toLiteralText(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string" && (looksLikeFormula(value) || value.startsWith("'"))) return `'${value}`;
  return value;
}

/** Vertical runs of non-null formulas in a block, one range write each. */
export function formulaRuns(
  formulas: readonly (readonly (string | null)[])[],
): { row: number; column: number; formulas: string[][] }[] {
  const runs: { row: number; column: number; formulas: string[][] }[] = [];
  const columnCount = Math.max(0, ...formulas.map((line) => line.length));
  for (let c = 0; c < columnCount; c++) {
    let current: { row: number; column: number; formulas: string[][] } | undefined;
    formulas.forEach((line, r) => {
      const f = line[c] ?? null;
      if (f === null) {
        current = undefined;
        return;
      }
      if (!current) {
        current = { row: r, column: c, formulas: [] };
        runs.push(current);
      }
      current.formulas.push([f]);
    });
  }
  return runs;
}
