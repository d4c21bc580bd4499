import type { WorkbookHost } from "../../src/app/workbook-host.port";
import type { RangeRef } from "../../src/core/cell/a1";
import type { CellValue } from "../../src/core/cell/cell-value";
import type { ResolvedValidation } from "../../src/core/templates/sheet-blueprint";

/**
 * A host plus a way to look at what it holds afterwards, so one table of use-case tests runs
 * on every host (memory, Excel mock, and the real engines as they arrive).
 */
export interface HostUnderTest {
  readonly host: WorkbookHost;
  /** Hosts that keep a file (xlsx) save and reload it here; the others need nothing. */
  load?(): Promise<void>;
  sheetNames(): string[];
  /** The literal value at a cell, as the user would see it ("" or null when empty). */
  value(sheet: string, row: number, column: number): CellValue | undefined;
  formula(sheet: string, row: number, column: number): string | null | undefined;
  tableNames(sheet: string): string[];
  frozenRows(sheet: string): number;
  /** Whether the sheet is hidden from the user. */
  hidden(sheet: string): boolean;
  /** Round trips the use case made (Excel: `context.sync()` calls). */
  roundTrips(): number;
  /** The add-in's marks on a sheet, as "E12 warning", sorted. */
  marks(sheet: string): string[];
  /** The number format of a cell, as the host kept it (hosts whose probe can read it back; undefined: none). */
  numberFormat?(sheet: string, row: number, column: number): string | undefined;
  /** The data validation over a cell, as the host kept it (hosts whose probe can read it back). */
  validation?(sheet: string, row: number, column: number): ResolvedValidation | undefined;
  /** A user edit, reported to edit subscribers as the host would (hosts with edit events only). */
  edit?(sheet: string, row: number, column: number, values: CellValue[][]): Promise<void>;
  /**
   * A user's edit of several areas at once (a multi-selection cleared or filled), reported as the host reports
   * one: one event whose address names every area ("$C$3,$D$4") where the host has addresses.
   */
  editAreas?(sheet: string, areas: readonly { row: number; column: number; values: CellValue[][] }[]): Promise<void>;
  /**
   * The host's change event for cells nobody changed just now, as a host that reports the add-in's writes later
   * raises it (hosts whose fake can hold that event back; undefined where the host knows its own writes).
   */
  echo?(sheet: string, range: RangeRef): Promise<void>;
  /** The user protects a sheet (as the host's own Protect Sheet does). */
  protect?(sheet: string): Promise<void>;
}

export type HostFactory = (existing?: { name: string; values: CellValue[][] }[]) => HostUnderTest;
