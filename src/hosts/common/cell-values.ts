import type { CellValue } from "../../core/cell/cell-value";

const MS_PER_DAY = 86_400_000;
const OLE_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * One value read from a host to a `CellValue`. Dates are OLE serials (days since 1899-12-30, as
 * Excel's and WPS's `Value2` give them); a host that hands a `Date` instead (a `Value` read, some
 * COM bridges) gets its wall-clock date and time turned into that serial. Anything missing
 * (undefined, COM's Empty) is null.
 */
export function toCellValue(raw: unknown): CellValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) {
    const wallClock = Date.UTC(
      raw.getFullYear(),
      raw.getMonth(),
      raw.getDate(),
      raw.getHours(),
      raw.getMinutes(),
      raw.getSeconds(),
    );
    return (wallClock - OLE_EPOCH_UTC) / MS_PER_DAY;
  }
  return String(raw);
}
