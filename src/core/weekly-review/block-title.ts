import type { CellValue } from "../cell/cell-value";
import { toExcelSerial } from "../cell/excel-date";

/** A review block's first cell in either language: "周复盘 2026-11-23 ~ …" / "Weekly review 2026-11-23 to …". */
const BLOCK_TITLE = /^(?:周复盘|Weekly review) (\d{4})-(\d{2})-(\d{2})\b/;

/** The week (Monday serial) a block title names, or undefined for any other cell. */
export function blockWeek(value: CellValue): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = BLOCK_TITLE.exec(value.trim());
  return m ? toExcelSerial(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
