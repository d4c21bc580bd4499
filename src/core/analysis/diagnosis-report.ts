import type { CellValue } from "../cell/cell-value";
import { formatPercent } from "../i18n/format";
import type { NumberKind } from "../i18n/format";
import type { Bilingual, Locale } from "../i18n/locale";
import type { Diagnosis } from "./diagnose";
import { PROCESS_FIELDS } from "./fields";
import { METRIC_LABELS, type MetricName } from "./longitudinal";
import type { NoteSection } from "./reading-notes";
import { REPORT_TEXT as T } from "./report-text";
import type { LineStanding, RepProfile } from "./rep-profile";

/** A table inside the report, for number formats and charts. */
export interface ReportTable {
  readonly kind: "metrics" | "trend" | "attribution" | "reps" | "members" | "segments" | "problems" | "strategies";
  /** 0-based row of the table's header, and its size including the header. */
  readonly row: number;
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

/** The diagnosis as a sheet: sections of sentences and tables, in one locale. */
export function createDiagnosisReport(d: Diagnosis, locale: Locale): DiagnosisReport {
  const t = (b: Bilingual) => b[locale];
  const fill = (b: Bilingual, params: Record<string, string>) => t(b).replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? "");
  const values: CellValue[][] = [];
  const sectionRows: number[] = [];
  const tables: ReportTable[] = [];
  const kinds = new Map<number, readonly Kind[]>();
  const line = (...cells: CellValue[]) => values.push(cells);
  const fact = (label: string, value: CellValue, kind: NumberKind) => {
    kinds.set(values.length, [undefined, kind]);
    line(label, value);
  };
  const section = (b: string) => {
    if (values.length > 0) line();
    sectionRows.push(values.length);
    line(b);
  };
  const notes = (where: NoteSection) => d.notes.filter((n) => n.section === where).forEach((n) => line(t(n.text)));
  const table = (kind: ReportTable["kind"], header: Bilingual[], rows: CellValue[][], cellKinds: Kind[][] | Kind[]) => {
    const byRow = cellKinds.some((k) => Array.isArray(k));
    const perRow = rows.map((_r, i) => (byRow ? ((cellKinds as Kind[][])[i] ?? []) : (cellKinds as Kind[])));
    tables.push({ kind, row: values.length, rowCount: rows.length + 1, columnCount: header.length, kinds: perRow });
    perRow.forEach((k, i) => kinds.set(values.length + 1 + i, k));
    line(...header.map(t));
    rows.forEach((r) => line(...r));
  };

  const title = `${t(T.title)} ${d.period ?? ""}`.trim();
  sectionRows.push(0);
  line(title);

  section(t(T.dataQuality));
  const q = d.dataQuality;
  fact(t(T.lines), q.dealLines, "count");
  line(t(T.months), q.months.join(", "));
  if (q.activityCompleteness !== null) fact(t(T.completeness), q.activityCompleteness, "percent");
  notes("data");
  q.notes.forEach((n) => line(t(n)));

  const p = d.periods;
  if (!d.longitudinal || !p.longitudinal) {
    line(t(T.noData));
    return { title, values, sectionRows, tables, kinds };
  }
  section(
    fill(p.longitudinal.days === null ? T.longitudinal : T.longitudinalToDate, {
      ...p.longitudinal,
      days: String(p.longitudinal.days),
    }),
  );
  notes("longitudinal");
  const shown = d.longitudinal.metrics.filter((m) => m.current !== null);
  table(
    "metrics",
    [T.metric, T.current, T.previous, T.change, T.yearAgo, T.yoy],
    shown.map((m) => {
      const points = METRIC_KIND[m.metric][1] === "points";
      const change = (c: number | null) => (c === null ? null : points ? Math.round(c * 1000) / 10 : c);
      return [t(METRIC_LABELS[m.metric]), m.current, m.previous, change(m.change), m.yearAgo, change(m.yoyChange)];
    }),
    shown.map((m) => {
      const [value, change] = METRIC_KIND[m.metric];
      return [undefined, value, value, change, value, change];
    }),
  );
  d.longitudinal.statements.forEach((s) => line(t(s)));
  if (d.trend.length > 1) {
    line();
    line(t(T.trend));
    table(
      "trend",
      [T.month, T.revenue, T.orders],
      d.trend.map((m) => [m.month, m.revenue, m.orders]),
      [undefined, "money", "count"],
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
      [
        ...a.effects.map((e): Kind[] => [undefined, DRIVER_KIND[e.name] ?? "count", DRIVER_KIND[e.name] ?? "count", "money"]),
        [undefined, "money", "money", "money"],
      ],
    );
  }

  if (d.horizontal && p.horizontal) {
    section(fill(T.horizontal, p.horizontal));
    notes("reps");
    const h = d.horizontal;
    const processes = PROCESS_FIELDS.filter((f) => h.reps.some((r) => r.perWeek[f] !== undefined));
    const perWeek = processes.map((f) => ({
      "zh-CN": `${METRIC_LABELS[f]["zh-CN"]}${T.perWeek["zh-CN"]}`,
      en: `${METRIC_LABELS[f].en}${T.perWeek.en}`,
    }));
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
    table(
      "reps",
      [T.rep, T.revenue, T.orders, T.aov, T.closeRate, T.adjusted, T.thisMonth, T.lastMonth, T.change, ...perWeek],
      [...h.reps.map((r) => repRow(r.rep, r)), repRow(t(T.perRepAverage), h.team)],
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
    h.statements.forEach((s) => line(t(s)));
    if (d.members.length > 0) {
      line();
      line(fill(T.members, p.horizontal));
      const rate = (v: number | null) => (v === null ? "—" : formatPercent(v));
      const detail = (l: LineStanding) =>
        fill(T.lineDetail, {
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
          .join(t(T.listSeparator)) || null;
      table(
        "members",
        [T.rep, T.strongLines, T.weakLines, T.preference],
        d.members.map((m) => [
          m.rep,
          list("strong", m),
          list("weak", m),
          m.preferredType
            ? fill(T.typeDetail, {
                name: m.preferredType.name,
                share: formatPercent(m.preferredType.share),
                teamShare: formatPercent(m.preferredType.teamShare),
              })
            : m.types.length > 0
              ? t(T.noPreference)
              : null,
        ]),
        [],
      );
    }
  }

  if (p.customers) section(fill(T.customers, p.customers));
  notes("customers");
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
    [undefined, "money", "percent", "count", "count", "money", "percent", "percent"],
  );
  if (d.customers.highValue) line(t(d.customers.highValue.statement));
  if (d.customers.concentration !== null) fact(t(T.concentration), d.customers.concentration, "percent");
  if (d.customers.churned.length > 0) {
    line(fill(T.churned, { count: String(d.customers.churned.length) }));
    d.customers.churned.forEach((c) => line(c));
  }

  section(t(T.problems));
  if (d.issues.length === 0) line(t(T.none));
  else {
    table(
      "problems",
      [
        T.rank,
        T.problem,
        T.priority,
        T.atStake,
        d.issues[0].shareOf === "hiddenLosses" ? T.shareOfHidden : T.shareOfChange,
        T.affects,
        T.evidence,
      ],
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
    for (const i of d.issues) {
      line();
      line(`${i.rank}. ${t(i.summary)}`);
      table(
        "strategies",
        [T.strategy, T.owner, T.resources, T.deadline],
        i.strategies.map((s) => [t(s.action), s.owner || null, s.resources || null, s.deadline || null]),
        [],
      );
    }
  }
  return { title, values, sectionRows, tables, kinds };
}
