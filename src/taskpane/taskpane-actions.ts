import { insertTemplates, type InsertTemplatesRequest, type InsertTemplatesResult } from "../app/insert-templates";
import type { HostCapabilities, WorkbookHost } from "../app/workbook-host.port";

/** What the task pane can ask for. Components receive this, never a host. */
export interface TaskpaneActions {
  readonly capabilities: HostCapabilities;
  insertTemplates(request: InsertTemplatesRequest): Promise<InsertTemplatesResult>;
}

export function createTaskpaneActions(host: WorkbookHost): TaskpaneActions {
  return {
    capabilities: host.capabilities,
    insertTemplates: (request) => insertTemplates(host, request),
  };
}
