import ExcelJS from "exceljs";
import JSZip from "jszip";
import { notedCells, plainTextAsRuns, ReferenceFiller, shapeForExcelJs } from "../../../src/hosts/xlsx/full-load-shape";
import { openZip } from "../../../src/hosts/xlsx/zip-package";

/** The sheet XML through a ReferenceFiller, handed over in pieces cut at `cuts`; and whether it changed. */
function fill(xml: string, notes = new Map<number, Set<number>>(), cuts: number[] = []): { xml: string; changed: boolean } {
  let out = "";
  const filler = new ReferenceFiller(notes, (text) => (out += text));
  let from = 0;
  for (const cut of [...cuts, xml.length]) {
    filler.push(xml.slice(from, cut));
    from = cut;
  }
  filler.finish();
  return { xml: out, changed: filler.changed };
}

/** The same XML cut at every place: the result never depends on where the pieces end. */
function fillEverywhere(xml: string, notes: () => Map<number, Set<number>> = () => new Map()): string {
  const whole = fill(xml, notes()).xml;
  for (let at = 1; at < xml.length; at++) expect([at, fill(xml, notes(), [at]).xml]).toEqual([at, whole]);
  expect(
    fill(
      xml,
      notes(),
      Array.from({ length: xml.length - 1 }, (_v, i) => i + 1),
    ).xml,
  ).toBe(whole);
  return whole;
}

const sheet = (data: string) => `<worksheet><dimension ref="A1"/><sheetData>${data}</sheetData><pageMargins/></worksheet>`;
const notes =
  (...refs: [number, number][]) =>
  () => {
    const map = new Map<number, Set<number>>();
    for (const [row, column] of refs) map.set(row, (map.get(row) ?? new Set()).add(column));
    return map;
  };

describe("ReferenceFiller: the references a sheet's rows and cells imply, written out for ExcelJS", () => {
  it("numbers rows without r after the row before, or as their first cell says", () => {
    const xml = sheet('<row><c r="A1"><v>1</v></c></row><row><c r="B5"><v>2</v></c></row><row><c><v>3</v></c></row>');
    expect(fillEverywhere(xml)).toBe(
      sheet(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="B5"><v>2</v></c></row><row r="6"><c r="A6"><v>3</v></c></row>',
      ),
    );
  });

  it("numbers cells without r after the cell before in their row, a row's first in column A", () => {
    const xml = sheet('<row r="2"><c t="s"><v>0</v></c><c r="C2"/><c s="1"/></row><row r="3" spans="1:2"><c><v>4</v></c></row>');
    expect(fillEverywhere(xml)).toBe(
      sheet(
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2"/><c r="D2" s="1"/></row><row r="3" spans="1:2"><c r="A3"><v>4</v></c></row>',
      ),
    );
  });

  it('replaces a reference that is none (r="0", r="") by the one implied; rows with no cells and self-closing rows too', () => {
    const xml = sheet('<row r="0"/><row r=""></row><row><c r=""><v>1</v></c><c r="x"/></row>');
    expect(fillEverywhere(xml)).toBe(sheet('<row r="1"/><row r="2"></row><row r="3"><c r="A3"><v>1</v></c><c r="B3"/></row>'));
  });

  it("leaves a sheet whose rows and cells all have references as it is, byte for byte, and says so", () => {
    const xml = sheet('<row r="1" spans="1:2"><c r="A1" s="2"><v>1</v></c><c r="B1" t="inlineStr"><is><t>甲</t></is></c></row>');
    expect(fill(xml)).toEqual({ xml, changed: false });
    expect(fillEverywhere(xml)).toBe(xml);
  });

  it("keeps a namespace prefix and reads any quotes and spaces", () => {
    const xml =
      "<x:worksheet><x:sheetData><x:row  spans='1:1'><x:c\nt='s'><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>";
    expect(fillEverywhere(xml)).toBe(
      "<x:worksheet><x:sheetData><x:row r=\"1\"  spans='1:1'><x:c r=\"A1\"\nt='s'><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>",
    );
  });

  it("adds a noted cell the sheet lacks to its row, a new row, or an empty sheet data, with a style ExcelJS keeps", () => {
    const kept = 's="2147483647"';
    const xml = sheet('<row r="2"><c r="A2"><v>1</v></c></row><row r="3"/><row r="7"><c r="B7"><v>2</v></c></row>');
    expect(fillEverywhere(xml, notes([2, 3], [3, 1], [5, 26], [7, 2]))).toBe(
      sheet(
        `<row r="2"><c r="A2"><v>1</v></c><c r="C2" ${kept}/></row><row r="3"><c r="A3" ${kept}/></row>` +
          `<row r="7"><c ${kept} r="B7"><v>2</v></c></row><row r="5"><c r="Z5" ${kept}/></row>`,
      ),
    );
    expect(fillEverywhere("<worksheet><sheetData/></worksheet>", notes([1, 1]))).toBe(
      `<worksheet><sheetData><row r="1"><c r="A1" ${kept}/></row></sheetData></worksheet>`,
    );
  });

  it("gives a noted cell without a style (or style 0) one ExcelJS keeps; a styled one stays as it is", () => {
    const xml = sheet('<row r="1"><c r="A1" t="n"></c><c r="B1" s="0"/><c r="C1" s="4"/><c r="D1"/></row>');
    expect(fillEverywhere(xml, notes([1, 1], [1, 2], [1, 3]))).toBe(
      sheet('<row r="1"><c s="2147483647" r="A1" t="n"></c><c r="B1" s="2147483647"/><c r="C1" s="4"/><c r="D1"/></row>'),
    );
  });

  it("without output, says only whether anything would change", () => {
    const check = (xml: string, noted = new Map<number, Set<number>>()) => {
      const filler = new ReferenceFiller(noted);
      filler.push(xml);
      filler.finish();
      return filler.changed;
    };
    expect(check(sheet('<row r="1"><c r="A1"/></row>'))).toBe(false);
    expect(check(sheet('<row><c r="A1"/></row>'))).toBe(true);
    expect(check(sheet('<row r="1"><c r="A1"/></row>'), notes([1, 1])())).toBe(true);
    expect(check(sheet('<row r="1"><c r="A1" s="3"/></row>'), notes([1, 1])())).toBe(false);
  });
});

describe("notes for ExcelJS's load", () => {
  it("puts a note's plain text in a run, and leaves runs, phonetic runs and empty texts as they are", () => {
    const xml =
      '<comments><commentList><comment ref="A1"><text><t xml:space="preserve">甲 &amp; 乙</t></text></comment>' +
      '<comment ref="B2"><text><r><rPr><b/></rPr><t>粗</t></r><rPh sb="0" eb="1"><t>cu</t></rPh></text></comment>' +
      '<comment ref="C3"><text/></comment></commentList></comments>';
    expect(plainTextAsRuns(xml)).toBe(
      xml.replace('<t xml:space="preserve">甲 &amp; 乙</t>', '<r><t xml:space="preserve">甲 &amp; 乙</t></r>'),
    );
  });

  it("reads the noted cells of a notes part", () => {
    const cells = notedCells('<comment ref="B2" authorId="0"/><comment ref="AA10"/><comment ref="C2"/><comment ref="bad"/>');
    expect(cells).toEqual(
      new Map([
        [2, new Set([2, 3])],
        [10, new Set([27])],
      ]),
    );
  });

  it("real ExcelJS: loads every note of a package shaped for it, openpyxl's part names and empty cells too", async () => {
    const zip = new JSZip();
    const book = new ExcelJS.Workbook();
    book.addWorksheet("S").getCell("A1").value = 1;
    const made = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    for (const name of Object.keys(made.files))
      if (!made.files[name].dir) zip.file(name, await made.files[name].async("uint8array"));
    zip.file(
      "xl/worksheets/sheet1.xml",
      ((await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "").replace(
        /<sheetData>.*<\/sheetData>/,
        "<sheetData><row><c><v>1</v></c><c/></row></sheetData>",
      ),
    );
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="c" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml"/>' +
        '<Relationship Id="v" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/commentsDrawing1.vml"/>' +
        '<Relationship Id="gone" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments9.xml"/></Relationships>',
    );
    zip.file(
      "xl/comments/comment1.xml",
      '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>u</author></authors><commentList>' +
        '<comment ref="A1" authorId="0"><text><t>有值</t></text></comment><comment ref="B1" authorId="0"><text><t>空格</t></text></comment>' +
        '<comment ref="D4" authorId="0"><text><r><t>不在表里</t></r></text></comment></commentList></comments>',
    );
    zip.file("xl/drawings/commentsDrawing1.vml", '<xml xmlns:v="urn:schemas-microsoft-com:vml"></xml>');
    const editable = await openZip(await zip.generateAsync({ type: "uint8array" }));
    expect(await shapeForExcelJs(editable, new Set(["xl/worksheets/sheet1.xml"]))).toBe(true);
    expect(editable.has("xl/comments1.xml") && editable.has("xl/drawings/vmlDrawing1.vml")).toBe(true);
    expect(editable.has("xl/comments/comment1.xml")).toBe(false);

    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load((await editable.save("store")) as unknown as ArrayBuffer);
    const ws = loaded.getWorksheet("S")!;
    expect([ws.getCell("A1").value, ws.getCell("A1").note, ws.getCell("B1").note, ws.getCell("D4").note]).toEqual([
      1,
      "有值",
      "空格",
      "不在表里",
    ]);
  });
});
