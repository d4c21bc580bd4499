import type { RangeRef } from "../../core/cell/a1";

/**
 * Where ExcelApi 1.14's `triggerSource` is missing, the add-in's own writes are told apart from the
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

  isOwn(sheet: string, range: RangeRef): boolean {
    const now = this.now();
    const name = sheet.toLowerCase();
    return this.entries.some(
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
