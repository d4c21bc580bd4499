import type { CellRef, RangeRef } from "./a1";

/**
 * Cells as few rectangles as simply found: runs down each column, then equal runs side by side. What a host
 * writes or marks a block at a time (a block is one call, whatever its size); each cell once, in column order.
 */
export function joinCells(cells: readonly CellRef[]): RangeRef[] {
  const byColumn = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byColumn.get(c.column) ?? [];
    rows.push(c.row);
    byColumn.set(c.column, rows);
  }
  // Runs down each column, keyed by their rows.
  const runs = new Map<string, { row: number; rowCount: number; columns: number[] }>();
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byColumn.get(column))].sort((a, b) => a - b);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      const key = `${rows[i]}:${j - i + 1}`;
      const run = runs.get(key) ?? { row: rows[i], rowCount: j - i + 1, columns: [] };
      run.columns.push(column);
      runs.set(key, run);
      i = j + 1;
    }
  }
  const out: RangeRef[] = [];
  for (const run of runs.values()) {
    for (let i = 0; i < run.columns.length;) {
      let j = i;
      while (j + 1 < run.columns.length && run.columns[j + 1] === run.columns[j] + 1) j++;
      out.push({ row: run.row, rowCount: run.rowCount, column: run.columns[i], columnCount: j - i + 1 });
      i = j + 1;
    }
  }
  return out.sort((a, b) => a.column - b.column || a.columnCount - b.columnCount || a.row - b.row);
}
