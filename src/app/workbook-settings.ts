import {
  EMPTY_SETTINGS,
  parseWorkbookSettings,
  SETTINGS_SHEET,
  workbookSettingsRows,
  type WorkbookSettings,
} from "../core/settings/workbook-settings";
import type { SheetValues, WorkbookHost } from "./workbook-host.port";

export { SETTINGS_SHEET, type WorkbookSettings } from "../core/settings/workbook-settings";

/** The team's settings from sheets already read (every use case reads all sheets in one call). */
export function settingsFromSheets(grids: readonly SheetValues[]): WorkbookSettings {
  const grid = grids.find((g) => g.name.toLowerCase() === SETTINGS_SHEET);
  if (!grid) return EMPTY_SETTINGS;
  // Key/value rows start at A1 when the add-in wrote them; a moved range is read where it is.
  const values = grid.column === 0 ? grid.values : grid.values.map((row) => [...new Array(grid.column).fill(null), ...row]);
  return parseWorkbookSettings(values);
}

/** The team's settings alone: one read of the settings sheet (none: the defaults). */
export async function readWorkbookSettings(host: WorkbookHost): Promise<WorkbookSettings> {
  return settingsFromSheets(await host.readSheets([SETTINGS_SHEET]));
}

/**
 * Keeps the team's settings in the workbook: the hidden settings sheet is created the first time, and its
 * rows are replaced after (left-over rows cleared). `patch` changes only what it names: thresholds, the
 * mapping and the status classes are replaced whole when given, the language when the key is there (undefined: follow the program).
 * One read, one write.
 */
export async function updateWorkbookSettings(
  host: WorkbookHost,
  patch: Partial<WorkbookSettings>,
): Promise<{ readonly sheet: string; readonly created: boolean; readonly settings: WorkbookSettings }> {
  const [existing] = await host.readSheets([SETTINGS_SHEET]);
  const before = existing ? settingsFromSheets([existing]) : EMPTY_SETTINGS;
  const locale = "locale" in patch ? patch.locale : before.locale;
  const settings: WorkbookSettings = {
    thresholds: patch.thresholds ?? before.thresholds,
    map: patch.map ?? before.map,
    ...((patch.statuses ?? before.statuses) ? { statuses: patch.statuses ?? before.statuses } : {}),
    ...(locale ? { locale } : {}),
  };
  const rows = workbookSettingsRows(settings);
  const height = existing ? existing.row + existing.values.length : 0;
  const width = existing ? Math.max(2, existing.column + Math.max(0, ...existing.values.map((r) => r.length))) : 2;
  const values = Array.from({ length: Math.max(rows.length, height) }, (_v, r) =>
    Array.from({ length: width }, (_w, c) => rows[r]?.[c] ?? null),
  );
  const sheet = existing?.name ?? SETTINGS_SHEET;
  await host.write({
    sheets: [{ sheet, ...(existing ? {} : { create: true, hidden: true }), values: [{ row: 0, column: 0, values }] }],
  });
  return { sheet, created: !existing, settings };
}

/** Replaces every setting the workbook keeps. One read, one write. */
export async function saveWorkbookSettings(
  host: WorkbookHost,
  settings: WorkbookSettings,
): Promise<{ readonly sheet: string; readonly created: boolean }> {
  const { sheet, created } = await updateWorkbookSettings(host, { locale: undefined, ...settings });
  return { sheet, created };
}
