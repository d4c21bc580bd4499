import { CHOSEN_STATUS_CLASSES, type ChosenStatusClass, type StatusMap } from "../analysis/reading/deal-status";
import { ACTIVITY_FIELDS, DEAL_FIELDS, type DataField } from "../analysis/reading/fields";
import type { CellValue } from "../cell/cell-value";
import { LOCALES, type Locale } from "../i18n/locale";
import type { ValidationSettings } from "../validate/validation-settings";

/**
 * The team's settings, kept in the workbook so everyone who opens it checks and analyses alike: a hidden
 * sheet of key/value rows, written as literal text. Anything left out falls back to the defaults.
 */
export const SETTINGS_SHEET = "_sales_playbook";

/** The thresholds a team may change (the rest of `ValidationSettings` stays the playbook's). */
export const TEAM_THRESHOLDS = [
  "completionTarget",
  "minKeyResults",
  "maxKeyResults",
  "growthBand",
  "coachingWeeks",
  "coachingDays",
] as const satisfies readonly (keyof ValidationSettings)[];
export type TeamThreshold = (typeof TEAM_THRESHOLDS)[number];

/** Every column the analysis can be told where to find, as the command line's `--map`. */
export const MAPPED_FIELDS: readonly DataField[] = [...new Set<DataField>([...DEAL_FIELDS, ...ACTIVITY_FIELDS])];

export interface WorkbookSettings {
  readonly thresholds: Partial<Record<TeamThreshold, number>>;
  /** The language of the sheets and the pane, where the team chose one. */
  readonly locale?: Locale;
  /** Field -> header text, used by the diagnosis and the customer analysis when a run names none. */
  readonly map: Partial<Record<DataField, string>>;
  /** Status text -> class (`status.<text>` rows), used like the mapping when a run names none. */
  readonly statuses?: StatusMap;
}

export const EMPTY_SETTINGS: WorkbookSettings = { thresholds: {}, map: {} };

/** Fractions (0-1); the others are whole counts of at least 1. */
const FRACTIONS: ReadonlySet<TeamThreshold> = new Set(["completionTarget", "growthBand"]);

/** A threshold's value, or undefined when it is not one (a fraction outside 0-1, a count below 1). */
export function thresholdValue(key: TeamThreshold, value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  if (!Number.isFinite(n)) return undefined;
  if (FRACTIONS.has(key)) return n > 0 && n <= (key === "growthBand" ? 10 : 1) ? n : undefined;
  return Number.isInteger(n) && n >= 1 && n <= 52 ? n : undefined;
}

/** Min must not exceed max: a pair the other way round is dropped, not guessed at. */
function consistent(thresholds: Partial<Record<TeamThreshold, number>>): Partial<Record<TeamThreshold, number>> {
  const { minKeyResults: min, maxKeyResults: max } = thresholds;
  if (min === undefined || max === undefined || min <= max) return thresholds;
  const rest = { ...thresholds };
  delete rest.minKeyResults;
  delete rest.maxKeyResults;
  return rest;
}

/** Reads the settings sheet's rows (key in column A, value in B); unknown keys and bad values are ignored. */
export function parseWorkbookSettings(values: readonly (readonly CellValue[])[] | undefined): WorkbookSettings {
  if (!values) return EMPTY_SETTINGS;
  const thresholds: Partial<Record<TeamThreshold, number>> = {};
  const map: Partial<Record<DataField, string>> = {};
  const statuses: Record<string, ChosenStatusClass> = {};
  let locale: Locale | undefined;
  for (const row of values) {
    const key = typeof row[0] === "string" ? row[0].trim() : "";
    const value = row[1];
    if ((TEAM_THRESHOLDS as readonly string[]).includes(key)) {
      const n = thresholdValue(key as TeamThreshold, value);
      if (n !== undefined) thresholds[key as TeamThreshold] = n;
    } else if (key === "locale" && (LOCALES as readonly unknown[]).includes(value)) {
      locale = value as Locale;
    } else if (key.startsWith("map.")) {
      const field = key.slice(4) as DataField;
      if (MAPPED_FIELDS.includes(field) && typeof value === "string" && value.trim() !== "") map[field] = value.trim();
    } else if (key.startsWith("status.")) {
      const cls = typeof value === "string" ? value.trim().toLowerCase() : "";
      // "status." alone classifies the blank status cells.
      if ((CHOSEN_STATUS_CLASSES as readonly string[]).includes(cls)) statuses[key.slice(7)] = cls as ChosenStatusClass;
    }
  }
  return {
    thresholds: consistent(thresholds),
    map,
    ...(Object.keys(statuses).length > 0 ? { statuses } : {}),
    ...(locale ? { locale } : {}),
  };
}

/** The settings as the sheet's rows: a header row, then one key/value row each, every cell text. */
export function workbookSettingsRows(settings: WorkbookSettings): string[][] {
  const rows: string[][] = [["key", "value"]];
  for (const key of TEAM_THRESHOLDS) {
    const value = settings.thresholds[key];
    if (value !== undefined) rows.push([key, String(value)]);
  }
  if (settings.locale) rows.push(["locale", settings.locale]);
  for (const field of MAPPED_FIELDS) {
    const header = settings.map[field];
    if (header) rows.push([`map.${field}`, header]);
  }
  for (const [text, cls] of Object.entries(settings.statuses ?? {})) rows.push([`status.${text}`, cls]);
  return rows;
}
