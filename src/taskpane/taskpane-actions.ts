import type { DiagnoseWorkbookResult } from "../app/diagnose-workbook";
import type { FillActionPlanResult } from "../app/fill-action-plan";
import type { FillCustomerAnalysisResult } from "../app/fill-customer-analysis";
import type { PrefillMonthlyReviewResult } from "../app/prefill-monthly-review";
import type { InsertTemplatesRequest, InsertTemplatesResult } from "../app/insert-templates";
import type { LiveValidation } from "../app/live-validation";
import type { MarkFindingsResult } from "../app/mark-findings";
import type { WorkStepCallback } from "../app/work-steps";
import { runUseCase, USE_CASES, type UseCaseName, type UseCaseRequest, type UseCaseResult } from "../app/use-cases";
import type { DataColumns } from "../app/data-columns";
import type { WorkbookSettings } from "../app/workbook-settings";
import type { AcceptTargetSplitResult, TargetSplitProposal } from "../app/target-split";
import type { TrackProgressResult } from "../app/track-progress";
import type { ValidateWorkbookResult } from "../app/validate-workbook";
import type { WeeklyReviewResult } from "../app/weekly-review";
import type { Finding } from "../core/validate/finding";
import type { HostCapabilities, HostKind, WorkbookHost } from "../app/workbook-host.port";
import { serialOfLocalDate } from "../core/cell/excel-date";
import type { Locale } from "../core/i18n/locale";
import type { MonthKey, MonthRange } from "../core/analysis/reading/period";

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
  clearMarks(): Promise<{ readonly removed: number; readonly protectedSheets: readonly string[] }>;
  /** Brings a finding's cell into view; undefined where the host cannot. */
  readonly select?: (sheet: string, cell: string) => Promise<void>;
  /** Starts checking as reps type; undefined where the host reports no edits. */
  readonly startLiveValidation?: (locale: Locale, onFindings: (findings: readonly Finding[]) => void) => Promise<LiveValidation>;
  /** `period`: the months chosen in the pane (one month, or a range), as the command line's --period. */
  diagnose(locale: Locale, period?: MonthRange, onStep?: WorkStepCallback): Promise<DiagnoseWorkbookResult>;
  fillCustomerAnalysis(locale: Locale, period?: MonthRange, onStep?: WorkStepCallback): Promise<FillCustomerAnalysisResult>;
  proposeTargetSplit(teamTarget: string): Promise<TargetSplitProposal>;
  acceptTargetSplit(proposal: TargetSplitProposal, locale: Locale): Promise<AcceptTargetSplitResult>;
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

/** What a pane call has besides its use case: the host (what it can do) and today's date. */
interface PaneContext {
  readonly host: WorkbookHost;
  /** Today as an Excel serial, from the pane's clock. */
  today(): number;
}

/** How the pane asks for each use case of the catalogue: its arguments turned into the use case's request. */
type PaneCalls = {
  readonly [N in UseCaseName]: (
    run: (request: UseCaseRequest<N>) => Promise<UseCaseResult<N>>,
    context: PaneContext,
  ) => TaskpaneActions[N];
};

const PANE_CALLS: PaneCalls = {
  insertTemplates: (run) => (request) => run(request),
  validateWorkbook: (run, c) => (onStep) => run({ today: c.today(), onStep }),
  markFindings: (run, c) => (locale, onStep) => run({ today: c.today(), locale, onStep }),
  clearMarks: (run) => () => run(),
  startLiveValidation: (run, c) =>
    c.host.subscribeToEdits && c.host.capabilities.editEvents
      ? (locale, onFindings) => run({ today: c.today(), locale, onFindings })
      : undefined,
  diagnose: (run, c) => (locale, period, onStep) => run({ locale, period, today: c.today(), onStep }),
  fillCustomerAnalysis: (run, c) => (locale, period, onStep) => run({ locale, period, today: c.today(), onStep }),
  proposeTargetSplit: (run) => (teamTarget) => run({ teamTarget }),
  acceptTargetSplit: (run, c) => (proposal, locale) => run({ proposal, locale, today: c.today() }),
  weeklyReview: (run, c) => (locale, week) => run({ today: c.today(), locale, week }),
  fillActionPlan: (run, c) => (locale) => run({ locale, today: c.today() }),
  prefillMonthlyReview: (run, c) => (locale, month) => run({ locale, month, today: c.today() }),
  trackProgress: (run, c) => (locale) => run({ locale, today: c.today() }),
  readSettings: (run) => () => run(),
  saveSettings: (run) => async (patch) => (await run(patch)).settings,
  readDataColumns: (run) => () => run(),
  applySafeFix: (run) => (finding) => run(finding),
};

/**
 * `clock` is injectable so tests can fix "today". Every use case, the templates' too, is loaded on first use
 * (separate chunks, `USE_CASES[name].load`), so the pane itself opens fast.
 */
export function createTaskpaneActions(host: WorkbookHost, clock: () => Date = () => new Date()): TaskpaneActions {
  const context: PaneContext = { host, today: () => serialOfLocalDate(clock()) };
  const bind = <N extends UseCaseName>(name: N): TaskpaneActions[N] =>
    PANE_CALLS[name]((request) => runUseCase(name, host, request), context);
  const calls = Object.fromEntries((Object.keys(USE_CASES) as UseCaseName[]).map((name) => [name, bind(name)]));
  return {
    capabilities: host.capabilities,
    hostName: HOST_NAMES[host.kind],
    select: host.select ? (sheet, cell) => host.select!(sheet, cell) : undefined,
    ...(calls as Pick<TaskpaneActions, UseCaseName>),
  };
}

/** What a pane needs to know of a host before the host exists: what it is and what it can do. */
export interface HostShape {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  /** The host will bring a finding's cell into view. */
  readonly select: boolean;
}

/**
 * The pane's actions before its host is ready (the workbench shows its pane while the grid still loads):
 * each call waits for `ready`'s actions and then runs there, so a button used early does its work once
 * the workbook is there. `shape` says what the host will be, for the buttons shown meanwhile.
 */
export function taskpaneActionsWhenReady(shape: HostShape, ready: Promise<TaskpaneActions>): TaskpaneActions {
  const later =
    <N extends keyof TaskpaneActions>(name: N) =>
    (...args: unknown[]) =>
      ready.then((actions) => (actions[name] as ((...a: unknown[]) => unknown) | undefined)?.(...args));
  const calls = Object.fromEntries(
    (Object.keys(USE_CASES) as UseCaseName[])
      .filter((name) => name !== "startLiveValidation" || shape.capabilities.editEvents)
      .map((name) => [name, later(name)]),
  );
  return {
    capabilities: shape.capabilities,
    hostName: HOST_NAMES[shape.kind],
    select: shape.select ? (later("select") as TaskpaneActions["select"]) : undefined,
    startLiveValidation: undefined,
    ...(calls as Pick<TaskpaneActions, UseCaseName>),
  };
}
