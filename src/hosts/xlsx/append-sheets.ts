import type { HostCapabilities, SheetValues, WorkbookHost, WorkbookOutline, WriteBatch } from "../../app/workbook-host.port";
import type ExcelJS from "exceljs";
import { addHostCharts } from "./chart-parts";
import { withWritableText } from "./exceljs-text";
import { fitWrappedRows } from "./wrapped-rows";
import { xmlSafe } from "./xml-text";
import { XlsxHost } from "./xlsx-host";
import { openZip, type EditableZip } from "./zip-package";

/**
 * A workbook to which a command only adds new sheets (diagnose --out): read through the reader like
 * a read-only command, and saved by adding the new sheets' parts to the input package as it is. The
 * user's parts are copied byte for byte (their compressed data reused), so a file of a million lines
 * is never held as a workbook model, and nothing of the user's can change.
 */
export class AppendOnlyHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  readonly capabilities: HostCapabilities = { nativeValidation: false, tables: false, freezePanes: true, charts: true };
  /** The new sheets, laid out by the writing host on a workbook of their own. */
  readonly added = new XlsxHost();
  /** What was written, to apply again to the whole workbook if the package cannot take the new parts as they are. */
  readonly batches: WriteBatch[] = [];

  constructor(
    /** The input file's bytes, copied into the output. */
    readonly input: Uint8Array,
    private readonly sheets: readonly SheetValues[],
  ) {}

  async readOutline(): Promise<WorkbookOutline> {
    return { sheets: this.sheets.map((s) => s.name), tables: [] };
  }

  async readSheets(names: readonly string[]): Promise<SheetValues[]> {
    return names.map((n) => this.sheets.find((s) => s.name === n)).filter((s): s is SheetValues => s !== undefined);
  }

  async write(batch: WriteBatch): Promise<void> {
    const touched = batch.sheets.find((op) => !op.create);
    if (touched) throw new Error(`an append-only workbook cannot change the existing sheet "${touched.sheet}"`);
    this.batches.push(batch);
    await this.added.write(batch);
  }
}

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STYLE_LISTS = ["fonts", "fills", "borders", "cellXfs"] as const;

const escapeAttribute = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** The child elements of a style list (`<fonts count="2"><font>…</font><font/></fonts>`), or undefined when absent. */
function listItems(xml: string, list: string): string[] | undefined {
  const m = new RegExp(`<${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(xml);
  if (!m) return undefined;
  const item = list === "cellXfs" ? "xf" : list.slice(0, -1);
  return (m[1] ?? "").match(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g")) ?? [];
}

function replaceList(xml: string, list: string, items: readonly string[]): string {
  const body = `<${list} count="${items.length}">${items.join("")}</${list}>`;
  return xml.replace(new RegExp(`<${list}\\b[^>]*?(?:/>|>[\\s\\S]*?</${list}>)`), body);
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="(\\d+)"`).exec(tag)?.[1];
const setAttribute = (tag: string, name: string, value: number) =>
  tag.replace(new RegExp(`\\b${name}="\\d+"`), `${name}="${value}"`);

/**
 * The added workbook's styles appended to the input's: fonts, fills, borders and cell formats
 * (renumbered), custom number formats (new ids). Returns the input's styles and the offset of the
 * added cell formats, or undefined when the input's styles are not laid out as expected.
 */
function mergeStyles(input: string, added: string): { xml: string; xfOffset: number } | undefined {
  const lists = STYLE_LISTS.map((list) => ({ list, ours: listItems(input, list), theirs: listItems(added, list) ?? [] }));
  if (lists.some((l) => l.ours === undefined)) return undefined;
  const offset = Object.fromEntries(lists.map((l) => [l.list, l.ours!.length])) as Record<(typeof STYLE_LISTS)[number], number>;
  const numFmtIds = new Map<string, number>();
  const ourFormats = input.match(/<numFmt\b[^>]*\/>/g) ?? [];
  let nextId = Math.max(163, ...ourFormats.map((f) => Number(attribute(f, "numFmtId") ?? 0))) + 1;
  const newFormats = (added.match(/<numFmt\b[^>]*\/>/g) ?? []).map((f) => {
    numFmtIds.set(attribute(f, "numFmtId") ?? "", nextId);
    return setAttribute(f, "numFmtId", nextId++);
  });
  let xml = input;
  for (const { list, ours, theirs } of lists) {
    const moved =
      list === "cellXfs"
        ? theirs.map((xf) => {
            let tag = xf;
            const id = attribute(tag, "numFmtId");
            if (id !== undefined && numFmtIds.has(id)) tag = setAttribute(tag, "numFmtId", numFmtIds.get(id)!);
            for (const [name, base] of [
              ["fontId", offset.fonts],
              ["fillId", offset.fills],
              ["borderId", offset.borders],
            ] as const) {
              const v = attribute(tag, name);
              if (v !== undefined) tag = setAttribute(tag, name, Number(v) + base);
            }
            return setAttribute(tag, "xfId", 0);
          })
        : theirs;
    xml = replaceList(xml, list, [...ours!, ...moved]);
  }
  if (newFormats.length > 0) {
    const formats = [...ourFormats, ...newFormats];
    const body = `<numFmts count="${formats.length}">${formats.join("")}</numFmts>`;
    xml = /<numFmts\b/.test(xml)
      ? xml.replace(/<numFmts\b[^>]*?(?:\/>|>[\s\S]*?<\/numFmts>)/, body)
      : xml.replace(/(<styleSheet\b[^>]*>)/, `$1${body}`);
  }
  return { xml, xfOffset: offset.cellXfs };
}

/** The shared strings of a package, each as the inner XML of its `<si>` (which an inline `<is>` takes as it is). */
function sharedStrings(xml: string | undefined): string[] {
  return [...(xml ?? "").matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

/**
 * A sheet part made to stand in another package: text as inline strings (the added package's shared
 * strings do not travel), style references moved to where its cell formats now sit, and never
 * selected together with the user's sheet.
 */
function moveSheet(sheet: string, xfOffset: number, strings: readonly string[]): string {
  return sheet
    .replace(
      /<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g,
      (_m, before: string, after: string, index: string) =>
        `<c${before} t="inlineStr"${after}><is>${strings[Number(index)] ?? ""}</is></c>`,
    )
    .replace(
      /<c\b([^>]*?)\st="str"([^>]*)>\s*<v>([\s\S]*?)<\/v>\s*<\/c>/g,
      (_m, before: string, after: string, text: string) =>
        `<c${before} t="inlineStr"${after}><is><t xml:space="preserve">${text}</t></is></c>`,
    )
    .replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g, (_m, head: string, n: string) => `${head}${Number(n) + xfOffset}"`)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, (_m, head: string, n: string) => `${head}${Number(n) + xfOffset}"`)
    .replace(/\stabSelected="1"/g, "");
}

/**
 * The input package with the added workbook's sheets appended after the user's, or undefined when
 * the package is not laid out as this expects (the caller then loads it whole). The names of the parts
 * it wrote (the others are the user's, copied as they are) are added to `written`, to be checked.
 */
export async function appendSheets(
  input: Uint8Array,
  added: XlsxHost,
  written: Set<string> = new Set(),
): Promise<Uint8Array | undefined> {
  const opened = await openZip(input);
  const zip: EditableZip = {
    ...opened,
    setText: (name, text) => {
      written.add(name);
      opened.setText(name, text);
    },
  };
  const part = (z: EditableZip, name: string) => z.text(name);
  const [workbook, rels, types, styles] = await Promise.all(
    ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"].map((n) => part(zip, n)),
  );
  const closes = (xml: string | undefined, tag: string) => xml !== undefined && new RegExp(`</${tag}>`).test(xml);
  if (!closes(workbook, "sheets") || !closes(rels, "Relationships") || !closes(types, "Types") || !styles) return undefined;
  added.created.forEach(fitWrappedRows);
  const extra = await openZip(Buffer.from(await withWritableText(added.workbook, () => added.workbook.xlsx.writeBuffer())));
  const addedStyles = await part(extra, "xl/styles.xml");
  const strings = sharedStrings(await part(extra, "xl/sharedStrings.xml"));
  const merged = addedStyles ? mergeStyles(styles, addedStyles) : undefined;
  if (!merged) return undefined;

  // A prefix declared on the root is in scope for a new <sheet>; one declared on each old <sheet>
  // (openpyxl) is not, so the new element then declares its own.
  const root = /<workbook\b[^>]*>/.exec(workbook!)?.[0] ?? "";
  const prefix = new RegExp(`xmlns:(\\w+)="${RELATIONSHIPS_NS}"`).exec(root)?.[1];
  let sheetId = Math.max(0, ...[...workbook!.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1])));
  let relId = Math.max(0, ...[...rels!.matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1])));
  let partNo = Math.max(0, ...zip.names().map((n) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n)?.[1] ?? 0)));
  let sheetTags = "";
  let relTags = "";
  let typeTags = "";
  const moved = new Map<ExcelJS.Worksheet, string>();
  for (const [i, ws] of added.workbook.worksheets.entries()) {
    const xml = await part(extra, `xl/worksheets/sheet${i + 1}.xml`);
    if (!xml) return undefined;
    const name = `xl/worksheets/sheet${++partNo}.xml`;
    zip.setText(name, moveSheet(xml, merged.xfOffset, strings));
    moved.set(ws, name);
    const rid = `rId${++relId}`;
    const idAttribute = prefix ? `${prefix}:id="${rid}"` : `xmlns:r="${RELATIONSHIPS_NS}" r:id="${rid}"`;
    sheetTags += `<sheet name="${escapeAttribute(xmlSafe(ws.name))}" sheetId="${++sheetId}" ${idAttribute}/>`;
    relTags += `<Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${partNo}.xml"/>`;
    typeTags += `<Override PartName="/${name}" ContentType="${WORKSHEET_CONTENT}"/>`;
  }
  zip.setText("xl/workbook.xml", workbook!.replace(/<\/sheets>/, `${sheetTags}</sheets>`));
  zip.setText("xl/_rels/workbook.xml.rels", rels!.replace(/<\/Relationships>/, `${relTags}</Relationships>`));
  zip.setText("[Content_Types].xml", types!.replace(/<\/Types>/, `${typeTags}</Types>`));
  zip.setText("xl/styles.xml", merged.xml);
  // After the content types naming the sheets: the charts' overrides are added to that list.
  await addHostCharts(zip, added, moved);
  return zip.save("deflate");
}
