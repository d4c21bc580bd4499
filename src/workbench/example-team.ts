import type { CellValue } from "../core/cell/cell-value";
import { serialOfLocalDate } from "../core/cell/excel-date";
import type { Locale } from "../core/i18n/locale";
import { activityTemplate, dealsTemplate } from "../core/templates/data-sheets.template";
import { exampleData } from "../core/templates/example-team";
import type { SheetSeed } from "../hosts/univer/univer-workbook-data";

/**
 * The workbench's first workbook: the example team's deal and activity sheets (`core/templates/example-team`,
 * the same team `init --example --data` writes), dated from `today`: sixteen whole months ending with
 * last month, lost deals among the won, and the planted fall in proposals the diagnosis names first.
 */
export function exampleTeam(locale: Locale, today: Date): SheetSeed[] {
  const data = exampleData(locale, serialOfLocalDate(today));
  return [
    { template: dealsTemplate, rows: data.deals },
    { template: activityTemplate, rows: data.activity },
  ].map(({ template, rows }) => ({
    name: template.sheetName[locale],
    values: [
      template.columns.map((c) => c.header[locale]),
      ...rows.map((row) => template.columns.map((c): CellValue => row[c.key] ?? null)),
    ],
  }));
}
