import path from "node:path";
import { columnLetter } from "../../core/cell/a1";
import type { EditableZip } from "./zip-package";
import { attributes, isSpace, MAX_ROW, readAttributes, reference, referenceColumn } from "./xml-positions";

/*
 * What ExcelJS 4.4's load (--out) needs of a package that ECMA-376 lets a writer leave out, put in
 * before the load so that nothing the user wrote is lost or crashes it:
 * - a row's or a cell's reference (`r`) is optional: a row without one follows the row before, a cell
 *   the cell before (the values reader numbers them so). ExcelJS fails on them ("Invalid row number in
 *   model", "reading 'col'"), so they are written out (`ReferenceFiller`);
 * - a note (comment) may sit on a cell that is not in `<sheetData>` at all (Excel's and ExcelJS's own
 *   files: a finding's note on an empty cell), or on an empty cell without a style (openpyxl's). ExcelJS
 *   attaches notes only to the cells it keeps, and keeps no empty cell without a style, so such a cell
 *   is added, empty, and given a style ExcelJS keeps and reads as none (`NO_STYLE`);
 * - a note's text may be one plain `<t>` (openpyxl's); ExcelJS reads runs only (`plainTextAsRuns`);
 * - ExcelJS finds notes only in parts named as it names them (`xl/comments1.xml`,
 *   `xl/drawings/vmlDrawing1.vml`) and fails on a sheet whose notes are elsewhere (openpyxl's
 *   `xl/comments/comment1.xml`: "reading 'comments'"), so those parts are renamed, their
 *   relationships with them; a relationship to a part that is not there is dropped (nothing to lose).
 * Why before the load rather than notes put back after it from the comments parts: rows and cells
 * without references must be numbered before the load anyway (ExcelJS fails on them), and the same
 * streamed pass adds the noted cells, so ExcelJS parses the notes itself (their runs and fonts kept).
 * Measured on a 32 MB sheet (100,000 rows, monthly --out): the check pass looking for missing references
 * takes 0.45 s more (0.57 s to 1.0 s); rewriting the sheet 0.9 s; the command's peak is that of a file
 * that needs nothing (1.26-1.53 GB over runs, the same spread as before the change).
 */

/** A worksheet as ExcelJS 4.4 finds it (xlsx.js: by this name only), and its notes and their drawing. */
export const EXCELJS_WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const EXCELJS_COMMENTS = /^xl\/comments\d+\.xml$/;
const EXCELJS_VML = /^xl\/drawings\/vmlDrawing\d+\.vml$/;
const COMMENTS_TYPE = /\/relationships\/comments$/;
const VML_TYPE = /\/relationships\/vmlDrawing$/;

/** Past this, text with no `>` is no tag of a sheet's data: passed on as it is, not carried. */
const MAX_CARRY = 1024 * 1024;

/** Columns by row (both 1-based): the cells a sheet's notes sit on that its XML has not shown yet. */
export type NotedCells = Map<number, Set<number>>;

/**
 * A worksheet's XML passed through piece by piece (as Latin-1: one character a byte, and the markup is
 * ASCII), each `<row>` and `<c>` given the reference it implies when it has none (or one that is no
 * reference), and the cells of `notes` the sheet does not hold added, empty, in their row (or in a new
 * row at the end of `<sheetData>`). A row without a reference takes its first cell's row, when that cell
 * has one, else the row after the last (as the values reader reads it), so its tag waits for that
 * cell. Without `emit` nothing is written: `changed` says whether anything would be.
 */
export class ReferenceFiller {
  private carry = "";
  /** Where the scan goes on in `carry` (before it: scanned, kept for a row whose reference waits). */
  private scanFrom = 0;
  /** Where in `carry` the waiting row's reference goes, -1 when none waits: its wrong value's end, or -1 to add one. */
  private waitingAt = -1;
  private waitingEnd = -1;
  private phase: "before" | "data" | "after" = "before";
  private prefix = "";
  /** The last row and column read (1-based; 0 before the first). */
  private row = 0;
  private column = 0;
  /** The open `<row>` element's number. */
  private rowElement = 0;
  /** This piece's output, joined once it is done. */
  private out: string[] = [];
  private emitted = 0;
  /** Whether the sheet's XML changes (a reference written or a cell added). */
  changed = false;

  constructor(
    private readonly notes: NotedCells = new Map(),
    private readonly emit?: (text: string) => void,
  ) {}

  push(text: string): void {
    if (!this.emit && this.changed) return; // a check: the answer is known
    const s = this.carry + text;
    this.out = [];
    this.emitted = 0;
    let pos = this.scanFrom;
    if (this.phase === "before") pos = this.findSheetData(s, pos);
    if (this.phase === "data") pos = this.scan(s, pos);
    else if (this.phase === "after") pos = s.length;
    // Kept: from the waiting row's reference, or from a tag cut off by the end of this piece.
    let keep = this.waitingAt >= 0 ? this.waitingAt : pos;
    if (s.length - keep > MAX_CARRY) {
      if (this.waitingAt >= 0) this.settleRow(s, this.row + 1);
      keep = s.length - pos > MAX_CARRY ? s.length : pos;
      pos = keep;
    }
    this.write(s, this.emitted, keep);
    this.carry = s.slice(keep);
    this.scanFrom = pos - keep;
    if (this.waitingAt >= 0) {
      this.waitingAt -= keep;
      if (this.waitingEnd >= 0) this.waitingEnd -= keep;
    }
    if (this.emit && this.out.length > 0) this.emit(this.out.join(""));
  }

  /** The end of the part: a row still waiting takes the row after the last. */
  finish(): void {
    this.out = [];
    this.emitted = 0;
    const s = this.carry;
    if (this.waitingAt >= 0) this.settleRow(s, this.row + 1);
    this.write(s, this.emitted, s.length);
    this.carry = "";
    if (this.emit && this.out.length > 0) this.emit(this.out.join(""));
  }

  /** Writes s[from, to) (nothing is kept without `emit`). */
  private write(s: string, from: number, to: number): void {
    if (this.emit && to > from) this.out.push(s.slice(from, to));
  }

  /** Writes s[emitted, from) then `text` in place of s[from, to). */
  private edit(s: string, from: number, to: number, text: string): void {
    this.write(s, this.emitted, from);
    if (this.emit) this.out.push(text);
    this.emitted = to;
    this.changed = true;
  }

  private findSheetData(s: string, pos: number): number {
    SHEET_DATA.lastIndex = pos;
    const start = SHEET_DATA.exec(s);
    if (!start) {
      const lt = s.lastIndexOf("<");
      return lt >= pos ? lt : s.length;
    }
    this.prefix = start[1] ?? "";
    const end = start.index + start[0].length;
    if (start[2] !== "/") {
      this.phase = "data";
      return end;
    }
    this.phase = "after"; // <sheetData/>: the noted cells make its rows
    const rows = this.remainingRows();
    if (rows !== "") this.edit(s, start.index, end, `<${this.prefix}sheetData>${rows}</${this.prefix}sheetData>`);
    return s.length;
  }

  /** Reads tags from `pos`; returns where reading stopped (a tag cut off, or the end). */
  private scan(s: string, pos: number): number {
    for (;;) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) return s.length;
      const gt = s.indexOf(">", lt);
      if (gt < 0) return lt;
      pos = gt + 1;
      const closing = s.charCodeAt(lt + 1) === SLASH;
      const nameStart = closing ? lt + 2 : lt + 1;
      let nameEnd = nameStart;
      let local = nameStart;
      for (let code = s.charCodeAt(nameEnd); nameEnd < gt && !isSpace(code) && code !== SLASH; code = s.charCodeAt(++nameEnd)) {
        if (code === COLON) local = nameEnd + 1;
      }
      const length = nameEnd - local;
      if (closing) {
        if (length === 3 && s.startsWith("row", local)) {
          if (this.waitingAt >= 0) this.settleRow(s, this.row + 1);
          const cells = this.remainingCells(this.rowElement);
          if (cells !== "") this.edit(s, lt, lt, cells);
        } else if (length === 9 && s.startsWith("sheetData", local)) {
          if (this.waitingAt >= 0) this.settleRow(s, this.row + 1);
          const rows = this.remainingRows();
          if (rows !== "") this.edit(s, lt, lt, rows);
          this.phase = "after";
          return s.length;
        }
        continue;
      }
      const selfClosing = s.charCodeAt(gt - 1) === SLASH;
      if (length === 3 && s.startsWith("row", local)) {
        if (this.waitingAt >= 0) this.settleRow(s, this.row + 1);
        readAttributes(s, nameEnd, gt);
        const has = attributes.r >= 0;
        const r = has ? rowNumber(s, attributes.r, attributes.rEnd) : 0;
        if (r > 0) {
          this.row = this.rowElement = r;
          this.column = 0;
        } else {
          this.waitingAt = has ? attributes.r : nameEnd;
          this.waitingEnd = has ? attributes.rEnd : -1;
          if (selfClosing) this.settleRow(s, this.row + 1);
          else if (!this.emit) this.changed = true;
        }
        if (selfClosing) {
          const cells = this.remainingCells(this.rowElement);
          if (cells !== "") this.edit(s, gt - 1, gt + 1, `>${cells}</${s.slice(nameStart, local)}row>`);
        }
        continue;
      }
      if (length !== 1 || s.charCodeAt(local) !== C) continue;
      const tagEnd = selfClosing ? gt - 1 : gt;
      readAttributes(s, nameEnd, tagEnd);
      const has = attributes.r >= 0;
      const [rFrom, rTo, sFrom, sTo] = [attributes.r, attributes.rEnd, attributes.s, attributes.sEnd];
      const column = has ? referenceColumn(s, rFrom, rTo) + 1 : 0;
      if (this.waitingAt >= 0) this.settleRow(s, column > 0 ? reference.row + 1 : this.row + 1);
      const edits: [number, number, string][] = [];
      if (column > 0) {
        this.row = reference.row + 1;
        this.column = column;
      } else {
        if (this.row === 0) this.row = 1;
        this.column += 1;
        const ref = columnLetter(this.column - 1) + this.row;
        edits.push(has ? [rFrom, rTo, ref] : [nameEnd, nameEnd, ` r="${ref}"`]);
      }
      if (this.notes.get(this.row)?.delete(this.column)) {
        // A noted cell without a style: ExcelJS would drop it, and its note, when it holds no value.
        if (sFrom < 0) edits.push([nameEnd, nameEnd, ` s="${NO_STYLE}"`]);
        else if (!(decimal(s, sFrom, sTo) > 0)) edits.push([sFrom, sTo, String(NO_STYLE)]);
      }
      for (const [from, to, text] of edits.sort((a, b) => a[0] - b[0])) this.edit(s, from, to, text);
    }
  }

  /** Gives the waiting row its number `n`: written where its reference goes. */
  private settleRow(s: string, n: number): void {
    const at = this.waitingAt;
    this.waitingAt = -1;
    if (this.waitingEnd >= 0) this.edit(s, at, this.waitingEnd, String(n));
    else this.edit(s, at, at, ` r="${n}"`);
    this.row = this.rowElement = n;
    this.column = 0;
  }

  /** The noted cells of row `n` the sheet has not shown, as empty cells (then forgotten). */
  private remainingCells(n: number): string {
    const columns = this.notes.get(n);
    if (!columns || columns.size === 0) return "";
    this.notes.delete(n);
    return [...columns]
      .sort((a, b) => a - b)
      .map((column) => `<${this.prefix}c r="${columnLetter(column - 1)}${n}" s="${NO_STYLE}"/>`)
      .join("");
  }

  /** The rows of noted cells the sheet has no row for. */
  private remainingRows(): string {
    return [...this.notes.keys()]
      .sort((a, b) => a - b)
      .map((n) => {
        const cells = this.remainingCells(n);
        return cells === "" ? "" : `<${this.prefix}row r="${n}">${cells}</${this.prefix}row>`;
      })
      .join("");
  }
}

/**
 * Shapes the package for ExcelJS's load (see above), in place. `numberless` names the worksheets
 * with a row or cell without its reference (found while the package was checked: `ReferenceFiller`
 * without output); a sheet with notes is read once more, keeping nothing, to see whether each noted
 * cell is there. Only a sheet that changes is rewritten, streamed into one buffer (the load reads the
 * part whole anyway). Whether anything changed.
 */
export async function shapeForExcelJs(zip: EditableZip, numberless: ReadonlySet<string>): Promise<boolean> {
  let changed = false;
  const taken = new Set(zip.names());
  const moved = new Map<string, string>();
  for (const sheet of zip.names().filter((name) => EXCELJS_WORKSHEET.test(name))) {
    const relsName = path.posix.join(path.posix.dirname(sheet), "_rels", `${path.posix.basename(sheet)}.rels`);
    const rels = await zip.text(relsName);
    let comments: string | undefined;
    if (rels !== undefined) {
      const named = await nameNoteParts(zip, sheet, rels, taken, moved);
      if (named.rels !== rels) {
        zip.setText(relsName, named.rels);
        changed = true;
      }
      comments = named.comments;
    }
    let notes: NotedCells = new Map();
    if (comments !== undefined) {
      const xml = (await zip.text(comments)) ?? "";
      const runs = plainTextAsRuns(xml);
      if (runs !== xml) {
        zip.setText(comments, runs);
        changed = true;
      }
      notes = notedCells(xml);
    }
    if (!numberless.has(sheet) && (notes.size === 0 || !(await fillReferences(zip, sheet, copyOf(notes), false)))) continue;
    await fillReferences(zip, sheet, notes, true);
    changed = true;
  }
  return changed;
}

/** Passes the sheet through a `ReferenceFiller`; writes the result back when `write`. Whether it changed. */
async function fillReferences(zip: EditableZip, sheet: string, notes: NotedCells, write: boolean): Promise<boolean> {
  const pieces: Buffer[] = [];
  const filler = new ReferenceFiller(notes, write ? (text) => pieces.push(Buffer.from(text, "latin1")) : undefined);
  await zip.stream(sheet, (chunk) =>
    filler.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1")),
  );
  filler.finish();
  if (write) zip.setBytes(sheet, Buffer.concat(pieces));
  return filler.changed;
}

const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b[^>]*>/g;
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(["'])([^"']*)\\1`).exec(tag)?.[2];

/**
 * The sheet's relationships with its notes part and their drawing renamed as ExcelJS names them (the
 * parts moved too; `moved` remembers a part another sheet may name), and those to a part that is not
 * there dropped; and the notes part's name.
 */
async function nameNoteParts(
  zip: EditableZip,
  sheet: string,
  rels: string,
  taken: Set<string>,
  moved: Map<string, string>,
): Promise<{ rels: string; comments?: string }> {
  let comments: string | undefined;
  const replacements: [string, string][] = [];
  for (const tag of rels.match(RELATIONSHIP) ?? []) {
    const type = attribute(tag, "Type") ?? "";
    const kind = COMMENTS_TYPE.test(type) ? "comments" : VML_TYPE.test(type) ? "vml" : undefined;
    const target = attribute(tag, "Target");
    if (kind === undefined || target === undefined || /\bTargetMode\s*=\s*["']External/.test(tag)) continue;
    let part = target.startsWith("/") ? target.slice(1) : path.posix.join(path.posix.dirname(sheet), target);
    part = moved.get(part) ?? part;
    if (!zip.has(part)) {
      replacements.push([tag, ""]); // ExcelJS would look for it and fail; there is nothing in it to keep
      continue;
    }
    const [pattern, folder, stem, extension] =
      kind === "comments" ? [EXCELJS_COMMENTS, "xl", "comments", "xml"] : [EXCELJS_VML, "xl/drawings", "vmlDrawing", "vml"];
    if (!pattern.test(part)) {
      let n = 1;
      while (taken.has(`${folder}/${stem}${n}.${extension}`)) n++;
      const name = `${folder}/${stem}${n}.${extension}`;
      zip.setBytes(name, (await zip.bytes(part)) as Uint8Array);
      zip.remove(part);
      taken.add(name);
      moved.set(part, name);
      part = name;
    }
    if (kind === "comments") comments = part;
    // ExcelJS looks the part up by the target as written, relative to xl/worksheets/.
    const wanted = path.posix.relative("xl/worksheets", part);
    if (target !== wanted) replacements.push([tag, tag.replace(/(\sTarget\s*=\s*)(["'])[^"']*\2/, `$1"${wanted}"`)]);
  }
  let fixed = rels;
  for (const [tag, replacement] of replacements) fixed = fixed.replace(tag, replacement);
  return { rels: fixed, comments };
}

/**
 * A note's text written as one plain `<t>` (ECMA-376 allows it; openpyxl writes it so) put in a run,
 * `<r><t>..</t></r>`: ExcelJS 4.4 reads a note's runs only, and would load such a note empty.
 */
export function plainTextAsRuns(xml: string): string {
  return xml.replace(NOTE_TEXT, (text: string, open: string, prefix: string | undefined, inner: string, close: string) => {
    const p = prefix ?? "";
    const fixed = inner.replace(RUN_OR_PLAIN, (piece: string, run: string | undefined) =>
      run === undefined ? `<${p}r>${piece}</${p}r>` : piece,
    );
    return fixed === inner ? text : open + fixed + close;
  });
}

const NOTE_TEXT = /(<([\w.-]+:)?text\b[^>]*(?<!\/)>)([\s\S]*?)(<\/(?:[\w.-]+:)?text>)/g;
/** In a note's text: a run or phonetic run whole (its `<t>` stays), or a plain `<t>`. */
const RUN_OR_PLAIN =
  /<(?:[\w.-]+:)?(r|rPh)\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?\1>)|<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?t>)/g;

/** The cells a notes part (`xl/comments1.xml`) puts notes on. */
export function notedCells(xml: string): NotedCells {
  const cells: NotedCells = new Map();
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?comment\b[^>]*?\sref\s*=\s*(["'])([^"']*)\1/g)) {
    const ref = match[2];
    const column = referenceColumn(ref, 0, ref.length) + 1;
    if (column === 0) continue;
    const rowNumber = reference.row + 1;
    const row = cells.get(rowNumber) ?? new Set<number>();
    row.add(column);
    cells.set(rowNumber, row);
  }
  return cells;
}

function copyOf(notes: NotedCells): NotedCells {
  return new Map([...notes].map(([row, columns]) => [row, new Set(columns)]));
}

const SHEET_DATA = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/g;
const SLASH = 47;
const COLON = 58;
const C = 99;

/**
 * The style given to a noted cell that has none. ExcelJS 4.4 drops an empty cell whose style is 0 or
 * absent (it reads it as part of a merge), with its note; it keeps one with any other style, and reads
 * a style that does not exist as none (styles-xform getStyleModel). No file has this many styles.
 */
const NO_STYLE = 2 ** 31 - 1;

/** The digits in s[start, end) as a number; NaN when there are none or anything else is there. */
function decimal(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) return NaN;
    n = n * 10 + (code - 48);
  }
  return end > start ? n : NaN;
}

/** A row number (1 to 1,048,576) in s[start, end), or 0. */
function rowNumber(s: string, start: number, end: number): number {
  const n = decimal(s, start, end);
  return n >= 1 && n <= MAX_ROW ? n : 0;
}
