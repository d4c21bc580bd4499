import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cellAddress, parseRangeAreas } from "../../src/core/cell/a1";
import { readMarkCells } from "../../src/core/validate/mark-areas";
import { MARK_FILL } from "../../src/core/validate/marks";
import { PYTHON } from "../support/export-fixtures";
import { convertWithLibreOffice, findSoffice } from "../support/soffice";
import { generatedZip, sheetXml, workbookParts } from "./generated-xlsx";
import { peakMemoryProbe, runMeasured } from "./real-process";
import { put } from "./sandbox";

/*
 * validate --out marking 335,001 findings: the real command, its peak memory read from /proc (VmHWM) as it exits
 * (the probe of stream-limits.test.ts). One conditional format and one note a cell took 3.4 GB (85 s) on this
 * file; the marks are a few formats per tone, the cells joined into rectangles and coded in the formula, and the
 * notes stay within the host's limit. The written file is opened by openpyxl and by LibreOffice, the marks there.
 */
jest.setTimeout(300_000); // a hang guard only: the command ends in about 10 s, LibreOffice in about 10 s more

const box = mkdtempSync(path.join(tmpdir(), "marks-memory-"));
afterAll(() => rmSync(box, { recursive: true, force: true }));
const soffice = findSoffice();

const probe = peakMemoryProbe(box);
/** The real command with the probe: its exit code, output and peak memory. Killed after 240 s. */
const run = (args: readonly string[]) => runMeasured(args, { cwd: box, probe, killAfterMs: 240_000 });

const HEADER = ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"];
/** Target rows with one cell each, in turn the item (B) and the owner (C): four findings a row. */
const ROWS = 83_750;

/**
 * A target sheet of ROWS rows, each with a single cell: a row with the item has no owner (C, error), one with the
 * owner no metric (B, warning), and every row no team number (A, error), no deadline (E, warning) and no key results
 * (F, error); the empty share column is noted on its header (D1, info). 335,001 findings in a 0.4 MB file.
 */
async function targetsFile(): Promise<string> {
  const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  const rows = [`<row r="1">${HEADER.map((h, c) => text(`${String.fromCharCode(65 + c)}1`, h)).join("")}</row>`];
  for (let r = 2; r < ROWS + 2; r++)
    rows.push(`<row r="${r}">${r % 2 === 0 ? text(`B${r}`, "销售额") : text(`C${r}`, "甲")}</row>`);
  return put(box, "targets.xlsx", await generatedZip(workbookParts([{ name: "目标", xml: () => sheetXml(rows) }])));
}

/** The cells each mark should be on, as "C2 error". */
function expectedMarks(): Set<string> {
  const out = new Set(["D1 info"]);
  for (let r = 2; r < ROWS + 2; r++) {
    for (const mark of [`A${r} error`, `E${r} warning`, `F${r} error`]) out.add(mark);
    out.add(r % 2 === 0 ? `C${r} error` : `B${r} warning`);
  }
  return out;
}

interface Format {
  readonly sqref: string;
  readonly formula: string;
  readonly fill: string | null;
}

/** The first sheet's conditional formats and how many notes it has, as openpyxl reads them. */
function openpyxlFormats(file: string): { formats: Format[]; notes: number } {
  const script = [
    "import json, sys, openpyxl",
    "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]",
    "formats = [{'sqref': str(cf.sqref), 'formula': rule.formula[0], 'fill': rule.dxf.fill.bgColor.rgb if rule.dxf and rule.dxf.fill else None}",
    "           for cf in ws.conditional_formatting for rule in cf.rules]",
    "notes = sum(1 for row in ws.iter_rows() for cell in row if cell.comment)",
    "print(json.dumps({'formats': formats, 'notes': notes}))",
  ].join("\n");
  return JSON.parse(execFileSync(PYTHON, ["-c", script, file], { encoding: "utf8", maxBuffer: 64 << 20 }));
}

/**
 * Each format's cells as its formula codes them ("C2 error"), after checking that the format lies over exactly
 * those cells (its sqref) with its tone's fill.
 */
function markedCells(formats: readonly Format[]): { cells: string[]; mismatched: string[] } {
  const cells: string[] = [];
  const mismatched: string[] = [];
  for (const f of formats) {
    const mark = readMarkCells(`=${f.formula}`);
    if (!mark) continue;
    const coded = mark.cells.map((c) => cellAddress(c.row, c.column));
    const covered = f.sqref
      .split(" ")
      .flatMap((a) => parseRangeAreas(a) ?? [])
      .flatMap((r) =>
        Array.from({ length: r.rowCount * r.columnCount }, (_v, i) =>
          cellAddress(r.row + Math.floor(i / r.columnCount), r.column + (i % r.columnCount)),
        ),
      );
    const fill = MARK_FILL[mark.tone].slice(1);
    if (coded.slice().sort().join() !== covered.sort().join() || !f.fill?.endsWith(fill)) mismatched.push(f.formula);
    cells.push(...coded.map((a) => `${a} ${mark.tone}`));
  }
  return { cells, mismatched };
}

/** Whether the two lists hold the same cells, each once: the first differences either way, for the failure message. */
function difference(actual: readonly string[], expected: Set<string>): { extra: string[]; missing: string[]; repeated: number } {
  const seen = new Set(actual);
  return {
    extra: [...seen].filter((c) => !expected.has(c)).slice(0, 5),
    missing: [...expected].filter((c) => !seen.has(c)).slice(0, 5),
    repeated: actual.length - seen.size,
  };
}

describe("validate --out marking 335,001 findings", () => {
  it("stays under 1.5 GB; openpyxl and LibreOffice open the file with every finding's mark, no cell marked twice", async () => {
    const input = await targetsFile();
    const out = path.join(box, "marked.xlsx");
    const result = await run(["validate", input, "--out", out, "--lang", "en"]);
    expect([result.code, result.stderr]).toEqual([1, ""]);
    expect(result.stdout).toContain("209375 errors, 125625 warnings, 1 note");
    expect(result.stdout).toContain(`Wrote ${out}`);
    expect(result.peakMb).toBeLessThan(1500);

    const expected = expectedMarks();
    const seen = openpyxlFormats(out);
    const marked = markedCells(seen.formats);
    expect(marked.mismatched).toEqual([]);
    expect(difference(marked.cells, expected)).toEqual({ extra: [], missing: [], repeated: 0 });
    // A few hundred formats, never one a cell.
    expect(seen.formats.length).toBeLessThan(2_000);
    // More findings than a file's notes hold: none is written (every finding is listed by the command).
    expect(seen.notes).toBe(0);

    if (!soffice) return;
    const reopened = convertWithLibreOffice(soffice, out, "xlsx", mkdtempSync(path.join(box, "lo-")));
    const kept = markedCells(openpyxlFormats(reopened).formats);
    expect(kept.mismatched).toEqual([]);
    expect(difference(kept.cells, expected)).toEqual({ extra: [], missing: [], repeated: 0 });
  });
});
