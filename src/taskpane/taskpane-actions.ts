import type { DiagnoseWorkbookResult } from "../app/diagnose-workbook";
import type { FillActionPlanResult } from "../app/fill-action-plan";
import type { FillCustomerAnalysisResult } from "../app/fill-customer-analysis";
import type { PrefillMonthlyReviewResult } from "../app/prefill-monthly-review";
import type { InsertTemplatesRequest, InsertTemplatesResult } from "../app/insert-templates";
import type { LiveValidation } from "../app/live-validation";
import type { MarkFindingsResult } from "../app/mark-findings";
import type { WorkStepCallback } from "../app/work-steps";
import type { DataColumns } from "../app/data-columns";
import type { WorkbookSettings } from "../app/workbook-settings";
import type { TargetSplitProposal } from "../app/target-split";
import type { TrackProgressResult } from "../app/track-progress";
import type { ValidateWorkbookResult } from "../app/validate-workbook";
import type { WeeklyReviewResult } from "../app/weekly-review";
import type { Finding } from "../core/validate/finding";
import type { HostCapabilities, HostKind, WorkbookHost } from "../app/workbook-host.port";
import { serialOfLocalDate } from "../core/cell/excel-date";
import type { Locale } from "../core/i18n/locale";
import type { MonthKey, MonthRange } from "../core/analysis/period";

/** What texts call each program; files and the tests' memory host read and write as Excel would. */
const HOST_NAMES: Readonly<Record<HostKind, string>> = {
  excel: "Excel",
  wps: "WPS",
  univer: "Univer",
  xlsx: "Excel",
  memory: "Excel",
};

/** What the task pane can ask for. Components receive this, never a host. */
export interface TaskpaneActions {
  readonly capabilities: HostCapabilities;
  /** The spreadsheet program's name, for texts that name it ("Excel", "WPS"). */
  readonly hostName: string;
  insertTemplates(request: InsertTemplatesRequest): Promise<InsertTemplatesResult>;
  /** `onStep`, here and below: told as each step (reading, computing, writing) starts. */
  validateWorkbook(onStep?: WorkStepCallback): Promise<ValidateWorkbookResult>;
  /** Validates and shows the findings on their cells. */
  markFindings(locale: Locale, onStep?: WorkStepCallback): Promise<MarkFindingsResult>;
  clearMarks(): Promise<{ readonly removed: number }>;
  /** Brings a finding's cell into view; undefined where the host cannot. */
  readonly select?: (sheet: string, cell: string) => Promise<void>;
  /** Starts checking as reps type; undefined where the host reports no edits. */
  readonly startLiveValidation?: (locale: Locale, onFindings: (findings: readonly Finding[]) => void) => Promise<LiveValidation>;
  /** `period`: the months chosen in the pane (one month, or a range), as the command line's --period. */
  diagnose(locale: Locale, period?: MonthRange, onStep?: WorkStepCallback): Promise<DiagnoseWorkbookResult>;
  fillCustomerAnalysis(locale: Locale, period?: MonthRange, onStep?: WorkStepCallback): Promise<FillCustomerAnalysisResult>;
  proposeTargetSplit(teamTarget: string): Promise<TargetSplitProposal>;
  acceptTargetSplit(proposal: TargetSplitProposal, locale: Locale): Promise<{ sheet: string; rows: number }>;
  /** The weekly review (周复盘) of the week holding `week` (an Excel serial), the latest by default; written to its sheet. */
  weeklyReview(locale: Locale, week?: number): Promise<WeeklyReviewResult>;
  /** Adds the TOP 3's strategies and the latest review's improvements to the action plan. */
  fillActionPlan(locale: Locale): Promise<FillActionPlanResult>;
  /** Pre-fills the monthly review of `month` (the latest month in the data by default). */
  prefillMonthlyReview(locale: Locale, month?: MonthKey): Promise<PrefillMonthlyReviewResult>;
  /** Measures the target sheet's targets and KRs from the deal data and writes their progress columns. */
  trackProgress(locale: Locale): Promise<TrackProgressResult>;
  /** The team's settings kept in the workbook (thresholds, language, column mapping). */
  readSettings(): Promise<WorkbookSettings>;
  /** Changes what `patch` names and keeps the rest; returns the settings now in the workbook. */
  saveSettings(patch: Partial<WorkbookSettings>): Promise<WorkbookSettings>;
  /** The data sheets' headers and the field each is read as, for the column-mapping panel. */
  readDataColumns(): Promise<DataColumns>;
  /** Writes a finding's safe fix (`finding.replacement`) while its cell still holds what was checked. */
  applySafeFix(finding: Finding): Promise<{ readonly cell: string }>;
}

/**
 * `clock` is injectable so tests can fix "today". Every use case, the templates' too, is loaded on first use
 * (separate chunks), so the pane itself opens fast.
 */
export function createTaskpaneActions(host: WorkbookHost, clock: () => Date = () => new Date()): TaskpaneActions {
  return {
    capabilities: host.capabilities,
    hostName: HOST_NAMES[host.kind],
    insertTemplates: async (request) => (await import("../app/insert-templates")).insertTemplates(host, request),
    validateWorkbook: async (onStep) =>
      (await import("../app/validate-workbook")).validateWorkbook(host, { today: serialOfLocalDate(clock()), onStep }),
    markFindings: async (locale, onStep) =>
      (await import("../app/mark-findings")).markFindings(host, { today: serialOfLocalDate(clock()), locale, onStep }),
    clearMarks: async () => (await import("../app/mark-findings")).clearMarks(host),
    select: host.select ? (sheet, cell) => host.select!(sheet, cell) : undefined,
    startLiveValidation:
      host.subscribeToEdits && host.capabilities.editEvents
        ? async (locale, onFindings) =>
            (await import("../app/live-validation")).startLiveValidation(host, {
              today: serialOfLocalDate(clock()),
              locale,
              onFindings,
            })
        : undefined,
    diagnose: async (locale, period, onStep) =>
      (await import("../app/diagnose-workbook")).diagnoseWorkbook(host, {
        locale,
        period,
        today: serialOfLocalDate(clock()),
        onStep,
      }),
    proposeTargetSplit: async (teamTarget) => (await import("../app/target-split")).proposeTargetSplit(host, { teamTarget }),
    acceptTargetSplit: async (proposal, locale) =>
      (await import("../app/target-split")).acceptTargetSplit(host, { proposal, locale }),
    weeklyReview: async (locale, week) =>
      (await import("../app/weekly-review")).runWeeklyReview(host, { today: serialOfLocalDate(clock()), locale, week }),
    trackProgress: async (locale) =>
      (await import("../app/track-progress")).trackProgress(host, { locale, today: serialOfLocalDate(clock()) }),
    readSettings: async () => (await import("../app/workbook-settings")).readWorkbookSettings(host),
    saveSettings: async (patch) =>
      (await (await import("../app/workbook-settings")).updateWorkbookSettings(host, patch)).settings,
    applySafeFix: async (finding) => (await import("../app/apply-fix")).applySafeFix(host, finding),
    readDataColumns: async () => (await import("../app/data-columns")).readDataColumns(host),
    fillCustomerAnalysis: async (locale, period, onStep) =>
      (await import("../app/fill-customer-analysis")).fillCustomerAnalysis(host, {
        locale,
        period,
        today: serialOfLocalDate(clock()),
        onStep,
      }),
    fillActionPlan: async (locale) =>
      (await import("../app/fill-action-plan")).fillActionPlan(host, { locale, today: serialOfLocalDate(clock()) }),
    prefillMonthlyReview: async (locale, month) =>
      (await import("../app/prefill-monthly-review")).prefillMonthlyReview(host, {
        locale,
        month,
        today: serialOfLocalDate(clock()),
      }),
  };
}
