/** A1 address arithmetic. Rows and columns are 0-based everywhere in code, 1-based only in text. */

export interface CellRef {
  readonly row: number;
  readonly column: number;
}

export interface RangeRef {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 0) throw new RangeError(`column must be a non-negative integer: ${column}`);
  let n = column + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" -> 0, "AA" -> 26. Returns -1 for anything that is not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export function rangeAddress(range: RangeRef): string {
  const start = cellAddress(range.row, range.column);
  if (range.rowCount === 1 && range.columnCount === 1) return start;
  return `${start}:${cellAddress(range.row + range.rowCount - 1, range.column + range.columnCount - 1)}`;
}

/** "B7" -> {row: 6, column: 1}; undefined when it is not a single-cell A1 address. */
export function parseCellAddress(address: string): CellRef | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  const column = columnIndex(m[1]);
  return row >= 0 && column >= 0 ? { row, column } : undefined;
}

/** Quotes a sheet name for use in a formula or address when it needs it. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
