import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPORT_TEXT } from "../../../src/core/analysis/diagnosis/report-text";
import { saveXlsxFile } from "../../../src/hosts/xlsx/xlsx-file";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { runCli } from "../../cli/cli-harness";
import { PYTHON } from "../../support/export-fixtures";
import { convertWithLibreOffice, findSoffice } from "../../support/soffice";

/*
 * The report `diagnose --out` saves carries native charts that other programs read: openpyxl finds each chart with
 * its kind, title and references into the report sheet (whose cells hold what the chart's cache says), and
 * LibreOffice opens the file, prints it to PDF and saves it again with its charts.
 */
jest.setTimeout(180_000); // LibreOffice starts in seconds
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), "charts-viewers-"));

/** Each sheet's charts as openpyxl reads them, every reference resolved to the cells it names. */
const READ = `
import sys, json, openpyxl
from openpyxl.utils.cell import range_boundaries
wb = openpyxl.load_workbook(sys.argv[1])
def cells(ref):
    if not ref: return None
    sheet, _, area = ref.rpartition("!")
    sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
    try:
        c1, r1, c2, r2 = range_boundaries(area.replace("$", ""))
        ws = wb[sheet]
    except (ValueError, KeyError):
        return None  # not a range of cells: LibreOffice names its own copy of literal data ("label 0", "categories")
    return {"sheet": sheet, "area": area, "values": [ws.cell(r, c).value for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]}
def cache(data):
    if data is None: return None
    for source in ("numRef", "strRef"):
        ref = getattr(data, source, None)
        if ref is not None:
            held = ref.numCache if source == "numRef" else ref.strCache
            return {"ref": cells(ref.f), "cache": [p.v for p in held.pt] if held is not None else None}
    for source in ("numLit", "strLit"):
        lit = getattr(data, source, None)
        if lit is not None: return {"ref": None, "cache": [p.v for p in lit.pt]}
    return None
out = {}
for ws in wb.worksheets:
    charts = []
    for chart in ws._charts:
        rich = chart.title.tx.rich if chart.title is not None and chart.title.tx is not None else None
        title = "".join(r.t for p in rich.p for r in (p.r or [])) if rich is not None else None
        series = []
        for s in chart.series:
            entry = {"name": cache(s.tx), "cat": cache(s.cat), "val": cache(s.val),
                     "invisible": s.spPr is not None and s.spPr.noFill is not None}
            # Computed values: the column they come from is the one under the series name.
            if entry["val"] and entry["val"]["ref"] is None and entry["name"] and entry["name"]["ref"]:
                c, r, _c, _r = range_boundaries(entry["name"]["ref"]["area"].replace("$", ""))
                named = wb[entry["name"]["ref"]["sheet"]]
                entry["column"] = [named.cell(r + 1 + i, c).value for i in range(len(entry["val"]["cache"]))]
            series.append(entry)
        charts.append({"type": type(chart).__name__, "barDir": getattr(chart, "barDir", None),
                       "grouping": getattr(chart, "grouping", None), "title": title, "series": series})
    out[ws.title] = charts
print(json.dumps(out, ensure_ascii=False))
`;

/** The user's file: the example team plus a sheet of their own with a column chart over the deals, drawn by openpyxl. */
const OPENPYXL_CHART = `
import sys, openpyxl
from openpyxl.chart import BarChart, Reference
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.create_sheet("我的图表")
for row in [["月", "金额"], ["一月", 10], ["二月", 30], ["三月", 20]]:
    ws.append(row)
chart = BarChart()
chart.title = "我的柱状图"
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=4))
ws.add_chart(chart, "D2")
wb.save(sys.argv[2])
`;

interface Data {
  readonly ref: { sheet: string; area: string; values: (string | number | null)[] } | null;
  readonly cache: string[] | null;
}
interface ReadChart {
  readonly type: string;
  readonly barDir: string | null;
  readonly grouping: string | null;
  readonly title: string;
  readonly series: readonly { name: Data; cat: Data; val: Data; invisible: boolean; column?: (number | null)[] }[];
}

const readCharts = (file: string) =>
  JSON.parse(execFileSync(PYTHON, ["-c", READ, file], { encoding: "utf8" })) as Record<string, ReadChart[]>;

/** What each kind of the port's ChartSpec is in openpyxl's terms. */
const KINDS: Record<string, string> = {
  line: "LineChart standard",
  column: "BarChart col clustered",
  bar: "BarChart bar clustered",
  waterfall: "BarChart col stacked",
};
const kindOf = (chart: ReadChart) =>
  Object.keys(KINDS).find((k) => KINDS[k] === [chart.type, chart.barDir, chart.grouping].filter(Boolean).join(" "));

/** The kind the report asks for each title it charts (diagnose-workbook.ts `reportCharts`). */
const TITLED: Record<string, string> = {
  [REPORT_TEXT.chartTrend["zh-CN"]]: "line",
  [REPORT_TEXT.chartSegments["zh-CN"]]: "column",
  [REPORT_TEXT.chartReps["zh-CN"]]: "bar",
};

/** A waterfall as read: an invisible base and the bars' parts above and below the axis, from the sheet's column. */
function expectWaterfall(chart: ReadChart): void {
  const [base, above, below] = chart.series;
  expect(base.invisible).toBe(true);
  const column = base.column!.map((v) => (typeof v === "number" ? v : 0));
  const at = (data: Data | undefined, i: number) => (data ? Number(data.cache![i]) : 0);
  let running = 0;
  column.forEach((value, i) => {
    // The first and last rows are totals standing on the axis; each row between moves the running total.
    const total = i === 0 || i === column.length - 1;
    const from = total ? 0 : running;
    running = total ? value : running + value;
    const [low, high] = [Math.min(from, running), Math.max(from, running)];
    const drawn = [at(base.val, i), at(above?.val, i), at(below?.val, i)];
    if (low >= 0) expect(drawn).toEqual([low, high - low, 0]);
    else if (high <= 0) expect(drawn).toEqual([high, 0, low - high]);
    else expect(drawn).toEqual([0, high, low]);
  });
  expect(base.cat.cache).toEqual(above.cat.cache);
}

(hasOpenpyxl ? describe : describe.skip)(`the report's charts in other programs (needs ${PYTHON} with openpyxl)`, () => {
  const team = path.join(dir, "团队 example.xlsx");
  const report = path.join(dir, "诊断 report.xlsx");
  let charts: ReadChart[];
  beforeAll(async () => {
    const init = await runCli(["init", team, "--example", "--data", "--lang", "zh-CN"]);
    expect([init.code, init.stderr]).toEqual([0, ""]);
    const run = await runCli(["diagnose", team, "--out", report, "--lang", "zh-CN"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const read = readCharts(report);
    charts = read[REPORT_TEXT.title["zh-CN"]];
    // Only the report sheet has charts: the user's sheets are as they were.
    expect(Object.entries(read).filter(([name, list]) => name !== REPORT_TEXT.title["zh-CN"] && list.length > 0)).toEqual([]);
  });

  it("openpyxl finds the trend, customer-type and rep charts with the kinds and titles the report asks for", () => {
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const chart of charts) {
      expect([chart.title, kindOf(chart)]).toEqual([chart.title, TITLED[chart.title] ?? kindOf(chart)]);
      expect(kindOf(chart)).toBeDefined();
    }
    expect(charts.map((c) => c.title)).toEqual(expect.arrayContaining(Object.keys(TITLED)));
  });

  it("points every series at the report sheet's cells, whose values are what the chart caches", () => {
    for (const chart of charts) {
      for (const series of chart.series) {
        expect(series.name.ref?.sheet).toBe(REPORT_TEXT.title["zh-CN"]);
        expect(series.name.cache).toEqual(series.name.ref!.values.map(String));
        if (kindOf(chart) === "waterfall") continue; // computed values: below
        const { cat, val } = series;
        expect([cat.ref?.sheet, val.ref?.sheet]).toEqual([REPORT_TEXT.title["zh-CN"], REPORT_TEXT.title["zh-CN"]]);
        expect(cat.cache).toEqual(cat.ref!.values.map((v) => String(v ?? "")));
        expect(val.cache!.map(Number)).toEqual(val.ref!.values);
        // The categories are the column left of the values, on the same rows; the name is the cell above them.
        const rows = (area: string) => area.replace(/[$A-Z]/g, "");
        expect(rows(cat.ref!.area)).toBe(rows(val.ref!.area));
        expect(val.ref!.values.every((v) => typeof v === "number")).toBe(true);
      }
    }
  });

  it("draws a waterfall, if the report has one, from the running total of the sheet's column", () => {
    for (const chart of charts.filter((c) => kindOf(c) === "waterfall")) expectWaterfall(chart);
  });

  const soffice = findSoffice();
  (soffice ? it : it.skip)(
    `LibreOffice prints it to PDF and saves it again with its charts${soffice ? "" : " — skipped: LibreOffice (soffice) is not installed"}`,
    async () => {
      const pdf = convertWithLibreOffice(soffice!, report, "pdf", mkdtempSync(path.join(tmpdir(), "charts-pdf-")));
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(bytes.length).toBeGreaterThan(10_000);
      const resaved = convertWithLibreOffice(soffice!, report, "xlsx", mkdtempSync(path.join(tmpdir(), "charts-lo-")));
      const again = readCharts(resaved)[REPORT_TEXT.title["zh-CN"]];
      expect(again.map((c) => [c.title, kindOf(c)])).toEqual(charts.map((c) => [c.title, kindOf(c)]));
      // LibreOffice's own charts survive a command that loads the file whole (ExcelJS alone drops them).
      const validated = path.join(dir, "validated-lo.xlsx");
      const run = await runCli(["validate", resaved, "--out", validated, "--lang", "zh-CN"]);
      expect(run.code).not.toBe(2);
      expect(run.stderr).toBe("");
      const kept = readCharts(validated)[REPORT_TEXT.title["zh-CN"]];
      expect(kept.map((c) => [c.title, kindOf(c), c.series.map((x) => x.val.ref?.area)])).toEqual(
        again.map((c) => [c.title, kindOf(c), c.series.map((x) => x.val.ref?.area)]),
      );
    },
  );

  it("keeps a chart openpyxl drew on the user's own sheet through validate --out (a full load)", async () => {
    const input = path.join(dir, "openpyxl-chart.xlsx");
    execFileSync(PYTHON, ["-c", OPENPYXL_CHART, team, input]);
    const before = readCharts(input)["我的图表"];
    expect(before.map((c) => c.title)).toEqual(["我的柱状图"]);
    const output = path.join(dir, "openpyxl-chart-validated.xlsx");
    const run = await runCli(["validate", input, "--out", output, "--lang", "zh-CN"]);
    expect(run.code).not.toBe(2);
    expect(run.stderr).toBe("");
    expect(readCharts(output)["我的图表"]).toEqual(before);
  });
});

(hasOpenpyxl ? describe : describe.skip)(
  `a waterfall crossing the axis, in other programs (needs ${PYTHON} with openpyxl)`,
  () => {
    const file = path.join(dir, "waterfall.xlsx");
    const SHEET = "变化 by driver";
    let chart: ReadChart;
    beforeAll(async () => {
      const host = new XlsxHost();
      await host.write({
        sheets: [
          {
            sheet: SHEET,
            create: true,
            values: [
              {
                row: 0,
                column: 0,
                values: [
                  ["因素", "贡献"],
                  ["上月", 20],
                  ["客户数", -50],
                  ["客单价", 40],
                  ["本月", 10],
                ],
              },
            ],
            charts: [
              {
                kind: "waterfall",
                title: "销售额变化",
                source: { row: 0, column: 0, rowCount: 5, columnCount: 2 },
                at: { row: 0, column: 3 },
              },
            ],
          },
        ],
      });
      await saveXlsxFile(host, file);
      [chart] = readCharts(file)[SHEET];
    });

    it("openpyxl reads stacked columns whose parts span each bar, one below the axis where the total goes negative", () => {
      expect([chart.title, kindOf(chart), chart.series.length]).toEqual(["销售额变化", "waterfall", 3]);
      expectWaterfall(chart);
    });

    const soffice = findSoffice();
    (soffice ? it : it.skip)(
      `LibreOffice saves it again as a chart${soffice ? "" : " — skipped: LibreOffice (soffice) is not installed"}`,
      () => {
        const resaved = convertWithLibreOffice(soffice!, file, "xlsx", mkdtempSync(path.join(tmpdir(), "waterfall-lo-")));
        const [again] = readCharts(resaved)[SHEET];
        expect([again.title, kindOf(again), again.series.length]).toEqual(["销售额变化", "waterfall", 3]);
        // LibreOffice keeps the computed values it drew.
        expect(again.series.map((s) => s.val.cache!.map(Number))).toEqual(chart.series.map((s) => s.val.cache!.map(Number)));
      },
    );
  },
);
