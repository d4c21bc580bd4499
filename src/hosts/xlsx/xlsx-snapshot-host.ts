import type { CellValue } from "../../core/cell/cell-value";
import type { HostCapabilities, SheetValues, WorkbookHost, WorkbookOutline, WriteBatch } from "../../app/workbook-host.port";

const CAPABILITIES: HostCapabilities = { nativeValidation: false, tables: false, freezePanes: false };

/**
 * The values of a file read once (.xlsx, .xls, .ods, .csv...), for commands that only read
 * (validate, customers, diagnose without --out, rollup). It cannot write: a use case that writes
 * gets a clear error, and the command line saves nothing.
 */
export class XlsxSnapshotHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  readonly capabilities = CAPABILITIES;

  constructor(private readonly sheets: readonly SheetValues[]) {}

  async readOutline(): Promise<WorkbookOutline> {
    return { sheets: this.sheets.map((s) => s.name), tables: [] };
  }

  async readSheets(names: readonly string[]): Promise<SheetValues[]> {
    return names.map((n) => this.sheets.find((s) => s.name === n)).filter((s): s is SheetValues => s !== undefined);
  }

  async write(_batch: WriteBatch): Promise<void> {
    throw new Error("this workbook was opened read-only");
  }
}

/** Builds a sheet's used range from sparse rows (`rows[r][c]`, 0-based from A1): the block holding every value. */
export function usedRange(
  name: string,
  rows: readonly (readonly (CellValue | undefined)[] | undefined)[],
): SheetValues | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  rows.forEach((line, r) => {
    line?.forEach((v, c) => {
      if (v === null || v === undefined) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (bottom < 0) return undefined;
  const values: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line = rows[r];
    const out: CellValue[] = new Array<CellValue>(right - left + 1);
    for (let c = left; c <= right; c++) out[c - left] = line?.[c] ?? null;
    values.push(out);
  }
  return { name, row: top, column: left, values };
}
