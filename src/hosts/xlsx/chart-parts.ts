import type ExcelJS from "exceljs";
import type { ChartSpec } from "../../app/workbook-host.port";
import type { CellValue } from "../../core/cell/cell-value";
import { chartAnchor, chartAnchorXml, chartSpaceXml, drawingXml, escapeXml, type ChartSource } from "./chart-xml";
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
  bytes(name: string): Promise<Uint8Array | undefined>;
  setBytes(name: string, bytes: Uint8Array): void;
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
export function relationshipTargets(rels: string, folder: string): Map<string, string> {
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

export const folderOf = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf("/")));
export const relsPartOf = (part: string) => `${folderOf(part)}/_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** A relative target resolved against a folder of the package (`xl/worksheets` + `../drawings/d.xml`). */
export function resolvePart(folder: string, target: string): string {
  const out = folder === "" ? [] : folder.split("/");
  for (const step of target.split("/")) {
    if (step === "..") out.pop();
    else if (step !== "." && step !== "") out.push(step);
  }
  return out.join("/");
}

/** The target that names `part` from a part in `folder` (`xl/drawings`, `xl/charts/chart2.xml` → `../charts/chart2.xml`). */
export function relativeTarget(folder: string, part: string): string {
  const from = folder === "" ? [] : folder.split("/");
  const to = part.split("/");
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  return [...from.slice(shared).map(() => ".."), ...to.slice(shared)].join("/");
}

/** A relationship id not yet used in `rels`: one after the highest `rIdN`. */
function freeRelationshipId(rels: string): string {
  return `rId${Math.max(0, ...[...rels.matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1}`;
}

export const emptyRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}"></Relationships>`;

/** `rels` with one more relationship, under a free id; `external` for a target outside the package (a link). */
export function withRelationship(rels: string, type: string, target: string, external = false): { rels: string; id: string } {
  const id = freeRelationshipId(rels);
  const tag = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ""}/>`;
  const updated = /<\/Relationships>/.test(rels)
    ? rels.replace(/<\/Relationships>/, `${tag}</Relationships>`)
    : rels.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${tag}</Relationships>`);
  return { rels: updated, id };
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

/**
 * Changes to a package that add drawings: fresh part names after the highest the package holds, and the content
 * types to declare, written by `finish`.
 */
export class PackageEdit {
  private readonly taken: Set<string>;
  private readonly types: string[] = [];

  private constructor(
    readonly zip: PackageParts,
    private contentTypes: string,
  ) {
    this.taken = new Set(zip.names());
  }

  static async open(zip: PackageParts): Promise<PackageEdit> {
    return new PackageEdit(zip, (await zip.text("[Content_Types].xml")) ?? "");
  }

  /** A part name not in the package: `xl/charts/chart7.xml` after `chart6`, in the folder and with the stem given. */
  freshName(folder: string, stem: string, extension: string): string {
    let n = 1;
    for (const name of this.taken) {
      const m = new RegExp(`^${folder}/${stem}(\\d+)\\.${extension}$`).exec(name);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    const name = `${folder}/${stem}${n}.${extension}`;
    this.taken.add(name);
    return name;
  }

  /** Claims a name the caller chose (a copied part that keeps its own name when free); false when taken. */
  claim(name: string): boolean {
    if (this.taken.has(name)) return false;
    this.taken.add(name);
    return true;
  }

  override(part: string, contentType: string): void {
    this.types.push(`<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`);
  }

  /** Declares the content type of every part with this extension, unless the package already does. */
  defaultType(extension: string, contentType: string): void {
    const declared = new RegExp(`<Default\\b[^>]*\\sExtension="${extension}"`, "i");
    if (declared.test(this.contentTypes) || this.types.some((t) => declared.test(t))) return;
    this.types.push(`<Default Extension="${escapeXml(extension)}" ContentType="${escapeXml(contentType)}"/>`);
  }

  /** The drawing of a sheet, to add anchors to: the one the sheet has (pictures), or a new one. */
  async drawingOf(sheetPart: string): Promise<SheetDrawing> {
    const sheetXml = await this.zip.text(sheetPart);
    if (sheetXml === undefined) throw new Error(`no worksheet part ${sheetPart}`);
    const sheetRels = (await this.zip.text(relsPartOf(sheetPart))) ?? emptyRels;
    const drawingId = /<(?:\w+:)?drawing\b[^>]*\s\w+:id="([^"]*)"/.exec(sheetXml)?.[1];
    const existing = drawingId === undefined ? undefined : relationshipTargets(sheetRels, folderOf(sheetPart)).get(drawingId);
    const part = existing ?? this.freshName("xl/drawings", "drawing", "xml");
    const xml = (existing && (await this.zip.text(existing))) || drawingXml([]);
    return new SheetDrawing(
      this,
      sheetPart,
      sheetXml,
      sheetRels,
      part,
      xml,
      (await this.zip.text(relsPartOf(part))) ?? emptyRels,
      !existing,
    );
  }

  /** Writes the content types of the parts added. */
  finish(): void {
    if (this.types.length === 0) return;
    this.defaultType("rels", "application/vnd.openxmlformats-package.relationships+xml");
    this.contentTypes = this.contentTypes.replace(/<\/Types>/, `${this.types.join("")}</Types>`);
    this.types.length = 0;
    this.zip.setText("[Content_Types].xml", this.contentTypes);
  }
}

/** One sheet's drawing being added to: anchors and the relationships they use, written by `close`. */
export class SheetDrawing {
  private readonly anchors: string[] = [];
  private shapeId: number;

  constructor(
    private readonly edit: PackageEdit,
    private readonly sheetPart: string,
    private readonly sheetXml: string,
    private readonly sheetRels: string,
    readonly part: string,
    private readonly xml: string,
    private rels: string,
    private readonly isNew: boolean,
  ) {
    this.shapeId = Math.max(1, ...[...xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1])));
  }

  /** A relationship from the drawing to a part of the package (or, `external`, a link); its id. */
  relate(type: string, target: string, external = false): string {
    const added = withRelationship(this.rels, type, external ? target : relativeTarget(folderOf(this.part), target), external);
    this.rels = added.rels;
    return added.id;
  }

  /** A shape id not yet used in the drawing. */
  nextShapeId(): number {
    return ++this.shapeId;
  }

  add(anchor: string): void {
    this.anchors.push(anchor);
  }

  close(): void {
    if (this.anchors.length === 0) return;
    const zip = this.edit.zip;
    const anchors = this.anchors.join("");
    const xml = /<\/(?:\w+:)?wsDr>\s*$/.test(this.xml)
      ? this.xml.replace(/<\/(?:\w+:)?wsDr>\s*$/, (end) => `${anchors}${end}`)
      : // An empty drawing written as one tag (`<xdr:wsDr …/>`).
        this.xml.replace(
          /<((?:\w+:)?wsDr)\b([^>]*?)\/>\s*$/,
          (_whole, tag: string, attributes: string) => `<${tag}${attributes}>${anchors}</${tag}>`,
        );
    zip.setText(this.part, xml);
    zip.setText(relsPartOf(this.part), this.rels);
    if (!this.isNew) return;
    this.edit.override(this.part, DRAWING_CONTENT);
    const added = withRelationship(this.sheetRels, DRAWING_TYPE, relativeTarget(folderOf(this.sheetPart), this.part));
    zip.setText(relsPartOf(this.sheetPart), added.rels);
    zip.setText(this.sheetPart, withDrawingElement(this.sheetXml, added.id));
  }
}

/** Adds the charts to the package, as described at the top of this file. */
export async function addChartParts(zip: PackageParts, sheets: readonly SheetCharts[]): Promise<void> {
  const edit = await PackageEdit.open(zip);
  for (const sheet of sheets) {
    if (sheet.charts.length === 0) continue;
    const drawing = await edit.drawingOf(sheet.part);
    for (const chart of sheet.charts) {
      const chartPart = edit.freshName("xl/charts", "chart", "xml");
      zip.setText(chartPart, chartSpaceXml(chart.source));
      edit.override(chartPart, CHART_CONTENT);
      const id = drawing.nextShapeId();
      drawing.add(chartAnchorXml(chart.anchor, id, `Chart ${id - 1}`, drawing.relate(CHART_TYPE, chartPart)));
    }
    drawing.close();
  }
  edit.finish();
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
