import { decompositionKey, validateDecomposition } from "./decomposition.validator";
import type { Finding } from "./finding";
import { validateReviewRow } from "./review.validator";
import { RuleContext } from "./rule-context";
import type { SheetTable, TableRow } from "./sheet-table";
import { validateTargetRow } from "./targets.validator";
import type { ValidationInput } from "./validation-settings";
import { readWeekLines, validateWeeklyGroup, validateWeekLines, weeklyGroupKey, type WeekLine } from "./weekly.validator";

/**
 * Validates a sheet once, then revalidates single edited rows at the cost of that row and its
 * group (the rows of one decomposition, or one rep's weeks of one metric), never the whole sheet.
 */
export class SheetValidator {
  private readonly rows = new Map<number, TableRow>();
  private readonly groups = new Map<string, Set<number>>();

  constructor(
    readonly table: SheetTable,
    private readonly input: ValidationInput,
  ) {
    for (const row of table.rows) this.index(row);
  }

  /** The group an edit can affect beyond its own row, if the template has groups. */
  private groupKey(row: TableRow): string | undefined {
    switch (this.table.template) {
      case "targets":
        return decompositionKey(row);
      case "weekly":
        return `${String(row.cells.owner ?? "").trim()}\u0000${String(row.cells.metric ?? row.cells.target ?? "").trim()}`;
      default:
        return undefined;
    }
  }

  private index(row: TableRow): void {
    this.rows.set(row.sheetRow, row);
    const key = this.groupKey(row);
    if (key === undefined) return;
    const group = this.groups.get(key) ?? new Set<number>();
    group.add(row.sheetRow);
    this.groups.set(key, group);
  }

  private unindex(sheetRow: number): string | undefined {
    const old = this.rows.get(sheetRow);
    if (!old) return undefined;
    this.rows.delete(sheetRow);
    const key = this.groupKey(old);
    if (key !== undefined) this.groups.get(key)?.delete(sheetRow);
    return key;
  }

  /** Findings of every row and group. */
  validateAll(): Finding[] {
    return this.validate([...this.rows.values()], [...this.groups.keys()]);
  }

  /**
   * Replaces one row (or removes it when `row` has no data) and returns the findings of that row and
   * of its old and new groups: the caller replaces the marks of exactly those rows.
   */
  revalidateRow(sheetRow: number, row: TableRow | undefined): { rows: number[]; findings: Finding[] } {
    return this.revalidateRows([{ sheetRow, row }]);
  }

  /** The same for many edited rows at once (a paste): each affected group is validated once. */
  revalidateRows(changes: readonly { readonly sheetRow: number; readonly row: TableRow | undefined }[]): {
    rows: number[];
    findings: Finding[];
  } {
    const keys = new Set<string>();
    for (const { sheetRow, row } of changes) {
      const oldKey = this.unindex(sheetRow);
      if (oldKey !== undefined) keys.add(oldKey);
      if (row) {
        this.index(row);
        const key = this.groupKey(row);
        if (key !== undefined) keys.add(key);
      }
    }
    const affected = new Set<number>(changes.map((c) => c.sheetRow));
    for (const key of keys) for (const r of this.groups.get(key) ?? []) affected.add(r);
    const rows = [...affected].map((r) => this.rows.get(r)).filter((r): r is TableRow => r !== undefined);
    return { rows: [...affected].sort((a, b) => a - b), findings: this.validate(rows, [...keys]) };
  }

  private validate(rows: readonly TableRow[], groupKeys: readonly string[]): Finding[] {
    const ctx = new RuleContext(this.table, this.input.settings);
    const ordered = [...rows].sort((a, b) => a.sheetRow - b.sheetRow);
    const groupRows = (key: string) => [...(this.groups.get(key) ?? [])].sort((a, b) => a - b).map((r) => this.rows.get(r)!);
    switch (this.table.template) {
      case "targets":
        for (const row of ordered) validateTargetRow(ctx, row);
        for (const key of new Set(groupKeys)) validateDecomposition(ctx, groupRows(key), this.input.history);
        break;
      case "weekly": {
        const read = new Map<number, WeekLine[]>();
        for (const row of ordered) {
          const lines = readWeekLines(ctx, row);
          read.set(row.sheetRow, lines);
          validateWeekLines(ctx, lines);
        }
        // Rows of a group not revalidated above are re-read quietly: their own findings are unchanged.
        const quiet = new RuleContext(this.table, this.input.settings);
        for (const key of new Set(groupKeys)) {
          const lines = groupRows(key).flatMap((row) => read.get(row.sheetRow) ?? readWeekLines(quiet, row));
          const byMetric = new Map<string, WeekLine[]>();
          for (const line of lines) {
            const metricKey = weeklyGroupKey(line);
            const group = byMetric.get(metricKey);
            if (group) group.push(line);
            else byMetric.set(metricKey, [line]);
          }
          for (const group of byMetric.values()) validateWeeklyGroup(ctx, group);
        }
        break;
      }
      case "review":
        for (const row of ordered) validateReviewRow(ctx, row);
        break;
      case "customers":
        break;
    }
    return ctx.findings;
  }
}
