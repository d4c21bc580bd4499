import { cellAddress, columnIndex, columnLetter, rangeAddress, type CellRef, type RangeRef } from "../cell/a1";
import { joinCells } from "../cell/cell-blocks";
import { markKind, readMarkFormula, type MarkKind, type MarkTone } from "./marks";

/**
 * Marks of many cells as a few conditional formats (WPS: one call into the object model per format and per
 * range, not per cell). The cells of one tone are joined into rectangles (runs down a column, then equal runs
 * side by side); the rectangles are grouped into formats whose formula carries them in a short code, so the
 * add-in reads its marks back from the formulas alone (two calls a format) and finds exactly its own:
 *
 *   =ISTEXT("sales-playbook-marks|warning|E:2,a,a;F-H:1c.3")
 *
 * Each group is a column or a span of columns ("F-H"), then its rectangles from the top: the rows from the
 * end of the previous one (base 36; the first from row 0), and ".height" (base 36) when taller than a row.
 * Not from the format's `AppliesTo` (which et-jsapi-declare lists, with `ModifyAppliesToRange`): the address of a
 * range of many areas is cut at 255 characters, at an area's end, without an error (Excel's `Range.Address`,
 * MicrosoftDocs/VBA-Docs#49; WPS follows VBA), and reading the areas one by one would cost calls a cell again.
 * The formula stays within the 255 characters Excel and WPS allow a conditional format's formula and a
 * string in a formula; a range address given to `Range()` within its 255 characters too (VBA's limit, which
 * WPS follows), so a format's cells are several `Range()` calls joined with `Application.Union`.
 */
const MARKER = "sales-playbook-marks";
const TONES = "error|warning|info|below";
const FORMULA = new RegExp(`^=ISTEXT\\("${MARKER}\\|(${TONES})\\|([0-9A-Za-z.,;:-]+)"\\)$`);
/** A conditional format's formula and a string in a formula: at most 255 characters (Excel, WPS). */
export const FORMULA_LIMIT = 255;
/** The address `Range()` takes: at most 255 characters. */
export const ADDRESS_LIMIT = 255;
/**
 * The cells of one format at most: the reader expands a format's code to its cells and gives up past this (a code
 * is not trusted to expand without end), so the writer never puts more in one format (a column marked down to row
 * 1,048,576 becomes two formats).
 */
export const AREA_CELL_LIMIT = 1_000_000;

/** A format of a few rectangles of one tone, and the addresses (each within `ADDRESS_LIMIT`) its cells are. */
export interface MarkArea {
  readonly tone: MarkTone;
  readonly formula: string;
  readonly ranges: readonly RangeRef[];
  /** Comma-joined addresses, each within `ADDRESS_LIMIT`: `Range()` each, `Application.Union` them. */
  readonly addresses: readonly string[];
}

const prefix = (tone: MarkTone) => `=ISTEXT("${MARKER}|${tone}|`;
const SUFFIX = `")`;
const columns = (r: RangeRef) =>
  r.columnCount === 1 ? columnLetter(r.column) : `${columnLetter(r.column)}-${columnLetter(r.column + r.columnCount - 1)}`;

/**
 * The formats for these cells of one tone: rectangles in column order, as many to a format as its formula
 * holds. Proportional to the rectangles over about a hundred, never one a cell.
 */
export function markAreas(tone: MarkTone, cells: readonly CellRef[]): MarkArea[] {
  const budget = FORMULA_LIMIT - prefix(tone).length - SUFFIX.length;
  const out: MarkArea[] = [];
  let code = "";
  let ranges: RangeRef[] = [];
  let group = "";
  let end = 0;
  let held = 0;
  const flush = () => {
    if (ranges.length === 0) return;
    out.push({ tone, formula: `${prefix(tone)}${code}${SUFFIX}`, ranges, addresses: joinAddresses(ranges) });
    [code, ranges, group, end, held] = ["", [], "", 0, 0];
  };
  for (const r of joinCells(cells).flatMap(withinCellLimit)) {
    const g = columns(r);
    const fresh = g !== group;
    const item = `${(r.row + 1 - (fresh ? 0 : end)).toString(36)}${r.rowCount > 1 ? `.${r.rowCount.toString(36)}` : ""}`;
    let piece = fresh ? `${code ? ";" : ""}${g}:${item}` : `,${item}`;
    const size = r.rowCount * r.columnCount;
    if (code.length + piece.length > budget || held + size > AREA_CELL_LIMIT) {
      flush();
      piece = `${g}:${(r.row + 1).toString(36)}${r.rowCount > 1 ? `.${r.rowCount.toString(36)}` : ""}`;
    }
    code += piece;
    held += size;
    ranges.push(r);
    group = g;
    end = r.row + r.rowCount;
  }
  flush();
  return out;
}

/** A rectangle of more than `AREA_CELL_LIMIT` cells as bands of rows that each hold at most that many. */
function withinCellLimit(r: RangeRef): RangeRef[] {
  if (r.rowCount * r.columnCount <= AREA_CELL_LIMIT) return [r];
  const rows = Math.floor(AREA_CELL_LIMIT / r.columnCount);
  const out: RangeRef[] = [];
  for (let row = r.row; row < r.row + r.rowCount; row += rows)
    out.push({ ...r, row, rowCount: Math.min(rows, r.row + r.rowCount - row) });
  return out;
}

/** The rectangles' addresses, comma-joined, each string within `ADDRESS_LIMIT`. */
export function joinAddresses(ranges: readonly RangeRef[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const r of ranges) {
    const a = rangeAddress(r);
    if (current && current.length + 1 + a.length > ADDRESS_LIMIT) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** A format's tone and cells, read from its formula; undefined for any other formula (the user's rules). */
export function readMarkAreas(formula: string): { tone: MarkTone; kind: MarkKind; cells: CellRef[] } | undefined {
  const m = FORMULA.exec(formula.trim());
  if (!m) return undefined;
  const tone = m[1] as MarkTone;
  const cells: CellRef[] = [];
  for (const group of m[2].split(";")) {
    const g = /^([A-Z]{1,3})(?:-([A-Z]{1,3}))?:(.+)$/.exec(group);
    if (!g) return undefined;
    const first = columnIndex(g[1]);
    const last = g[2] ? columnIndex(g[2]) : first;
    if (last < first) return undefined;
    let end = 0;
    for (const item of g[3].split(",")) {
      const i = /^([0-9a-z]+)(?:\.([0-9a-z]+))?$/.exec(item);
      if (!i) return undefined;
      const row = end + parseInt(i[1], 36) - 1;
      const rowCount = i[2] ? parseInt(i[2], 36) : 1;
      if (row < 0 || rowCount < 1 || row + rowCount > 1_048_576 || cells.length + rowCount * (last - first + 1) > AREA_CELL_LIMIT)
        return undefined;
      for (let r = row; r < row + rowCount; r++) for (let c = first; c <= last; c++) cells.push({ row: r, column: c });
      end = row + rowCount;
    }
  }
  return { tone, kind: markKind(tone), cells };
}

/** A cell's handle within a format of many cells: its tone and address ("warning|E12"). */
export const areaMarkHandle = (tone: MarkTone, cell: CellRef): string => `${tone}|${cellAddress(cell.row, cell.column)}`;

/**
 * The tone, kind and cells of any of the add-in's mark formats: of one cell (`markFormula`, every host) or of
 * many (`markAreas`, WPS), so each host finds and removes the marks another made in the same file (a format of
 * many cells is removed whole there).
 */
export function readMarkCells(formula: string): { tone: MarkTone; kind: MarkKind; cells: CellRef[] } | undefined {
  const single = readMarkFormula(formula);
  return single ? { tone: single.severity, kind: single.kind, cells: [single.cell] } : readMarkAreas(formula);
}
