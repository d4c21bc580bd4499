import fc from "fast-check";
import type { RangeRef } from "../../src/core/cell/a1";
import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import type { Locale } from "../../src/core/i18n/locale";

/**
 * Random workbooks as users hand them to the add-in, described host-neutrally so the same case can be
 * seeded into any host: a deal sheet the analysis reads, maybe a customer analysis sheet and a target
 * sheet of the user's own, and other sheets (some named like the add-in's) with random values,
 * formulas, number formats, notes and merges.
 */

/** One non-empty cell the user typed. A formula's `value` is its cached result. */
export interface UserCell {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
  /** Without the leading "=". */
  readonly formula?: string;
  readonly numFmt?: string;
  readonly note?: string;
}

export type UserSheetRole = "deals" | "customers" | "targets" | "other";

export interface UserSheet {
  readonly name: string;
  readonly role: UserSheetRole;
  readonly cells: readonly UserCell[];
  /** Merged ranges (hosts without merges leave them out). Never overlapping. */
  readonly merges: readonly RangeRef[];
  /** A native table of the user's (header row first), with a name the add-in's templates also use. */
  readonly table?: { readonly name: string; readonly range: RangeRef };
}

export interface UserWorkbook {
  readonly sheets: readonly UserSheet[];
  readonly locale: Locale;
  readonly withExamples: boolean;
  readonly withDataSheets: boolean;
}

/** Every dated deal lies before this day, so the lines count as revenue. */
export const TODAY = toExcelSerial(2026, 12, 10);

/** Names the add-in gives its own sheets, in both languages, other cases and already suffixed. */
const OUR_NAMES = [
  "目标分解表",
  "客户分析表",
  "周计划跟踪表",
  "月度复盘表",
  "诊断报告",
  "诊断报告 (2)",
  "Diagnosis",
  "diagnosis",
  "Customer Analysis",
  "customer analysis",
  "Customer Analysis (2)",
  "Target Decomposition",
  "Weekly Plan Tracking",
  "Monthly Review",
  "销售过程数据",
];
const OTHER_NAMES = ["笔记", "Sheet1", "Sheet2", "华东区 汇总", "备忘"];

/** Text that looks like a formula, Chinese text, and short noise (no header words the readers know). */
const TEXTS = [
  "=1+1",
  "+x",
  "@y",
  "-5",
  "=SUM(A1:A3)",
  "'=quoted",
  "张三",
  "华东区",
  "价格敏感",
  "已签约",
  "下周回访",
  "35万",
  "#N/A",
];
const CHARS = [..."abXY 019=+-@'\"%万元，。：（）张王李"];
const text: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TEXTS, "", " "),
  fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((a) => a.join("")),
);
const FORMATS = ["0.00", "#,##0", "0%", "@", '"¥"#,##0.00'];
/**
 * Date formats go on serials Excel can show as dates (1900 to 9999): ExcelJS reads a date-formatted cell as a
 * JS Date, and past year 9999 that conversion drifts by a millisecond each time the file is saved and opened.
 */
const DATE_FORMATS = ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "yyyy-mm-dd hh:mm"];
const FORMULAS = ["SUM(A1:B2)", "A1*2", 'IF(B2>0,"是","否")', "TODAY()", '"=1+1"', "COUNTA(A:A)"];

type Content = Omit<UserCell, "row" | "column">;
const optionalFormat = fc.option(fc.constantFrom(...FORMATS), { nil: undefined, freq: 2 });

/** Any cell a user might have; `null` is an empty cell. */
const content: fc.Arbitrary<Content | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.record({ value: text, numFmt: optionalFormat }, { requiredKeys: ["value"] }) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        value: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
        numFmt: optionalFormat,
      },
      { requiredKeys: ["value"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      value: fc.oneof(fc.integer({ min: 36526, max: 47483 }), fc.double({ min: 1, max: 2_958_465, noNaN: true })),
      numFmt: fc.constantFrom(...DATE_FORMATS),
    }),
  },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ value })) },
  {
    weight: 1,
    arbitrary: fc.record({ formula: fc.constantFrom(...FORMULAS), value: fc.oneof(fc.integer({ min: 0, max: 999 }), text) }),
  },
);

function placed(rows: readonly (readonly (Content | null)[])[], top = 0): UserCell[] {
  return rows.flatMap((line, r) => line.flatMap((c, column) => (c === null ? [] : [{ ...c, row: top + r, column }])));
}

/** Up to `max` non-overlapping rectangles inside rows × columns, none on the given rows. */
function merges(rows: number, columns: number, max: number, avoidRows: readonly number[] = []): fc.Arbitrary<RangeRef[]> {
  const rect = fc
    .record({
      row: fc.nat({ max: Math.max(0, rows - 1) }),
      column: fc.nat({ max: Math.max(0, columns - 1) }),
      rowCount: fc.integer({ min: 1, max: 2 }),
      columnCount: fc.integer({ min: 1, max: 3 }),
    })
    .filter((m) => m.rowCount * m.columnCount > 1);
  return fc.array(rect, { maxLength: max }).map((list) => {
    const kept: RangeRef[] = [];
    const inside = (m: RangeRef, r: number, c: number) =>
      r >= m.row && r < m.row + m.rowCount && c >= m.column && c < m.column + m.columnCount;
    for (const m of list) {
      const cells = Array.from({ length: m.rowCount * m.columnCount }, (_v, i) => [
        m.row + Math.floor(i / m.columnCount),
        m.column + (i % m.columnCount),
      ]);
      if (cells.some(([r]) => avoidRows.includes(r))) continue;
      if (kept.some((k) => cells.some(([r, c]) => inside(k, r, c)))) continue;
      kept.push(m);
    }
    return kept;
  });
}

const otherSheet: fc.Arbitrary<Omit<UserSheet, "name" | "role">> = fc
  .array(fc.array(content, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
  .chain((grid) =>
    fc.record({
      cells: fc.constant(placed(grid)),
      merges: merges(grid.length + 1, 6, 2),
      note: fc.option(fc.constantFrom("我的批注", "check =1+1"), { nil: undefined }),
      table: fc.option(fc.constantFrom("CustomerAnalysis", "TargetDecomposition", "Deals", "WeeklyPlanTracking"), {
        nil: undefined,
      }),
    }),
  )
  .map(({ cells, merges: m, note, table }) => {
    const withNote = note && cells.length > 0 ? [{ ...cells[0], note }, ...cells.slice(1)] : cells;
    if (!table) return { cells: withNote, merges: m };
    // The user's table sits below everything else, on its own rows.
    const top = Math.max(0, ...cells.map((c) => c.row), ...m.map((r) => r.row + r.rowCount - 1)) + 2;
    const tableCells: UserCell[] = [
      { row: top, column: 0, value: "项目" },
      { row: top, column: 1, value: "数量" },
      { row: top + 1, column: 0, value: "=1+1" },
      { row: top + 1, column: 1, value: 3 },
    ];
    return {
      cells: [...withNote, ...tableCells],
      merges: m,
      table: { name: table, range: { row: top, column: 0, rowCount: 2, columnCount: 2 } },
    };
  });

const DEAL_HEADER = ["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "订单号", "状态"];
export const CUSTOMER_TYPES = ["行业TOP100", "中小企业", "个人客户", "=1+1", "@渠道"];
const day = fc.integer({ min: toExcelSerial(2026, 9, 1), max: toExcelSerial(2026, 11, 30) });
const dealRow = fc.record({
  date: fc.oneof(
    day.map((value): Content => ({ value, numFmt: "yyyy-mm-dd" })),
    fc.constantFrom("2026-10-03", "2026-11-20", "2026/9/15").map((value): Content => ({ value })),
  ),
  rep: fc.constantFrom("张三", "李四", "王五", "+x"),
  customer: fc.constantFrom("甲公司", "=乙公司", "@丙", "丁先生"),
  type: fc.constantFrom(...CUSTOMER_TYPES),
  amount: fc.integer({ min: 1000, max: 200_000 }),
  status: fc.constantFrom("赢单", "赢单", "丢单"),
});

const dealSheet: fc.Arbitrary<Omit<UserSheet, "name" | "role">> = fc
  .record({ title: fc.boolean(), withStatus: fc.boolean(), rows: fc.array(dealRow, { minLength: 1, maxLength: 6 }) })
  .map(({ title, withStatus, rows }) => {
    const top = title ? 1 : 0;
    const width = withStatus ? 7 : 6;
    // The first line is always a booked, won deal: the analysis has something to read.
    const lines = rows.map((r, i) => [
      i === 0 ? { value: toExcelSerial(2026, 11, 5), numFmt: "yyyy-mm-dd" } : r.date,
      { value: r.rep },
      { value: r.customer },
      { value: r.type },
      { value: r.amount, numFmt: "#,##0" },
      { value: `o${i + 1}` },
      { value: i === 0 ? "赢单" : r.status },
    ]);
    const cells = placed([DEAL_HEADER.slice(0, width).map((value) => ({ value })), ...lines.map((l) => l.slice(0, width))], top);
    return {
      cells: title ? [{ row: 0, column: 0, value: "导出时间：2026-12-01" }, ...cells] : cells,
      merges: title ? [{ row: 0, column: 0, rowCount: 1, columnCount: width }] : [],
    };
  });

/** The customer template's columns as a user may lay them out: any order, zh-CN or English headers. */
const CUSTOMER_HEADERS: Readonly<Record<string, readonly [string, string]>> = {
  customerType: ["客户类型", "Customer Type"],
  customers: ["客户数量", "Customers"],
  orders: ["订单数", "Orders"],
  revenue: ["销售额", "Revenue"],
  share: ["贡献占比(%)", "Contribution Share (%)"],
  avgOrderValue: ["平均客单价", "Average Order Value"],
  closeRate: ["成交率(%)", "Close Rate (%)"],
  painPoints: ["主要需求痛点", "Main Needs and Pain Points"],
  strategy: ["开发/维护策略", "Development / Retention Strategy"],
  remark: ["备注", "备注"],
};
const OPTIONAL_COLUMNS = ["share", "avgOrderValue", "closeRate", "painPoints", "strategy", "remark"];
/** Columns the analysis writes; the others hold the user's own cells. */
export const COMPUTED_KEYS = ["customers", "orders", "revenue", "closeRate"];

const customerSheet: fc.Arbitrary<Omit<UserSheet, "name" | "role">> = fc
  .record({
    title: fc.boolean(),
    english: fc.boolean(),
    columns: fc.subarray(OPTIONAL_COLUMNS).chain((optional) =>
      fc.shuffledSubarray([...["customerType", "customers", "orders", "revenue"], ...optional], {
        minLength: 4 + optional.length,
      }),
    ),
    rows: fc.array(
      fc.option(
        fc.record({
          type: fc.oneof(fc.constantFrom(...CUSTOMER_TYPES), text),
          numbers: fc.array(fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }), { minLength: 4, maxLength: 4 }),
          pain: text,
          strategy: fc.constantFrom("=标准化产品", "+定制方案", "线上推广", ""),
          remark: content,
        }),
        { nil: null, freq: 5 },
      ),
      { maxLength: 5 },
    ),
  })
  .chain((sheet) => {
    const top = sheet.title ? 1 : 0;
    // Merges anywhere below the header, also over the computed columns and the rows below the table.
    const header = Array.from({ length: top + 1 }, (_v, r) => r);
    return merges(top + sheet.rows.length + 2, sheet.columns.length, 2, header).map((body) => ({ ...sheet, body }));
  })
  .map(({ title, english, columns, rows, body }) => {
    const top = title ? 1 : 0;
    const at = (key: string) => columns.indexOf(key);
    const cells: UserCell[] = columns.map((key, column) => ({ row: top, column, value: CUSTOMER_HEADERS[key][english ? 1 : 0] }));
    rows.forEach((line, i) => {
      if (!line) return; // a blank row inside the table
      const row = top + 1 + i;
      const put = (key: string, c: Content | null) => at(key) >= 0 && c && cells.push({ ...c, row, column: at(key) });
      put("customerType", { value: line.type });
      COMPUTED_KEYS.forEach((key, k) => put(key, line.numbers[k] === null ? null : { value: line.numbers[k], numFmt: "0" }));
      put("share", { formula: `IF(SUM(D:D)>0,D${row + 1}/SUM(D:D),"")`, value: 0.25, numFmt: "0.0%" });
      put("avgOrderValue", { formula: `D${row + 1}*2`, value: 10 });
      put("painPoints", { value: line.pain, note: "客户原话" });
      put("strategy", { value: line.strategy });
      put("remark", line.remark);
    });
    return {
      cells: title ? [{ row: 0, column: 0, value: "2026年客户分析" }, ...cells] : cells,
      merges: [...(title ? [{ row: 0, column: 0, rowCount: 1, columnCount: columns.length }] : []), ...body],
    };
  });

const TARGET_HEADER = ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"];
/** A target sheet of the user's with findings (a missing owner, shares that do not add up): marks land on it. */
const targetSheet: fc.Arbitrary<Omit<UserSheet, "name" | "role">> = fc
  .array(fc.record({ owner: fc.constantFrom("甲", "乙", null), share: fc.constantFrom("35万", "20万", "=1+1") }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((rows) => ({
    cells: placed([
      TARGET_HEADER.map((value) => ({ value })),
      ...rows.map(({ owner, share }) => [
        { value: "月度100万" },
        { value: "销售额" },
        owner === null ? null : { value: owner, note: "我的批注" },
        { value: share },
        { value: "30日" },
        { value: "1.新客户开发8个 2.复购率60%" },
        { value: "1.实际开发≥8个" },
      ]),
    ]),
    merges: [],
  }));

function role(r: UserSheetRole, body: fc.Arbitrary<Omit<UserSheet, "name" | "role">>, names: readonly string[]) {
  return fc.record({ name: fc.constantFrom(...names), body }).map(({ name, body: b }): UserSheet => ({ name, role: r, ...b }));
}

/** A whole workbook: sheet names unique (case-insensitively), in a random order. */
export const userWorkbook: fc.Arbitrary<UserWorkbook> = fc
  .record({
    deals: role("deals", dealSheet, ["成交明细", "Deals", "销售数据", "deals"]),
    customers: fc.option(role("customers", customerSheet, ["客户分析表", "Customer Analysis", "客户", "customer analysis"]), {
      nil: undefined,
    }),
    targets: fc.option(role("targets", targetSheet, ["目标分解表", "Target Decomposition", "目标"]), { nil: undefined }),
    others: fc.array(role("other", otherSheet, [...OUR_NAMES, ...OUR_NAMES, ...OTHER_NAMES]), { maxLength: 3 }),
    locale: fc.constantFrom<Locale>("zh-CN", "en"),
    withExamples: fc.boolean(),
    withDataSheets: fc.boolean(),
  })
  .chain(({ deals, customers, targets, others, locale, withExamples, withDataSheets }) => {
    const taken = new Set<string>();
    const sheets = [deals, customers, targets, ...others].filter((s): s is UserSheet => {
      if (!s || taken.has(s.name.toLowerCase())) return false;
      taken.add(s.name.toLowerCase());
      return true;
    });
    return fc
      .shuffledSubarray(sheets, { minLength: sheets.length })
      .map((order) => ({ sheets: order, locale, withExamples, withDataSheets }));
  });
