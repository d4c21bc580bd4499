import { createDiagnosisReport, type DiagnosisReport } from "../../../src/core/analysis/diagnosis/diagnosis-report";
import { diagnose } from "../../../src/core/analysis/diagnosis/diagnose";
import { layoutReport, LONG_TEXT_WIDTH, MIN_COLUMN_WIDTH, WRAP_WIDTH } from "../../../src/core/analysis/diagnosis/report-layout";
import { textWidth } from "../../../src/core/cell/text-width";
import { waterfallBars, waterfallStacks } from "../../../src/core/cell/waterfall-bars";
import type { Locale } from "../../../src/core/i18n/locale";
import { dealGrid, REPORT_TODAY, reportDeals, revenueOf } from "./report-fixture";

const ROWS = reportDeals();
const FIRST_SCREEN_KINDS: readonly string[] = ["problems", "strategies"];
const run = (locale: Locale) => {
  const d = diagnose({ deals: dealGrid(ROWS), today: REPORT_TODAY });
  return { d, report: createDiagnosisReport(d, locale) };
};

const firstCells = (report: DiagnosisReport) => report.values.map((line) => String(line[0] ?? ""));
const tableRow = (report: DiagnosisReport, kind: string) => report.tables.find((t) => t.kind === kind)!.row;

describe.each([
  ["zh-CN", /^本月销售额下降/, /^一、TOP3问题与策略/, /^五、数据读取与质量/, /^六、上月成交、本月未成交的客户（12个/],
  [
    "en",
    /^This month's revenue down/,
    /^1\. TOP 3 problems/,
    /^5\. What was read/,
    /^6\. Bought last month, not this month \(12;/,
  ],
] as const)("the report's order (%s)", (locale, headline, top3, read, churned) => {
  const { d, report } = run(locale);
  const cells = firstCells(report);

  it("opens with the title and the month's headline, which names item 1 of the TOP 3", () => {
    expect(cells[0]).toBe(locale === "zh-CN" ? "诊断报告 2026-11" : "Diagnosis 2026-11");
    expect(cells[1]).toMatch(headline);
    expect(d.issues.length).toBeGreaterThan(0);
    expect(cells[1]).toContain(d.issues[0].summary[locale]);
    // Told once: the headline is not repeated among the evidence.
    expect(cells.filter((c) => c === cells[1])).toHaveLength(1);
  });

  it("puts the TOP 3 with each problem's strategies before the evidence, then what was read, then the churned list", () => {
    const section = (heading: RegExp) => cells.findIndex((c) => heading.test(c));
    const strategies = report.tables.filter((t) => t.kind === "strategies").map((t) => t.row);
    expect(strategies).toHaveLength(d.issues.length);
    const order = [
      section(top3),
      tableRow(report, "problems"),
      ...strategies,
      tableRow(report, "metrics"),
      tableRow(report, "trend"),
      tableRow(report, "attribution"),
      tableRow(report, "reps"),
      tableRow(report, "segments"),
      section(read),
      section(churned),
    ];
    expect(order.every((row) => row > 1)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    // Above the TOP 3: the title, the headline, the reading notes on what the month compares, an empty row.
    expect(section(top3)).toBe(2 + d.notes.filter((n) => n.section === "longitudinal").length + 1);
  });

  it("ends with the customers who bought in October and not in November, one a row", () => {
    const october = new Set(ROWS.filter((r) => r.month === 10 && r.won).map((r) => r.customer));
    const november = new Set(ROWS.filter((r) => r.month === 11 && r.won).map((r) => r.customer));
    const stopped = [...october].filter((c) => !november.has(c)).sort();
    const heading = cells.findIndex((c) => churned.test(c));
    expect(cells.slice(heading + 1).sort()).toEqual(stopped);
    expect(report.sectionRows).toContain(heading);
  });
});

describe("the change by driver, shaped as a waterfall", () => {
  const { d, report } = run("zh-CN");
  const table = report.tables.find((t) => t.kind === "attribution")!;
  const rows = report.values.slice(table.row + 1, table.row + table.rowCount);

  it("starts at October's revenue, adds each driver's effect and ends at November's, counted from the rows", () => {
    const amounts = rows.map((r) => r[1] as number);
    const [start, end, total] = [amounts[0], amounts[amounts.length - 2], amounts[amounts.length - 1]];
    expect(start).toBe(revenueOf(ROWS, 10));
    expect(end).toBe(revenueOf(ROWS, 11));
    expect(end).toBeLessThan(start);
    const effects = amounts.slice(1, -2);
    expect(effects).toHaveLength(d.longitudinal!.attribution!.effects.length);
    // The effects, added up here, take October's revenue to November's; the row under the waterfall is that change.
    const added = effects.reduce((s, e) => s + e, 0);
    expect(Math.abs(start + added - end)).toBeLessThan(1e-6);
    expect(total).toBe(revenueOf(ROWS, 11) - revenueOf(ROWS, 10));
    expect(rows.map((r) => r[0])).toEqual([
      "2026-10销售额",
      ...d.longitudinal!.attribution!.effects.map(() => expect.any(String)),
      "2026-11销售额",
      "合计变化（各因素之和）",
    ]);
  });

  it("shows every amount with thousands separators and each driver's own values beside it", () => {
    expect(rows.map((_r, i) => table.kinds[i][1])).toEqual(rows.map(() => "money"));
    const aov = rows.find((r) => r[0] === "客单价")!;
    expect(aov.slice(2)).toEqual([revenueOf(ROWS, 10) / 12, revenueOf(ROWS, 11) / 6]);
  });

  it("draws as stacked columns whose visible parts end where the running total does", () => {
    const amounts = rows.slice(0, -1).map((r) => r[1] as number);
    const bars = waterfallBars(amounts);
    const { base, above, below } = waterfallStacks(bars);
    let running = amounts[0];
    for (let i = 1; i < amounts.length - 1; i++) {
      const after = running + amounts[i];
      expect([bars[i].from, bars[i].to]).toEqual([running, after]);
      // The visible parts span exactly from the lower running total to the higher one.
      const [low, high] = [Math.min(running, after), Math.max(running, after)];
      const drawn = low >= 0 ? [base[i], base[i] + above[i]] : high <= 0 ? [base[i] + below[i], base[i]] : [below[i], above[i]];
      expect(drawn[0]).toBeCloseTo(low, 6);
      expect(drawn[1]).toBeCloseTo(high, 6);
      expect(bars[i].role).toBe(amounts[i] < 0 ? "fall" : "rise");
      running = after;
    }
    expect([bars[0], bars.at(-1)]).toEqual([
      { from: 0, to: amounts[0], role: "total" },
      { from: 0, to: amounts.at(-1), role: "total" },
    ]);
    expect(running).toBeCloseTo(amounts.at(-1)!, 6);
  });
});

describe("waterfallStacks", () => {
  it("floats each change between the totals before and after it, and draws a crossing of zero on both sides of the axis", () => {
    const bars = waterfallBars([100, -30, 50, -150, -30]);
    expect(bars.map((b) => [b.from, b.to, b.role])).toEqual([
      [0, 100, "total"],
      [100, 70, "fall"],
      [70, 120, "rise"],
      [120, -30, "fall"],
      [0, -30, "total"],
    ]);
    expect(waterfallStacks(bars)).toEqual({
      base: [0, 70, 70, 0, 0],
      above: [100, 30, 50, 120, 0],
      below: [0, 0, 0, -30, -30],
    });
  });
});

describe("the report's columns and wrapped text", () => {
  const { report } = run("zh-CN");
  const { widths, wraps } = layoutReport(report, "zh-CN");
  const problems = report.tables.find((t) => t.kind === "problems")!;

  it("counts a wide character twice", () => {
    expect(textWidth("中文ab（）、")).toBe(12);
    expect(textWidth("Close rate")).toBe(10);
  });

  it("fits each column between the least and the most a column takes; a header fits, or wraps when long", () => {
    expect(widths).toHaveLength(Math.max(...report.values.map((r) => r.length)));
    expect(widths.every((w) => w >= MIN_COLUMN_WIDTH && w <= LONG_TEXT_WIDTH)).toBe(true);
    for (const t of report.tables) {
      report.values[t.row].forEach((h, c) => {
        const need = textWidth(String(h ?? "")) + 2;
        if (need <= WRAP_WIDTH || (FIRST_SCREEN_KINDS.includes(t.kind) && need <= LONG_TEXT_WIDTH)) {
          expect(widths[c]).toBeGreaterThanOrEqual(need);
        } else if (need > widths[c]) {
          expect(wraps.some((w) => w.row === t.row && w.column === c)).toBe(true);
        }
      });
    }
  });

  it("keeps the first screen narrow: long text of a later table wraps in a column the TOP 3 keeps short", () => {
    const long = "标准版（占比47.2%，团队39.7%；成交率52.6%，团队66.7%）";
    const values = [
      ["排名", "问题", "优先级"],
      [1, "方案提交数下降：人均每周4.9→2次", "高"],
      [null],
      ["成员", "优势产品线", "劣势产品线"],
      ["刘洋", null, long],
    ];
    const table = (kind: "problems" | "members", row: number) => ({
      kind,
      row,
      column: 0,
      rowCount: 2,
      columnCount: 3,
      kinds: [],
    });
    const synthetic: DiagnosisReport = {
      title: "",
      values,
      sectionRows: [],
      tables: [table("problems", 0), table("members", 3)],
      kinds: new Map(),
    };
    const layout = layoutReport(synthetic, "zh-CN");
    // The problem sets column B (its own width, under the cap); the product line, longer, wraps in C at WRAP_WIDTH.
    expect(layout.widths).toEqual([MIN_COLUMN_WIDTH, textWidth(values[1][1] as string) + 2, WRAP_WIDTH]);
    expect(layout.wraps).toEqual([{ row: 3, column: 2, rowCount: 2, columnCount: 1 }]);
  });

  it("judges a table that starts right of column A by its own columns", () => {
    const long = "由销售经理牵头，每周一晨会逐一过一遍中小企业客户的采购计划和竞品报价";
    const values = [
      [null, "策略", "负责人"],
      [null, "短", long],
    ];
    const synthetic: DiagnosisReport = {
      title: "",
      values,
      sectionRows: [],
      tables: [{ kind: "members", row: 0, column: 1, rowCount: 2, columnCount: 2, kinds: [] }],
      kinds: new Map(),
    };
    const layout = layoutReport(synthetic, "zh-CN");
    // The long text's column (C, the table's second) wraps at its capped width; the table's first column does not.
    expect(layout.widths[2]).toBe(WRAP_WIDTH);
    expect(layout.wraps).toEqual([{ row: 0, column: 2, rowCount: 2, columnCount: 1 }]);
  });

  it("wraps the evidence and the strategies, never the priority column", () => {
    const evidence = report.values[problems.row].indexOf("依据");
    const priority = report.values[problems.row].indexOf("优先级");
    const wrapsOf = (row: number, rowCount: number, column: number) =>
      wraps.some((w) => w.row === row && w.rowCount === rowCount && w.column === column && w.columnCount === 1);
    expect(wrapsOf(problems.row, problems.rowCount, evidence)).toBe(true);
    expect(wraps.some((w) => w.column === priority && w.row >= problems.row && w.row < problems.row + problems.rowCount)).toBe(
      false,
    );
    // The strategies sit under the problem column and wrap as it does.
    const problem = report.values[problems.row].indexOf("问题");
    for (const s of report.tables.filter((t) => t.kind === "strategies")) {
      expect(s.column).toBe(problem);
      expect(wrapsOf(s.row, s.rowCount, s.column)).toBe(true);
    }
    // Every wrapped cell's text is wider than its column (nothing short wraps letter by letter).
    const widest = (w: (typeof wraps)[number]) =>
      Math.max(...report.values.slice(w.row, w.row + w.rowCount).map((line) => textWidth(String(line[w.column] ?? ""))));
    expect(wraps.every((w) => widest(w) + 2 > widths[w.column])).toBe(true);
  });

  it("lets a sentence alone on its row run over the empty cells after it", () => {
    const headline = 1;
    expect(textWidth(String(report.values[headline][0])) + 2).toBeGreaterThan(widths[0]);
    expect(wraps.some((w) => w.row === headline)).toBe(false);
  });
});
