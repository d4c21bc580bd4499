import { isBlank, type CellValue } from "../../cell/cell-value";
import { serialToIso, toExcelSerial } from "../../cell/excel-date";
import { bilingual, LOCALES, localize, type Bilingual, type Locale } from "../../i18n/locale";
import { customerAnalysisTemplate } from "../../templates/customer-analysis.template";
import { normalizeText } from "../../parse/parse-result";
import type { SheetTable } from "../../sheet/sheet-table";
import type { SegmentStats } from "./customer-contribution";
import type { ReadingNote } from "../reading/reading-notes";

export interface CustomerTableRow {
  /** 0-based sheet row to write, or undefined for a row to append. */
  readonly sheetRow?: number;
  readonly cells: Readonly<Record<string, CellValue>>;
  /** A playbook example row no type of the data took: emptied, never stamped. */
  readonly cleared?: boolean;
  /** When the data's type matched a row by meaning only: the row's type ("SMEs") and the data's ("SMB"). */
  readonly matchedAs?: { readonly sheet: string; readonly data: string };
  /** The type of the playbook's example row this row replaced or emptied. */
  readonly replacedExample?: string;
}

/** The words people write for the same kind of customer, compared lower-case without spaces. */
const TYPE_MEANINGS: readonly (readonly string[])[] = [
  ["中小企业", "中小客户", "中小型企业", "小微企业", "smb", "smbs", "sme", "smes", "smallbusiness", "smallbusinesses"],
  ["大客户", "重点客户", "关键客户", "ka", "keyaccount", "keyaccounts", "largeaccount", "largeaccounts", "enterprise"],
  ["个人客户", "个人", "散客", "individual", "individuals", "consumer", "consumers"],
  ["行业top100", "industrytop100"],
];
const MEANING = new Map(TYPE_MEANINGS.flatMap((words, i) => words.map((w) => [w, `#${i}`] as const)));
const squeeze = (value: CellValue | undefined) =>
  normalizeText(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/** A customer type by what it means: "SMB", "SMEs" and "中小企业" are one type; other words stand for themselves. */
export function customerTypeMeaning(value: CellValue | undefined): string {
  const word = squeeze(value);
  return MEANING.get(word) ?? word;
}

/** True for a row that is still one of the playbook's example rows (its type and figures as the template wrote them). */
export function isCustomerExampleRow(cells: Readonly<Record<string, CellValue>>): boolean {
  return customerAnalysisTemplate.examples.some(
    (e) =>
      LOCALES.some((l) => normalizeText(cells.customerType) === (e.customerType as Bilingual)[l]) &&
      ["customers", "orders", "revenue"].every((k) => cells[k] === e[k]),
  );
}

const EMPTY: Readonly<Record<string, CellValue>> = Object.fromEntries(
  customerAnalysisTemplate.columns.filter((c) => !c.formula).map((c) => [c.key, null]),
);

/**
 * The customer analysis sheet filled from the analysis: one row per customer type, existing rows
 * updated in place (their pain points and strategies untouched), new types appended. A row matches a
 * type written the same or meaning the same ("SMEs" for "SMB"). The playbook's example rows are not
 * data: a type of the data matches one as any row, a new type takes the place of one, and those left
 * over are emptied. Share and order value stay the sheet's formulas; a type no longer in the data keeps
 * its row as the user left it.
 */
export function mergeCustomerTable(existing: SheetTable | undefined, segments: readonly SegmentStats[]): CustomerTableRow[] {
  const rows = existing?.rows ?? [];
  const free = new Set(rows.filter((r) => isCustomerExampleRow(r.cells)).map((r) => r.sheetRow));
  const typeAt = new Map(rows.map((r) => [r.sheetRow, r.cells.customerType]));
  const taken = new Set<number>();
  const find = (test: (cells: Readonly<Record<string, CellValue>>) => boolean) =>
    rows.find((r) => !taken.has(r.sheetRow) && test(r.cells))?.sheetRow;
  const matched = segments.map((s) => {
    const row =
      find((c) => normalizeText(c.customerType) === normalizeText(s.type)) ??
      find((c) => !isBlank(c.customerType) && customerTypeMeaning(c.customerType) === customerTypeMeaning(s.type));
    if (row !== undefined) taken.add(row);
    return row;
  });
  const spare = [...free].filter((r) => !taken.has(r));
  const merged: CustomerTableRow[] = segments.map((s, i) => {
    const cells: Record<string, CellValue> = {
      customers: s.customers,
      orders: s.orders,
      revenue: Math.round(s.revenue * 100) / 100,
      // Without a status column there is no close rate: what the user typed there stays.
      ...(s.closeRate === null ? {} : { closeRate: s.closeRate }),
    };
    const sheetRow = matched[i];
    if (sheetRow !== undefined) {
      const written = normalizeText(typeAt.get(sheetRow));
      return written === normalizeText(s.type)
        ? { sheetRow, cells }
        : { sheetRow, cells, matchedAs: { sheet: written, data: s.type } };
    }
    const slot = spare.shift();
    return slot === undefined
      ? { cells: { customerType: s.type, ...cells } }
      : {
          sheetRow: slot,
          cells: { ...EMPTY, customerType: s.type, ...cells },
          replacedExample: normalizeText(typeAt.get(slot)),
        };
  });
  const cleared = spare.map((sheetRow) => ({
    sheetRow,
    cells: EMPTY,
    cleared: true,
    replacedExample: normalizeText(typeAt.get(sheetRow)),
  }));
  return [...merged, ...cleared];
}

/** What the fill assumed about the sheet's rows, said next to the customer figures. */
export function customerTableNotes(rows: readonly CustomerTableRow[]): ReadingNote[] {
  const notes: ReadingNote[] = rows.flatMap((r) =>
    r.matchedAs === undefined
      ? []
      : [
          {
            section: "customers" as const,
            text: bilingual(
              `数据中的“${r.matchedAs.data}”按含义写入了客户分析表的“${r.matchedAs.sheet}”行；如不是同一类客户，请改该行的客户类型。`,
              `The data's "${r.matchedAs.data}" filled the customer sheet's "${r.matchedAs.sheet}" row, read as the same type; if they differ, rename that row's type.`,
            ),
          },
        ],
  );
  const replaced = rows.flatMap((r) => (r.replacedExample ? [r.replacedExample] : []));
  if (replaced.length > 0)
    notes.push({
      section: "customers",
      text: bilingual(
        `手册示例行（${replaced.join("、")}）不是数据：已换成数据中的客户类型或清空。`,
        `The playbook's example rows (${replaced.join(", ")}) are not data: replaced by the data's customer types or emptied.`,
      ),
    });
  return notes;
}

/** The customer sheet's "数据期间" cell: the months covered and, when known, the day it was filled. */
const STAMP: Readonly<Record<"period" | "filled", Bilingual>> = {
  period: { "zh-CN": "{from}至{to}", en: "{from} to {to}" },
  filled: { "zh-CN": "（{date}填写）", en: " (filled {date})" },
};

export function customerPeriodStamp(period: { from: string; to: string }, locale: Locale, today?: number): string {
  const date = today === undefined ? undefined : serialToIso(today);
  return localize(STAMP.period, locale, period) + (date ? localize(STAMP.filled, locale, { date }) : "");
}

export interface CustomerPeriod {
  /** ISO months ("2026-09"). */
  readonly from: string;
  readonly to: string;
  /** The day of the fill (Excel serial), when the cell says it. */
  readonly filled?: number;
  /** Excel serial of the last day of the quarter holding `to`. */
  readonly quarterEnd: number;
}

/** Reads a "数据期间" cell in either language; undefined when it holds something else. */
export function readCustomerPeriodStamp(value: CellValue | undefined): CustomerPeriod | undefined {
  if (typeof value !== "string") return undefined;
  const m = /(\d{4})-(\d{2})\s*(?:至|to)\s*(\d{4})-(\d{2})(?:\s*[（(](?:filled\s*)?(\d{4})-(\d{2})-(\d{2}))?/.exec(value);
  if (!m) return undefined;
  const [year, month] = [Number(m[3]), Number(m[4])];
  if (month < 1 || month > 12) return undefined;
  const lastMonth = Math.ceil(month / 3) * 3;
  return {
    from: `${m[1]}-${m[2]}`,
    to: `${m[3]}-${m[4]}`,
    ...(m[5] ? { filled: toExcelSerial(Number(m[5]), Number(m[6]), Number(m[7])) } : {}),
    // Day 0 of the month after the quarter: its last day.
    quarterEnd: toExcelSerial(year, lastMonth + 1, 0),
  };
}
