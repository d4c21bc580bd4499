import { formulaRuns, toExcelLiteral } from "../../../src/hosts/excel/excel-values";

describe("text written to Excel is never run as a formula", () => {
  it.each([
    ["=SUM(A1:A3)", "'=SUM(A1:A3)"],
    ["+86 138", "'+86 138"],
    ["-5%", "'-5%"],
    ["@mention", "'@mention"],
    ["'quoted", "''quoted"],
    ["周三客户未接听", "周三客户未接听"],
  ])("%s is written as %s", (input, written) => {
    expect(toExcelLiteral(input)).toBe(written);
  });

  it("keeps numbers and booleans, and empties null", () => {
    expect([toExcelLiteral(3), toExcelLiteral(false), toExcelLiteral(null)]).toEqual([3, false, ""]);
  });
});

describe("formula runs", () => {
  it("splits a block into vertical runs of formulas", () => {
    expect(
      formulaRuns([
        [null, "=A1", "=1"],
        [null, "=A2", null],
        [null, "=A3", "=3"],
      ]),
    ).toEqual([
      { row: 0, column: 1, formulas: [["=A1"], ["=A2"], ["=A3"]] },
      { row: 0, column: 2, formulas: [["=1"]] },
      { row: 2, column: 2, formulas: [["=3"]] },
    ]);
  });
});
