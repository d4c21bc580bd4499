import { ACTION_TEXT, COUNT_UNITS } from "../../../src/core/actions/review-text";
import { HORIZONTAL_TEXT } from "../../../src/core/analysis/diagnosis/horizontal-text";
import { ATTRIBUTION_DRIVER_NAMES, LONGITUDINAL_TEXT } from "../../../src/core/analysis/diagnosis/longitudinal-text";
import { PERIOD_WORDS, PROGRESS_TEXT, STATUS_WORDS, UNMEASURED_TEXT } from "../../../src/core/analysis/progress/progress-text";
import { REPORT_TEXT } from "../../../src/core/analysis/diagnosis/report-text";
import { FIELD_LABELS } from "../../../src/core/i18n/field-labels";
import { LOCALES, localize, type Bilingual } from "../../../src/core/i18n/locale";
import { MESSAGES } from "../../../src/core/i18n/messages";
import { GENERIC_TEAM_ACTION, REASON_THEME_TEXT, WEEKLY_REVIEW_TEXT } from "../../../src/core/i18n/weekly-review-text";
import { METRIC_EXAMPLES, METRIC_NAMES } from "../../../src/core/parse/metrics";
import { ACTIONS_TEXT } from "../../../src/core/validate/actions-text";
import { CUSTOMERS_TEXT } from "../../../src/core/validate/customers-text";
import { EMPTY_COLUMN_TEXT } from "../../../src/core/validate/empty-columns-text";
import { MONTHLY_REVIEW_TEXT } from "../../../src/core/validate/monthly-review-text";
import { TARGETS_TEXT } from "../../../src/core/validate/targets-text";
import { WEEKDAY_NAMES, WEEKLY_TEXT } from "../../../src/core/validate/weekly-text";
import { FILE_TEXTS } from "../../../src/hosts/xlsx/file-texts";
import { ACTION_MESSAGES } from "../../../src/taskpane/i18n/action-messages";
import { PANE_MESSAGES } from "../../../src/taskpane/i18n/pane-messages";
import { STARTUP_MESSAGES } from "../../../src/taskpane/i18n/startup-messages";
import { PROGRESS_MESSAGES } from "../../../src/taskpane/i18n/progress-messages";
import { SETTINGS_MESSAGES, STATUS_CLASS_LABELS } from "../../../src/taskpane/i18n/settings-messages";
import { WEEKLY_REVIEW_MESSAGES } from "../../../src/taskpane/i18n/weekly-review-messages";
import { WORKBENCH_MESSAGES } from "../../../src/workbench/workbench-messages";
import { RIBBON_MESSAGES } from "../../../src/wps/ribbon-messages";
import { MANAGER, STRATEGY_RESOURCES } from "../../../src/core/actions/strategy-owner";
import { TARGET_SPLIT_TEXT } from "../../../src/core/analysis/progress/target-split-text";
import { PLACEHOLDER_TEXT } from "../../../src/core/parse/placeholder";

/** Every catalogue of texts outside the command line's (which lives with the command line). */
const CATALOGUES: Readonly<Record<string, object>> = {
  ACTION_TEXT,
  COUNT_UNITS,
  HORIZONTAL_TEXT,
  ATTRIBUTION_DRIVER_NAMES,
  LONGITUDINAL_TEXT,
  PERIOD_WORDS,
  PROGRESS_TEXT,
  STATUS_WORDS,
  UNMEASURED_TEXT,
  REPORT_TEXT,
  FIELD_LABELS,
  MESSAGES,
  GENERIC_TEAM_ACTION: { GENERIC_TEAM_ACTION },
  REASON_THEME_TEXT,
  WEEKLY_REVIEW_TEXT,
  METRIC_EXAMPLES,
  METRIC_NAMES,
  ACTIONS_TEXT,
  CUSTOMERS_TEXT,
  EMPTY_COLUMN_TEXT,
  MONTHLY_REVIEW_TEXT,
  TARGETS_TEXT,
  WEEKDAY_NAMES,
  WEEKLY_TEXT,
  FILE_TEXTS,
  ACTION_MESSAGES,
  PANE_MESSAGES,
  STARTUP_MESSAGES,
  PROGRESS_MESSAGES,
  SETTINGS_MESSAGES,
  STATUS_CLASS_LABELS,
  WEEKLY_REVIEW_MESSAGES,
  WORKBENCH_MESSAGES,
  RIBBON_MESSAGES,
  STRATEGY_RESOURCES,
  MANAGER: { MANAGER },
  TARGET_SPLIT_TEXT,
  PLACEHOLDER_TEXT,
};

/** Units only Chinese writes after a number ("6个"), and the text that adds one: English writes the number alone. */
const chineseUnit = (name: string) => name.startsWith("COUNT_UNITS.") || name === "TARGETS_TEXT.quantity";

const isBilingual = (value: unknown): value is Bilingual =>
  typeof value === "object" && value !== null && LOCALES.every((l) => typeof (value as Record<string, unknown>)[l] === "string");

/** Every bilingual text of a catalogue, nested tables included, by its path. */
function texts(name: string, value: unknown): [string, Bilingual][] {
  if (isBilingual(value)) return [[name, value]];
  if (typeof value !== "object" || value === null) throw new Error(`${name} is neither a text nor a table of texts`);
  return Object.entries(value).flatMap(([key, inner]) => texts(`${name}.${key}`, inner));
}

/** Chinese writes a date as 5月20日, English as 2026-05-20: `{monthNumber}` is the Chinese form of `{month}`. */
const AS_MONTH: Readonly<Record<string, string>> = { "{monthNumber}": "{month}" };

const placeholders = (text: string) => [...new Set((text.match(/\{\w+\}/g) ?? []).map((p) => AS_MONTH[p] ?? p))].sort();

const ALL = Object.entries(CATALOGUES).flatMap(([name, catalogue]) => texts(name, catalogue));

describe("every catalogue says each text in both languages", () => {
  it("finds the texts", () => {
    expect(ALL.length).toBeGreaterThan(400);
  });

  it.each(ALL.filter(([name]) => !chineseUnit(name)))(
    "%s has a zh-CN and an English text, both written or both empty",
    (_name, text) => {
      expect(text["zh-CN"].trim() === "").toBe(text.en.trim() === "");
    },
  );

  it.each(ALL.filter(([name]) => !chineseUnit(name)))("%s fills the same placeholders in both languages", (_name, text) => {
    expect(placeholders(text.en)).toEqual(placeholders(text["zh-CN"]));
  });
});

describe("a word that agrees with its count", () => {
  const text = { "zh-CN": "已插入 {count} 张表。", en: "Inserted {count} {count|sheet|sheets}." };
  it.each([
    [1, "Inserted 1 sheet."],
    [0, "Inserted 0 sheets."],
    [2, "Inserted 2 sheets."],
    ["1,000", "Inserted 1,000 sheets."],
  ])("%s", (count, expected) => {
    expect(localize(text, "en", { count })).toBe(expected);
    expect(localize(text, "zh-CN", { count })).toBe(`已插入 ${count} 张表。`);
  });

  it("is left as written without its count", () => {
    expect(localize(text, "en")).toBe(text.en);
  });
});
