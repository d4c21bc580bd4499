import ExcelJS from "exceljs";
import { columnIndex, parseRangeAddress, type RangeRef } from "../core/cell/a1";
import type { CellValue } from "../core/cell/cell-value";
import { formatBilingual, joinBilingual, localize, type Bilingual, type Locale } from "../core/i18n/locale";
import type { ResolvedValidation } from "../core/templates/sheet-blueprint";
import { readMarkCells } from "../core/validate/mark-areas";
import { NOTE_PREFIX, type CellMark } from "../core/validate/marks";
import type { ColumnFormat, FormulaBlock, RangeFormat, SheetWrite, WorkbookHost, WriteBatch } from "../app/workbook-host.port";
import type { GridSheet } from "../hosts/univer/univer-grid";
import type { CellNote, CellStyle, StyledCell } from "../hosts/univer/univer-styles";
import type { SheetSeed } from "../hosts/univer/univer-workbook-data";
import { WORKBENCH_MESSAGES } from "./workbench-messages";

/** What a file held that the grid cannot keep (and so a save would not write back), by kind: how many. */
export type NotKept = Readonly<Partial<Record<NotKeptKind, number>>>;
export type NotKeptKind = "charts" | "images" | "pivotTables" | "conditionalFormats" | "validations" | "notes";

/** What the grid needs to open a file: the values and looks to start from, then everything else as one write. */
export interface OpenedWorkbook {
  readonly seeds: SheetSeed[];
  readonly batch: WriteBatch;
  readonly notKept: NotKept;
}

/**
 * An .xlsx file for the workbench: its values through the xlsx host the entry builds on the loaded
 * workbook (the same reading the command line does); fonts, fills, alignment, merges, notes and hidden
 * sheets as Univer's snapshot (`SheetSeed`); its formulas, column widths, number formats, drop-downs,
 * frozen rows and the add-in's marks as a `WriteBatch` the Univer host applies. What the grid cannot
 * keep (charts, pictures, pivot tables, the user's conditional formats, other validation rules) is
 * counted in `notKept`.
 */
export async function readXlsx(
  bytes: ArrayBuffer,
  hostOf: (workbook: ExcelJS.Workbook) => WorkbookHost,
): Promise<OpenedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  const notKept = new Map<NotKeptKind, number>();
  const count = (kind: NotKeptKind, n = 1) => n > 0 && notKept.set(kind, (notKept.get(kind) ?? 0) + n);
  const looks = await loadTolerantly(workbook, bytes, count);
  const host = hostOf(workbook);
  const { sheets } = await host.readOutline();
  const read = await host.readSheets(sheets);
  const seeds = sheets.map((name): SheetSeed => {
    const found = read.find((s) => s.name === name);
    const values: CellValue[][] = [];
    found?.values.forEach((line, r) => {
      values[found.row + r] = [...Array<CellValue>(found.column).fill(null), ...line];
    });
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    const ws = workbook.getWorksheet(name);
    return { name, values, ...(ws ? looksOf(ws, looks) : {}) };
  });
  return {
    seeds,
    batch: { sheets: workbook.worksheets.map((ws) => sheetExtras(ws, count)) },
    notKept: Object.fromEntries(notKept),
  };
}

/** The one sentence that names what an opened file held and the grid could not keep; undefined when nothing. */
export function notKeptSentence(notKept: NotKept, file: string, locale: Locale): string | undefined {
  const items = (Object.keys(NOT_KEPT_WORDS) as NotKeptKind[]).flatMap((kind) => {
    const count = notKept[kind] ?? 0;
    return count > 0 ? [formatBilingual(NOT_KEPT_WORDS[kind], { count })] : [];
  });
  if (items.length === 0) return undefined;
  const list = joinBilingual(items, WORKBENCH_MESSAGES.workbenchListSeparator);
  return localize(WORKBENCH_MESSAGES.workbenchOpenNotKept, locale, { file, items: list });
}

const NOT_KEPT_WORDS: Readonly<Record<NotKeptKind, Bilingual>> = {
  charts: WORKBENCH_MESSAGES.workbenchNotKeptCharts,
  images: WORKBENCH_MESSAGES.workbenchNotKeptImages,
  pivotTables: WORKBENCH_MESSAGES.workbenchNotKeptPivotTables,
  conditionalFormats: WORKBENCH_MESSAGES.workbenchNotKeptConditionalFormats,
  validations: WORKBENCH_MESSAGES.workbenchNotKeptValidations,
  notes: WORKBENCH_MESSAGES.workbenchNotKeptNotes,
};

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

/** The parts of ExcelJS's package model, between reading the parts and tying them together, that are looked at here. */
interface PackageModel {
  worksheetRels?: Record<string, Relationship[] | undefined>;
  drawings?: Record<string, unknown>;
  drawingRels?: Record<string, Relationship[] | undefined>;
  comments?: Record<string, unknown>;
  tables?: Record<string, unknown>;
  /** The file's styles: the first font is the workbook's default. */
  styles?: { model?: { fonts?: Partial<ExcelJS.Font>[] } };
  /** The themes' XML by name ("theme1"). */
  themes?: Record<string, unknown>;
}

/** What a file's cells are read against: its default font and its theme's colours. */
interface FileLooks {
  /** The workbook's default font: only fonts other than it are carried (every styled cell of a file names one). */
  readonly font: { readonly name?: string; readonly size?: number };
  /** "#RRGGBB" by theme colour index (Excel's order: light 1, dark 1, light 2, dark 2, accents 1-6, links). */
  readonly theme: readonly (string | undefined)[];
}

/**
 * Loads a package with ExcelJS, counting the charts, pictures and pivot tables the grid cannot keep and
 * tolerating what ExcelJS 4.4 cannot tie together: relationship targets written as absolute part names
 * and drawings without the `xdr:` prefix (both as openpyxl writes them), and notes in a part ExcelJS does
 * not look for (openpyxl's `xl/comments/comment1.xml`: counted as notes not kept). Without this, such a
 * file fails to open ("Cannot read properties of undefined (reading 'anchors')"). ExcelJS's browser build
 * and its Node one both tie the parts together in `XLSX.reconcile(model)`, which this wraps (and where
 * the workbook's default font and theme colours are read).
 */
async function loadTolerantly(
  workbook: ExcelJS.Workbook,
  bytes: ArrayBuffer,
  count: (kind: NotKeptKind, n?: number) => void,
): Promise<FileLooks> {
  const xlsx = workbook.xlsx as unknown as { reconcile(model: PackageModel, options: unknown): void };
  const reconcile = xlsx.reconcile.bind(xlsx);
  let font: Partial<ExcelJS.Font> | undefined;
  let theme: unknown;
  xlsx.reconcile = (model, options) => {
    font = model.styles?.model?.fonts?.[0];
    theme = model.themes?.theme1 ?? Object.values(model.themes ?? {})[0];
    preparePackage(model, count);
    reconcile(model, options);
  };
  await workbook.xlsx.load(bytes);
  return {
    font: { ...(font?.name ? { name: font.name } : {}), ...(font?.size ? { size: font.size } : {}) },
    theme: typeof theme === "string" ? themeColors(theme) : [],
  };
}

const THEME_ORDER = [
  "lt1",
  "dk1",
  "lt2",
  "dk2",
  "accent1",
  "accent2",
  "accent3",
  "accent4",
  "accent5",
  "accent6",
  "hlink",
  "folHlink",
];

/** A theme's colour scheme by Excel's theme index: each slot's `srgbClr`, or a system colour's last value. */
function themeColors(xml: string): (string | undefined)[] {
  return THEME_ORDER.map((slot) => {
    const body = new RegExp(`<a:${slot}>([\\s\\S]*?)</a:${slot}>`).exec(xml)?.[1] ?? "";
    const hex = /<a:srgbClr\b[^>]*\bval="([0-9A-Fa-f]{6})"/.exec(body)?.[1] ?? /\blastClr="([0-9A-Fa-f]{6})"/.exec(body)?.[1];
    return hex ? `#${hex.toUpperCase()}` : undefined;
  });
}

/** A colour lightened (tint > 0) or darkened (tint < 0) as Excel applies a theme colour's tint: on its HSL lightness. */
function tinted(hex: string, tint: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((((h % 6) + 6) % 6) % 2) - 1));
  const m = l - c / 2;
  const sector = Math.floor(((h % 6) + 6) % 6);
  const [r1, g1, b1] = [
    [c, x, 0],
    [x, c, 0],
    [0, c, x],
    [0, x, c],
    [x, 0, c],
    [c, 0, x],
  ][sector];
  return `#${[r1, g1, b1]
    .map((v) =>
      Math.round(Math.min(1, Math.max(0, v + m)) * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase()}`;
}

const RELATIONSHIP_KIND = /\/relationships\/(drawing|pivotTable|comments|table|chart|image)$/;

function preparePackage(model: PackageModel, count: (kind: NotKeptKind, n?: number) => void): void {
  // Every part with relationships that ExcelJS reads sits one folder under xl/ (worksheets, drawings).
  const relative = (rels: Relationship[] | undefined) =>
    rels?.forEach((rel) => (rel.Target = rel.Target.replace(/^\/xl\//, "../")));
  Object.values(model.drawingRels ?? {}).forEach(relative);
  for (const [sheetNo, rels] of Object.entries(model.worksheetRels ?? {})) {
    relative(rels);
    const kept = (rels ?? []).filter((rel) => {
      const kind = RELATIONSHIP_KIND.exec(rel.Type)?.[1];
      if (kind === "pivotTable") count("pivotTables");
      if (kind === "comments" && !model.comments?.[rel.Target]) {
        count("notes");
        return false;
      }
      if (kind === "table" && !model.tables?.[rel.Target]) return false;
      if (kind === "drawing") {
        const name = /\/drawings\/([a-zA-Z0-9]+)\.xml$/.exec(rel.Target)?.[1];
        if (!name) return false;
        const parts = model.drawingRels?.[name] ?? [];
        count("charts", parts.filter((p) => RELATIONSHIP_KIND.exec(p.Type)?.[1] === "chart").length);
        count("images", parts.filter((p) => RELATIONSHIP_KIND.exec(p.Type)?.[1] === "image").length);
        if (model.drawings && !model.drawings[name]) model.drawings[name] = { anchors: [] };
      }
      return true;
    });
    if (model.worksheetRels && rels) model.worksheetRels[sheetNo] = kept;
  }
}

/** A sheet's fonts, fills, alignment, merges, notes and hidden state, for Univer's snapshot. */
function looksOf(ws: ExcelJS.Worksheet, file: FileLooks): Omit<SheetSeed, "name" | "values"> {
  const styles: StyledCell[] = [];
  const notes: CellNote[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const style = cellStyle(cell, file);
      if (style) styles.push({ row: r - 1, column: c - 1, style });
      const note = noteText(cell.note);
      // The add-in's own notes go with its marks: the pane lists the messages again when the file is checked.
      if (note && !note.startsWith(NOTE_PREFIX)) notes.push({ row: r - 1, column: c - 1, text: note });
    }),
  );
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).flatMap((address) => {
    const range = parseRangeAddress(address.replace(/\$/g, ""));
    return range ? [range] : [];
  });
  return { styles, merges, notes, ...(ws.state === "hidden" || ws.state === "veryHidden" ? { hidden: true } : {}) };
}

function noteText(note: ExcelJS.Cell["note"]): string | undefined {
  if (typeof note === "string") return note;
  const texts = (note as ExcelJS.Comment | undefined)?.texts;
  return texts ? texts.map((t) => t.text).join("") : undefined;
}

/** "#RRGGBB" from an ExcelJS colour: its ARGB, or its theme colour with its tint (indexed colours are left out). */
function colorOf(color: Partial<ExcelJS.Color> | undefined, theme: FileLooks["theme"]): string | undefined {
  const hex = /^(?:[0-9A-F]{2})?([0-9A-F]{6})$/i.exec(color?.argb ?? "");
  if (hex) return `#${hex[1].toUpperCase()}`;
  const base = color?.theme !== undefined ? theme[color.theme] : undefined;
  const tint = (color as { tint?: number } | undefined)?.tint ?? 0;
  return base && tint !== 0 ? tinted(base, tint) : base;
}

function cellStyle(cell: ExcelJS.Cell, file: FileLooks): CellStyle | undefined {
  const usual = file.font;
  const font: Partial<ExcelJS.Font> = cell.font ?? {};
  const fill =
    cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? colorOf(cell.fill.fgColor, file.theme) : undefined;
  const fontColor = colorOf(font.color, file.theme);
  const alignment: Partial<ExcelJS.Alignment> = cell.alignment ?? {};
  const horizontal = (["left", "center", "right"] as const).find((h) => h === alignment.horizontal);
  const vertical = (["top", "middle", "bottom"] as const).find((v) => v === alignment.vertical);
  const style: CellStyle = {
    ...(font.bold ? { bold: true } : {}),
    ...(font.italic ? { italic: true } : {}),
    ...(font.underline ? { underline: true } : {}),
    ...(font.strike ? { strike: true } : {}),
    ...(font.name && font.name !== usual.name ? { fontName: font.name } : {}),
    ...(font.size && font.size !== usual.size ? { fontSize: font.size } : {}),
    ...(fontColor && fontColor !== "#000000" ? { fontColor } : {}),
    ...(fill ? { fill } : {}),
    ...(alignment.wrapText ? { wrap: true } : {}),
    ...(horizontal ? { horizontal } : {}),
    ...(vertical ? { vertical } : {}),
  };
  return Object.keys(style).length > 0 ? style : undefined;
}

interface ConditionalFormattingModel {
  ref: string;
  rules: { formulae?: unknown[] }[];
}

/** The add-in's marks among a sheet's conditional formats; the user's own rules are counted as not kept. */
function marksOf(ws: ExcelJS.Worksheet, count: (kind: NotKeptKind, n?: number) => void): CellMark[] {
  const formattings = (ws as unknown as { conditionalFormattings?: ConditionalFormattingModel[] }).conditionalFormattings ?? [];
  return formattings.flatMap((cf) =>
    cf.rules.flatMap((rule) => {
      const formula = rule.formulae?.[0];
      const mark = typeof formula === "string" ? readMarkCells(`=${formula.replace(/^=/, "")}`) : undefined;
      if (!mark) {
        count("conditionalFormats");
        return [];
      }
      return mark.cells.map((cell) => ({ row: cell.row, column: cell.column, severity: mark.tone, note: "" }));
    }),
  );
}

function sheetExtras(ws: ExcelJS.Worksheet, count: (kind: NotKeptKind, n?: number) => void): SheetWrite {
  const formulas: FormulaBlock[] = [];
  const formats: RangeFormat[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.formula) formulas.push({ row: r - 1, column: c - 1, formulas: [[`=${cell.formula}`]] });
      if (cell.numFmt && cell.numFmt !== "General") {
        formats.push({ range: { row: r - 1, column: c - 1, rowCount: 1, columnCount: 1 }, numberFormat: cell.numFmt });
      }
    });
  });
  const columns: ColumnFormat[] = [];
  (ws.columns ?? []).forEach((column, c) => {
    if (column?.width) columns.push({ column: c, width: column.width });
  });
  columns.push(...validationsOf(ws, count));
  const ySplit = (ws.views?.[0] as { state?: string; ySplit?: number } | undefined)?.ySplit;
  const marks = marksOf(ws, count);
  return {
    sheet: ws.name,
    formulas,
    formats,
    columns,
    ...(ySplit ? { freezeRows: ySplit } : {}),
    ...(marks.length > 0 ? { marks: { remove: [], add: marks } } : {}),
  };
}

interface ExcelJsValidationModel {
  type?: string;
  operator?: string;
  formulae?: unknown[];
  prompt?: string;
  errorStyle?: string;
}

/** The drop-downs and number limits of a sheet, one column at a time (other kinds are counted as not kept). */
function validationsOf(ws: ExcelJS.Worksheet, count: (kind: NotKeptKind, n?: number) => void): ColumnFormat[] {
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJsValidationModel> } }).dataValidations
    ?.model;
  const out: ColumnFormat[] = [];
  for (const [address, rule] of Object.entries(model ?? {})) {
    const validation = resolved(rule);
    if (!validation) count("validations");
    for (const part of address.split(/\s+/)) {
      const range = parseRangeAddress(part.replace(/\$/g, "")) ?? cellRange(part);
      if (!validation || !range) continue;
      for (let c = 0; c < range.columnCount; c++) {
        out.push({
          column: range.column + c,
          validation,
          prompt: rule.prompt,
          rows: { row: range.row, rowCount: range.rowCount },
        });
      }
    }
  }
  return out;
}

function cellRange(address: string): RangeRef | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  return m ? { row: Number(m[2]) - 1, column: columnIndex(m[1]), rowCount: 1, columnCount: 1 } : undefined;
}

function resolved(rule: ExcelJsValidationModel): ResolvedValidation | undefined {
  const first = rule.formulae?.[0];
  if (rule.type === "list" && typeof first === "string" && /^".*"$/.test(first)) {
    return {
      kind: "list",
      values: first.slice(1, -1).split(","),
      ...(rule.errorStyle === "warning" ? { allowOther: true } : {}),
    };
  }
  if (rule.type === "date") return { kind: "date" };
  if (rule.type === "whole" || rule.type === "decimal") {
    const kind = rule.type === "whole" ? "wholeNumber" : "decimal";
    const [a, b] = (rule.formulae ?? []).map(Number);
    if (rule.operator === "between" && Number.isFinite(a) && Number.isFinite(b)) return { kind, min: a, max: b };
    if (rule.operator === "lessThanOrEqual" && Number.isFinite(a)) return { kind, max: a };
    if (Number.isFinite(a)) return { kind, min: a };
  }
  return undefined;
}

/**
 * Saves what the grid holds as .xlsx through a new xlsx host the entry builds: the same writer as the
 * command line, so text stays text, formulas are saved with their results and recalculated on open.
 * What the port carries goes through it (widths, number formats, drop-downs, frozen rows, the hidden
 * settings sheet, the add-in's marks as the conditional formats the add-in finds again, the report's
 * charts where the xlsx host draws them); how the cells look (fonts, fills, alignment), merges and the
 * user's notes are copied onto the ExcelJS workbook after it, as the formula results are.
 */
export async function writeXlsx(
  sheets: readonly GridSheet[],
  host: WorkbookHost & { readonly workbook: ExcelJS.Workbook; packageBytes(): Promise<Uint8Array> },
): Promise<Uint8Array> {
  await host.write({
    sheets: sheets.map((s) => ({
      sheet: s.name,
      create: true,
      // Formula cells get their formula below, and then their result.
      values: s.values.length > 0 ? [{ row: 0, column: 0, values: rectangular(s.values, s.formulas) }] : [],
      formulas: s.formulas.length > 0 ? [{ row: 0, column: 0, formulas: s.formulas }] : [],
      columns: [
        ...s.widths.map((width, column) => ({ column, width })),
        ...s.validations.map((v) => ({
          column: v.range.column,
          validation: v.rule,
          prompt: v.prompt,
          rows: { row: v.range.row, rowCount: v.range.rowCount },
        })),
      ],
      formats: s.numberFormats.flatMap((line, row) =>
        line.flatMap((numberFormat, column) =>
          numberFormat ? [{ range: { row, column, rowCount: 1, columnCount: 1 }, numberFormat }] : [],
        ),
      ),
      ...(s.frozenRows > 0 ? { freezeRows: s.frozenRows } : {}),
      ...(s.hidden ? { hidden: true } : {}),
      // The grid keeps no messages: the saved marks carry none (the pane lists them when the file is checked again).
      ...(s.marks.length > 0
        ? { marks: { remove: [], add: s.marks.map((m) => ({ row: m.row, column: m.column, severity: m.tone, note: "" })) } }
        : {}),
      ...(s.charts.length > 0 ? { charts: s.charts } : {}),
    })),
  });
  for (const s of sheets) {
    const ws = host.workbook.getWorksheet(s.name);
    if (!ws) continue;
    // Results saved beside the formulas, so readers that do not calculate (the command line) see them.
    s.formulas.forEach((line, r) =>
      line.forEach((formula, c) => {
        const result = s.values[r]?.[c];
        if (formula && result !== null && result !== undefined)
          ws.getCell(r + 1, c + 1).value = { formula: formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
      }),
    );
    copyLook(ws, s);
  }
  host.workbook.calcProperties = { fullCalcOnLoad: true };
  // The package with the report's charts added (ExcelJS writes none).
  return host.packageBytes();
}

/** The grid's fonts, fills, alignment, merges and the user's notes onto the saved sheet. */
function copyLook(ws: ExcelJS.Worksheet, sheet: GridSheet): void {
  for (const { row, column, style } of sheet.styles) {
    const cell = ws.getCell(row + 1, column + 1);
    const font = excelFont(style);
    if (font) cell.font = { ...(cell.font ?? {}), ...font };
    if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    const alignment = excelAlignment(style);
    if (alignment) cell.alignment = { ...(cell.alignment ?? {}), ...alignment };
  }
  for (const m of sheet.merges) {
    if (m.rowCount * m.columnCount > 1) ws.mergeCells(m.row + 1, m.column + 1, m.row + m.rowCount, m.column + m.columnCount);
  }
  for (const { row, column, text } of sheet.notes) {
    const cell = ws.getCell(row + 1, column + 1);
    if (cell.note === undefined || cell.note === null) cell.note = text;
  }
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function excelFont(style: CellStyle): Partial<ExcelJS.Font> | undefined {
  const font: Partial<ExcelJS.Font> = {
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.underline ? { underline: true } : {}),
    ...(style.strike ? { strike: true } : {}),
    ...(style.fontName ? { name: style.fontName } : {}),
    ...(style.fontSize ? { size: style.fontSize } : {}),
    ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
  };
  return Object.keys(font).length > 0 ? font : undefined;
}

function excelAlignment(style: CellStyle): Partial<ExcelJS.Alignment> | undefined {
  const alignment: Partial<ExcelJS.Alignment> = {
    ...(style.wrap ? { wrapText: true } : {}),
    ...(style.horizontal ? { horizontal: style.horizontal } : {}),
    ...(style.vertical ? { vertical: style.vertical } : {}),
  };
  return Object.keys(alignment).length > 0 ? alignment : undefined;
}

function rectangular(
  values: readonly (readonly CellValue[])[],
  formulas: readonly (readonly (string | null)[])[],
): CellValue[][] {
  const width = Math.max(0, ...values.map((line) => line.length));
  return values.map((line, r) => Array.from({ length: width }, (_v, c) => (formulas[r]?.[c] ? null : (line[c] ?? null))));
}
