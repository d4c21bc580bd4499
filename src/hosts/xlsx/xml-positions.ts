/**
 * A tag's parts read by position in a piece of sheet XML, making no strings: shared by the streamed values
 * reader (`sheet-data-scanner.ts`) and the --out preparation (`full-load-shape.ts`), which must find and
 * number rows and cells alike.
 */

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Where `readAttributes` found a tag's `r`, `t` and `s`: each value's [start, end), start -1 when absent. */
export const attributes = { r: -1, rEnd: 0, t: -1, tEnd: 0, s: -1, sEnd: 0 };

const R = 114;
const T = 116;
const S = 115;

/**
 * Finds a tag's own one-letter attributes (no namespace prefix on these: `r`, `t`, `s`) in s[from, to), in
 * either quotes, and leaves their values' places in `attributes`. One pass for the three: a cell's tag is read
 * once, not once per attribute (measured on 8,000,000 cells, three searches took 0.7-1.0 s of the read; this
 * about 0.3 s). Each letter is the first ` r=` (` t=`, ` s=`) followed by a quote, not within a value found
 * before it; one whose quote does not close before `to` is absent.
 */
export function readAttributes(s: string, from: number, to: number): void {
  let seen = 0; // bits: 1 r, 2 t, 4 s
  attributes.r = attributes.t = attributes.s = -1;
  for (let at = from + 1; at < to && seen !== 7; at++) {
    const code = s.charCodeAt(at);
    const bit = code === R ? 1 : code === T ? 2 : code === S ? 4 : 0;
    if (bit === 0 || (seen & bit) !== 0 || !isSpace(s.charCodeAt(at - 1))) continue;
    let i = at + 1;
    while (isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (isSpace(s.charCodeAt(i))) i++;
    const quote = s.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    seen |= bit;
    // The value's end by stepping (values are short: a call to indexOf costs more), and the search goes on after it.
    let end = i + 1;
    while (end < to && s.charCodeAt(end) !== quote) end++;
    if (end >= to) continue;
    if (bit === 1) {
      attributes.r = i + 1;
      attributes.rEnd = end;
    } else if (bit === 2) {
      attributes.t = i + 1;
      attributes.tEnd = end;
    } else {
      attributes.s = i + 1;
      attributes.sEnd = end;
    }
    at = end;
  }
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
