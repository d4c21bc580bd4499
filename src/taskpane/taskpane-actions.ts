import type { DiagnoseWorkbookResult } from "../app/diagnose-workbook";
import type { FillCustomerAnalysisResult } from "../app/fill-customer-analysis";
import { insertTemplates, type InsertTemplatesRequest, type InsertTemplatesResult } from "../app/insert-templates";
import type { ValidateWorkbookResult } from "../app/validate-workbook";
import type { HostCapabilities, WorkbookHost } from "../app/workbook-host.port";
import { serialOfLocalDate } from "../core/cell/excel-date";
import type { Locale } from "../core/i18n/locale";

/** What the task pane can ask for. Components receive this, never a host. */
export interface TaskpaneActions {
  readonly capabilities: HostCapabilities;
  insertTemplates(request: InsertTemplatesRequest): Promise<InsertTemplatesResult>;
  validateWorkbook(): Promise<ValidateWorkbookResult>;
  diagnose(locale: Locale): Promise<DiagnoseWorkbookResult>;
  fillCustomerAnalysis(locale: Locale): Promise<FillCustomerAnalysisResult>;
}

/**
 * `clock` is injectable so tests can fix "today". Checks and analysis are loaded on first use
 * (separate chunks), so the pane itself opens fast.
 */
export function createTaskpaneActions(host: WorkbookHost, clock: () => Date = () => new Date()): TaskpaneActions {
  return {
    capabilities: host.capabilities,
    insertTemplates: (request) => insertTemplates(host, request),
    validateWorkbook: async () =>
      (await import("../app/validate-workbook")).validateWorkbook(host, { today: serialOfLocalDate(clock()) }),
    diagnose: async (locale) => (await import("../app/diagnose-workbook")).diagnoseWorkbook(host, { locale }),
    fillCustomerAnalysis: async (locale) =>
      (await import("../app/fill-customer-analysis")).fillCustomerAnalysis(host, { locale }),
  };
}
