import type { CellValue } from "../cell/cell-value";
import { columnLetter } from "../cell/a1";
import { LOCALES, type Bilingual, type Locale } from "../i18n/locale";
import type {
  ColumnDefinition,
  DataTemplateKey,
  ExampleRow,
  TemplateDefinition,
  TemplateKey,
  ValidationRule,
} from "./template.types";

/** A validation rule with its list values resolved to one locale. */
export type ResolvedValidation =
  | { readonly kind: "wholeNumber" | "decimal"; readonly min?: number; readonly max?: number }
  | {
      readonly kind: "list";
      readonly values: readonly string[];
      /** A value outside the list is warned about, not refused (see `ValidationRule`). */
      readonly allowOther?: boolean;
    }
  | { readonly kind: "date" };

export interface BlueprintColumn {
  readonly key: string;
  readonly header: string;
  readonly width: number;
  readonly numberFormat?: string;
  readonly validation?: ResolvedValidation;
  readonly prompt?: string;
  readonly computed: boolean;
}

/**
 * Everything needed to lay one template sheet, in one locale, host-neutral. The body is
 * `bodyRowCount` rows under the header: example rows first, then empty rows that carry the
 * computed columns' formulas so that totals and rates appear as soon as someone types.
 */
export interface SheetBlueprint {
  readonly templateKey: TemplateKey | DataTemplateKey;
  readonly name: string;
  readonly tableName: string;
  readonly columns: readonly BlueprintColumn[];
  readonly headers: readonly string[];
  /** Literal values, body rows only; `null` in computed columns and empty cells. */
  readonly values: readonly CellValue[][];
  /** Formulas for computed columns, body rows only; `null` elsewhere. */
  readonly formulas: readonly (string | null)[][];
  readonly bodyRowCount: number;
  readonly freezeRows: number;
}

export interface BlueprintOptions {
  readonly locale: Locale;
  readonly withExamples?: boolean;
  /** With `withExamples`, these rows instead of the template's own (the example team's). */
  readonly examples?: readonly ExampleRow[];
  /** Empty formatted rows after the examples. */
  readonly blankRows?: number;
}

export const DEFAULT_BLANK_ROWS = 20;

function isBilingual(value: unknown): value is Bilingual {
  return (
    typeof value === "object" && value !== null && LOCALES.every((l) => typeof (value as Record<string, unknown>)[l] === "string")
  );
}

function resolveValidation(rule: ValidationRule | undefined, locale: Locale): ResolvedValidation | undefined {
  if (!rule) return undefined;
  if (rule.kind !== "list") return rule;
  return { kind: "list", values: rule.values[locale], ...(rule.allowOther ? { allowOther: true } : {}) };
}

/**
 * Turns `{key}` into the same row's cell (e.g. `F2`) and `{key:column}` into the whole column
 * (`$F:$F`). Throws on an unknown key: that is a bug in a template definition, caught by tests.
 */
export function resolveRowFormula(formula: string, columnIndexByKey: ReadonlyMap<string, number>, row: number): string {
  return formula.replace(/\{(\w+)(:column)?\}/g, (_whole, key: string, whole?: string) => {
    const index = columnIndexByKey.get(key);
    if (index === undefined) throw new Error(`formula refers to unknown column "${key}"`);
    const letter = columnLetter(index);
    return whole ? `$${letter}:$${letter}` : `${letter}${row + 1}`;
  });
}

function blueprintColumn(column: ColumnDefinition, locale: Locale): BlueprintColumn {
  return {
    key: column.key,
    header: column.header[locale],
    width: column.width,
    numberFormat: column.numberFormat,
    validation: resolveValidation(column.validation, locale),
    prompt: column.prompt?.[locale],
    computed: column.formula !== undefined,
  };
}

/** Lays out a template for one locale. Row 0 is the header; body rows start at row 1. */
export function createSheetBlueprint(
  template: TemplateDefinition<TemplateKey | DataTemplateKey>,
  options: BlueprintOptions,
): SheetBlueprint {
  const { locale } = options;
  const examples = options.withExamples ? (options.examples ?? template.examples) : [];
  const bodyRowCount = examples.length + (options.blankRows ?? DEFAULT_BLANK_ROWS);
  const indexByKey = new Map(template.columns.map((c, i) => [c.key, i] as const));

  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < bodyRowCount; r++) {
    const example = examples[r];
    const sheetRow = r + 1;
    values.push(
      template.columns.map((column) => {
        if (column.formula || !example) return null;
        const raw = example[column.key];
        if (raw === undefined) return null;
        return isBilingual(raw) ? raw[locale] : raw;
      }),
    );
    formulas.push(
      template.columns.map((column) => (column.formula ? resolveRowFormula(column.formula, indexByKey, sheetRow) : null)),
    );
  }

  return {
    templateKey: template.key,
    name: template.sheetName[locale],
    tableName: template.tableName,
    columns: template.columns.map((c) => blueprintColumn(c, locale)),
    headers: template.columns.map((c) => c.header[locale]),
    values,
    formulas,
    bodyRowCount,
    freezeRows: 1,
  };
}
