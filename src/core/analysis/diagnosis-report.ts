import type { CellValue } from "../cell/cell-value";
import type { Bilingual, Locale } from "../i18n/locale";
import type { Diagnosis } from "./diagnose";
import { METRIC_LABELS } from "./longitudinal";
import { PROCESS_FIELDS } from "./fields";

/** A table inside the report, for number formats and charts. */
export interface ReportTable {
  readonly kind: "metrics" | "trend" | "attribution" | "reps" | "segments" | "problems" | "strategies";
  /** 0-based row of the table's header, and its size including the header. */
  readonly row: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Number format per column (undefined: as written). */
  readonly formats: readonly (string | undefined)[];
}

export interface DiagnosisReport {
  readonly title: string;
  readonly values: CellValue[][];
  /** Rows that open a section (shown bold). */
  readonly sectionRows: readonly number[];
  readonly tables: readonly ReportTable[];
}

const T = {
  title: { "zh-CN": "诊断报告", en: "Diagnosis" },
  dataQuality: { "zh-CN": "一、数据质量", en: "1. Data quality" },
  longitudinal: { "zh-CN": "二、纵向对比（本期 vs 上期、去年同期）", en: "2. Over time (this period vs last, and a year ago)" },
  trend: { "zh-CN": "月度趋势", en: "Monthly trend" },
  month: { "zh-CN": "月份", en: "Month" },
  attribution: {
    "zh-CN": "销售额变化分解（LMDI，各项之和等于总变化）",
    en: "Revenue change by driver (LMDI: the parts add up to the change)",
  },
  horizontal: {
    "zh-CN": "三、横向对比（近3个月，成员 vs 团队人均）",
    en: "3. Reps (last 3 months, against the per-rep average)",
  },
  customers: { "zh-CN": "四、客户维度", en: "4. Customers" },
  problems: { "zh-CN": "五、TOP3问题与策略", en: "5. TOP 3 problems and strategies" },
  noData: { "zh-CN": "没有可用的成交数据。", en: "No usable deal data." },
  lines: { "zh-CN": "计入的成交行", en: "Deal lines used" },
  rejected: { "zh-CN": "未计入的行", en: "Lines left out" },
  months: { "zh-CN": "覆盖月份", en: "Months covered" },
  completeness: { "zh-CN": "过程数据完整度", en: "Activity records complete" },
  metric: { "zh-CN": "指标", en: "Metric" },
  current: { "zh-CN": "本期", en: "This period" },
  previous: { "zh-CN": "上期", en: "Previous" },
  change: { "zh-CN": "环比", en: "Change" },
  yearAgo: { "zh-CN": "去年同期", en: "A year ago" },
  yoy: { "zh-CN": "同比", en: "Year on year" },
  factor: { "zh-CN": "因素", en: "Driver" },
  effect: { "zh-CN": "对销售额的贡献", en: "Effect on revenue" },
  total: { "zh-CN": "合计", en: "Total" },
  rep: { "zh-CN": "成员", en: "Rep" },
  revenue: { "zh-CN": "销售额", en: "Revenue" },
  orders: { "zh-CN": "订单数", en: "Orders" },
  aov: { "zh-CN": "客单价", en: "Order value" },
  closeRate: { "zh-CN": "成交率", en: "Close rate" },
  adjusted: { "zh-CN": "调整后成交率", en: "Adjusted close rate" },
  perWeek: { "zh-CN": "/周", en: " / week" },
  type: { "zh-CN": "客户类型", en: "Customer type" },
  customersCount: { "zh-CN": "客户数", en: "Customers" },
  share: { "zh-CN": "贡献占比", en: "Share" },
  repurchase: { "zh-CN": "复购率", en: "Repurchase rate" },
  concentration: { "zh-CN": "前20%客户贡献", en: "Top 20% of customers bring" },
  churned: { "zh-CN": "上月成交、本月未成交的客户", en: "Bought last month, not this month" },
  rank: { "zh-CN": "排名", en: "Rank" },
  problem: { "zh-CN": "问题", en: "Problem" },
  priority: { "zh-CN": "优先级", en: "Priority" },
  atStake: { "zh-CN": "影响金额（本期）", en: "At stake (this period)" },
  evidence: { "zh-CN": "依据", en: "Evidence" },
  strategy: { "zh-CN": "策略", en: "Strategy" },
  owner: { "zh-CN": "负责人", en: "Owner" },
  resources: { "zh-CN": "所需资源", en: "Resources" },
  deadline: { "zh-CN": "完成时间", en: "Deadline" },
  high: { "zh-CN": "高", en: "High" },
  medium: { "zh-CN": "中", en: "Medium" },
  low: { "zh-CN": "低", en: "Low" },
  none: { "zh-CN": "未发现需要优先处理的问题。", en: "No problem stands out." },
} satisfies Record<string, Bilingual>;

const PCT = "0.0%";
const MONEY = "#,##0";

/** The diagnosis as a sheet: sections of sentences and tables, in one locale. */
export function createDiagnosisReport(d: Diagnosis, locale: Locale): DiagnosisReport {
  const t = (b: Bilingual) => b[locale];
  const values: CellValue[][] = [];
  const sectionRows: number[] = [];
  const tables: ReportTable[] = [];
  const line = (...cells: CellValue[]) => values.push(cells);
  const section = (b: Bilingual) => {
    if (values.length > 0) line();
    sectionRows.push(values.length);
    line(t(b));
  };
  const table = (kind: ReportTable["kind"], header: Bilingual[], rows: CellValue[][], formats: (string | undefined)[]) => {
    tables.push({ kind, row: values.length, rowCount: rows.length + 1, columnCount: header.length, formats });
    line(...header.map(t));
    rows.forEach((r) => line(...r));
  };

  const title = `${t(T.title)} ${d.period ?? ""}`.trim();
  sectionRows.push(0);
  line(title);

  section(T.dataQuality);
  const q = d.dataQuality;
  line(t(T.lines), q.dealLines);
  line(t(T.rejected), q.rejectedLines);
  line(t(T.months), q.months.join(", "));
  if (q.activityCompleteness !== null) line(t(T.completeness), q.activityCompleteness);
  q.notes.forEach((n) => line(t(n)));

  if (!d.longitudinal) {
    line(t(T.noData));
    return { title, values, sectionRows, tables };
  }
  section(T.longitudinal);
  table(
    "metrics",
    [T.metric, T.current, T.previous, T.change, T.yearAgo, T.yoy],
    d.longitudinal.metrics
      .filter((m) => m.current !== null)
      .map((m) => [t(METRIC_LABELS[m.metric]), m.current, m.previous, m.change, m.yearAgo, m.yoyChange]),
    [undefined, MONEY, MONEY, PCT, MONEY, PCT],
  );
  d.longitudinal.statements.forEach((s) => line(t(s)));
  if (d.trend.length > 1) {
    line();
    line(t(T.trend));
    table(
      "trend",
      [T.month, T.revenue, T.orders],
      d.trend.map((m) => [m.month, m.revenue, m.orders]),
      [undefined, MONEY, "0"],
    );
  }
  const a = d.longitudinal.attribution;
  if (a) {
    line();
    line(t(T.attribution));
    table(
      "attribution",
      [T.factor, T.previous, T.current, T.effect],
      [
        ...a.effects.map((e) => [
          t(METRIC_LABELS[e.name as keyof typeof METRIC_LABELS] ?? { "zh-CN": e.name, en: e.name }),
          e.from,
          e.to,
          e.effect,
        ]),
        [t(T.total), a.from, a.to, a.change],
      ],
      [undefined, "#,##0.##", "#,##0.##", MONEY],
    );
  }

  if (d.horizontal) {
    section(T.horizontal);
    const processes = PROCESS_FIELDS.filter((f) => d.horizontal!.reps.some((r) => r.perWeek[f] !== undefined));
    const perWeek = processes.map((f) => ({
      "zh-CN": `${METRIC_LABELS[f]["zh-CN"]}${T.perWeek["zh-CN"]}`,
      en: `${METRIC_LABELS[f].en}${T.perWeek.en}`,
    }));
    const repRow = (name: string, r: (typeof d.horizontal.reps)[number]): CellValue[] => [
      name,
      r.revenue,
      r.orders,
      r.avgOrderValue,
      r.closeRate,
      r.adjustedCloseRate,
      ...processes.map((f) => r.perWeek[f] ?? null),
    ];
    table(
      "reps",
      [T.rep, T.revenue, T.orders, T.aov, T.closeRate, T.adjusted, ...perWeek],
      [...d.horizontal.reps.map((r) => repRow(r.rep, r)), repRow(t(T.total), d.horizontal.team)],
      [undefined, MONEY, "0.#", MONEY, PCT, PCT, ...processes.map(() => "0.#")],
    );
    d.horizontal.statements.forEach((s) => line(t(s)));
  }

  section(T.customers);
  table(
    "segments",
    [T.type, T.revenue, T.share, T.customersCount, T.orders, T.aov, T.closeRate, T.repurchase],
    d.customers.segments.map((s) => [
      s.type,
      s.revenue,
      s.share,
      s.customers,
      s.orders,
      s.avgOrderValue,
      s.closeRate,
      s.repurchaseRate,
    ]),
    [undefined, MONEY, PCT, "0", "0", MONEY, PCT, PCT],
  );
  if (d.customers.highValue) line(t(d.customers.highValue.statement));
  if (d.customers.concentration !== null) line(t(T.concentration), d.customers.concentration);
  if (d.customers.churned.length > 0) line(t(T.churned), d.customers.churned.join(", "));

  section(T.problems);
  if (d.issues.length === 0) line(t(T.none));
  else {
    table(
      "problems",
      [T.rank, T.problem, T.priority, T.atStake, T.evidence],
      d.issues.map((p) => [p.rank, t(p.summary), t(T[p.priority]), p.atStake, t(p.evidence)]),
      ["0", undefined, undefined, MONEY, undefined],
    );
    for (const p of d.issues) {
      line();
      line(`${p.rank}. ${t(p.summary)}`);
      table(
        "strategies",
        [T.strategy, T.owner, T.resources, T.deadline],
        p.strategies.map((s) => [t(s.action), s.owner || null, s.resources || null, s.deadline || null]),
        [undefined, undefined, undefined, undefined],
      );
    }
  }
  return { title, values, sectionRows, tables };
}
