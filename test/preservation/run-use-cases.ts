import { diagnoseWorkbook } from "../../src/app/diagnose-workbook";
import { readDataColumns } from "../../src/app/data-columns";
import { fillActionPlan } from "../../src/app/fill-action-plan";
import { fillCustomerAnalysis } from "../../src/app/fill-customer-analysis";
import { prefillMonthlyReview } from "../../src/app/prefill-monthly-review";
import { insertTemplates } from "../../src/app/insert-templates";
import { clearMarks, markFindings } from "../../src/app/mark-findings";
import { proposeTargetSplit } from "../../src/app/target-split";
import type { UseCaseName } from "../../src/app/use-cases";
import { validateWorkbook } from "../../src/app/validate-workbook";
import { runWeeklyReview } from "../../src/app/weekly-review";
import type { WorkbookHost } from "../../src/app/workbook-host.port";
import { readWorkbookSettings, updateWorkbookSettings } from "../../src/app/workbook-settings";
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
 * fill the action plan from the TOP 3 and pre-fill the monthly review (both into the sheets the add-in inserted),
 * propose a target split, and read and save the settings. `reload` runs where the user's file is saved and opened
 * again between commands (marks written, then cleared from the file).
 *
 * Every use case of the catalogue is a step here (run in this order) or says why it is not one.
 */
export async function runUseCases<H extends WorkbookHost>(
  start: H,
  workbook: UserWorkbook,
  reload: (host: H) => Promise<H> = async (host) => host,
): Promise<UseCaseRun<H>> {
  const { locale } = workbook;
  let host = start;
  const created: string[] = [];
  let marked = 0;
  let reportSheet = "";
  let customerSheet = "";
  const steps: Record<UseCaseName, (() => Promise<void>) | `not applicable: ${string}`> = {
    insertTemplates: async () => {
      const inserted = await insertTemplates(host, {
        locale,
        withExamples: workbook.withExamples,
        withDataSheets: workbook.withDataSheets,
      });
      created.push(...inserted.inserted.map((s) => s.sheet));
    },
    validateWorkbook: async () => {
      await validateWorkbook(host, { today: TODAY });
    },
    markFindings: async () => {
      marked = (await markFindings(host, { today: TODAY, locale })).marked;
      host = await reload(host);
    },
    clearMarks: async () => {
      const cleared = await clearMarks(host);
      if (cleared.removed !== marked) throw new Error(`marked ${marked} cells, cleared ${cleared.removed}`);
    },
    startLiveValidation:
      "not applicable: it answers the user's edits, which this run does not make; its marks are markFindings' (run here)",
    fillCustomerAnalysis: async () => {
      const filled = await fillCustomerAnalysis(host, { locale, today: TODAY });
      if (filled.created) created.push(filled.sheet);
      customerSheet = filled.sheet;
    },
    diagnose: async () => {
      reportSheet = (await diagnoseWorkbook(host, { locale, today: TODAY })).reportSheet!;
      created.push(reportSheet);
    },
    weeklyReview: async () => {
      // The weekly review writes its own sheet and highlights on the trackers, which Clear marks removes.
      created.push((await runWeeklyReview(host, { locale, today: TODAY })).sheet!);
      host = await reload(host);
      await clearMarks(host);
    },
    fillActionPlan: async () => {
      const planned = await fillActionPlan(host, { locale, today: TODAY });
      if (planned.created) created.push(planned.sheet);
    },
    prefillMonthlyReview: async () => {
      const reviewed = await prefillMonthlyReview(host, { locale, today: TODAY });
      if (reviewed.created) created.push(reviewed.sheet);
    },
    trackProgress:
      "not applicable: it writes the progress cells of the user's own target sheet by design, which allowed-writes does not model (progress.cases checks the user's typed cells are kept)",
    proposeTargetSplit: async () => {
      await proposeTargetSplit(host, { teamTarget: "月度100万" });
    },
    acceptTargetSplit:
      "not applicable: it appends rows to the user's own target sheet by design, which allowed-writes does not model (analysis.cases checks the user's own column between ours is left alone)",
    readDataColumns: async () => {
      await readDataColumns(host);
    },
    readSettings: async () => {
      await readWorkbookSettings(host);
    },
    saveSettings: async () => {
      const saved = await updateWorkbookSettings(host, { locale, map: { amount: "金额" } });
      if (saved.created) created.push(saved.sheet);
    },
    applySafeFix:
      "not applicable: a safe fix rewrites one of the user's cells because the user asked for it (fix.cases checks it writes that cell only, and only while it holds what was checked)",
  };
  for (const step of Object.values(steps)) if (typeof step !== "string") await step();
  return { host, created, reportSheet, customerSheet };
}
