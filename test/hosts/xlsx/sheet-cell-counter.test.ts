import { MODEL_WEIGHTS, SheetCellCounter } from "../../../src/hosts/xlsx/sheet-cell-counter";

/** What the counter weighs `xml` at, handed over in pieces of `size` characters (all at once by default). */
function weigh(xml: string, size = xml.length): number {
  let total = 0;
  const counter = new SheetCellCounter((weight) => (total += weight));
  for (let at = 0; at < xml.length; at += size) counter.push(Buffer.from(xml.slice(at, at + size), "latin1"));
  return Math.round(total * 1000) / 1000;
}

const W = MODEL_WEIGHTS;

describe("SheetCellCounter: a part weighed as ExcelJS holds it, in cells with a value", () => {
  it("a value cell counts one, a self-closing (empty, styled) cell 0.6, a row 0.8", () => {
    const xml = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/><c r="C1" t="s"><v>0</v></c></row></sheetData>';
    expect(weigh(xml)).toBeCloseTo(2 * W.valueCell + W.emptyCell + W.row);
  });

  it("a million styled empty cells weigh 600,000, not a million: the model is sized by what it holds", () => {
    const row = `<row r="2">${'<c s="1"/>'.repeat(1000)}</row>`;
    expect(weigh(row.repeat(1000), 1 << 20)).toBeCloseTo(1_000_000 * W.emptyCell + 1000 * W.row);
  });

  it("columns count up to the last a <col> names, each once, however the cols overlap", () => {
    const cols = '<cols><col min="1" max="16384" width="9"/><col min="3" max="5" style="1"/></cols>';
    expect(weigh(cols)).toBeCloseTo(16_384 * W.column);
    // ExcelJS makes every column up to max, whatever the sheet's real width: a hostile max weighs what it costs.
    expect(weigh('<cols><col min="1" max="1000000000"/></cols>')).toBeCloseTo(1e9 * W.column);
  });

  it("shared strings count a little each (what loading them costs)", () => {
    expect(weigh(`<sst>${"<si><t>x</t></si>".repeat(100)}</sst>`)).toBeCloseTo(100 * W.sharedString);
  });

  it("the same weight however the text is cut: tags and names split across pieces are carried", () => {
    const xml = `<x:sheetData>${'<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" s="2"/></x:row>'.repeat(50)}</x:sheetData>`;
    const whole = weigh(xml);
    expect(whole).toBeCloseTo(50 * (W.valueCell + W.emptyCell + W.row));
    for (const size of [1, 2, 3, 7, 64]) expect(weigh(xml, size)).toBeCloseTo(whole);
  });

  it("a '>' or '/>' inside a quoted value neither ends the tag nor makes a value cell look empty", () => {
    expect(weigh('<c r="A1" x="/>"><v>1</v></c>')).toBeCloseTo(W.valueCell);
    expect(weigh("<c r='A1' x='a>b'/>", 4)).toBeCloseTo(W.emptyCell);
    expect(weigh('<col x=">" max="100"/>')).toBeCloseTo(100 * W.column);
  });

  it("elements whose names only begin alike are not counted (cols, cfRule, rowBreaks, c:chart)", () => {
    expect(weigh('<cols></cols><cfRule type="x"/><rowBreaks count="1"/><c:chart/><colBreaks/><sheetPr/>')).toBe(0);
  });

  it("a tag that never closes is carried no further than 1 MB: the counting goes on after it", () => {
    const open = `<c r="A1" x="${"a".repeat(3 << 20)}`;
    const after = '"/><c r="B1"><v>1</v></c>';
    // The cut-off tag is dropped (it cannot be a spreadsheet's); the cell after it still counts.
    expect(weigh(open + after, 1 << 20)).toBeCloseTo(W.valueCell);
  });
});
