import type { Locale } from "../core/i18n/locale";
import type { Finding } from "../core/validate/finding";
import { createCellMarks } from "../core/validate/marks";
import { readSheetTable, type TableRow } from "../core/sheet/sheet-table";
import { SheetValidator } from "../core/validate/sheet-validator";
import { createValidationSettings, type ValidationSettings } from "../core/validate/validation-settings";
import { lazyDealMetrics, readRepHistory } from "./deal-history";
import type { ExistingMark, SheetEdit, SheetValues, WorkbookHost } from "./workbook-host.port";
import { readWorkbook } from "./read-workbook";

export interface LiveValidationOptions {
  readonly today: number;
  readonly locale: Locale;
  readonly settings?: Partial<Omit<ValidationSettings, "today">>;
  /** Quiet time after the last edit before revalidating (bursts of edits become one pass). */
  readonly debounceMs?: number;
  /** Called with every current finding after each pass. */
  readonly onFindings: (findings: readonly Finding[]) => void;
  /** Called when a pass fails (the host went away, a write was refused…); or set later with `onError`. */
  readonly onError?: (error: unknown) => void;
}

export interface LiveValidation {
  stop(): Promise<void>;
  /** Runs pending edits now (tests, and the pane before it closes). */
  flush(): Promise<void>;
  /**
   * Where failed passes go. A pass that fails before anyone listens is kept and handed over here, so
   * no failure vanishes; checking goes on with the next edits.
   */
  onError(handler: (error: unknown) => void): void;
}

/**
 * Revalidates as reps type: the edited rows (and their groups) only, marks replaced on exactly those
 * rows. Per pass: one read of the edited sheets, one write. The host never reports the add-in's own
 * writes, so marking does not trigger another pass.
 */
export async function startLiveValidation(host: WorkbookHost, options: LiveValidationOptions): Promise<LiveValidation> {
  if (!host.subscribeToEdits || !host.capabilities.editEvents) throw new Error("this host does not report edits");
  const read = await readWorkbook(host);
  const initial = read.grids;
  const input = {
    settings: createValidationSettings(options.today, read.thresholds(options.settings)),
    history: readRepHistory(initial),
    metrics: lazyDealMetrics(initial, options.today),
  };
  const validators = new Map<string, SheetValidator>();
  const findings = new Map<string, Finding[]>();

  const adopt = (grid: SheetValues) => {
    const table = readSheetTable(grid);
    if (!table) {
      validators.delete(grid.name);
      findings.delete(grid.name);
      return undefined;
    }
    const validator = new SheetValidator(table, input);
    validators.set(grid.name, validator);
    findings.set(grid.name, validator.validateAll());
    return validator;
  };
  for (const grid of initial) adopt(grid);
  options.onFindings([...findings.values()].flat());

  const pending = new Map<string, Set<number>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    const batch = new Map(pending);
    pending.clear();
    if (batch.size === 0) return;
    const grids = await host.readSheets([...batch.keys()], { marks: true });
    for (const name of batch.keys()) {
      // A sheet deleted since: its findings go with it.
      if (!grids.some((g) => g.name === name)) [validators, findings].forEach((m) => m.delete(name));
    }
    // Edits on a sheet not seen before: added, or renamed (then its old name's findings must go). One more
    // read, only then: every name no longer in the workbook is dropped.
    if ([...batch.keys()].some((name) => !validators.has(name))) {
      const names = new Set((await host.readOutline()).sheets);
      for (const name of [...validators.keys()]) if (!names.has(name)) [validators, findings].forEach((m) => m.delete(name));
    }
    const writes = [];
    for (const grid of grids) {
      const edited = batch.get(grid.name)!;
      const known = validators.get(grid.name);
      const table = readSheetTable(grid);
      const whole = !known || !table || table.headerRow !== known.table.headerRow || edited.has(table.headerRow);
      let affected: ReadonlySet<number> | "all";
      let fresh: Finding[];
      if (whole) {
        // A new or restructured sheet: validate it whole, and replace every mark on it.
        const validator = adopt(grid);
        affected = "all";
        fresh = validator ? findings.get(grid.name)! : [];
      } else {
        // Rows inserted or deleted shift every row below while the host reports only the rows touched:
        // the rows whose cells differ from what was validated are revalidated too.
        const byRow = new Map<number, TableRow>(table.rows.map((r) => [r.sheetRow, r]));
        const changed = new Set([...edited, ...known.changedRows(table)]);
        const result = known.revalidateRows([...changed].map((sheetRow) => ({ sheetRow, row: byRow.get(sheetRow) })));
        const rows = new Set(result.rows);
        if (sharesMarkBeyond(grid.marks ?? [], rows)) {
          // A mark that also covers rows not rechecked (one conditional format over many cells, as WPS makes them)
          // goes whole when removed: the sheet is checked whole and all its marks replaced, so no other row's mark is lost.
          const validator = adopt(grid);
          affected = "all";
          fresh = validator ? findings.get(grid.name)! : [];
        } else {
          affected = rows;
          fresh = result.findings;
          findings.set(grid.name, [...(findings.get(grid.name) ?? []).filter((f) => !rows.has(f.row - 1)), ...fresh]);
        }
      }
      // A protected sheet is checked (the pane lists its findings) but not marked: marking says so.
      if (!host.capabilities.marks || grid.protected) continue;
      const marks = createCellMarks(fresh, options.locale).get(grid.name) ?? [];
      const stale = (grid.marks ?? []).filter((m) => m.kind !== "completion" && (affected === "all" || affected.has(m.row)));
      const remove = stale.map((m) => m.handle);
      if (remove.length > 0 || marks.length > 0) writes.push({ sheet: grid.name, marks: { remove, add: marks } });
    }
    if (writes.length > 0) await host.write({ sheets: writes });
    options.onFindings([...findings.values()].flat());
  };

  let errorHandler = options.onError;
  const unheard: unknown[] = [];
  const report = (error: unknown) => {
    if (errorHandler) errorHandler(error);
    else unheard.push(error);
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    running = running.then(pass).catch(report);
    return running;
  };

  const unsubscribe = await host.subscribeToEdits((edits: readonly SheetEdit[]) => {
    for (const edit of edits) {
      const rows = pending.get(edit.sheet) ?? new Set<number>();
      for (let r = edit.rows.row; r < edit.rows.row + edit.rows.rowCount; r++) rows.add(r);
      pending.set(edit.sheet, rows);
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), options.debounceMs ?? 300);
  });

  return {
    flush,
    onError(handler) {
      errorHandler = handler;
      for (const error of unheard.splice(0)) handler(error);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      await running;
      await unsubscribe();
    },
  };
}

/** Whether a findings' mark on one of `rows` shares its handle (one host format) with a mark on a row not among them. */
function sharesMarkBeyond(marks: readonly ExistingMark[], rows: ReadonlySet<number>): boolean {
  const own = marks.filter((m) => m.kind !== "completion");
  const handles = new Set(own.filter((m) => rows.has(m.row)).map((m) => m.handle));
  return handles.size > 0 && own.some((m) => !rows.has(m.row) && handles.has(m.handle));
}
