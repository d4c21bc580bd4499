import type { CellValue } from "../core/cell/cell-value";
import { parseCellAddress } from "../core/cell/a1";
import type { Finding } from "../core/validate/finding";
import { UseCaseError } from "./use-case-error";
import type { WorkbookHost } from "./workbook-host.port";

const same = (a: CellValue, b: CellValue) => a === b || (a ?? "") === (b ?? "");

export const CELL_CHANGED = (cell: string) =>
  new UseCaseError("cellChanged", {
    "zh-CN": `${cell} 在检查后已被修改，未自动改写：请重新检查后再应用。`,
    en: `${cell} changed after the check and was left as it is: check again, then apply the fix.`,
  });

/**
 * Writes a finding's safe fix (`replacement`) into its cell, only while the cell still holds what the check
 * saw, so nothing the user wrote since is overwritten. One read, one write (a host's own undo takes it back
 * where the host's undo covers add-in writes).
 */
export async function applySafeFix(host: WorkbookHost, finding: Finding): Promise<{ readonly cell: string }> {
  const fix = finding.replacement;
  const where = `${finding.sheet}!${finding.cell}`;
  if (!fix) throw new Error(`${where} has no safe fix`);
  const at = parseCellAddress(finding.cell);
  if (!at) throw new Error(`bad cell ${finding.cell}`);
  const [grid] = await host.readSheets([finding.sheet]);
  const now = grid?.values[at.row - grid.row]?.[at.column - grid.column] ?? null;
  if (!grid || !same(now, fix.was)) throw CELL_CHANGED(where);
  await host.write({ sheets: [{ sheet: grid.name, values: [{ row: at.row, column: at.column, values: [[fix.value]] }] }] });
  return { cell: where };
}
