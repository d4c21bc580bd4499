/**
 * @jest-environment node
 */
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { readWorkbookBytes } from "../../../src/hosts/xlsx/read-workbook-file";
import { DEFAULT_READ_LIMITS, ReadBudget } from "../../../src/hosts/xlsx/read-limits";
import { plainDecimal, SheetDataScanner } from "../../../src/hosts/xlsx/sheet-data-scanner";
import { readSheetJsPackage } from "../../../src/hosts/xlsx/sheetjs-workbook";
import { readZipPackage } from "../../../src/hosts/xlsx/zip-package";

/**
 * The streaming .xlsx reader against two oracles: SheetJS (the whole-file reader it replaces for
 * .xlsx, still used for .xls and .ods) on workbooks two other writers made from random values, and
 * the values themselves for parts written by hand in the shapes other programs write (no cell
 * references, namespace prefixes, phonetic guides, inline and rich strings, ISO dates, 1904 dates).
 */
const dir = mkdtempSync(path.join(tmpdir(), "streaming-reader-"));
let fileNumber = 0;

async function streamed(bytes: Buffer) {
  const file = path.join(dir, `book-${fileNumber++}.xlsx`);
  writeFileSync(file, bytes);
  return readWorkbookBytes(file, bytes);
}

async function sheetJs(bytes: Buffer) {
  return readSheetJsPackage(await readZipPackage(bytes, new ReadBudget(DEFAULT_READ_LIMITS)));
}

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    "客户A",
    "行业TOP100",
    "  spaced  ",
    "a&b<c>\"d'",
    "_x0041_ literal",
    "line\nbreak",
    "=1+1",
    "100万",
    "😀 emoji",
  ),
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  text,
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);
/** Sparse cells: (row, column, value) with distinct positions, some far from A1. */
const cells = fc.uniqueArray(fc.record({ row: fc.nat({ max: 60 }), column: fc.nat({ max: 30 }), value: cellValue }), {
  minLength: 1,
  maxLength: 40,
  selector: (c) => `${c.row},${c.column}`,
});
const sheetsOf = fc.array(cells, { minLength: 1, maxLength: 3 });

describe("the streaming reader gives what SheetJS gives, on files other writers made from random values", () => {
  it("ExcelJS (shared strings) and SheetJS's own writer (inline strings)", async () => {
    await fc.assert(
      fc.asyncProperty(sheetsOf, fc.boolean(), async (sheets, viaExcelJs) => {
        let bytes: Buffer;
        if (viaExcelJs) {
          const wb = new ExcelJS.Workbook();
          sheets.forEach((list, i) => {
            const ws = wb.addWorksheet(`表${i + 1}`);
            for (const c of list) ws.getCell(c.row + 1, c.column + 1).value = c.value;
          });
          bytes = Buffer.from(await wb.xlsx.writeBuffer());
        } else {
          const book = XLSX.utils.book_new();
          sheets.forEach((list, i) => {
            const aoa: CellValue[][] = [];
            for (const c of list) (aoa[c.row] ??= [])[c.column] = c.value;
            XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), `Sheet ${i + 1}`);
          });
          bytes = XLSX.write(book, { type: "buffer", bookType: "xlsx", bookSST: false }) as Buffer;
        }
        const ours = await streamed(bytes);
        const theirs = await sheetJs(bytes);
        expect(ours.sheets).toEqual(theirs.sheets);
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

const SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A package from parts written by hand; sheets are (name, part, sheet XML) in workbook order. */
async function handWritten(options: {
  sheets: { name: string; part: string; xml: string }[];
  sharedStrings?: string;
  styles?: string;
  date1904?: boolean;
  absoluteTargets?: boolean;
}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const target = (p: string) => (options.absoluteTargets ? `/xl/${p}` : p);
  const rels = options.sheets.map(
    (s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${target(s.part)}"/>`,
  );
  if (options.sharedStrings) {
    rels.push(`<Relationship Id="rSst" Type="${REL_NS}/sharedStrings" Target="${target("sharedStrings.xml")}"/>`);
    zip.file("xl/sharedStrings.xml", `<sst xmlns="${SPREADSHEET_NS}">${options.sharedStrings}</sst>`);
  }
  if (options.styles) {
    rels.push(`<Relationship Id="rStyles" Type="${REL_NS}/styles" Target="${target("styles.xml")}"/>`);
    zip.file("xl/styles.xml", `<styleSheet xmlns="${SPREADSHEET_NS}">${options.styles}</styleSheet>`);
  }
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${REL_NS}"><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>${options.sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
  );
  for (const s of options.sheets) zip.file(`xl/${s.part}`, s.xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const worksheet = (data: string) => `<worksheet xmlns="${SPREADSHEET_NS}"><sheetData>${data}</sheetData></worksheet>`;

describe("the streaming reader on parts as other programs write them (expected values written out)", () => {
  it("cells and rows without references follow the ones before; sheets come in the workbook's order and names", async () => {
    const bytes = await handWritten({
      absoluteTargets: true,
      sheets: [
        {
          name: "第二",
          part: "worksheets/sheet2.xml",
          xml: worksheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>'),
        },
        { name: "Empty", part: "worksheets/sheet1.xml", xml: `<worksheet xmlns="${SPREADSHEET_NS}"><sheetData/></worksheet>` },
      ],
    });
    const { sheets } = await streamed(bytes);
    expect(sheets.map((s) => s.name)).toEqual(["第二", "Empty"]);
    expect(sheets[0]).toEqual({
      name: "第二",
      row: 0,
      column: 0,
      values: [
        [1, 2, null, null],
        [null, null, 3, 4],
      ],
    });
    expect(sheets[1].values).toEqual([]);
  });

  it("text: shared rich strings without their phonetic guides, inline strings, escapes, entities; errors, booleans, formulas' results", async () => {
    const bytes = await handWritten({
      sharedStrings:
        '<si><t>plain</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r></si>' +
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
        "<si><t>a_x000D_b &amp; &lt;c&gt; &#x4E2D;&#25991; _x005F_x0041_</t></si><si/>",
      sheets: [
        {
          name: "Values",
          part: "worksheets/sheet1.xml",
          xml:
            `<x:worksheet xmlns:x="${SPREADSHEET_NS}"><x:sheetData><x:row r="1">` +
            '<x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c>' +
            '<x:c r="D1" t="s"><x:v>3</x:v></x:c><x:c r="E1" t="s"><x:v>4</x:v></x:c></x:row><x:row r="2">' +
            '<x:c r="A2" t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line 行</x:t></x:r></x:is></x:c>' +
            '<x:c r="B2" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c>' +
            '<x:c r="D2" t="str"><x:f>"客"&amp;"户"</x:f><x:v>客户</x:v></x:c><x:c r="E2"><x:f>1+1</x:f><x:v>2</x:v></x:c>' +
            '<x:c r="F2" s="0"/><x:c r="G2" t="e"><x:v>#SPILL!</x:v></x:c></x:row></x:sheetData></x:worksheet>',
        },
      ],
    });
    const { sheets } = await streamed(bytes);
    expect(sheets[0].values).toEqual([
      ["plain", "rich text", "東京", "a\rb & <c> 中文 _x0041_", null, null, null],
      ["inline 行", "#DIV/0!", true, "客户", 2, null, "#SPILL!"],
    ]);
  });

  it("dates: date styles (custom, built-in, Chinese 年月日 ids) move from the 1904 system; ISO date cells; other numbers stay", async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="4"/></cellXfs>';
    const data =
      '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000</v></c><c r="C1" s="3"><v>45000</v></c>' +
      '<c r="D1" s="4"><v>45000</v></c><c r="E1"><v>45000</v></c><c r="F1" t="d"><v>2026-11-03T12:00:00</v></c></row>';
    const in1904 = await streamed(
      await handWritten({ date1904: true, styles, sheets: [{ name: "D", part: "worksheets/sheet1.xml", xml: worksheet(data) }] }),
    );
    expect(in1904.sheets[0].values).toEqual([[46462, 46462, 46462, 45000, 45000, 46329.5]]);
    const in1900 = await streamed(
      await handWritten({ styles, sheets: [{ name: "D", part: "worksheets/sheet1.xml", xml: worksheet(data) }] }),
    );
    expect(in1900.sheets[0].values).toEqual([[45000, 45000, 45000, 45000, 45000, 46329.5]]);
  });

  it("a sheet cut off before its data ends is a damaged file, not a short one", async () => {
    const bytes = await handWritten({
      sheets: [
        {
          name: "Cut",
          part: "worksheets/sheet1.xml",
          xml: `<worksheet xmlns="${SPREADSHEET_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c>`,
        },
      ],
    });
    await expect(streamed(bytes)).rejects.toThrow(/not a valid/);
  });
});

describe("the scanner reads the same cells however the XML is cut into pieces", () => {
  it("any cut points", () => {
    const xml = worksheet(
      '<row r="3" spans="1:3"><c r="A3" t="s" s="2"><v>7</v></c><c r="B3"><f>SUM(A1:A2)</f><v>12.5</v></c>' +
        '<c r="C3" t="inlineStr"><is><t>客户&amp;甲</t></is></c></row><row r="9"><c r="AB9" t="b"><v>0</v></c></row>',
    );
    const latin1 = Buffer.from(xml, "utf8").toString("latin1");
    const read = (pieces: string[]) => {
      const out: unknown[] = [];
      const scanner = new SheetDataScanner((row, column, type, style, value) => out.push([row, column, type, style, value]));
      for (const piece of pieces) scanner.push(piece);
      expect(scanner.complete).toBe(true);
      return out;
    };
    const whole = read([latin1]);
    expect(whole).toEqual([
      [2, 0, "s", 2, 7],
      [2, 1, "", 0, 12.5],
      [2, 2, "inlineStr", 0, "客户&甲"],
      [8, 27, "b", 0, "0"],
    ]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: latin1.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), latin1.length];
        expect(read(points.slice(1).map((end, i) => latin1.slice(points[i], end)))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a <v> text read as a number from its characters", () => {
  const read = (text: string) => plainDecimal(`<v>${text}</v>`, 3, 3 + text.length);

  it("is what Number() makes of a plain decimal, and NaN for any other text (then read as text)", () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{0,17}$/), fc.option(fc.stringMatching(/^\d{0,17}$/)))
      .map(([minus, whole, fraction]) => `${minus ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`);
    const anyText = fc.oneof(decimal, fc.string(), fc.double().map(String), fc.integer().map(String));
    fc.assert(
      fc.property(anyText, (text) => {
        const n = read(text);
        if (Number.isNaN(n)) return;
        expect(/^-?\d*\.?\d*$/.test(text)).toBe(true);
        expect(Object.is(n, Number(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the usual values and leaves the rest to Number()", () => {
    expect([read("45992"), read("12.5"), read("-0.1"), read("0.3"), read("-0"), read("5."), read(".5")]).toEqual([
      45992, 12.5, -0.1, 0.3, -0, 5, 0.5,
    ]);
    for (const text of ["", "-", ".", " 1", "1e3", "1.2.3", "+1", "1234567890123456", "Infinity", "0x10"])
      expect(read(text)).toBeNaN();
  });
});
