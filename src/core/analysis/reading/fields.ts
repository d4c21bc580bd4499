import { HEADER_VOCABULARY as WORDS, type FieldVocabulary } from "./header-vocabulary";

/** The columns the analysis reads from a user's own data sheet (a CRM or ERP export). */
export type DealField = "date" | "rep" | "customer" | "customerType" | "amount" | "orderId" | "status" | "product";
export type ActivityField = "date" | "rep" | "calls" | "visits" | "followUps" | "proposals";
export type DataField = DealField | ActivityField;

export const DEAL_FIELDS: readonly DealField[] = [
  "date",
  "rep",
  "customer",
  "customerType",
  "amount",
  "orderId",
  "status",
  "product",
];
export const ACTIVITY_FIELDS: readonly ActivityField[] = ["date", "rep", "calls", "visits", "followUps", "proposals"];
export const PROCESS_FIELDS = ["calls", "visits", "followUps", "proposals"] as const;
export type ProcessField = (typeof PROCESS_FIELDS)[number];

const PUNCTUATION = /[\s_\-()（）:：/.#*【】[\]'"’‘“”]/g;

export function normalizeHeaderText(value: unknown): string {
  return typeof value === "string" ? value.toLowerCase().replace(PUNCTUATION, "") : "";
}

/**
 * Could this cell be a column header? Short text without digits or a colon: "导出日期：2026-11-01",
 * "Currency: CNY" and sentences are metadata or notes, never headers.
 */
export function isHeaderLike(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const text = value.trim();
  return text.length > 0 && text.length <= 40 && !/[\d:：０-９]/.test(text);
}

/** A field -> column mapping, and what it could not find. */
export interface FieldMapping<F extends DataField> {
  /** 0-based column within the header row, per field found. */
  readonly columns: Partial<Record<F, number>>;
  /** The header text each mapped field was read from. */
  readonly headers: Partial<Record<F, string>>;
  readonly missing: readonly F[];
  /**
   * For the date and the amount: an estimate's column read where the actual one is blank
   * (Dynamics' Est. Close Date behind Actual Close Date, Pipedrive's Expected close date behind Won time).
   */
  readonly fallbacks: Partial<Record<F, { readonly column: number; readonly header: string }>>;
}

/** Every field has its words (a missing one fails the type check). */
const HEADER_VOCABULARY: Readonly<Record<DataField, FieldVocabulary>> = WORDS;

type Kind = 0 | 1 | 2; // actual, estimate, weak

/**
 * An order export's payment time is its revenue date, blank on orders never paid (awaiting payment, closed
 * unpaid): those are read at their creation time instead, so they still count as pipeline or lost.
 */
const PAID = /付款时间|支付时间|paidat|paiddate/;
const CREATED = /创建|下单|create/;

interface Candidate {
  readonly column: number;
  readonly kind: Kind;
  readonly exact: boolean;
  readonly rank: number;
  readonly length: number;
}

type Synonym = { readonly text: string; readonly exactOnly: boolean };
const SYNONYMS = {} as Record<DataField, readonly Synonym[]>;
for (const field of Object.keys(HEADER_VOCABULARY) as DataField[]) {
  SYNONYMS[field] = HEADER_VOCABULARY[field].synonyms.map((s) => ({ text: s.replace(/^=/, ""), exactOnly: s.startsWith("=") }));
}

function candidateFor(field: DataField, header: string, column: number, row: readonly string[]): Candidate | undefined {
  const vocabulary = HEADER_VOCABULARY[field];
  if (vocabulary.exclude?.test(header)) return undefined;
  const companion = vocabulary.beside?.[header];
  if (companion && row.some((h) => companion.test(h))) {
    return { column, kind: 0, exact: true, rank: SYNONYMS[field].length, length: header.length };
  }
  const synonyms = SYNONYMS[field];
  let found = -1;
  let exact = false;
  for (let i = 0; i < synonyms.length; i++) {
    const s = synonyms[i];
    if (header === s.text) {
      [found, exact] = [i, true];
      break;
    }
    if (found < 0 && !s.exactOnly && header.includes(s.text)) found = i;
  }
  if (found < 0) return undefined;
  const kind: Kind = vocabulary.weak?.test(header) ? 2 : vocabulary.plan?.test(header) ? 1 : 0;
  return { column, kind, exact, rank: found, length: synonyms[found].text.length };
}

/** Within one field: actual before estimate before weak, a whole-header match first, then the preferred word. */
const better = (a: Candidate, b: Candidate) => a.kind - b.kind || Number(b.exact) - Number(a.exact) || a.rank - b.rank;
/** Between fields claiming one column: a whole-header match, then the longer (more specific) word. */
const closer = (a: Candidate, b: Candidate) => Number(b.exact) - Number(a.exact) || b.length - a.length || a.kind - b.kind;

/**
 * Maps header cells to fields. An explicit mapping (field -> header text) wins; otherwise each header goes to
 * the field whose word it matches most closely, and each field takes its best header: the actual value before
 * an estimate ("Close Date" before "Expected Close Date"), an estimate before a weak match ("Create Date",
 * "Expected Revenue", "Unit Price"); headers that are never the field ("Contact Name" for the customer,
 * "Probability" or "Discount" for the amount) are left alone. Cells that are no header (`isHeaderLike`) are skipped.
 */
export function detectFields<F extends DataField>(
  fields: readonly F[],
  headerRow: readonly unknown[],
  explicit: Partial<Record<F, string>> = {},
): FieldMapping<F> {
  const normalized = headerRow.map((v) => (isHeaderLike(v) ? normalizeHeaderText(v) : ""));
  const columns: Partial<Record<F, number>> = {};
  const headers: Partial<Record<F, string>> = {};
  const fallbacks: Partial<Record<F, { column: number; header: string }>> = {};
  const taken = new Set<number>();
  const take = (field: F, index: number) => {
    columns[field] = index;
    headers[field] = String(headerRow[index]);
    taken.add(index);
  };
  for (const field of fields) {
    const wanted = explicit[field];
    if (wanted === undefined) continue;
    const key = normalizeHeaderText(wanted);
    const index = headerRow.findIndex((v, i) => !taken.has(i) && normalizeHeaderText(v) === key);
    if (index >= 0) take(field, index);
  }
  const auto = fields.filter((f) => explicit[f] === undefined);
  const candidates = new Map<F, Candidate[]>();
  const claimedBy = new Map<number, { field: F; candidate: Candidate }>();
  for (const field of auto) {
    const list: Candidate[] = [];
    normalized.forEach((header, column) => {
      if (header === "" || taken.has(column)) return;
      const candidate = candidateFor(field, header, column, normalized);
      if (!candidate) return;
      list.push(candidate);
      const claim = claimedBy.get(column);
      if (!claim || closer(candidate, claim.candidate) < 0) claimedBy.set(column, { field, candidate });
    });
    candidates.set(field, list.sort(better));
  }
  // First each field among the headers it matches most closely, then the fields left among the headers left.
  for (const own of [true, false]) {
    for (const field of auto) {
      if (columns[field] !== undefined) continue;
      const best = candidates.get(field)?.find((c) => !taken.has(c.column) && (!own || claimedBy.get(c.column)?.field === field));
      if (best) take(field, best.column);
    }
  }
  for (const field of auto) {
    const primary = candidates.get(field)?.find((c) => c.column === columns[field]);
    if (!primary || primary.kind !== 0 || (field !== "date" && field !== "amount")) continue;
    const list = candidates.get(field) ?? [];
    const estimate =
      list.find((c) => c.kind === 1 && !taken.has(c.column)) ??
      (field === "date" && PAID.test(normalized[primary.column])
        ? list.find((c) => c.kind === 2 && !taken.has(c.column) && CREATED.test(normalized[c.column]))
        : undefined);
    if (estimate) fallbacks[field] = { column: estimate.column, header: String(headerRow[estimate.column]) };
  }
  return { columns, headers, missing: fields.filter((f) => columns[f] === undefined), fallbacks };
}

const ID_HEADER = /id$|编号|编码|代码|号$|code$|number$|no$/;
const NAME_HEADER =
  /(?:客户|单位|公司|企业|customer|account|company|client|organi[sz]ation|buyer).*(?:名称|全称|简称|name)$|^(?:客户|customer|account|client|company|公司|单位|往来单位|购货单位|购买单位|订货单位|购方名称)$/;

/**
 * When the customer column is an id (客户编号, Customer ID), the column naming the same customer (客户名称,
 * Customer Name) that no field took: the id tells customers apart, the name is what the user reads.
 */
export function customerNameColumn(
  headerRow: readonly unknown[],
  mapping: FieldMapping<DealField>,
): { readonly column: number; readonly header: string } | undefined {
  const idColumn = mapping.columns.customer;
  if (idColumn === undefined || !ID_HEADER.test(normalizeHeaderText(headerRow[idColumn]))) return undefined;
  const taken = new Set<number>(Object.values(mapping.columns));
  for (const f of Object.values(mapping.fallbacks)) if (f) taken.add(f.column);
  const exclude = HEADER_VOCABULARY.customer.exclude;
  const column = headerRow.findIndex((v, i) => {
    if (taken.has(i) || !isHeaderLike(v)) return false;
    const header = normalizeHeaderText(v);
    return NAME_HEADER.test(header) && !ID_HEADER.test(header) && !exclude?.test(header);
  });
  return column < 0 ? undefined : { column, header: String(headerRow[column]) };
}
