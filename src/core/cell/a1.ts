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

/**
 * A range address as Office writes it in events: "B7", "A1:C3", whole rows "3:5", whole columns "A:C",
 * with or without "$" and a "Sheet!" prefix. Whole columns span every row (1,048,576).
 */
export function parseRangeAddress(address: string): RangeRef | undefined {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = local.replace(/\$/g, "").split(":");
  const rows = /^(\d+)$/;
  const cols = /^([A-Za-z]{1,3})$/;
  if (rows.test(a) && rows.test(b)) {
    const top = Number(a) - 1;
    return { row: top, column: 0, rowCount: Number(b) - top, columnCount: 16_384 };
  }
  if (cols.test(a) && cols.test(b)) {
    const left = columnIndex(a);
    return { row: 0, column: left, rowCount: 1_048_576, columnCount: columnIndex(b) - left + 1 };
  }
  const start = parseCellAddress(a);
  const end = parseCellAddress(b);
  if (!start || !end) return undefined;
  return { row: start.row, column: start.column, rowCount: end.row - start.row + 1, columnCount: end.column - start.column + 1 };
}

/**
 * Every area of an address that may name several ("$B$2,$B$4", "Sheet1!B2:C3,E5", "'A, B'!A1,'A, B'!C3",
 * as Excel's change events and WPS's `Target.Address` give a multi-selection). The sheet prefix may come
 * with each area or with the first only; a comma inside a quoted sheet name does not split. Undefined
 * when any area is not an address, so a caller never rechecks part of an edit and drops the rest unseen.
 */
export function parseRangeAreas(address: string): RangeRef[] | undefined {
  const areas: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      areas.push(address.slice(start, i));
      start = i + 1;
    }
  }
  areas.push(address.slice(start));
  const refs = areas.map((area) => parseRangeAddress(area.trim()));
  return refs.length > 0 && refs.every((r) => r !== undefined) ? (refs as RangeRef[]) : undefined;
}
