/** The spreadsheet programs one build of the task pane serves. */
export type SpreadsheetHostKind = "wps" | "excel" | "univer";

/** The global the browser workbench sets before it loads the pane (besides Univer's `univerAPI`). */
export const WORKBENCH_MARKER = "__SALES_PLAYBOOK_WORKBENCH__";

const isObject = (v: unknown): v is Record<string, unknown> => (typeof v === "object" || typeof v === "function") && v !== null;

/**
 * Which program the page runs in, from what that program puts on the page's global object:
 * - the browser workbench: `univerAPI` or the `__SALES_PLAYBOOK_WORKBENCH__` marker;
 * - WPS (its embedded Chromium): `window.Application` with the add-in root's `ApiEvent` or
 *   `CreateTaskPane`, or, on older builds, `wps.EtApplication` (et-jsapi-declare's `WPS.AddonRoot`);
 * - Excel: Office.js's `Office` global (the Office page loads it from Microsoft's CDN).
 * Undefined when none is there (a page opened in a plain browser without Office.js).
 * WPS is checked before Excel so that a page which also loaded Office.js still talks to WPS.
 */
export function detectSpreadsheetHost(scope: object = globalThis): SpreadsheetHostKind | undefined {
  const g = scope as Record<string, unknown>;
  if (g[WORKBENCH_MARKER] || isObject(g.univerAPI)) return "univer";
  const app = g.Application;
  if (isObject(app) && (isObject(app.ApiEvent) || typeof app.CreateTaskPane === "function")) return "wps";
  const wps = g.wps;
  if (isObject(wps) && (typeof wps.EtApplication === "function" || isObject(wps.EtApplication))) return "wps";
  if (isObject(g.Office)) return "excel";
  return undefined;
}
