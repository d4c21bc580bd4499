import type { Bilingual } from "../i18n/locale";
import { createFinding, type Finding, type RuleCode, type Severity } from "./finding";
import type { SheetTable, TableRow } from "../sheet/sheet-table";
import type { ValidationSettings } from "./validation-settings";

const NONE: ReadonlySet<string> = new Set();

/** What every rule needs: where the columns are, the settings, and a place to put findings. */
export class RuleContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly table: SheetTable,
    readonly settings: ValidationSettings,
    /** Optional columns the sheet has but that are empty on every data row (see `empty-columns.ts`). */
    private readonly emptyColumns: ReadonlySet<string> = NONE,
  ) {}

  has(key: string): boolean {
    return this.table.columns.has(key);
  }

  /** True when the sheet has this optional column and not one data row fills it in. */
  isEmptyColumn(key: string): boolean {
    return this.emptyColumns.has(key);
  }

  /** Reports on the cell of `key` in `row` (the row's first known column when that column is absent). */
  report(
    row: TableRow,
    key: string,
    rule: RuleCode,
    severity: Severity,
    message: Bilingual,
    fix?: Bilingual,
    replacement?: Finding["replacement"],
  ): void {
    const column = this.table.columns.get(key) ?? Math.min(...this.table.columns.values());
    this.findings.push(
      createFinding({ sheet: this.table.sheet, row: row.sheetRow, column, rule, severity, message, fix, replacement }),
    );
  }

  /** Reports on the header cell of `key`: a finding about the whole sheet, not one row. */
  reportHeader(key: string, rule: RuleCode, severity: Severity, message: Bilingual, fix?: Bilingual): void {
    const column = this.table.columns.get(key);
    if (column === undefined) return;
    this.findings.push(
      createFinding({ sheet: this.table.sheet, row: this.table.headerRow, column, rule, severity, message, fix }),
    );
  }
}
