import type { Bilingual } from "../i18n/locale";
import { EMPTY_COLUMN_TEXT } from "./empty-columns-text";
import type { TemplateKey } from "../templates/template.types";
import type { RuleContext } from "./rule-context";

/** A column the templates add to the playbook's table, read by the rules, that people may leave empty. */
interface OptionalColumn {
  readonly key: string;
  readonly note: Bilingual;
  readonly fix: Bilingual;
}

/**
 * The optional columns per template. Empty on every data row, such a column is a choice (the playbook's
 * own table does not have it), not a mistake on each row: one note on its header replaces the row
 * findings, and the rules that need it skip it.
 */
export const OPTIONAL_COLUMNS: Readonly<Record<TemplateKey, readonly OptionalColumn[]>> = {
  targets: [{ key: "repTarget", ...EMPTY_COLUMN_TEXT.repTarget }],
  customers: [],
  weekly: [
    { key: "week", ...EMPTY_COLUMN_TEXT.week },
    { key: "metric", ...EMPTY_COLUMN_TEXT.metric },
  ],
  review: [
    { key: "monthTarget", ...EMPTY_COLUMN_TEXT.monthTarget },
    { key: "monthActual", ...EMPTY_COLUMN_TEXT.monthActual },
  ],
  actions: [],
};

/** One note per optional column that is empty on every row, on its header cell. */
export function reportEmptyColumns(ctx: RuleContext): void {
  for (const column of OPTIONAL_COLUMNS[ctx.table.template]) {
    if (ctx.isEmptyColumn(column.key)) ctx.reportHeader(column.key, "sheet.column.empty", "info", column.note, column.fix);
  }
}
