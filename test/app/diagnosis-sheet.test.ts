import { diagnoseWorkbook } from "../../src/app/diagnose-workbook";
import type { RangeRef } from "../../src/core/cell/a1";
import { textWidth } from "../../src/core/cell/text-width";
import { MemoryHost, type MemorySheet } from "../../src/hosts/memory/memory-host";
import { dealGrid, REPORT_TODAY, reportDeals, revenueOf } from "../core/analysis/report-fixture";

/** The report sheet as the in-memory host records it: widths, wrapped ranges, number formats and charts. */
async function reportSheet(locale: "zh-CN" | "en"): Promise<MemorySheet> {
  const host = new MemoryHost();
  host.seedSheet("Deals", dealGrid(reportDeals()).values);
  const result = await diagnoseWorkbook(host, { locale, today: REPORT_TODAY });
  return host.findSheet(result.reportSheet!)!;
}

const covers = (range: RangeRef, row: number, column: number) =>
  row >= range.row && row < range.row + range.rowCount && column >= range.column && column < range.column + range.columnCount;
const rowOf = (sheet: MemorySheet, first: string) => sheet.values.findIndex((line) => line[0] === first);
const formatAt = (sheet: MemorySheet, row: number, column: number) =>
  sheet.numberFormats.filter((f) => covers(f.range, row, column)).map((f) => f.format);

describe("the diagnosis report sheet on the in-memory host", () => {
  it("wraps the long text of the TOP 3 and the strategies, and never a status cell", async () => {
    const sheet = await reportSheet("zh-CN");
    const header = rowOf(sheet, "排名");
    const evidence = sheet.values[header].indexOf("依据");
    const priority = sheet.values[header].indexOf("优先级");
    expect(sheet.wrapRanges.some((r) => covers(r, header + 1, evidence))).toBe(true);
    expect(sheet.wrapRanges.some((r) => covers(r, header + 1, priority))).toBe(false);
    // The strategies sit under the problem column, and wrap as it does.
    const problem = sheet.values[header].indexOf("问题");
    const strategy = sheet.values.findIndex((line) => line[problem] === "策略");
    expect(sheet.wrapRanges.some((r) => covers(r, strategy + 1, problem))).toBe(true);
    // The status column is wide enough for its header and its words, whatever they are.
    const widest = Math.max(...sheet.values.slice(header, header + 4).map((l) => textWidth(String(l[priority] ?? ""))));
    expect(sheet.columnWidths.get(priority)).toBeGreaterThanOrEqual(Math.max(8, widest));
  });

  it("sizes the columns to their content, a wide character counting two", async () => {
    const sheet = await reportSheet("zh-CN");
    const reps = rowOf(sheet, "成员");
    const adjusted = sheet.values[reps].indexOf("调整后成交率");
    // Six wide characters: 12, and room around them.
    expect(sheet.columnWidths.get(adjusted)).toBeGreaterThanOrEqual(12);
    const widths = [...sheet.columnWidths.values()];
    expect(Math.max(...widths)).toBeLessThanOrEqual(40);
    expect(new Set(widths).size).toBeGreaterThan(1);
  });

  it("shows rates as percentages and amounts with thousands separators", async () => {
    const sheet = await reportSheet("en");
    const header = rowOf(sheet, "Rank");
    const atStake = sheet.values[header].indexOf("At stake (this period)");
    const share = sheet.values[header].findIndex((h) => /^Share of/.test(String(h)));
    expect(formatAt(sheet, header + 1, atStake)).toEqual(["#,##0"]);
    expect(formatAt(sheet, header + 1, share)).toEqual(["0.0%"]);
    const reps = rowOf(sheet, "Rep");
    const closeRate = sheet.values[reps].indexOf("Close rate");
    expect(formatAt(sheet, reps + 1, closeRate)).toEqual(["0.0%"]);
    const start = rowOf(sheet, "Revenue 2026-10");
    expect(formatAt(sheet, start, 1)).toEqual(["#,##0"]);
  });

  it("charts the trend, the change by driver as a waterfall, the reps and the customer types, one below the other", async () => {
    const sheet = await reportSheet("zh-CN");
    expect(sheet.charts.map((c) => [c.kind, c.title])).toEqual([
      ["line", "销售额月度趋势"],
      ["waterfall", "销售额变化分解（按因素）"],
      ["bar", "成员销售额对比"],
      ["column", "客户类型贡献（帕累托）"],
    ]);
    const waterfall = sheet.charts[1].source;
    const column = (r: number, c: number) => sheet.values[waterfall.row + r][waterfall.column + c];
    // From October's revenue to November's, both counted from the rows; the total change under it is left out.
    expect(column(1, 1)).toBe(revenueOf(reportDeals(), 10));
    expect(column(waterfall.rowCount - 1, 1)).toBe(revenueOf(reportDeals(), 11));
    expect(column(waterfall.rowCount, 0)).toBe("合计变化（各因素之和）");
    // Beside the report, right of every column it writes, and never over one another.
    const width = Math.max(...sheet.values.map((l) => l.length));
    expect(sheet.charts.every((c) => c.at.column > width)).toBe(true);
    sheet.charts.slice(1).forEach((c, i) => expect(c.at.row).toBeGreaterThanOrEqual(sheet.charts[i].at.row + 20));
  });
});
