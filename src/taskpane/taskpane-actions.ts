import { insertTemplates, type InsertTemplatesRequest, type InsertTemplatesResult } from "../app/insert-templates";
import { validateWorkbook, type ValidateWorkbookResult } from "../app/validate-workbook";
import type { HostCapabilities, WorkbookHost } from "../app/workbook-host.port";
import { serialOfLocalDate } from "../core/cell/excel-date";

/** What the task pane can ask for. Components receive this, never a host. */
export interface TaskpaneActions {
  readonly capabilities: HostCapabilities;
  insertTemplates(request: InsertTemplatesRequest): Promise<InsertTemplatesResult>;
  validateWorkbook(): Promise<ValidateWorkbookResult>;
}

/** `clock` is injectable so tests can fix "today". */
export function createTaskpaneActions(host: WorkbookHost, clock: () => Date = () => new Date()): TaskpaneActions {
  return {
    capabilities: host.capabilities,
    insertTemplates: (request) => insertTemplates(host, request),
    validateWorkbook: () => validateWorkbook(host, { today: serialOfLocalDate(clock()) }),
  };
}
