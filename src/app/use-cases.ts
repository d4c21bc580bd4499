import { workSteps, type WorkStepName } from "./work-steps";
import type { WorkbookHost } from "./workbook-host.port";

/** A use case run on one workbook: the host, and what the face asked for. */
export type UseCaseRun<Request, Result> = (host: WorkbookHost, request: Request) => Promise<Result>;

/** One use case: what it does, the steps it tells `onStep` about, and how a face loads it. */
export interface UseCaseSpec<Request, Result> {
  /** One line: what it does to the workbook. */
  readonly summary: string;
  /** The steps it reports as they start, when the request has `onStep` (empty: it reports none). */
  readonly steps: readonly WorkStepName[];
  /** Loads the use case's module (a chunk of its own in the pane) and gives its run. */
  readonly load: () => Promise<UseCaseRun<Request, Result>>;
}

/** Infers a spec's request and result from its `load`. */
function useCase<Request, Result>(spec: UseCaseSpec<Request, Result>): UseCaseSpec<Request, Result> {
  return spec;
}

const NO_STEPS: readonly WorkStepName[] = [];

/**
 * Every use case on one workbook, once. A face, a host's test registration, the cross-host scenarios and the
 * preservation run each list them in a `Record<UseCaseName, …>`, so a use case added here fails to compile until
 * each says what it does with it. Only type imports and lazy `import()`s: loading the catalogue loads no use case.
 * (`rollupTeams` reads several workbooks at once: the command line's alone, not here.)
 */
export const USE_CASES = {
  insertTemplates: useCase({
    summary: "Inserts the playbook's template sheets (and the data sheets), a taken name never overwritten.",
    steps: NO_STEPS,
    load: async () => (await import("./insert-templates")).insertTemplates,
  }),
  validateWorkbook: useCase({
    summary: "Checks every playbook sheet and lists the findings; writes nothing.",
    steps: workSteps(false),
    load: async () => (await import("./validate-workbook")).validateWorkbook,
  }),
  markFindings: useCase({
    summary: "Checks, and shows each finding on its cell, replacing the add-in's earlier marks.",
    steps: workSteps(true),
    load: async () => (await import("./mark-findings")).markFindings,
  }),
  clearMarks: useCase({
    summary: "Removes every mark the add-in left (findings and the weekly review's highlights), nothing else.",
    steps: NO_STEPS,
    load: async () => {
      const { clearMarks } = await import("./mark-findings");
      return (host: WorkbookHost, _request: void) => clearMarks(host);
    },
  }),
  startLiveValidation: useCase({
    summary: "Checks the rows reps edit as they type, marks replaced on those rows (hosts with edit events).",
    steps: NO_STEPS,
    load: async () => (await import("./live-validation")).startLiveValidation,
  }),
  diagnose: useCase({
    summary: "Diagnoses the deal (and activity) data: the TOP 3 and the report sheet.",
    steps: workSteps(true),
    load: async () => (await import("./diagnose-workbook")).diagnoseWorkbook,
  }),
  fillCustomerAnalysis: useCase({
    summary: "Fills the customer analysis sheet's computed columns from the deal data.",
    steps: workSteps(true),
    load: async () => (await import("./fill-customer-analysis")).fillCustomerAnalysis,
  }),
  proposeTargetSplit: useCase({
    summary: "Proposes each rep's share of the team target from their recent months; writes nothing.",
    steps: NO_STEPS,
    load: async () => (await import("./target-split")).proposeTargetSplit,
  }),
  acceptTargetSplit: useCase({
    summary: "Writes an accepted split into the target sheet, one row per rep.",
    steps: NO_STEPS,
    load: async () => (await import("./target-split")).acceptTargetSplit,
  }),
  weeklyReview: useCase({
    summary: "The Friday weekly review: the week's block on the review sheet and the trackers' highlights.",
    steps: NO_STEPS,
    load: async () => (await import("./weekly-review")).runWeeklyReview,
  }),
  fillActionPlan: useCase({
    summary: "Adds the TOP 3's strategies and the latest review's improvements to the action plan.",
    steps: NO_STEPS,
    load: async () => (await import("./fill-action-plan")).fillActionPlan,
  }),
  prefillMonthlyReview: useCase({
    summary: "Pre-fills a month's row of the monthly review from the data, the manager's text kept.",
    steps: NO_STEPS,
    load: async () => (await import("./prefill-monthly-review")).prefillMonthlyReview,
  }),
  trackProgress: useCase({
    summary: "Measures the target sheet's targets and KRs and writes their actual, achievement and progress.",
    steps: NO_STEPS,
    load: async () => (await import("./track-progress")).trackProgress,
  }),
  readSettings: useCase({
    summary: "The team's settings kept in the workbook (thresholds, language, column mapping, status classes).",
    steps: NO_STEPS,
    load: async () => {
      const { readWorkbookSettings } = await import("./workbook-settings");
      return (host: WorkbookHost, _request: void) => readWorkbookSettings(host);
    },
  }),
  saveSettings: useCase({
    summary: "Changes the settings a patch names in the hidden settings sheet and keeps the rest.",
    steps: NO_STEPS,
    load: async () => (await import("./workbook-settings")).updateWorkbookSettings,
  }),
  readDataColumns: useCase({
    summary: "The data sheets' headers and the field each is read as, for the column-mapping panel.",
    steps: NO_STEPS,
    load: async () => {
      const { readDataColumns } = await import("./data-columns");
      return (host: WorkbookHost, _request: void) => readDataColumns(host);
    },
  }),
  applySafeFix: useCase({
    summary: "Writes a finding's safe fix while its cell still holds what was checked.",
    steps: NO_STEPS,
    load: async () => (await import("./apply-fix")).applySafeFix,
  }),
} satisfies Record<string, UseCaseSpec<never, unknown>>;

export type UseCaseName = keyof typeof USE_CASES;

/** What use case `N` is asked (`void`: nothing). */
export type UseCaseRequest<N extends UseCaseName> =
  (typeof USE_CASES)[N] extends UseCaseSpec<infer Request, unknown> ? Request : never;

/** What use case `N` gives back. */
export type UseCaseResult<N extends UseCaseName> =
  (typeof USE_CASES)[N] extends UseCaseSpec<never, infer Result> ? Result : never;

/** Runs use case `name` on `host`, loading its module on first use. */
export async function runUseCase<N extends UseCaseName>(
  name: N,
  host: WorkbookHost,
  request: UseCaseRequest<N>,
): Promise<UseCaseResult<N>> {
  const run = (await USE_CASES[name].load()) as unknown as UseCaseRun<UseCaseRequest<N>, UseCaseResult<N>>;
  return run(host, request);
}
