import type ExcelJS from "exceljs";
import { folderOf, PackageEdit, relativeTarget, relsPartOf, resolvePart, worksheetParts, type PackageParts } from "./chart-parts";
import { drawingXml, escapeXml } from "./chart-xml";
import { decodeXmlText } from "./xml-text";

/*
 * ExcelJS reads a sheet's pictures and nothing else of its drawing: a workbook loaded whole and saved again (every
 * --out but diagnose's) would lose the user's charts. So before the load, each chart anchored on a sheet is kept as
 * its anchor's XML and the parts it needs (the chart, its style and colours, shapes drawn on it, embedded data...,
 * followed through their relationships); after ExcelJS has written the package, they go back on the same sheet,
 * under part names free in the new package (a chart keeps its own name where it can). ExcelJS is given the drawings
 * without them (`keepCharts` takes them out of the package it loads). Charts inside a markup-
 * compatibility choice (`mc:AlternateContent`, such as Excel 2016's new chart types) are not kept.
 */

interface Relationship {
  readonly type: string;
  /** A part name of the package, or the link itself when `external`. */
  readonly target: string;
  readonly external: boolean;
}

interface KeptPart {
  readonly bytes: Uint8Array;
  /** Its relationships part, as the package had it. */
  readonly rels?: string;
  /** Its content type: declared for the part itself, else (undefined) by its extension (`defaultType`). */
  readonly override?: string;
}

/** A user's chart: its anchor and the relationships of the drawing it uses (by id). */
interface KeptChart {
  readonly anchor: string;
  readonly relationships: ReadonlyMap<string, Relationship>;
}

/** The charts of a package loaded whole, by sheet name, and the parts they need. */
export interface KeptCharts {
  readonly sheets: ReadonlyMap<string, readonly KeptChart[]>;
  readonly parts: ReadonlyMap<string, KeptPart>;
  /** Content types by extension, for parts declared that way. */
  readonly defaults: ReadonlyMap<string, string>;
}

const ANCHOR = /<((?:\w+:)?)(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g;
const ANY_ANCHOR = new RegExp(ANCHOR.source);
const CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart";
/** The attributes that name a relationship in DrawingML (`r:id`, `r:embed`, `r:link`). */
const RELATIONSHIP_ATTRIBUTE = /(\s[\w.-]+:(?:id|embed|link)=")([^"]*)(")/g;

function relationshipsOf(rels: string, folder: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const attribute = (name: string) => {
      const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
      return value === undefined ? undefined : decodeXmlText(value);
    };
    const [id, type, target] = [attribute("Id"), attribute("Type"), attribute("Target")];
    if (id === undefined || type === undefined || target === undefined) continue;
    const external = attribute("TargetMode") === "External";
    const part = external ? target : target.startsWith("/") ? target.slice(1) : resolvePart(folder, target);
    out.set(id, { type, target: part, external });
  }
  return out;
}

/**
 * The charts anchored on each sheet of the package, with what they need, taken out of its drawings (the package is
 * changed in place); undefined when there are none (the package is unchanged).
 */
export async function keepCharts(
  zip: PackageParts,
  standIns: ReadonlyMap<string, string> = new Map(),
): Promise<KeptCharts | undefined> {
  const read = (name: string) => zip.text(name);
  const sheets = new Map<string, KeptChart[]>();
  const needed = new Set<string>();
  for (const [name, sheetPart] of await worksheetParts(zip)) {
    // The sheet's drawing from its relationships (a sheet has one at most): the sheet's own XML, which may be large, is not read.
    const sheetRels = relationshipsOf((await read(relsPartOf(sheetPart))) ?? "", folderOf(sheetPart));
    const drawingPart = [...sheetRels.values()].find((r) => r.type.endsWith("/drawing") && !r.external);
    if (!drawingPart) continue;
    const drawing = (await read(drawingPart.target)) ?? "";
    const rels = relationshipsOf((await read(relsPartOf(drawingPart.target))) ?? "", folderOf(drawingPart.target));
    // The drawing's namespace declarations go with each anchor: they are declared on its root.
    const root = /<(?:\w+:)?wsDr\b([^>]*)>/.exec(drawing)?.[1] ?? "";
    const namespaces = root.match(/\sxmlns(?::[\w.-]+)?="[^"]*"/g) ?? [];
    const kept: KeptChart[] = [];
    let rest = drawing;
    for (const match of drawing.replace(/<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>/g, "").matchAll(ANCHOR)) {
      const anchor = match[0];
      if (!anchor.includes(CHART_URI)) continue;
      rest = rest.replace(anchor, "");
      const used = new Map<string, Relationship>();
      for (const [, , id] of anchor.matchAll(RELATIONSHIP_ATTRIBUTE)) {
        const relationship = rels.get(id);
        if (!relationship) continue;
        used.set(id, relationship);
        if (!relationship.external) needed.add(relationship.target);
      }
      const start = /^<[^\s>]+/.exec(anchor)![0];
      const declared = namespaces.filter((ns) => !anchor.slice(0, anchor.indexOf(">")).includes(ns.trim().split("=")[0]));
      kept.push({ anchor: `${start}${declared.join("")}${anchor.slice(start.length)}`, relationships: used });
    }
    if (kept.length === 0) continue;
    sheets.set(standIns.get(name) ?? name, kept);
    // ExcelJS sees the drawing without them: it would drop them anyway, and fails to load a drawing in the default
    // namespace (openpyxl writes them so) when nothing of it is left for ExcelJS to read.
    zip.setText(drawingPart.target, ANY_ANCHOR.test(rest) ? rest : drawingXml([]));
  }
  if (sheets.size === 0) return undefined;

  const types = (await read("[Content_Types].xml")) ?? "";
  const overrides = new Map(
    [...types.matchAll(/<Override\b[^>]*\sPartName="\/?([^"]*)"[^>]*\sContentType="([^"]*)"/g)].map((m) => [
      decodeXmlText(m[1]),
      decodeXmlText(m[2]),
    ]),
  );
  const defaults = new Map(
    [...types.matchAll(/<Default\b[^>]*\sExtension="([^"]*)"[^>]*\sContentType="([^"]*)"/g)].map((m) => [
      m[1].toLowerCase(),
      decodeXmlText(m[2]),
    ]),
  );
  // Every part the charts need, followed through their own relationships.
  const parts = new Map<string, KeptPart>();
  const queue = [...needed];
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (parts.has(part)) continue;
    const bytes = await zip.bytes(part);
    if (!bytes) continue;
    const rels = await read(relsPartOf(part));
    parts.set(part, { bytes, rels, override: overrides.get(part) });
    for (const r of relationshipsOf(rels ?? "", folderOf(part)).values()) if (!r.external) queue.push(r.target);
  }
  return { sheets, parts, defaults };
}

const extensionOf = (part: string) => /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase() ?? "";

/** The user's charts put back in the package written from the workbook, on the sheets of the same names. */
export async function restoreCharts(zip: PackageParts, kept: KeptCharts, workbook: ExcelJS.Workbook): Promise<void> {
  const edit = await PackageEdit.open(zip);
  const sheetParts = await worksheetParts(zip);
  // New names first (a part keeps its own where the new package leaves it free), then the parts with their links.
  const names = new Map<string, string>();
  for (const part of kept.parts.keys()) {
    const m = /^(.*)\/([^/]*?)(\d*)\.([^./]+)$/.exec(part);
    // A name of no usual shape (no folder or no extension) still gets a free one rather than overwriting a part.
    const fresh = () =>
      m ? edit.freshName(m[1], m[2], m[4]) : edit.freshName(folderOf(part) || "xl", "part", extensionOf(part) || "bin");
    names.set(part, edit.claim(part) ? part : fresh());
  }
  for (const [part, { bytes, rels, override }] of kept.parts) {
    const name = names.get(part)!;
    zip.setBytes(name, bytes);
    if (override) edit.override(name, override);
    else edit.defaultType(extensionOf(name), kept.defaults.get(extensionOf(part)) ?? "application/octet-stream");
    if (rels === undefined) continue;
    const fixed = rels.replace(/<Relationship\b[^>]*>/g, (tag) => {
      if (/TargetMode="External"/.test(tag)) return tag;
      return tag.replace(/(\sTarget=")([^"]*)(")/, (whole, head: string, target: string, tail: string) => {
        const original = target.startsWith("/") ? target.slice(1) : resolvePart(folderOf(part), decodeXmlText(target));
        const moved = names.get(original);
        return moved === undefined ? whole : `${head}${escapeXml(relativeTarget(folderOf(name), moved))}${tail}`;
      });
    });
    zip.setText(relsPartOf(name), fixed);
  }
  for (const ws of workbook.worksheets) {
    const charts = kept.sheets.get(ws.name);
    const sheetPart = sheetParts.get(ws.name);
    if (!charts || !sheetPart) continue;
    const drawing = await edit.drawingOf(sheetPart);
    for (const chart of charts) {
      const ids = new Map<string, string>();
      for (const [id, r] of chart.relationships)
        ids.set(id, drawing.relate(r.type, r.external ? r.target : (names.get(r.target) ?? r.target), r.external));
      const anchor = chart.anchor
        .replace(RELATIONSHIP_ATTRIBUTE, (whole, head: string, id: string, tail: string) =>
          ids.has(id) ? `${head}${ids.get(id)}${tail}` : whole,
        )
        .replace(
          /(<(?:\w+:)?cNvPr\b[^>]*?\sid=")\d+(")/,
          (_whole, head: string, tail: string) => `${head}${drawing.nextShapeId()}${tail}`,
        );
      drawing.add(anchor);
    }
    drawing.close();
  }
  edit.finish();
}
