import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import type { ChartSpec } from "../../../src/app/workbook-host.port";
import { DEAL_SHEET } from "../../app/analysis.cases";
import { runCli } from "../../cli/cli-harness";
import { waterfallBars, waterfallStacks } from "../../../src/core/cell/waterfall-bars";
import { openWorkbookFile, saveXlsxFile } from "../../../src/hosts/xlsx/xlsx-file";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";

/*
 * The xlsx host's charts are parts it adds to the package ExcelJS writes: checked here in the XML itself (well-formed,
 * one drawing per sheet, relationships and content types that agree, references to the sheet's cells with their
 * values cached). What viewers make of them is checked in charts-viewers.test.ts (openpyxl and LibreOffice).
 */

const dir = mkdtempSync(path.join(tmpdir(), "chart-parts-"));

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  return out;
}

/** The waterfall's bars drawn by hand: where each starts and ends. */
describe("the waterfall's bars", () => {
  it("start and end totals from the axis, each change floating from the running total", () => {
    expect(waterfallBars([100, 30, -50, 80])).toEqual([
      { from: 0, to: 100, role: "total" },
      { from: 100, to: 130, role: "rise" },
      { from: 130, to: 80, role: "fall" },
      { from: 0, to: 80, role: "total" },
    ]);
    // A blank change is no change; the end total is the cell's, not the sum (the sheet says what it is).
    expect(waterfallBars([10, undefined, 5, 20]).map((b) => [b.from, b.to])).toEqual([
      [0, 10],
      [10, 10],
      [10, 15],
      [0, 20],
    ]);
  });

  it("are drawn by stacks whose visible part spans exactly each bar, crossing the axis too", () => {
    const cases = [
      [100, 30, -50, 80],
      [20, -50, 40, 10],
      [-10, -20, 5, -25],
    ];
    for (const values of cases) {
      const bars = waterfallBars(values);
      const { base, above, below } = waterfallStacks(bars);
      bars.forEach((bar, i) => {
        // Stacked columns pile positive values up from the axis and negative values down, in series order.
        const positive = [base[i], above[i]].filter((v) => v > 0);
        const negative = [base[i], below[i]].filter((v) => v < 0);
        const visibleTop = above[i] > 0 ? positive.reduce((s, v) => s + v, 0) : undefined;
        const visibleBottom = below[i] < 0 ? negative.reduce((s, v) => s + v, 0) : undefined;
        const top = visibleTop ?? (base[i] < 0 ? base[i] : Math.max(base[i], 0));
        const bottom = visibleBottom ?? (above[i] > 0 ? Math.max(base[i], 0) : base[i]);
        expect([bottom, top]).toEqual([Math.min(bar.from, bar.to), Math.max(bar.from, bar.to)]);
        expect(above[i]).toBeGreaterThanOrEqual(0);
        expect(below[i]).toBeLessThanOrEqual(0);
      });
    }
  });
});

const SHEET = "Q3 报告 O'Brien";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const QUOTED = "'Q3 报告 O''Brien'";

/** A report-like sheet: a trend (two series), a table by rep, and a change by driver. */
function reportSheet(ws: ExcelJS.Worksheet): ChartSpec[] {
  const rows: (string | number)[][] = [
    ["月份", "销售额", "目标"],
    ["2026-08", 120, 100],
    ["2026-09", 90, 110],
    ["2026-10", 150, 120],
  ];
  rows.forEach((line, r) => line.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  const reps: (string | number)[][] = [
    ["成员", "销售额"],
    ["张三", 60],
    ["李四 & <Co>", 40],
  ];
  reps.forEach((line, r) => line.forEach((v, c) => (ws.getCell(r + 6, c + 1).value = v)));
  const drivers: (string | number)[][] = [
    ["因素", "变化"],
    ["上月", 90],
    ["客户数", 80],
    ["客单价", -20],
    ["本月", 150],
  ];
  drivers.forEach((line, r) => line.forEach((v, c) => (ws.getCell(r + 10, c + 1).value = v)));
  return [
    {
      kind: "line",
      title: "销售额月度趋势",
      source: { row: 0, column: 0, rowCount: 4, columnCount: 3 },
      at: { row: 0, column: 5 },
    },
    {
      kind: "column",
      title: "Revenue & <target>",
      source: { row: 0, column: 0, rowCount: 4, columnCount: 2 },
      at: { row: 16, column: 5 },
    },
    {
      kind: "bar",
      title: "成员销售额对比",
      source: { row: 5, column: 0, rowCount: 3, columnCount: 2 },
      at: { row: 32, column: 5 },
    },
    {
      kind: "waterfall",
      title: "销售额变化",
      source: { row: 9, column: 0, rowCount: 5, columnCount: 2 },
      at: { row: 48, column: 5 },
    },
  ];
}

describe("charts written by the xlsx host", () => {
  let file: string;
  let saved: Map<string, string>;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    // A user's sheet with a picture: its drawing comes first and must stay as it is.
    const pictures = workbook.addWorksheet("图片");
    const image = workbook.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
    pictures.addImage(image, "B2:C4");
    const host = new XlsxHost(workbook);
    await host.write({ sheets: [{ sheet: SHEET, create: true }] });
    const charts = reportSheet(workbook.getWorksheet(SHEET)!);
    await host.write({
      sheets: [
        {
          sheet: SHEET,
          columns: [{ column: 5, width: 30 }],
          formats: [{ range: { row: 0, column: 0, rowCount: 1, columnCount: 1 }, wrap: true }],
          charts,
        },
      ],
    });
    file = path.join(dir, "charts.xlsx");
    await saveXlsxFile(host, file);
    saved = await parts(file);
  });

  const added = () => [...saved.keys()].filter((n) => /^xl\/(charts|drawings)\//.test(n)).sort();

  it("tags each title with the language it is written in", () => {
    const titles = [1, 2, 3, 4].map((n) =>
      /<a:rPr lang="([^"]+)"[^>]*\/><a:t>([^<]*)</.exec(saved.get(`xl/charts/chart${n}.xml`)!)!.slice(1),
    );
    expect(titles).toEqual([
      ["zh-CN", "销售额月度趋势"],
      ["en-US", "Revenue &amp; &lt;target&gt;"],
      ["zh-CN", "成员销售额对比"],
      ["zh-CN", "销售额变化"],
    ]);
  });

  it("adds one chart part per chart and one drawing for the sheet, after the user's drawing", () => {
    expect(added()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
      "xl/charts/chart4.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
    ]);
    // The picture's drawing is ExcelJS's, untouched: one picture, no chart.
    expect(saved.get("xl/drawings/drawing1.xml")).toContain("<xdr:pic>");
    expect(saved.get("xl/drawings/drawing1.xml")).not.toContain("c:chart");
    expect(saved.get("xl/drawings/_rels/drawing1.xml.rels")).toContain("../media/");
  });

  it("writes well-formed XML in every part it adds or changes", () => {
    for (const name of [...added(), "[Content_Types].xml", "xl/worksheets/sheet2.xml", "xl/worksheets/_rels/sheet2.xml.rels"])
      expect([name, XMLValidator.validate(saved.get(name)!)]).toEqual([name, true]);
  });

  it("ties sheet, drawing and charts together through one drawing element and the relationships", () => {
    const sheet = saved.get("xl/worksheets/sheet2.xml")!;
    const drawings = [...sheet.matchAll(/<drawing\b[^>]*r:id="([^"]+)"/g)];
    expect(drawings).toHaveLength(1);
    const rels = saved.get("xl/worksheets/_rels/sheet2.xml.rels")!;
    expect(rels).toMatch(new RegExp(`Id="${drawings[0][1]}" Type="[^"]+/drawing" Target="../drawings/drawing2.xml"`));
    // The drawing element sits where the schema puts it: before any table parts or extension list.
    expect(sheet.indexOf("<drawing")).toBeLessThan(sheet.search(/<tableParts|<extLst|<\/worksheet>/));
    const drawing = saved.get("xl/drawings/drawing2.xml")!;
    const drawingRels = saved.get("xl/drawings/_rels/drawing2.xml.rels")!;
    const ids = [...drawing.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(4);
    const targets = ids.map((id) => new RegExp(`Id="${id}" Type="[^"]+/chart" Target="([^"]+)"`).exec(drawingRels)?.[1]);
    expect(targets).toEqual(["../charts/chart1.xml", "../charts/chart2.xml", "../charts/chart3.xml", "../charts/chart4.xml"]);
    // Shape ids unique within the drawing.
    const shapes = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(shapes).size).toBe(4);
    // The first chart's corner is at the cell asked for (F1), the opposite one 480 × 288 px away: column F is 30 wide
    // (210 px), G to J 64 px each, so 14 px into K; rows are 20 px, so 8 px into row 15.
    expect(drawing).toMatch(/<xdr:from><xdr:col>5<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>0<\/xdr:row>/);
    expect(drawing).toContain(
      `<xdr:to><xdr:col>10</xdr:col><xdr:colOff>${14 * 9525}</xdr:colOff><xdr:row>14</xdr:row><xdr:rowOff>${8 * 9525}</xdr:rowOff></xdr:to>`,
    );
  });

  it("declares every new part's content type", () => {
    const types = saved.get("[Content_Types].xml")!;
    for (const n of [1, 2, 3, 4])
      expect(types).toContain(
        `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    expect(types.match(/PartName="\/xl\/drawings\/drawing2\.xml"/g)).toHaveLength(1);
    expect(types.match(/PartName="\/xl\/drawings\/drawing1\.xml"/g)).toHaveLength(1);
  });

  it("draws each kind from the sheet's cells, quoted, with the values cached", () => {
    const chart = (n: number) => saved.get(`xl/charts/chart${n}.xml`)!;
    expect(chart(1)).toContain("<c:lineChart>");
    expect(chart(1)).toContain("<a:t>销售额月度趋势</a:t>");
    expect([...chart(1).matchAll(/<c:val><c:numRef><c:f>([^<]+)<\/c:f>/g)].map((m) => m[1])).toEqual([
      `${QUOTED}!$B$2:$B$4`,
      `${QUOTED}!$C$2:$C$4`,
    ]);
    expect(chart(1)).toContain(`<c:cat><c:strRef><c:f>${QUOTED}!$A$2:$A$4</c:f>`);
    expect(chart(1)).toContain(`<c:f>${QUOTED}!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>销售额</c:v>`);
    expect(chart(1)).toContain(
      '<c:pt idx="0"><c:v>120</c:v></c:pt><c:pt idx="1"><c:v>90</c:v></c:pt><c:pt idx="2"><c:v>150</c:v></c:pt>',
    );
    expect(chart(1)).toContain('<c:pt idx="1"><c:v>2026-09</c:v></c:pt>');
    expect(chart(1)).toContain("<c:legend>"); // two series
    expect(chart(2)).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart(2)).toContain("<a:t>Revenue &amp; &lt;target&gt;</a:t>");
    expect(chart(2)).not.toContain("<c:legend>"); // one series: the title says it
    expect(chart(3)).toContain('<c:barDir val="bar"/>');
    expect(chart(3)).toContain("<c:v>李四 &amp; &lt;Co&gt;</c:v>");
    expect(chart(3)).toContain(`<c:f>${QUOTED}!$B$7:$B$8</c:f>`);
  });

  it("draws the waterfall as stacked columns over an invisible base, its values computed", () => {
    const xml = saved.get("xl/charts/chart4.xml")!;
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    const series = xml.match(/<c:ser>[\s\S]*?<\/c:ser>/g)!;
    // 90 → +80 → -20 → 150: nothing below the axis, so base and bars only.
    expect(series).toHaveLength(2);
    const values = (ser: string) => [...ser.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]).slice(-4);
    expect(values(series[0])).toEqual(["0", "90", "150", "0"]);
    expect(values(series[1])).toEqual(["90", "80", "20", "150"]);
    expect(series[0]).toContain("<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>");
    expect(series[1].match(/<c:dPt>/g)).toHaveLength(4);
    // The series name is the sheet's cell; the categories are literal beside literal values (LibreOffice draws no mix).
    expect(series[1]).toContain(`<c:tx><c:strRef><c:f>${QUOTED}!$B$10</c:f>`);
    expect(series[1]).toContain('<c:cat><c:strLit><c:ptCount val="4"/><c:pt idx="0"><c:v>上月</c:v></c:pt>');
    expect(xml).not.toContain("<c:legend>");
  });

  it("wraps the text of a range asked to wrap", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet(SHEET)!.getCell("A1").alignment?.wrapText).toBe(true);
    expect(wb.getWorksheet(SHEET)!.getCell("A2").alignment?.wrapText).toBeUndefined();
  });

  it("keeps the charts through a full load and save (ExcelJS alone drops them), the picture too", async () => {
    const host = await openWorkbookFile(file);
    const again = path.join(dir, "again.xlsx");
    await saveXlsxFile(host, again);
    const resaved = await parts(again);
    const charts = (map: Map<string, string>) =>
      [...map.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => map.get(n)!);
    expect(charts(resaved).sort()).toEqual(charts(saved).sort());
    // Each chart anchored again on its sheet: the drawing the sheet points at names four charts.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    expect(wb.getWorksheet(SHEET)!.getCell("B2").value).toBe(120);
    const drawings = [...resaved.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawings.map((n) => (resaved.get(n)!.match(/<c:chart\b/g) ?? []).length).sort()).toEqual([0, 4]);
    expect(drawings.map((n) => (resaved.get(n)!.match(/<xdr:pic>/g) ?? []).length).sort()).toEqual([0, 1]);
    for (const name of [...drawings, "[Content_Types].xml"])
      expect([name, XMLValidator.validate(resaved.get(name)!)]).toEqual([name, true]);
    const types = resaved.get("[Content_Types].xml")!;
    for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect([part, resaved.has(part)]).toEqual([part, true]);
    for (const part of [...resaved.keys()].filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n)))
      expect([part, types.includes(`PartName="/${part}"`)]).toEqual([part, true]);
  });
});

describe("a user's workbook that already has charts and pictures", () => {
  it("keeps theirs byte for byte when diagnose --out adds the report's, numbered after them", async () => {
    // The user's file: deals, and a sheet with a picture and a chart of its own (written by this host, as any writer would).
    const workbook = new ExcelJS.Workbook();
    const host = new XlsxHost(workbook);
    await host.write({ sheets: [{ sheet: "成交明细", create: true, values: [{ row: 0, column: 0, values: DEAL_SHEET }] }] });
    const theirs = workbook.addWorksheet("我的图表");
    const image = workbook.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
    theirs.addImage(image, "H2:I4");
    const charts = reportSheet(theirs);
    await host.write({ sheets: [{ sheet: "我的图表", charts: charts.slice(0, 2) }] });
    const input = path.join(dir, "user-charts.xlsx");
    await saveXlsxFile(host, input);
    const before = await parts(input);
    // The picture and the charts share one drawing: the host adds its charts to a drawing the sheet already has.
    expect(before.get("xl/drawings/drawing1.xml")).toContain("<xdr:pic>");
    expect(before.get("xl/drawings/drawing1.xml")!.match(/<c:chart\b/g)).toHaveLength(2);
    expect([...before.keys()].filter((n) => n.startsWith("xl/drawings/drawing"))).toEqual(["xl/drawings/drawing1.xml"]);

    const output = path.join(dir, "user-charts-report.xlsx");
    const run = await runCli(["diagnose", input, "--out", output, "--lang", "zh-CN"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const after = await parts(output);
    const listing = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);
    for (const [name, content] of before) if (!listing.has(name)) expect([name, after.get(name)]).toEqual([name, content]);
    const added = [...after.keys()].filter((name) => !before.has(name) && /^xl\/(charts|drawings)\//.test(name)).sort();
    expect(added[0]).toBe("xl/charts/chart3.xml");
    expect(added).toContain("xl/drawings/drawing2.xml");
    expect(after.get("xl/drawings/drawing2.xml")).toMatch(/<c:chart\b/);
    // Every part the content types name exists, and every chart part is named there once.
    const types = after.get("[Content_Types].xml")!;
    for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect([part, after.has(part)]).toEqual([part, true]);
    for (const part of [...after.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)))
      expect(types.split(`PartName="/${part}"`)).toHaveLength(2);
  });
});

describe("a user's chart with parts of its own (Excel's style and colours), through a full load that adds charts", () => {
  it("keeps the chart with its parts and relationships, and numbers the new charts after it", async () => {
    // The user's file: one chart, given a style and a colour part as Excel writes them.
    const workbook = new ExcelJS.Workbook();
    const host = new XlsxHost(workbook);
    await host.write({ sheets: [{ sheet: SHEET, create: true }] });
    const charts = reportSheet(workbook.getWorksheet(SHEET)!);
    await host.write({ sheets: [{ sheet: SHEET, charts: charts.slice(0, 1) }] });
    const plain = path.join(dir, "styled-chart-plain.xlsx");
    await saveXlsxFile(host, plain);
    const zip = await JSZip.loadAsync(readFileSync(plain));
    const RELS = "http://schemas.microsoft.com/office/2011/relationships";
    zip.file(
      "xl/charts/style1.xml",
      '<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>',
    );
    zip.file(
      "xl/charts/colors1.xml",
      '<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>',
    );
    zip.file(
      "xl/charts/_rels/chart1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId2" Type="${RELS}/chartColorStyle" Target="colors1.xml"/><Relationship Id="rId1" Type="${RELS}/chartStyle" Target="style1.xml"/></Relationships>`,
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/>' +
          '<Override PartName="/xl/charts/colors1.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>',
      ),
    );
    const input = path.join(dir, "styled-chart.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const before = await parts(input);

    // Loaded whole, given two more charts, saved.
    const loaded = await openWorkbookFile(input);
    await loaded.write({ sheets: [{ sheet: SHEET, charts: charts.slice(2, 4) }] });
    const output = path.join(dir, "styled-chart-again.xlsx");
    await saveXlsxFile(loaded, output);
    const after = await parts(output);
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/charts/style1.xml",
      "xl/charts/colors1.xml",
      "xl/charts/_rels/chart1.xml.rels",
    ])
      expect([part, after.get(part)]).toEqual([part, before.get(part)]);
    expect(after.get("xl/charts/chart2.xml")).toContain('<c:barDir val="bar"/>');
    expect(after.get("xl/charts/chart3.xml")).toContain('<c:grouping val="stacked"/>');
    const drawing = [...after.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawing).toHaveLength(1);
    expect(after.get(drawing[0])!.match(/<c:chart\b/g)).toHaveLength(3);
    const afterTypes = after.get("[Content_Types].xml")!;
    expect(afterTypes).toContain(
      '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/>',
    );
    expect(afterTypes.match(/PartName="\/xl\/charts\/chart1\.xml"/g)).toHaveLength(1);
    // The shape ids in the one drawing are all different.
    const ids = [...after.get(drawing[0])!.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3);
  });
});
