/**
 * A tag's parts read by position in a piece of sheet XML, making no strings: shared by the streamed values
 * reader (`sheet-data-scanner.ts`) and the --out preparation (`full-load-shape.ts`), which must find and
 * number rows and cells alike.
 */

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Where the last attribute `findAttribute` found has its value: s[found.start, found.end). */
export const found = { start: 0, end: 0 };

/**
 * Finds one of a tag's own one-letter attributes (no namespace prefix on these: `r`, `t`, `s`) in s[from, to),
 * in either quotes, and leaves its value's place in `found`.
 */
export function findAttribute(s: string, from: number, to: number, name: number): boolean {
  for (let at = from + 1; at < to; at++) {
    if (s.charCodeAt(at) !== name || !isSpace(s.charCodeAt(at - 1))) continue;
    let i = at + 1;
    while (isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (isSpace(s.charCodeAt(i))) i++;
    const quote = s.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const end = s.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0 || end > to) return false;
    found.start = i + 1;
    found.end = end;
    return true;
  }
  return false;
}

/** The last row of the grid. */
export const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** The 0-based row of the last reference `referenceColumn` read. */
export const reference = { row: -1 };

/**
 * The 0-based column of a reference like "AB12" (a $ allowed before either part) within the grid's
 * bounds (XFD1048576), or -1 when it is not one; its 0-based row is left in `reference.row`.
 */
export function referenceColumn(s: string, start: number, end: number): number {
  let i = s.charCodeAt(start) === 36 ? start + 1 : start;
  let column = 0;
  const lettersStart = i;
  for (; i < end; i++) {
    const code = s.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  const letters = i - lettersStart;
  if (letters === 0 || letters > 3 || column > MAX_COLUMN) return -1;
  if (s.charCodeAt(i) === 36) i++;
  if (i >= end) return -1;
  let row = 0;
  for (; i < end; i++) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    row = row * 10 + (code - 48);
  }
  if (row === 0 || row > MAX_ROW) return -1;
  reference.row = row - 1;
  return column - 1;
}
