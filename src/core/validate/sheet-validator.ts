import { isBlank } from "../cell/cell-value";
import { validateActionRow } from "./actions.validator";
import { normalizeText } from "../parse/parse-result";
import { CUSTOMER_PERIOD_GROUP, validateCustomerPeriod } from "./customers.validator";
import { decompositionKey, validateDecomposition } from "./decomposition.validator";
import { OPTIONAL_COLUMNS, reportEmptyColumns } from "./empty-columns";
import type { Finding } from "./finding";
import { validateReviewRow } from "./review.validator";
import { RuleContext } from "./rule-context";
import type { SheetTable, TableRow } from "../sheet/sheet-table";
import { validateTargetRow } from "./targets.validator";
import type { ValidationInput } from "./validation-settings";
import { readWeekLines, validateWeeklyGroup, validateWeekLines, weeklyGroupKey, type WeekLine } from "./weekly.validator";

/** Adds week lines to their rep's and metric's group, in the order read. */
function gather(byMetric: Map<string, WeekLine[]>, lines: readonly WeekLine[]): void {
  for (const line of lines) {
    const key = weeklyGroupKey(line);
    const group = byMetric.get(key);
    if (group) group.push(line);
    else byMetric.set(key, [line]);
  }
}

/** Where a row of `sheetRow` is, or goes, among rows in sheet order. */
function sortedIndex(rows: readonly TableRow[], sheetRow: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid].sheetRow < sheetRow) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Validates a sheet once, then revalidates single edited rows at the cost of that row and its
 * group (the rows of one decomposition, or one rep's weeks), never the whole sheet. An edit that
 * fills the first cell of an optional column, or empties its last, changes what the rules read on
 * every row: then the sheet is validated whole.
 */
export class SheetValidator {
  /**
   * The rows by sheet row, made on the first edit: a sheet validated once (a check, the command line) needs none,
   * and a map of 60,000 rows held for the whole call was garbage collection's work. Until then, the table's.
   */
  private byRow?: Map<number, TableRow>;
  /** Each group's rows in sheet order (no sort when a group is validated). */
  private readonly groups = new Map<string, TableRow[]>();
  /** The sheet's optional columns, and how many rows fill each in. */
  private readonly optional: readonly string[];
  private readonly filled: number[];

  constructor(
    readonly table: SheetTable,
    private readonly input: ValidationInput,
  ) {
    this.optional = OPTIONAL_COLUMNS[table.template].filter((c) => table.columns.has(c.key)).map((c) => c.key);
    this.filled = this.optional.map(() => 0);
    for (const row of table.rows) this.index(row);
  }

  private get rows(): Map<number, TableRow> {
    return (this.byRow ??= new Map(this.table.rows.map((row) => [row.sheetRow, row])));
  }

  /** Optional columns present but empty on every data row (none while the sheet has no data). */
  private emptyColumns(): Set<string> {
    if ((this.byRow?.size ?? this.table.rows.length) === 0) return new Set();
    return new Set(this.optional.filter((_key, i) => this.filled[i] === 0));
  }

  private countFilled(row: TableRow, step: 1 | -1): void {
    for (let i = 0; i < this.optional.length; i++) if (!isBlank(row.cells[this.optional[i]])) this.filled[i] += step;
  }

  /** The group an edit can affect beyond its own row, if the template has groups. */
  private groupKey(row: TableRow): string | undefined {
    switch (this.table.template) {
      case "targets":
        return decompositionKey(row, this.input.settings.today);
      case "weekly":
        // One rep's rows: the weeks of each metric are told apart from the lines read (structured or free text).
        return normalizeText(row.cells.owner);
      case "customers":
        // The latest fill is judged over every row: an edit to one revalidates them all.
        return this.table.columns.has("period") ? CUSTOMER_PERIOD_GROUP : undefined;
      default:
        return undefined;
    }
  }

  private index(row: TableRow): void {
    this.byRow?.set(row.sheetRow, row);
    this.countFilled(row, 1);
    const key = this.groupKey(row);
    if (key === undefined) return;
    const group = this.groups.get(key);
    if (!group) this.groups.set(key, [row]);
    // The table's rows come in sheet order; an edited row goes in its place.
    else if (group.length === 0 || group[group.length - 1].sheetRow < row.sheetRow) group.push(row);
    else group.splice(sortedIndex(group, row.sheetRow), 0, row);
  }

  private unindex(sheetRow: number): string | undefined {
    const old = this.rows.get(sheetRow);
    if (!old) return undefined;
    this.rows.delete(sheetRow);
    this.countFilled(old, -1);
    const key = this.groupKey(old);
    const group = key === undefined ? undefined : this.groups.get(key);
    const at = group ? sortedIndex(group, sheetRow) : -1;
    if (group?.[at]?.sheetRow === sheetRow) group.splice(at, 1);
    return key;
  }

  /**
   * The rows of `table` (the same sheet read again) whose cells differ from the rows validated, and the
   * rows validated that are gone: what an edit report can leave out when rows are inserted or deleted.
   */
  changedRows(table: SheetTable): number[] {
    const keys = [...table.columns.keys()];
    const out: number[] = [];
    const seen = new Set<number>();
    for (const row of table.rows) {
      seen.add(row.sheetRow);
      const old = this.rows.get(row.sheetRow);
      if (!old || keys.some((key) => old.cells[key] !== row.cells[key])) out.push(row.sheetRow);
    }
    for (const sheetRow of this.rows.keys()) if (!seen.has(sheetRow)) out.push(sheetRow);
    return out;
  }

  /** Findings of every row and group, and the sheet's notes on its header row. */
  validateAll(): Finding[] {
    return this.validate(this.byRow ? [...this.byRow.values()] : this.table.rows, [...this.groups.keys()], true);
  }

  /**
   * Replaces one row (or removes it when `row` has no data) and returns the findings of that row and
   * of its old and new groups: the caller replaces the marks of exactly those rows (the header row
   * among them when the sheet was validated whole).
   */
  revalidateRow(sheetRow: number, row: TableRow | undefined): { rows: number[]; findings: Finding[] } {
    return this.revalidateRows([{ sheetRow, row }]);
  }

  /** The same for many edited rows at once (a paste): each affected group is validated once. */
  revalidateRows(changes: readonly { readonly sheetRow: number; readonly row: TableRow | undefined }[]): {
    rows: number[];
    findings: Finding[];
  } {
    const emptyBefore = [...this.emptyColumns()].join();
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
    if ([...this.emptyColumns()].join() !== emptyBefore) {
      for (const r of [this.table.headerRow, ...this.rows.keys()]) affected.add(r);
      return { rows: [...affected].sort((a, b) => a - b), findings: this.validateAll() };
    }
    for (const key of keys) for (const r of this.groups.get(key) ?? []) affected.add(r.sheetRow);
    const rows = [...affected].map((r) => this.rows.get(r)).filter((r): r is TableRow => r !== undefined);
    return { rows: [...affected].sort((a, b) => a - b), findings: this.validate(rows, [...keys]) };
  }

  private validate(rows: readonly TableRow[], groupKeys: readonly string[], wholeSheet = false): Finding[] {
    const empty = this.emptyColumns();
    const ctx = new RuleContext(this.table, this.input.settings, empty);
    if (wholeSheet) reportEmptyColumns(ctx);
    const ordered = [...rows].sort((a, b) => a.sheetRow - b.sheetRow);
    const groupRows = (key: string): readonly TableRow[] => this.groups.get(key) ?? [];
    switch (this.table.template) {
      case "targets":
        for (const row of ordered) validateTargetRow(ctx, row);
        for (const key of new Set(groupKeys)) validateDecomposition(ctx, groupRows(key), this.input.history);
        break;
      case "weekly": {
        // A rep's lines are gathered by metric as the rows are read, and the rep's weeks checked once the last of the
        // rep's rows is read: the rows validated are always whole groups (see revalidateRows), so the lines of a
        // sheet whose reps keep their rows together are never all held at once. Holding the lines of 50,000 rows
        // until the end was a third of what the garbage collector copied. The group findings still follow
        // the row findings, in the groups' order.
        const open = new Map<string, { left: number; readonly byMetric: Map<string, WeekLine[]> }>();
        const checked = new Map<string, readonly Finding[]>();
        const check = (key: string, byMetric: Map<string, WeekLine[]>) => {
          const group = new RuleContext(this.table, this.input.settings, empty);
          for (const lines of byMetric.values()) validateWeeklyGroup(group, lines);
          checked.set(key, group.findings);
        };
        for (const row of ordered) {
          const lines = readWeekLines(ctx, row);
          validateWeekLines(ctx, lines);
          const key = this.groupKey(row)!;
          let group = open.get(key);
          if (!group) open.set(key, (group = { left: this.groups.get(key)?.length ?? 0, byMetric: new Map() }));
          gather(group.byMetric, lines);
          if (--group.left === 0) {
            open.delete(key);
            check(key, group.byMetric);
          }
        }
        // A group with rows not validated above (none today) is re-read quietly: its rows' own findings are unchanged.
        const quiet = new RuleContext(this.table, this.input.settings, empty);
        const keys = new Set(groupKeys);
        for (const key of keys) {
          if (checked.has(key)) continue;
          const byMetric = new Map<string, WeekLine[]>();
          for (const row of groupRows(key)) gather(byMetric, readWeekLines(quiet, row));
          check(key, byMetric);
        }
        for (const key of keys) for (const finding of checked.get(key)!) ctx.findings.push(finding);
        break;
      }
      case "review":
        for (const row of ordered) validateReviewRow(ctx, row);
        break;
      case "actions": {
        const needsData = (row: TableRow) => !isBlank(row.cells.metric) && !isBlank(row.cells.deadline);
        const metrics = ordered.some(needsData) ? this.input.metrics?.() : undefined;
        for (const row of ordered) validateActionRow(ctx, row, metrics);
        break;
      }
      case "customers":
        if (groupKeys.includes(CUSTOMER_PERIOD_GROUP)) validateCustomerPeriod(ctx, groupRows(CUSTOMER_PERIOD_GROUP));
        break;
    }
    return ctx.findings;
  }
}
