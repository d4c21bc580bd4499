import type { HostCapabilities } from "../../app/workbook-host.port";

/**
 * What the open-source Univer build does: validation, freeze panes, marks (conditional formats) and
 * edit events. It has no native tables or charts (both are in Univer's paid packages), and notes
 * are left out: the pane lists every finding's message. The charts it is asked for are kept with
 * their sheet (`recordedCharts`), so the workbench saves them into the .xlsx it writes.
 *
 * A module of its own, without Univer: the workbench shows its pane with these before the grid has loaded.
 */
export const UNIVER_CAPABILITIES: HostCapabilities = {
  nativeValidation: true,
  tables: false,
  freezePanes: true,
  marks: true,
  notes: false,
  charts: false,
  editEvents: true,
};
