import type { CellValue } from "../../src/core/cell/cell-value";
import type { SheetGrid } from "../../src/core/sheet/sheet-table";

/** Values as a host would hand them over: a sheet whose used range starts at `row`, `column` (0-based). */
export function gridOf(values: readonly (readonly CellValue[])[], name = "Sheet1", row = 0, column = 0): SheetGrid {
  return { name, row, column, values };
}
