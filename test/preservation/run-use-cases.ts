import { diagnoseWorkbook } from "../../src/app/diagnose-workbook";
import { fillActionPlan } from "../../src/app/fill-action-plan";
import { fillCustomerAnalysis } from "../../src/app/fill-customer-analysis";
import { prefillMonthlyReview } from "../../src/app/prefill-monthly-review";
import { insertTemplates } from "../../src/app/insert-templates";
import { clearMarks, markFindings } from "../../src/app/mark-findings";
import { validateWorkbook } from "../../src/app/validate-workbook";
import { runWeeklyReview } from "../../src/app/weekly-review";
import type { WorkbookHost } from "../../src/app/workbook-host.port";
import { TODAY, type UserWorkbook } from "../support/random-workbook";

export interface UseCaseRun<H extends WorkbookHost> {
  /** The host at the end (a reloaded one where the run saved and loaded the file). */
  readonly host: H;
  /** Sheets the add-in said it created. */
  readonly created: readonly string[];
  readonly reportSheet: string;
  /** The customer analysis sheet that was filled. */
  readonly customerSheet: string;
}

/**
 * Everything the add-in does to a workbook, in the order a user would: insert the templates, validate,
 * mark the findings, clear the marks, fill the customer analysis, diagnose, review the week (and clear its highlights),
 * fill the action plan from the TOP 3 and pre-fill the monthly review (both into the sheets the add-in inserted).
 * `reload` runs where the
 * user's file is saved and opened again between commands (marks written, then cleared from the file).
 */
export async function runUseCases<H extends WorkbookHost>(
  start: H,
  workbook: UserWorkbook,
  reload: (host: H) => Promise<H> = async (host) => host,
): Promise<UseCaseRun<H>> {
  const { locale } = workbook;
  let host = start;
  const inserted = await insertTemplates(host, {
    locale,
    withExamples: workbook.withExamples,
    withDataSheets: workbook.withDataSheets,
  });
  await validateWorkbook(host, { today: TODAY });
  const marked = await markFindings(host, { today: TODAY, locale });
  host = await reload(host);
  const cleared = await clearMarks(host);
  if (cleared.removed !== marked.marked) throw new Error(`marked ${marked.marked} cells, cleared ${cleared.removed}`);
  const filled = await fillCustomerAnalysis(host, { locale, today: TODAY });
  const diagnosed = await diagnoseWorkbook(host, { locale, today: TODAY });
  // The weekly review writes its own sheet and highlights on the trackers, which Clear marks removes.
  const weekReviewed = await runWeeklyReview(host, { locale, today: TODAY });
  host = await reload(host);
  await clearMarks(host);
  const planned = await fillActionPlan(host, { locale, today: TODAY });
  const reviewed = await prefillMonthlyReview(host, { locale, today: TODAY });
  return {
    host,
    created: [
      ...inserted.inserted.map((s) => s.sheet),
      ...(filled.created ? [filled.sheet] : []),
      diagnosed.reportSheet!,
      weekReviewed.sheet!,
      ...(planned.created ? [planned.sheet] : []),
      ...(reviewed.created ? [reviewed.sheet] : []),
    ],
    reportSheet: diagnosed.reportSheet!,
    customerSheet: filled.sheet,
  };
}
