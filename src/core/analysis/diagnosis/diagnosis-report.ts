import type { CellValue } from "../../cell/cell-value";
import { formatPercent } from "../../i18n/format";
import type { NumberKind } from "../../i18n/format";
import { bilingual, type Bilingual, type Locale } from "../../i18n/locale";
import type { Diagnosis } from "./diagnose";
import { PROCESS_FIELDS } from "../reading/fields";
import { METRIC_LABELS, type MetricName } from "./longitudinal";
import type { NoteSection } from "../reading/reading-notes";
import { REPORT_TEXT as T } from "./report-text";
import type { LineStanding, RepProfile } from "../metrics/rep-profile";

/** A table inside the report, for number formats and charts. */
export interface ReportTable {
  readonly kind: "metrics" | "trend" | "attribution" | "reps" | "members" | "segments" | "problems" | "strategies";
  /** 0-based row of the table's header and its first column, and its size including the header. */
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** How each data cell's number is shown, row by row (undefined: as written). */
  readonly kinds: readonly (readonly (NumberKind | undefined)[])[];
}

export interface DiagnosisReport {
  readonly title: string;
  readonly values: CellValue[][];
  /** Rows that open a section (shown bold). */
  readonly sectionRows: readonly number[];
  readonly tables: readonly ReportTable[];
  /** How each number is shown, for every row that has numbers (tables and single facts alike). */
  readonly kinds: ReadonlyMap<number, readonly (NumberKind | undefined)[]>;
}

type Kind = NumberKind | undefined;

/** How each metric of the comparison table is shown, and how its change is. */
const METRIC_KIND: Readonly<Record<MetricName, [NumberKind, NumberKind]>> = {
  revenue: ["money", "percent"],
  orders: ["count", "percent"],
  customers: ["count", "percent"],
  newCustomers: ["count", "percent"],
  avgOrderValue: ["money", "percent"],
  closeRate: ["percent", "points"],
  calls: ["count", "percent"],
  visits: ["count", "percent"],
  followUps: ["count", "percent"],
  proposals: ["count", "percent"],
};

const DRIVER_KIND: Readonly<Record<string, NumberKind>> = {
  ordersPerCustomer: "decimal",
  avgOrderValue: "money",
  returns: "money",
};

/**
 * The diagnosis as a sheet, in one locale, in the order a manager presents it: the title and the month's headline
 * (the revenue change and item 1 of the TOP 3), the TOP 3 with their strategies, then the evidence (this month against
 * the previous one and a year ago, the monthly trend, the change by driver as a waterfall, reps, customer types), then
 * what was read, and last the long list of customers who stopped buying.
 */
export function createDiagnosisReport(d: Diagnosis, locale: Locale): DiagnosisReport {
  const sheet = new ReportSheet(d, locale);
  sheet.title(`${sheet.t(T.title)} ${d.period ?? ""}`.trim());
  const p = d.periods;
  if (!d.longitudinal || !p.longitudinal) {
    sheet.line(sheet.t(T.noData));
    dataQualitySection(sheet, d);
    return sheet.report();
  }
  if (d.longitudinal.headline) sheet.line(sheet.t(d.longitudinal.headline));
  // What the headline and the TOP 3 compare (a month not over, or one whose data stops early) is said before them.
  sheet.notes("longitudinal");
  problemsSection(sheet, d);
  longitudinalSection(sheet, d, d.longitudinal, p.longitudinal);
  if (d.horizontal && p.horizontal) repsSection(sheet, d, d.horizontal, p.horizontal);
  customersSection(sheet, d);
  dataQualitySection(sheet, d);
  churnedSection(sheet, d);
  return sheet.report();
}

/** The rows of the report as they are written, with the rows that open a section, its tables and its number formats. */
class ReportSheet {
  private readonly values: CellValue[][] = [];
  private readonly sectionRows: number[] = [];
  private readonly tables: ReportTable[] = [];
  private readonly kinds = new Map<number, readonly Kind[]>();
  private heading = "";

  constructor(
    private readonly d: Diagnosis,
    private readonly locale: Locale,
  ) {}

  /** A text in the report's language. */
  readonly t = (b: Bilingual): string => b[this.locale];

  /** A text with its `{placeholders}` filled (an unknown one left empty). */
  fill(b: Bilingual, params: Record<string, string>): string {
    return this.t(b).replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? "");
  }

  title(title: string): void {
    this.heading = title;
    this.sectionRows.push(0);
    this.line(title);
  }

  line(...cells: CellValue[]): void {
    this.values.push(cells);
  }

  /** A label and one number. */
  fact(label: string, value: CellValue, kind: NumberKind): void {
    this.kinds.set(this.values.length, [undefined, kind]);
    this.line(label, value);
  }

  /** A section's heading, after an empty row. */
  section(heading: string): void {
    if (this.values.length > 0) this.line();
    this.sectionRows.push(this.values.length);
    this.line(heading);
  }

  /** The reading notes that concern a section. */
  notes(where: NoteSection): void {
    this.d.notes.filter((n) => n.section === where).forEach((n) => this.line(this.t(n.text)));
  }

  /**
   * A table: its header, its rows, and each cell's number format (one list for every row, or a list per row); from
   * `column` on (the cells before it empty).
   */
  table(kind: ReportTable["kind"], header: Bilingual[], rows: CellValue[][], cellKinds: Kind[][] | Kind[], column = 0): void {
    const byRow = cellKinds.some((k) => Array.isArray(k));
    const indent = <T>(cells: T[]): (T | undefined)[] => [...new Array<undefined>(column).fill(undefined), ...cells];
    const perRow = rows.map((_r, i) => indent(byRow ? ((cellKinds as Kind[][])[i] ?? []) : (cellKinds as Kind[])));
    const { length: row } = this.values;
    this.tables.push({ kind, row, column, rowCount: rows.length + 1, columnCount: header.length, kinds: perRow });
    perRow.forEach((k, i) => this.kinds.set(row + 1 + i, k));
    const blank = new Array<CellValue>(column).fill(null);
    this.line(...blank, ...header.map((h) => this.t(h)));
    rows.forEach((r) => this.line(...blank, ...r));
  }

  report(): DiagnosisReport {
    const { heading: title, values, sectionRows, tables, kinds } = this;
    return { title, values, sectionRows, tables, kinds };
  }
}

/** 5. What was read: deal lines, months, activity completeness and what was left out. */
function dataQualitySection(sheet: ReportSheet, d: Diagnosis): void {
  const { t } = sheet;
  sheet.section(t(T.dataQuality));
  const q = d.dataQuality;
  sheet.fact(t(T.lines), q.dealLines, "count");
  sheet.line(t(T.months), q.months.join(", "));
  if (q.activityCompleteness !== null) sheet.fact(t(T.completeness), q.activityCompleteness, "percent");
  sheet.notes("data");
  q.notes.forEach((n) => sheet.line(t(n)));
}

/** 2. This month against last and a year ago, the monthly trend and the change split by driver. */
function longitudinalSection(
  sheet: ReportSheet,
  d: Diagnosis,
  longitudinal: NonNullable<Diagnosis["longitudinal"]>,
  period: NonNullable<Diagnosis["periods"]["longitudinal"]>,
): void {
  const { t } = sheet;
  sheet.section(
    sheet.fill(period.days === null ? T.longitudinal : T.longitudinalToDate, { ...period, days: String(period.days) }),
  );
  metricsTable(sheet, longitudinal);
  // The headline opens the report: the other movements are told here.
  longitudinal.statements.filter((s) => s !== longitudinal.headline).forEach((s) => sheet.line(t(s)));
  if (d.trend.length > 1) {
    sheet.line();
    sheet.line(t(T.trend));
    sheet.table(
      "trend",
      [T.month, T.revenue, T.orders],
      d.trend.map((m) => [m.month, m.revenue, m.orders]),
      [undefined, "money", "count"],
    );
  }
  if (longitudinal.attribution) attributionTable(sheet, longitudinal.attribution, period);
}

/** Each metric this period, the previous one and a year ago, with the changes (a rate's in points). */
function metricsTable(sheet: ReportSheet, longitudinal: NonNullable<Diagnosis["longitudinal"]>): void {
  const shown = longitudinal.metrics.filter((m) => m.current !== null);
  sheet.table(
    "metrics",
    [T.metric, T.current, T.previous, T.change, T.yearAgo, T.yoy],
    shown.map((m) => {
      const points = METRIC_KIND[m.metric][1] === "points";
      const change = (c: number | null) => (c === null ? null : points ? Math.round(c * 1000) / 10 : c);
      return [sheet.t(METRIC_LABELS[m.metric]), m.current, m.previous, change(m.change), m.yearAgo, change(m.yoyChange)];
    }),
    shown.map((m) => {
      const [value, change] = METRIC_KIND[m.metric];
      return [undefined, value, value, change, value, change];
    }),
  );
}

/**
 * The revenue change split by driver, shaped as a waterfall: the previous period's revenue, each driver's signed
 * effect (with the driver's value in both periods), this period's revenue; the effects add up from the first to the
 * last. The row after it, outside the waterfall, is the total change.
 */
function attributionTable(
  sheet: ReportSheet,
  a: NonNullable<NonNullable<Diagnosis["longitudinal"]>["attribution"]>,
  period: NonNullable<Diagnosis["periods"]["longitudinal"]>,
): void {
  sheet.line();
  sheet.line(sheet.t(T.attribution));
  const label = (name: string) => sheet.t(METRIC_LABELS[name as keyof typeof METRIC_LABELS] ?? bilingual(name, name));
  const money: Kind[] = [undefined, "money"];
  sheet.table(
    "attribution",
    [T.factor, T.amount, T.previous, T.current],
    [
      [sheet.fill(T.revenueOf, { month: period.previous }), a.from, null, null],
      ...a.effects.map((e) => [label(e.name), e.effect, e.from, e.to]),
      [sheet.fill(T.revenueOf, { month: period.current }), a.to, null, null],
      [sheet.t(T.totalChange), a.change, null, null],
    ],
    [
      money,
      ...a.effects.map((e): Kind[] => [undefined, "money", DRIVER_KIND[e.name] ?? "count", DRIVER_KIND[e.name] ?? "count"]),
      money,
      money,
    ],
  );
}

/** 3. Each rep against the per-rep average, and each rep's strong and weak lines. */
function repsSection(
  sheet: ReportSheet,
  d: Diagnosis,
  h: NonNullable<Diagnosis["horizontal"]>,
  period: NonNullable<Diagnosis["periods"]["horizontal"]>,
): void {
  sheet.section(sheet.fill(T.horizontal, period));
  sheet.notes("reps");
  repsTable(sheet, h);
  h.statements.forEach((s) => sheet.line(sheet.t(s)));
  if (d.members.length > 0) {
    sheet.line();
    sheet.line(sheet.fill(T.members, period));
    membersTable(sheet, d.members);
  }
}

function repsTable(sheet: ReportSheet, h: NonNullable<Diagnosis["horizontal"]>): void {
  const processes = PROCESS_FIELDS.filter((f) => h.reps.some((r) => r.perWeek[f] !== undefined));
  const perWeek = processes.map((f) =>
    bilingual(`${METRIC_LABELS[f]["zh-CN"]}${T.perWeek["zh-CN"]}`, `${METRIC_LABELS[f].en}${T.perWeek.en}`),
  );
  const repRow = (name: string, r: (typeof h.reps)[number]): CellValue[] => [
    name,
    r.revenue,
    r.orders,
    r.avgOrderValue,
    r.closeRate,
    r.adjustedCloseRate,
    r.thisMonth,
    r.lastMonth,
    r.lastMonth ? r.thisMonth / r.lastMonth - 1 : null,
    ...processes.map((f) => r.perWeek[f] ?? null),
  ];
  sheet.table(
    "reps",
    [T.rep, T.revenue, T.orders, T.aov, T.closeRate, T.adjusted, T.thisMonth, T.lastMonth, T.change, ...perWeek],
    [...h.reps.map((r) => repRow(r.rep, r)), repRow(sheet.t(T.perRepAverage), h.team)],
    [
      undefined,
      "money",
      "decimal",
      "money",
      "percent",
      "percent",
      "money",
      "money",
      "percent",
      ...processes.map((): Kind => "decimal"),
    ],
  );
}

/** Each rep's strong and weak product lines and preferred customer type, against the team. */
function membersTable(sheet: ReportSheet, members: readonly RepProfile[]): void {
  const rate = (v: number | null) => (v === null ? "—" : formatPercent(v));
  const detail = (l: LineStanding) =>
    sheet.fill(T.lineDetail, {
      name: l.name,
      share: formatPercent(l.share),
      teamShare: formatPercent(l.teamShare),
      rate: rate(l.closeRate),
      teamRate: rate(l.teamCloseRate),
    });
  const list = (standing: LineStanding["standing"], m: RepProfile) =>
    m.products
      .filter((l) => l.standing === standing)
      .map(detail)
      .join(sheet.t(T.listSeparator)) || null;
  const preference = (m: RepProfile) =>
    m.preferredType
      ? sheet.fill(T.typeDetail, {
          name: m.preferredType.name,
          share: formatPercent(m.preferredType.share),
          teamShare: formatPercent(m.preferredType.teamShare),
        })
      : m.types.length > 0
        ? sheet.t(T.noPreference)
        : null;
  sheet.table(
    "members",
    [T.rep, T.strongLines, T.weakLines, T.preference],
    members.map((m) => [m.rep, list("strong", m), list("weak", m), preference(m)]),
    [],
  );
}

/** 4. Customer types, high-value customers and concentration. */
function customersSection(sheet: ReportSheet, d: Diagnosis): void {
  const { t } = sheet;
  if (d.periods.customers) sheet.section(sheet.fill(T.customers, d.periods.customers));
  sheet.notes("customers");
  sheet.table(
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
    [undefined, "money", "percent", "count", "count", "money", "percent", "percent"],
  );
  if (d.customers.highValue) sheet.line(t(d.customers.highValue.statement));
  if (d.customers.concentration !== null) sheet.fact(t(T.concentration), d.customers.concentration, "percent");
}

/** 6. The customers who bought in the previous month and not in this one, one a row: the longest list, last. */
function churnedSection(sheet: ReportSheet, d: Diagnosis): void {
  if (d.customers.churned.length === 0) return;
  sheet.section(sheet.fill(T.churned, { count: String(d.customers.churned.length) }));
  d.customers.churned.forEach((c) => sheet.line(c));
}

/** 1. The TOP 3 problems, then each one's strategies to fill in. */
function problemsSection(sheet: ReportSheet, d: Diagnosis): void {
  const { t } = sheet;
  sheet.section(t(T.problems));
  if (d.issues.length === 0) {
    sheet.line(t(T.none));
    return;
  }
  const share = d.issues[0].shareOf === "hiddenLosses" ? T.shareOfHidden : T.shareOfChange;
  sheet.table(
    "problems",
    [T.rank, T.problem, T.priority, T.atStake, share, T.affects, T.evidence],
    d.issues.map((i) => [
      i.rank,
      t(i.summary),
      t(T[i.priority]),
      i.atStake,
      i.share,
      i.affects.join(t(T.listSeparator)) || null,
      t(i.evidence),
    ]),
    ["count", undefined, undefined, "money", "percent", undefined, undefined],
  );
  // Each problem's strategies under the problem column: the strategy wraps as the problem does, the owner, resources
  // and deadline in the short columns after it.
  for (const i of d.issues) {
    sheet.line();
    sheet.line(`${i.rank}. ${t(i.summary)}`);
    sheet.table(
      "strategies",
      [T.strategy, T.owner, T.resources, T.deadline],
      i.strategies.map((s) => [t(s.action), s.owner || null, s.resources || null, s.deadline || null]),
      [],
      1,
    );
  }
}
