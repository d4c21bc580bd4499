import { countBySeverity, type Finding, type Severity } from "../core/validate/finding";
import { createValidationSettings, type RepHistory, type ValidationSettings } from "../core/validate/validation-settings";
import { validateSheets, type SheetValidation } from "../core/validate/validate-sheets";
import { lazyDealMetrics, readRepHistory } from "./deal-history";
import { readWorkbook } from "./read-workbook";
import { workStepReporter, workSteps, type WorkStepCallback } from "./work-steps";
import type { WorkbookHost } from "./workbook-host.port";

export interface ValidateWorkbookRequest {
  /** Today as an Excel serial (the face reads the clock). */
  readonly today: number;
  /** Over the workbook's own settings (`_sales_playbook`), which are over the defaults. */
  readonly settings?: Partial<Omit<ValidationSettings, "today">>;
  /** Reps' recent monthly revenue; read from the workbook's deal sheet when left out. */
  readonly history?: RepHistory;
  /** Told as reading and checking start. */
  readonly onStep?: WorkStepCallback;
}

export interface ValidateWorkbookResult {
  /** The playbook sheets found, by header row, whatever their names. */
  readonly sheets: readonly Omit<SheetValidation, "findings">[];
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<Severity, number>>;
}

/**
 * Checks every playbook sheet in the workbook: SMART targets, KRs and criteria, decomposition,
 * the weekly tracker and the monthly review. Two reads (names, then all used ranges), no write.
 */
export async function validateWorkbook(host: WorkbookHost, request: ValidateWorkbookRequest): Promise<ValidateWorkbookResult> {
  const step = workStepReporter(request.onStep, workSteps(false));
  await step("reading");
  const read = await readWorkbook(host);
  const { grids } = read;
  await step("computing");
  const settings = createValidationSettings(request.today, read.thresholds(request.settings));
  const results = validateSheets(grids, {
    settings,
    history: request.history ?? readRepHistory(grids),
    metrics: lazyDealMetrics(grids, request.today),
  });
  const findings = results.flatMap((r) => r.findings);
  return {
    sheets: results.map(({ sheet, template }) => ({ sheet, template })),
    findings,
    counts: countBySeverity(findings),
  };
}
