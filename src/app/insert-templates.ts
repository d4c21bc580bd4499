import { resolveFreeSheetName, resolveFreeTableName } from "../core/cell/sheet-name";
import type { Locale } from "../core/i18n/locale";
import { createSheetBlueprint, type SheetBlueprint } from "../core/templates/sheet-blueprint";
import { DATA_TEMPLATES } from "../core/templates/data-sheets.template";
import { exampleTeam } from "../core/templates/example-team-sheets";
import type { DataTemplateKey, TemplateDefinition, TemplateKey } from "../core/templates/template.types";
import { TEMPLATES } from "../core/templates/templates";
import type { SheetWrite, WorkbookHost } from "./workbook-host.port";

export interface InsertTemplatesRequest {
  readonly locale: Locale;
  readonly withExamples?: boolean;
  /** Which templates; all four by default. */
  readonly templates?: readonly TemplateKey[];
  /** Also add the empty data sheets the analysis reads (成交明细, 销售过程数据). */
  readonly withDataSheets?: boolean;
  /**
   * With `withExamples`: the example team of this day (Excel serial) fills the sheets instead of the
   * playbook's example rows: sixteen months of deals and activity in the data sheets, and targets,
   * customer types and weekly tracker rows that tell the same story.
   */
  readonly exampleTeam?: { readonly today: number };
}

export interface InsertedSheet {
  readonly template: TemplateKey | DataTemplateKey;
  readonly sheet: string;
  /** True when the playbook name was taken and a suffix was added. */
  readonly renamed: boolean;
}

export interface InsertTemplatesResult {
  readonly inserted: readonly InsertedSheet[];
}

/** Lays one blueprint out as sheet writes: header in row 1, body below, as a table. */
export function createTemplateSheetWrite(blueprint: SheetBlueprint, sheet: string, activate: boolean): SheetWrite {
  const columnCount = blueprint.headers.length;
  const body = { row: 1, rowCount: blueprint.bodyRowCount };
  return {
    sheet,
    create: true,
    values: [
      { row: 0, column: 0, values: [blueprint.headers] },
      { row: 1, column: 0, values: blueprint.values },
    ],
    formulas: [{ row: 1, column: 0, formulas: blueprint.formulas }],
    columns: blueprint.columns.map((c, column) => ({
      column,
      width: c.width,
      numberFormat: c.numberFormat,
      validation: c.validation,
      prompt: c.prompt,
      rows: body,
    })),
    table: { name: blueprint.tableName, range: { row: 0, column: 0, rowCount: blueprint.bodyRowCount + 1, columnCount } },
    freezeRows: blueprint.freezeRows,
    headerRow: 0,
    activate,
  };
}

/**
 * Inserts the playbook's template sheets. A sheet name that is taken is never overwritten:
 * the new sheet gets a suffix ("目标分解表 (2)"). One read (sheet and table names) and one write.
 */
export async function insertTemplates(host: WorkbookHost, request: InsertTemplatesRequest): Promise<InsertTemplatesResult> {
  const wanted = request.templates ?? TEMPLATES.map((t) => t.key);
  const chosen: TemplateDefinition<TemplateKey | DataTemplateKey>[] = [
    ...TEMPLATES.filter((t) => wanted.includes(t.key)),
    ...(request.withDataSheets ? DATA_TEMPLATES : []),
  ];
  const outline = await host.readOutline();
  const takenSheets = [...outline.sheets];
  const takenTables = [...outline.tables];

  const inserted: InsertedSheet[] = [];
  const sheets: SheetWrite[] = [];
  const team = request.withExamples && request.exampleTeam ? exampleTeam(request.locale, request.exampleTeam.today) : undefined;
  chosen.forEach((template, i) => {
    const blueprint = createSheetBlueprint(template, {
      locale: request.locale,
      withExamples: request.withExamples,
      examples: team?.rows[template.key],
    });
    const sheet = resolveFreeSheetName(blueprint.name, takenSheets);
    const tableName = resolveFreeTableName(blueprint.tableName, takenTables);
    takenSheets.push(sheet);
    takenTables.push(tableName);
    sheets.push(createTemplateSheetWrite({ ...blueprint, tableName }, sheet, i === 0));
    inserted.push({ template: template.key, sheet, renamed: sheet !== blueprint.name });
  });

  await host.write({ sheets });
  return { inserted };
}
