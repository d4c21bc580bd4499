import { WATERFALL_FILL, waterfallBars, waterfallStacks } from "../../core/cell/waterfall-bars";
import { columnLetter, type RangeRef } from "../../core/cell/a1";
import type { CellValue } from "../../core/cell/cell-value";
import type { ChartSpec } from "../../app/workbook-host.port";
import { xmlSafe } from "./xml-text";

/*
 * The DrawingML of a native chart (ECMA-376 Part 1, 21.2: `c:chartSpace`) and of the drawing that places it on a
 * sheet (20.5: `xdr:wsDr`), as text. Series point at the sheet's cells and carry a cache of their values, so a
 * viewer that does not calculate (a preview, a converter) draws the figures the cells held when the file was saved.
 * Element order follows the schema's sequences: Excel refuses a chart whose children are out of order.
 */

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const MAIN_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** The fills of the waterfall's bars: the start and end totals, rises, falls. Neither red nor green (their meaning differs by market). */

/** The ids that tie a chart's two axes together; any two numbers unique within the chart. */
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

/**
 * Text or an attribute value in a chart or drawing part. A character XML 1.0 cannot hold becomes U+FFFD: a chart's
 * title, cached labels and names read no `_xHHHH_` escape in every viewer, and the cells keep the exact text.
 */
export const escapeXml = (text: string): string =>
  xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A sheet name as a formula writes it: always quoted (valid for every name), quotes inside doubled. */
export const quotedSheet = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** `'Sheet name'!$B$2:$B$9` (one cell: `'Sheet name'!$B$1`). */
export function absoluteRef(sheet: string, range: RangeRef): string {
  const cell = (row: number, column: number) => `$${columnLetter(column)}$${row + 1}`;
  const first = cell(range.row, range.column);
  const last = cell(range.row + range.rowCount - 1, range.column + range.columnCount - 1);
  return `${quotedSheet(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

/** What the chart's source block held when the file was saved: `values[r][c]`, the block's first row and column included. */
export interface ChartSource {
  readonly sheet: string;
  readonly spec: ChartSpec;
  readonly values: readonly (readonly CellValue[])[];
  /** Each column's number format (of its first value), for the cached values and the value axis; General when absent. */
  readonly formats?: readonly (string | undefined)[];
}

const formatOf = (source: ChartSource, column: number) => source.formats?.[column] || "General";

const text = (value: CellValue | undefined): string => (value === null || value === undefined ? "" : String(value));
const number = (value: CellValue | undefined): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

function strPoints(values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("");
  return `<c:ptCount val="${values.length}"/>${points}`;
}

function numPoints(values: readonly (number | undefined)[], format: string): string {
  const points = values.map((v, i) => (v === undefined ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}`;
}

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/**
 * The categories (the block's first column below its first row), as a reference with its cache; or, beside computed
 * values (`literal`), as literal text: LibreOffice draws nothing for a series mixing a cell reference and literals.
 */
function categories(source: ChartSource, literal = false): string {
  const { spec, values } = source;
  const range = { row: spec.source.row + 1, column: spec.source.column, rowCount: spec.source.rowCount - 1, columnCount: 1 };
  const labels = values.slice(1).map((line) => text(line[0]));
  if (literal) return `<c:cat><c:strLit>${strPoints(labels)}</c:strLit></c:cat>`;
  return `<c:cat><c:strRef><c:f>${escapeXml(absoluteRef(source.sheet, range))}</c:f><c:strCache>${strPoints(labels)}</c:strCache></c:strRef></c:cat>`;
}

/** A series' name: the header cell above its values. */
function seriesName(source: ChartSource, column: number): string {
  const { spec, values } = source;
  const ref = absoluteRef(source.sheet, {
    row: spec.source.row,
    column: spec.source.column + column,
    rowCount: 1,
    columnCount: 1,
  });
  return `<c:tx><c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache>${strPoints([text(values[0]?.[column])])}</c:strCache></c:strRef></c:tx>`;
}

/** The values of the block's column `column` (1 and after), as a reference with its cache. */
function seriesValues(source: ChartSource, column: number): string {
  const { spec, values } = source;
  const range = {
    row: spec.source.row + 1,
    column: spec.source.column + column,
    rowCount: spec.source.rowCount - 1,
    columnCount: 1,
  };
  const numbers = values.slice(1).map((line) => number(line[column]));
  return `<c:val><c:numRef><c:f>${escapeXml(absoluteRef(source.sheet, range))}</c:f><c:numCache>${numPoints(numbers, formatOf(source, column))}</c:numCache></c:numRef></c:val>`;
}

/** One series per column after the first. */
function plainSeries(source: ChartSource): string {
  const line = source.spec.kind === "line";
  let out = "";
  for (let column = 1; column < source.spec.source.columnCount; column++) {
    const index = column - 1;
    out +=
      `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${seriesName(source, column)}` +
      (line ? `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>` : `<c:invertIfNegative val="0"/>`) +
      categories(source) +
      seriesValues(source, column) +
      (line ? `<c:smooth val="0"/>` : "") +
      `</c:ser>`;
  }
  return out;
}

function waterfallSeries(source: ChartSource): string {
  const numbers = source.values.slice(1).map((line) => number(line[1]));
  const bars = waterfallBars(numbers);
  const stacks = waterfallStacks(bars);
  const literal = (values: readonly number[]) => `<c:val><c:numLit>${numPoints(values, formatOf(source, 1))}</c:numLit></c:val>`;
  const points = bars
    .map(
      (bar, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solid(WATERFALL_FILL[bar.role].slice(1))}</c:spPr></c:dPt>`,
    )
    .join("");
  const none = `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`;
  const series = [
    { values: stacks.base, look: none, points: "" },
    { values: stacks.above, look: "", points },
    ...(stacks.below.some((v) => v !== 0) ? [{ values: stacks.below, look: "", points }] : []),
  ];
  return series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(source, 1)}${s.look}<c:invertIfNegative val="0"/>${s.points}` +
        `${categories(source, true)}${literal(s.values)}</c:ser>`,
    )
    .join("");
}

function axes(source: ChartSource): string {
  const horizontal = source.spec.kind === "bar";
  // The value axis shows the numbers as the sheet does (the first value column's format: 1,234,567 rather than 1234567).
  const valueFormat = escapeXml(formatOf(source, 1));
  // A bar chart lists its categories from the top, as the table beside it does; the value axis then stays below.
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${VALUE_AXIS}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="${valueFormat}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/>` +
    `<c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return categoryAxis + valueAxis;
}

const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;

function plot(source: ChartSource): string {
  const { kind } = source.spec;
  if (kind === "line")
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${plainSeries(source)}<c:marker val="1"/>${axisIds}</c:lineChart>`;
  if (kind === "waterfall")
    return (
      `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${waterfallSeries(source)}` +
      `<c:gapWidth val="60"/><c:overlap val="100"/>${axisIds}</c:barChart>`
    );
  return (
    `<c:barChart><c:barDir val="${kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `${plainSeries(source)}<c:gapWidth val="80"/>${axisIds}</c:barChart>`
  );
}

/** The chart part (`xl/charts/chartN.xml`) for one spec. */
export function chartSpaceXml(source: ChartSource): string {
  const { spec } = source;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="${/[\u3400-\u9fff]/.test(spec.title) ? "zh-CN" : "en-US"}" sz="1200" b="1"/><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  // A waterfall's three series are one column cut in pieces: a legend would only name the column three times.
  const legend =
    spec.kind === "waterfall" || spec.source.columnCount <= 2
      ? ""
      : `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot(source)}${axes(source)}</c:plotArea>${legend}` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** Where a chart sits: zero-based cells of its top-left and bottom-right corners (`to` is the cell the corner falls in, with an offset in EMU). */
export interface ChartAnchor {
  readonly from: { readonly row: number; readonly column: number };
  readonly to: { readonly row: number; readonly column: number; readonly rowOffset: number; readonly columnOffset: number };
}

/** The default chart size of Excel and WPS (5 by 3 inches), in pixels at 96 dpi. */
export const CHART_PIXELS = { width: 480, height: 288 } as const;
const EMU_PER_PIXEL = 9525;

/**
 * The anchor of a chart of the default size whose top-left corner is at `at`: the corner opposite found by walking
 * the sheet's column widths and row heights (in pixels), so the chart has its size however wide the columns are.
 */
export function chartAnchor(
  at: { row: number; column: number },
  columnPixels: (column: number) => number,
  rowPixels: (row: number) => number,
): ChartAnchor {
  const walk = (start: number, size: number, pixels: (i: number) => number) => {
    let index = start;
    let left = size;
    while (left >= pixels(index)) left -= pixels(index++);
    return { index, offset: Math.round(left * EMU_PER_PIXEL) };
  };
  const column = walk(at.column, CHART_PIXELS.width, columnPixels);
  const row = walk(at.row, CHART_PIXELS.height, rowPixels);
  return { from: at, to: { row: row.index, column: column.index, rowOffset: row.offset, columnOffset: column.offset } };
}

/** One chart's `xdr:twoCellAnchor`; `id` is unique within the drawing, `relationship` names the chart part. */
export function chartAnchorXml(anchor: ChartAnchor, id: number, name: string, relationship: string): string {
  const position = (tag: string, row: number, column: number, rowOffset: number, columnOffset: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>${columnOffset}</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${rowOffset}</xdr:rowOff></xdr:${tag}>`;
  return (
    // The namespaces are declared on the anchor: a drawing of the user's may bind other prefixes.
    `<xdr:twoCellAnchor xmlns:xdr="${DRAWING_NS}" xmlns:a="${MAIN_NS}" editAs="oneCell">${position("from", anchor.from.row, anchor.from.column, 0, 0)}` +
    position("to", anchor.to.row, anchor.to.column, anchor.to.rowOffset, anchor.to.columnOffset) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${CHART_NS}">` +
    `<c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="${relationship}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** A drawing part holding the given anchors. */
export function drawingXml(anchors: readonly string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${DRAWING_NS}" xmlns:a="${MAIN_NS}">${anchors.join("")}</xdr:wsDr>`
  );
}
