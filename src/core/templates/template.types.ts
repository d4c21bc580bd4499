import type { Bilingual, Locale } from "../i18n/locale";
import type { CellValue } from "../cell/cell-value";

/** The playbook sheets: its four templates and the action plan of steps 3 and 4. */
export type TemplateKey = "targets" | "customers" | "weekly" | "review" | "actions";

/** The optional sheets for the user's own data, read by the analysis. */
export type DataTemplateKey = "deals" | "activity";

/** How a column's cells are meant to be read. */
export type ColumnType =
  | "text"
  | "person"
  | "quantity" // a number with an optional unit written as text: "100万", "8个"
  | "number"
  | "money"
  | "percent" // stored as a fraction, shown as 0%
  | "date"
  | "list" // one of a fixed set of values
  | "multiline"; // numbered items in one cell: "1.… 2.…"

/** A native data-validation rule, host-neutral. Hosts without validation support skip it. */
export type ValidationRule =
  | { readonly kind: "wholeNumber"; readonly min?: number; readonly max?: number }
  | { readonly kind: "decimal"; readonly min?: number; readonly max?: number }
  | {
      readonly kind: "list";
      readonly values: Readonly<Record<Locale, readonly string[]>>;
      /**
       * The list is a suggestion: a typed value outside it is warned about, not refused (the hosts' "warning"
       * alert style), where the playbook lets people write their own (a metric the team tracks, a CRM's status).
       */
      readonly allowOther?: boolean;
    }
  | { readonly kind: "date" };

export interface ColumnDefinition {
  readonly key: string;
  readonly header: Bilingual;
  readonly type: ColumnType;
  /** Width in characters (hosts convert to their own unit). */
  readonly width: number;
  readonly validation?: ValidationRule;
  /** Shown when the cell is selected (native input prompt). */
  readonly prompt?: Bilingual;
  /**
   * A per-row formula over other columns of the same row, written with `{key}` placeholders,
   * e.g. `=IF({target}>0,{total}/{target},"")`. Plain functions only: it must compute the same
   * in Excel, WPS and LibreOffice.
   */
  readonly formula?: string;
  /** Number format code (Excel syntax, understood by WPS and LibreOffice). */
  readonly numberFormat?: string;
}

/** An example row from the playbook: values by column key, per locale where the text differs. */
export type ExampleRow = Readonly<Record<string, CellValue | Bilingual>>;

export interface TemplateDefinition<K extends string = TemplateKey> {
  readonly key: K;
  readonly sheetName: Bilingual;
  /** Name of the native table (letters, digits and underscores only). */
  readonly tableName: string;
  readonly columns: readonly ColumnDefinition[];
  readonly examples: readonly ExampleRow[];
}
