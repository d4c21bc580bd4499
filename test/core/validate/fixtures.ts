import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import type { Bilingual, Locale } from "../../../src/core/i18n/locale";
import { createSheetBlueprint } from "../../../src/core/templates/sheet-blueprint";
import type { TemplateKey } from "../../../src/core/templates/template.types";
import { findTemplate } from "../../../src/core/templates/templates";
import type { Finding } from "../../../src/core/validate/finding";
import type { SheetGrid } from "../../../src/core/sheet/sheet-table";
import { createValidationSettings } from "../../../src/core/validate/validation-settings";
import { validateSheets } from "../../../src/core/validate/validate-sheets";

/** Thursday 2026-11-26: Mon-Wed of the week of 2026-11-23 are past, Thu and Fri are not. */
export const TODAY = toExcelSerial(2026, 11, 26);
export const SETTINGS = createValidationSettings(TODAY);

/** A weekly tracker row (by column key): 张三's 电话, 75 planned, 15 a day in the week of 2026-11-16, with `change` on top. */
export const weeklyRow = (change: Record<string, CellValue> = {}): Record<string, CellValue> => ({
  week: toExcelSerial(2026, 11, 16),
  owner: "张三",
  metric: "电话",
  target: 75,
  mon: 15,
  tue: 15,
  wed: 15,
  thu: 15,
  fri: 15,
  ...change,
});

/** A sheet as insertTemplates lays it out: header row, then the given rows (by column key). */
export function templateGrid(key: TemplateKey, locale: Locale, rows: Record<string, CellValue>[], name = key): SheetGrid {
  const template = findTemplate(key);
  const headers = template.columns.map((c) => c.header[locale]);
  return { name, row: 0, column: 0, values: [headers, ...rows.map((r) => template.columns.map((c) => r[c.key] ?? null))] };
}

/** The template's example rows as a sheet, exactly as "insert with examples" writes them. */
export function exampleGrid(key: TemplateKey, locale: Locale): SheetGrid {
  const bp = createSheetBlueprint(findTemplate(key), { locale, withExamples: true, blankRows: 0 });
  return { name: bp.name, row: 0, column: 0, values: [bp.headers as CellValue[], ...bp.values] };
}

export function findingsOf(grid: SheetGrid, settings = SETTINGS): Finding[] {
  return validateSheets([grid], { settings }).flatMap((s) => s.findings);
}

/** The short form tests compare: rule @ cell (severity). */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} @ ${f.cell} (${f.severity})`);
}

/** A finding's text as read in each language (a finding's texts are filled when read). */
export function bothLanguages(text: Bilingual | undefined): Record<Locale, string> | undefined {
  return text && { "zh-CN": text["zh-CN"], en: text.en };
}
