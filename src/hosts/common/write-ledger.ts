import type { RangeRef } from "../../core/cell/a1";

/**
 * Where a host cannot say who made a change (Excel before ExcelApi 1.14, WPS), the add-in's own writes are told apart from the
 * user's by remembering what it just wrote: an edit event that falls inside a range written in the
 * last few seconds is its own.
 */
export class WriteLedger {
  private entries: { sheet: string; range: RangeRef; until: number }[] = [];

  constructor(
    private readonly ttlMs = 5000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  record(sheet: string, range: RangeRef): void {
    const now = this.now();
    this.entries = this.entries.filter((e) => e.until > now);
    this.entries.push({ sheet: sheet.toLowerCase(), range, until: now + this.ttlMs });
  }

  /** True when the change falls inside a range written in the last few seconds. */
  isOwn(sheet: string, range: RangeRef): boolean {
    return this.find(sheet, range) >= 0;
  }

  /**
   * Like `isOwn`, and forgets that write: for a host that reports each write once (WPS's SheetChange),
   * so that the user's edit of the same cells a moment later is the user's again.
   */
  take(sheet: string, range: RangeRef): boolean {
    const i = this.find(sheet, range);
    if (i >= 0) this.entries.splice(i, 1);
    return i >= 0;
  }

  private find(sheet: string, range: RangeRef): number {
    const now = this.now();
    const name = sheet.toLowerCase();
    return this.entries.findIndex(
      (e) =>
        e.until > now &&
        e.sheet === name &&
        range.row >= e.range.row &&
        range.column >= e.range.column &&
        range.row + range.rowCount <= e.range.row + e.range.rowCount &&
        range.column + range.columnCount <= e.range.column + e.range.columnCount,
    );
  }
}
