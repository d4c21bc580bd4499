import type { Bilingual } from "../i18n/locale";
import { createFinding, type Finding, type RuleCode, type Severity } from "./finding";
import type { SheetTable, TableRow } from "./sheet-table";
import type { ValidationSettings } from "./validation-settings";

/** What every rule needs: where the columns are, the settings, and a place to put findings. */
export class RuleContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly table: SheetTable,
    readonly settings: ValidationSettings,
  ) {}

  has(key: string): boolean {
    return this.table.columns.has(key);
  }

  /** Reports on the cell of `key` in `row` (the row's first known column when that column is absent). */
  report(row: TableRow, key: string, rule: RuleCode, severity: Severity, message: Bilingual, fix?: Bilingual): void {
    const column = this.table.columns.get(key) ?? Math.min(...this.table.columns.values());
    this.findings.push(createFinding(this.table.sheet, row.sheetRow, column, rule, severity, message, fix));
  }
}
