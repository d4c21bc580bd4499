import type ExcelJS from "exceljs";
import type { ChartSpec } from "../../app/workbook-host.port";
import type { CellValue } from "../../core/cell/cell-value";
import { chartAnchor, chartAnchorXml, chartSpaceXml, drawingXml, type ChartSource } from "./chart-xml";
import { decodeXmlText } from "./xml-text";
import { fromExcelJsValue } from "./xlsx-values";

/*
 * ExcelJS writes no charts. After it has written a package, the charts the host was asked for are added as parts:
 * `xl/charts/chartN.xml` for each, one `xl/drawings/drawingN.xml` per sheet placing them (with its relationships),
 * the sheet's `<drawing r:id>` and relationship, and the content types. Part numbers and relationship ids start
 * after the highest the package already has, so a user's drawings, images and charts elsewhere stay as they are.
 */

/** The parts of a package, as `zip-package.ts` opens them (`EditableZip`). */
export interface PackageParts {
  names(): string[];
  text(name: string): Promise<string | undefined>;
  setText(name: string, text: string): void;
}

/** The charts of one sheet, ready to write: the sheet's part name and, for each chart, its source and anchor. */
export interface SheetCharts {
  /** The worksheet part, e.g. `xl/worksheets/sheet3.xml`. */
  readonly part: string;
  readonly charts: readonly { readonly source: ChartSource; readonly anchor: ReturnType<typeof chartAnchor> }[];
}

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DRAWING_TYPE = `${RELATIONSHIPS_NS}/drawing`;
const CHART_TYPE = `${RELATIONSHIPS_NS}/chart`;
const DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_CONTENT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** A column's stored width (characters of the default font's digits, padding included) in pixels, as Excel converts it; 64 when unset. */
const columnPixels = (width: number | undefined) =>
  width === undefined ? 64 : Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
/** A row height in points, in pixels at 96 dpi; 15 points when unset. */
const rowPixels = (height: number | undefined) => Math.round(((height ?? 15) * 96) / 72);

/** A sheet's charts laid out from what its ExcelJS worksheet holds now: the source blocks' values and the column widths. */
export function sheetChartsOf(ws: ExcelJS.Worksheet, specs: readonly ChartSpec[], part: string): SheetCharts {
  const value = (row: number, column: number): CellValue => {
    const cell = ws.getCell(row + 1, column + 1);
    return cell.isMerged && cell.master !== cell ? null : fromExcelJsValue(cell.value);
  };
  return {
    part,
    charts: specs.map((spec) => ({
      source: {
        sheet: ws.name,
        spec,
        values: Array.from({ length: spec.source.rowCount }, (_r, r) =>
          Array.from({ length: spec.source.columnCount }, (_c, c) => value(spec.source.row + r, spec.source.column + c)),
        ),
        formats: Array.from(
          { length: spec.source.columnCount },
          (_c, c) => ws.getCell(spec.source.row + 2, spec.source.column + c + 1).numFmt,
        ),
      },
      anchor: chartAnchor(
        spec.at,
        (column) => columnPixels(ws.getColumn(column + 1).width),
        (row) => rowPixels(ws.getRow(row + 1).height),
      ),
    })),
  };
}

/** The worksheet part of each sheet, by name, from the workbook and its relationships. */
export async function worksheetParts(zip: PackageParts): Promise<Map<string, string>> {
  const workbook = (await zip.text("xl/workbook.xml")) ?? "";
  const targets = relationshipTargets((await zip.text("xl/_rels/workbook.xml.rels")) ?? "", "xl");
  const parts = new Map<string, string>();
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    const id = /\s\w+:id="([^"]*)"/.exec(tag)?.[1];
    const target = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && target) parts.set(decodeXmlText(name), target);
  }
  return parts;
}

/** A relationships part's targets by id, resolved to part names from the folder of the part they belong to. */
function relationshipTargets(rels: string, folder: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = /\sId="([^"]*)"/.exec(tag)?.[1];
    const target = /\sTarget="([^"]*)"/.exec(tag)?.[1];
    if (id === undefined || target === undefined || /TargetMode="External"/.test(tag)) continue;
    const decoded = decodeXmlText(target);
    targets.set(id, decoded.startsWith("/") ? decoded.slice(1) : resolvePart(folder, decoded));
  }
  return targets;
}

const folderOf = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf("/")));
const relsPartOf = (part: string) => `${folderOf(part)}/_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** A relative target resolved against a folder of the package (`xl/worksheets` + `../drawings/d.xml`). */
function resolvePart(folder: string, target: string): string {
  const out = folder === "" ? [] : folder.split("/");
  for (const step of target.split("/")) {
    if (step === "..") out.pop();
    else if (step !== "." && step !== "") out.push(step);
  }
  return out.join("/");
}

const highest = (names: readonly string[], pattern: RegExp) =>
  Math.max(0, ...names.map((n) => Number(pattern.exec(n)?.[1] ?? 0)));

/** A relationship id not yet used in `rels`: one after the highest `rIdN`. */
function freeRelationshipId(rels: string): string {
  return `rId${Math.max(0, ...[...rels.matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1}`;
}

const emptyRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}"></Relationships>`;

function addRelationship(rels: string, id: string, type: string, target: string): string {
  const tag = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  return /<\/Relationships>/.test(rels)
    ? rels.replace(/<\/Relationships>/, `${tag}</Relationships>`)
    : rels.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${tag}</Relationships>`);
}

/** Where the schema puts `<drawing>` in a worksheet: before the first of these, else before the end. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function withDrawingElement(sheet: string, id: string): string {
  const prefix = /<(\w+:)?worksheet\b/.exec(sheet)?.[1] ?? "";
  const element = `<${prefix}drawing xmlns:r="${RELATIONSHIPS_NS}" r:id="${id}"/>`;
  const next = new RegExp(`<${prefix}(?:${AFTER_DRAWING.join("|")})\\b|</${prefix}worksheet>`).exec(sheet);
  if (!next) throw new Error("a worksheet part without its end tag");
  return sheet.slice(0, next.index) + element + sheet.slice(next.index);
}

/** Adds the charts to the package, as described at the top of this file. */
export async function addChartParts(zip: PackageParts, sheets: readonly SheetCharts[]): Promise<void> {
  const names = zip.names();
  let chartNo = highest(names, /^xl\/charts\/chart(\d+)\.xml$/);
  let drawingNo = highest(names, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let types = (await zip.text("[Content_Types].xml")) ?? "";
  const overrides: string[] = [];
  for (const sheet of sheets) {
    if (sheet.charts.length === 0) continue;
    const sheetXml = await zip.text(sheet.part);
    if (sheetXml === undefined) throw new Error(`no worksheet part ${sheet.part}`);
    const sheetRelsPart = relsPartOf(sheet.part);
    let sheetRels = (await zip.text(sheetRelsPart)) ?? emptyRels;
    // A sheet that already has a drawing (the user's pictures) gets the charts in it; else a drawing of its own.
    const drawingId = /<(?:\w+:)?drawing\b[^>]*\sr:id="([^"]*)"/.exec(sheetXml)?.[1];
    const existing = drawingId === undefined ? undefined : relationshipTargets(sheetRels, folderOf(sheet.part)).get(drawingId);
    const drawingPart = existing ?? `xl/drawings/drawing${++drawingNo}.xml`;
    const drawingRelsPart = relsPartOf(drawingPart);
    let drawingRels = (await zip.text(drawingRelsPart)) ?? emptyRels;
    let drawing = existing ? ((await zip.text(existing)) ?? drawingXml([])) : drawingXml([]);
    let shapeId = Math.max(1, ...[...drawing.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1])));
    const anchors: string[] = [];
    for (const chart of sheet.charts) {
      const chartPart = `xl/charts/chart${++chartNo}.xml`;
      zip.setText(chartPart, chartSpaceXml(chart.source));
      overrides.push(`<Override PartName="/${chartPart}" ContentType="${CHART_CONTENT}"/>`);
      const rid = freeRelationshipId(drawingRels);
      drawingRels = addRelationship(drawingRels, rid, CHART_TYPE, `../charts/chart${chartNo}.xml`);
      ++shapeId;
      anchors.push(chartAnchorXml(chart.anchor, shapeId, `Chart ${shapeId - 1}`, rid));
    }
    drawing = drawing.replace(/<\/((?:\w+:)?)wsDr>\s*$/, (end) => `${anchors.join("")}${end}`);
    zip.setText(drawingPart, drawing);
    zip.setText(drawingRelsPart, drawingRels);
    if (!existing) {
      overrides.push(`<Override PartName="/${drawingPart}" ContentType="${DRAWING_CONTENT}"/>`);
      const rid = freeRelationshipId(sheetRels);
      sheetRels = addRelationship(sheetRels, rid, DRAWING_TYPE, `../drawings/drawing${drawingNo}.xml`);
      zip.setText(sheetRelsPart, sheetRels);
      zip.setText(sheet.part, withDrawingElement(sheetXml, rid));
    }
  }
  if (overrides.length === 0) return;
  if (!/<Default\b[^>]*\sExtension="rels"/i.test(types))
    overrides.unshift(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`);
  types = types.replace(/<\/Types>/, `${overrides.join("")}</Types>`);
  zip.setText("[Content_Types].xml", types);
}

/**
 * The charts a host was asked for, added to the package written from its workbook. Each sheet's part is found by
 * its name in the package, or given (`parts`) for sheets moved into another package. Whether anything was added.
 */
export async function addHostCharts(
  zip: PackageParts,
  host: { readonly workbook: ExcelJS.Workbook; readonly charts: ReadonlyMap<ExcelJS.Worksheet, readonly ChartSpec[]> },
  parts?: ReadonlyMap<ExcelJS.Worksheet, string>,
): Promise<boolean> {
  const byName = parts ? undefined : await worksheetParts(zip);
  const sheets: SheetCharts[] = [];
  for (const ws of host.workbook.worksheets) {
    const specs = host.charts.get(ws);
    const part = parts ? parts.get(ws) : byName!.get(ws.name);
    if (specs?.length && part) sheets.push(sheetChartsOf(ws, specs, part));
  }
  await addChartParts(zip, sheets);
  return sheets.length > 0;
}
