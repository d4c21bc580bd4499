import type { UseCaseName } from "../../src/app/use-cases";
import { describeActionPlan } from "./actions.cases";
import { describeAnalysis, describeTargetSplit } from "./analysis.cases";
import { describeSafeFix } from "./fix.cases";
import type { HostFactory } from "./host-under-test";
import { describeInsertTemplates } from "./insert-templates.cases";
import { describeLiveValidation, describeMarks } from "./marks.cases";
import { describeTrackProgress } from "./progress.cases";
import { describeSettings } from "./settings.cases";
import { describeTextValues } from "./text-values.cases";
import { describeValidateWorkbook } from "./validate-workbook.cases";
import { describeWeeklyReview } from "./weekly-review.cases";

/** One table of use-case tests, run on a host. */
export type Describe = (hostName: string, create: HostFactory) => void;

/** Why a host leaves a use case's tests out: said where the host registers. */
export type NotOnThisHost = `not on this host: ${string}`;

/**
 * The tests of every use case of the catalogue (`USE_CASES`): a use case added there fails to compile until it is
 * listed here, and then runs on every host that registers with `describeUseCases`. Use cases tested together share
 * their table (it runs once).
 */
export const USE_CASE_TESTS = {
  insertTemplates: describeInsertTemplates,
  validateWorkbook: describeValidateWorkbook,
  markFindings: describeMarks,
  clearMarks: describeMarks,
  startLiveValidation: describeLiveValidation,
  diagnose: describeAnalysis,
  fillCustomerAnalysis: describeAnalysis,
  proposeTargetSplit: describeTargetSplit,
  acceptTargetSplit: describeTargetSplit,
  weeklyReview: describeWeeklyReview,
  fillActionPlan: describeActionPlan,
  prefillMonthlyReview: describeActionPlan,
  trackProgress: describeTrackProgress,
  readSettings: describeSettings,
  saveSettings: describeSettings,
  readDataColumns: describeSettings,
  applySafeFix: describeSafeFix,
} satisfies Record<UseCaseName, Describe>;

/**
 * Registers every use case's tests on one host, but those the host cannot run, each with its reason (a host
 * without edit events has no live validation).
 */
export function describeUseCases(
  hostName: string,
  create: HostFactory,
  notOnThisHost: Partial<Record<UseCaseName, NotOnThisHost>> = {},
): void {
  const registered = new Set<Describe>();
  for (const [name, describeTests] of Object.entries(USE_CASE_TESTS) as [UseCaseName, Describe][]) {
    if (notOnThisHost[name] || registered.has(describeTests)) continue;
    registered.add(describeTests);
    describeTests(hostName, create);
  }
  // The port's rule that text stays text, on the use cases that write codes and months (target split, monthly review).
  if (!notOnThisHost.acceptTargetSplit && !notOnThisHost.prefillMonthlyReview) describeTextValues(hostName, create);
}
