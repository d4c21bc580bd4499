import type { RangeRef } from "../../core/cell/a1";
import type { SheetWrite } from "../../app/workbook-host.port";

/** What the add-in put in each cell of a range: values, or formulas (`null`: a cell it left as it was). */
type Contents = readonly (readonly unknown[])[];

interface Entry {
  readonly sheet: string;
  readonly range: RangeRef;
  readonly contents: Contents;
  /** In a formula block, `null` is a cell left as it was; in values, an emptied cell. */
  readonly formulas: boolean;
  readonly until: number;
}

/**
 * Where a host cannot say who made a change (Excel before ExcelApi 1.14, WPS), the add-in's own writes are told
 * apart from the user's by what it wrote. A change is the add-in's own only when both hold:
 * - time: it falls inside a range the add-in wrote in the last few seconds (`mayBeOwn`: no read otherwise);
 * - values: its cells now hold what the add-in wrote there (`isOwn`, given the cells as the host reads them).
 * So the same rule serves a host that echoes the add-in's writes as change events (during the write, or later)
 * and one that raises none: the user's edit of the same cells a moment later holds other values, and counts.
 * A host reports a change once: any change judged (or, by a host that knows, said to be the add-in's: `forget`)
 * ends the add-in's claim on those cells, so the user's typing the add-in's value back later is the user's too.
 * The ledger keeps references to the written arrays, not copies; entries go after `ttlMs`.
 *
 * Cells compare as the host hands them back (`sameCell`): text the add-in wrote must read back as that text (every
 * host keeps it: `literal-text.ts`), so 12 typed over its "0012" is the user's; a number may come back as text that
 * reads as it (ET's `Range.Formula`), a boolean as TRUE/FALSE; empty is null, "" or undefined; formulas compare
 * without case or spaces (read a formula cell's formula, not its result: Excel `range.formulas`, ET `Range.Formula`).
 * Anything else the host converted reads as the user's: the cost is one needless recheck, never a missed edit.
 */
export class WriteLedger {
  private entries: Entry[] = [];

  constructor(
    private readonly ttlMs = 5000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Remembers the values and formulas one sheet's write sets (call it as the write is queued or made). */
  recordWrite(op: SheetWrite): void {
    for (const block of op.values ?? []) {
      if (block.values.length === 0 || block.values[0].length === 0) continue;
      this.record(
        op.sheet,
        { row: block.row, column: block.column, rowCount: block.values.length, columnCount: block.values[0].length },
        block.values,
      );
    }
    for (const block of op.formulas ?? []) {
      if (block.formulas.length === 0 || block.formulas[0].length === 0) continue;
      this.record(
        op.sheet,
        { row: block.row, column: block.column, rowCount: block.formulas.length, columnCount: block.formulas[0].length },
        block.formulas,
        true,
      );
    }
  }

  record(sheet: string, range: RangeRef, contents: Contents, formulas = false): void {
    const now = this.now();
    this.entries = this.entries.filter((e) => e.until > now);
    this.entries.push({ sheet: sheet.toLowerCase(), range, contents, formulas, until: now + this.ttlMs });
  }

  /** The time rule alone: the change falls inside a range written in the last few seconds (then read its cells). */
  mayBeOwn(sheet: string, range: RangeRef): boolean {
    return this.covering(sheet, range).length > 0;
  }

  /**
   * The add-in's own change: inside a recent write, and every cell holds what the add-in wrote last there.
   * `cells` are the range's cells as read now (row by row; a host's scalar for one cell is `[[value]]`).
   * Either way the writes it touched are forgotten.
   */
  isOwn(sheet: string, range: RangeRef, cells: Contents): boolean {
    const covering = this.covering(sheet, range);
    let own = covering.length > 0;
    for (let r = 0; own && r < range.rowCount; r++) {
      for (let c = 0; own && c < range.columnCount; c++) {
        const written = lastWritten(covering, range.row + r, range.column + c);
        own = written !== undefined && sameCell(written.value, cells[r]?.[c]);
      }
    }
    this.forget(sheet, range);
    return own;
  }

  /** Entries of this sheet written in the last few seconds, oldest first, when together they cover every cell. */
  private covering(sheet: string, range: RangeRef): Entry[] {
    const now = this.now();
    // Expired writes go here too, so the last batch's arrays are not held until the next write.
    this.entries = this.entries.filter((e) => e.until > now);
    const name = sheet.toLowerCase();
    const live = this.entries.filter((e) => e.until > now && e.sheet === name && overlaps(e.range, range));
    // The common case, one write around the whole change, without visiting each cell.
    if (live.some((e) => !e.formulas && inside(range, e.range))) return live;
    for (let r = range.row; r < range.row + range.rowCount; r++) {
      for (let c = range.column; c < range.column + range.columnCount; c++) {
        if (lastWritten(live, r, c) === undefined) return [];
      }
    }
    return live;
  }

  /** Ends the claim on the writes that touch this range (their change was reported). */
  forget(sheet: string, range: RangeRef): void {
    const name = sheet.toLowerCase();
    this.entries = this.entries.filter((e) => e.sheet !== name || !overlaps(e.range, range));
  }
}

/** What the latest of these writes put at a cell; undefined where none wrote it (a formula block's `null`). */
function lastWritten(entries: readonly Entry[], row: number, column: number): { value: unknown } | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const { range, contents, formulas } = entries[i];
    if (
      row < range.row ||
      row >= range.row + range.rowCount ||
      column < range.column ||
      column >= range.column + range.columnCount
    )
      continue;
    const value = contents[row - range.row]?.[column - range.column];
    if (value !== null || !formulas) return { value };
  }
  return undefined;
}

const inside = (a: RangeRef, b: RangeRef) =>
  a.row >= b.row &&
  a.column >= b.column &&
  a.row + a.rowCount <= b.row + b.rowCount &&
  a.column + a.columnCount <= b.column + b.columnCount;

const overlaps = (a: RangeRef, b: RangeRef) =>
  a.row < b.row + b.rowCount &&
  b.row < a.row + a.rowCount &&
  a.column < b.column + b.columnCount &&
  b.column < a.column + a.columnCount;

/** A cell's content in one spelling for comparing what was written with what the host reads back. */
function cellKey(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isFinite(value) ? `n:${value}` : `s:${String(value)}`;
  const text = String(value);
  if (text.startsWith("=")) return `f:${text.replace(/\s+/g, "").toUpperCase()}`;
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toUpperCase();
  const number = trimmed === "" ? NaN : Number(trimmed);
  return Number.isFinite(number) ? `n:${number}` : `s:${text}`;
}

/**
 * Whether the cell still holds what the add-in wrote. Written text is kept as that text on every host
 * (`literal-text.ts`), so it must read back as the same text: a user who types 12 over the add-in's "0012" made an
 * edit. A number or formula may come back in another spelling (ET's `Range.Formula` gives a number as text).
 */
export const sameCell = (written: unknown, read: unknown): boolean =>
  typeof written === "string" && written !== "" && !written.startsWith("=")
    ? typeof read === "string" && read === written
    : cellKey(written) === cellKey(read);
