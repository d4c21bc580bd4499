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

/** Header words per field, compared without spaces, case or punctuation; first match wins. */
const HEADER_SYNONYMS: Readonly<Record<DataField, readonly string[]>> = {
  date: [
    "成交日期",
    "下单日期",
    "订单日期",
    "签约日期",
    "日期",
    "周开始日期",
    "周次",
    "week",
    "weekstarting",
    "orderdate",
    "closedate",
    "date",
    "createdate",
  ],
  rep: [
    "负责人",
    "销售代表",
    "销售人员",
    "销售",
    "业务员",
    "客户经理",
    "owner",
    "salesrep",
    "rep",
    "salesperson",
    "accountowner",
    "opportunityowner",
  ],
  customer: [
    "客户id",
    "客户编号",
    "客户名称",
    "客户",
    "customerid",
    "customername",
    "customer",
    "accountname",
    "account",
    "client",
  ],
  customerType: ["客户类型", "客户分类", "客户类别", "行业", "segment", "customertype", "customersegment", "industry"],
  amount: ["成交金额", "销售额", "成交额", "金额", "合同金额", "sales", "amount", "revenue", "dealvalue", "value"],
  orderId: ["订单号", "订单编号", "订单id", "合同编号", "orderid", "dealid", "opportunityid", "order"],
  status: ["状态", "阶段", "赢单状态", "status", "stage", "dealstage", "outcome"],
  product: ["产品线", "产品", "产品类别", "productline", "product", "category"],
  calls: ["电话量", "电话数", "电话", "外呼", "calls", "phonecalls"],
  visits: ["拜访量", "拜访数", "拜访", "visits", "meetings"],
  followUps: ["跟进次数", "跟进频次", "跟进", "followups", "follow-ups", "followup"],
  proposals: ["方案提交数", "方案提交", "方案数", "方案", "proposals", "quotes"],
};

export function normalizeHeaderText(value: unknown): string {
  return typeof value === "string" ? value.toLowerCase().replace(/[\s_\-()（）:：/.#]/g, "") : "";
}

/** A field -> column mapping, and what it could not find. */
export interface FieldMapping<F extends DataField> {
  /** 0-based column within the header row, per field found. */
  readonly columns: Partial<Record<F, number>>;
  /** The header text each mapped field was read from. */
  readonly headers: Partial<Record<F, string>>;
  readonly missing: readonly F[];
}

/**
 * Maps header cells to fields. An explicit mapping (field -> header text) wins; otherwise the
 * synonyms decide, exact matches first, then headers that contain a synonym ("成交金额(元)").
 */
export function detectFields<F extends DataField>(
  fields: readonly F[],
  headerRow: readonly unknown[],
  explicit: Partial<Record<F, string>> = {},
): FieldMapping<F> {
  const normalized = headerRow.map(normalizeHeaderText);
  const columns: Partial<Record<F, number>> = {};
  const headers: Partial<Record<F, string>> = {};
  const taken = new Set<number>();
  const take = (field: F, index: number) => {
    columns[field] = index;
    headers[field] = String(headerRow[index]);
    taken.add(index);
  };
  for (const field of fields) {
    const wanted = explicit[field];
    if (wanted === undefined) continue;
    const index = normalized.indexOf(normalizeHeaderText(wanted));
    if (index >= 0) take(field, index);
  }
  for (const pass of ["exact", "contains"] as const) {
    for (const field of fields) {
      if (columns[field] !== undefined || explicit[field] !== undefined) continue;
      for (const synonym of HEADER_SYNONYMS[field]) {
        const index = normalized.findIndex(
          (h, i) => !taken.has(i) && h !== "" && (pass === "exact" ? h === synonym : h.includes(synonym)),
        );
        if (index >= 0) {
          take(field, index);
          break;
        }
      }
    }
  }
  return { columns, headers, missing: fields.filter((f) => columns[f] === undefined) };
}
