import type { Locale } from "../core/i18n/locale";
import { countBySeverity, type Finding } from "../core/validate/finding";
import { createCellMarks } from "../core/validate/marks";
import { createValidationSettings, type ValidationSettings } from "../core/validate/validation-settings";
import { validateSheets } from "../core/validate/validate-sheets";
import { lazyDealMetrics, readRepHistory } from "./deal-history";
import type { ValidateWorkbookResult } from "./validate-workbook";
import { readWorkbook } from "./read-workbook";
import { workStepReporter, workSteps, type WorkStepCallback } from "./work-steps";
import type { SheetWrite, WorkbookHost } from "./workbook-host.port";

export interface MarkFindingsRequest {
  readonly today: number;
  readonly locale: Locale;
  readonly settings?: Partial<Omit<ValidationSettings, "today">>;
  /** Told as reading, checking and marking start. */
  readonly onStep?: WorkStepCallback;
}

export interface MarkFindingsResult extends ValidateWorkbookResult {
  /** Cells marked; 0 where the host cannot mark (the pane's list is then the only place). */
  readonly marked: number;
  /**
   * Sheets with findings or old marks that were left as they are because they are protected: faces say so once
   * each (`MESSAGES.marksSkippedProtected`); the other sheets are marked.
   */
  readonly protectedSheets: readonly string[];
}

/**
 * Validates in place: the findings of each playbook sheet are shown on their cells, replacing the
 * add-in's previous marks and never touching the user's own formats or rules. Read, read, write.
 */
export async function markFindings(host: WorkbookHost, request: MarkFindingsRequest): Promise<MarkFindingsResult> {
  const step = workStepReporter(request.onStep, workSteps(true));
  await step("reading");
  const read = await readWorkbook(host, { marks: true });
  const { grids } = read;
  await step("computing");
  const results = validateSheets(grids, {
    settings: createValidationSettings(request.today, read.thresholds(request.settings)),
    history: readRepHistory(grids),
    metrics: lazyDealMetrics(grids, request.today),
  });
  const findings: Finding[] = results.flatMap((r) => r.findings);
  const marks = createCellMarks(findings, request.locale);
  // The weekly review's completion highlights stay: only the findings' own marks are replaced.
  const own = (g: (typeof grids)[number]) => (g.marks ?? []).filter((m) => m.kind !== "completion");
  const touched = host.capabilities.marks ? grids.filter((g) => own(g).length > 0 || marks.has(g.name)) : [];
  // A protected sheet keeps what it has (the host would refuse the write, and with it every other sheet's).
  const open = touched.filter((g) => !g.protected);
  const writes: SheetWrite[] = open.map((g) => ({
    sheet: g.name,
    marks: { remove: own(g).map((m) => m.handle), add: marks.get(g.name) ?? [] },
  }));
  await step("writing");
  if (writes.length > 0) await host.write({ sheets: writes });
  return {
    sheets: results.map(({ sheet, template }) => ({ sheet, template })),
    findings,
    counts: countBySeverity(findings),
    marked: open.reduce((n, g) => n + (marks.get(g.name)?.length ?? 0), 0),
    protectedSheets: touched.filter((g) => g.protected).map((g) => g.name),
  };
}

/**
 * Removes every mark the add-in left (findings' marks and completion highlights), and nothing else; a protected
 * sheet keeps its marks and is named. Read, read, write (when there is anything to remove).
 */
export async function clearMarks(
  host: WorkbookHost,
): Promise<{ readonly removed: number; readonly protectedSheets: readonly string[] }> {
  const { grids } = await readWorkbook(host, { marks: true });
  const marked = grids.filter((g) => (g.marks?.length ?? 0) > 0);
  const writes = marked
    .filter((g) => !g.protected)
    .map((g) => ({ sheet: g.name, marks: { remove: g.marks!.map((m) => m.handle), add: [] } }));
  if (writes.length > 0) await host.write({ sheets: writes });
  return {
    removed: writes.reduce((n, w) => n + w.marks.remove.length, 0),
    protectedSheets: marked.filter((g) => g.protected).map((g) => g.name),
  };
}
