import { WriteLedger, sameCell } from "../../../src/hosts/common/write-ledger";

const at = (row: number, column: number, rowCount = 1, columnCount = 1) => ({ row, column, rowCount, columnCount });

function ledgerAt(start = 1_000) {
  const clock = { now: start };
  return { clock, ledger: new WriteLedger(5_000, () => clock.now) };
}

describe("the write ledger, keyed on the values written", () => {
  it("calls a change its own only inside a recent write whose cells still hold what was written", () => {
    const { ledger } = ledgerAt();
    ledger.recordWrite({
      sheet: "目标",
      values: [
        {
          row: 1,
          column: 2,
          values: [
            ["甲", 35],
            ["乙", 20],
          ],
        },
      ],
    });
    expect(ledger.mayBeOwn("目标", at(1, 2, 2, 2))).toBe(true);
    expect(ledger.mayBeOwn("Other", at(1, 2))).toBe(false);
    expect(ledger.mayBeOwn("目标", at(1, 2, 3, 2))).toBe(false);
    // An echo of part of the write.
    expect(ledger.isOwn("目标", at(2, 2, 1, 2), [["乙", "20"]])).toBe(true);
  });

  it("never swallows the user's edit of the same cells when the host raised no event for the write", () => {
    const { ledger, clock } = ledgerAt();
    ledger.recordWrite({ sheet: "目标", values: [{ row: 1, column: 2, values: [["甲"]] }] });
    clock.now += 1_000;
    // The time rule alone would call this the add-in's: the values say the user typed 丁.
    expect(ledger.mayBeOwn("目标", at(1, 2))).toBe(true);
    expect(ledger.isOwn("目标", at(1, 2), [["丁"]])).toBe(false);
    // And the user's typing the add-in's value back is the user's too: the claim on the cell is over.
    expect(ledger.isOwn("目标", at(1, 2), [["甲"]])).toBe(false);
  });

  it("takes a late echo of its write for its own, and forgets writes after a few seconds", () => {
    const { ledger, clock } = ledgerAt();
    ledger.recordWrite({ sheet: "目标", values: [{ row: 0, column: 0, values: [["0012", "1E3", "TRUE", null]] }] });
    clock.now += 4_000;
    // As the host reads them back: the text as written (behind the text prefix), an empty cell.
    expect(ledger.isOwn("目标", at(0, 0, 1, 4), [["0012", "1E3", "TRUE", undefined]])).toBe(true);
    clock.now += 2_000;
    expect(ledger.mayBeOwn("目标", at(0, 0))).toBe(false);
    expect(ledger.isOwn("目标", at(0, 0), [[12]])).toBe(false);
  });

  it("calls 12 typed over the add-in's text 0012 the user's edit", () => {
    const { ledger } = ledgerAt();
    ledger.recordWrite({ sheet: "目标", values: [{ row: 0, column: 0, values: [["0012"]] }] });
    expect(ledger.mayBeOwn("目标", at(0, 0))).toBe(true);
    expect(ledger.isOwn("目标", at(0, 0), [[12]])).toBe(false);
  });

  it("compares formulas as the host reads a formula cell's formula, and leaves the cells a formula block skips", () => {
    const { ledger } = ledgerAt();
    ledger.recordWrite({ sheet: "s", formulas: [{ row: 0, column: 0, formulas: [["=sum(A2:A9)", null]] }] });
    expect(ledger.isOwn("s", at(0, 0), [["=SUM(A2:A9)"]])).toBe(true);
    expect(ledger.mayBeOwn("s", at(0, 0, 1, 2))).toBe(false);
  });

  it("judges each cell by the latest write over it, and each write's change once", () => {
    const { ledger } = ledgerAt();
    ledger.recordWrite({ sheet: "s", values: [{ row: 0, column: 0, values: [["a", "b"]] }] });
    ledger.recordWrite({ sheet: "s", values: [{ row: 0, column: 1, values: [["c"], ["d"]] }] });
    // A cell no write covers (A2) makes the change the user's.
    expect(ledger.mayBeOwn("s", at(0, 0, 2, 2))).toBe(false);
    expect(ledger.isOwn("s", at(0, 0, 1, 2), [["a", "c"]])).toBe(true);
    // Reported once: the same cells changing again to the same values are the user's (a row deleted, say).
    expect(ledger.mayBeOwn("s", at(0, 0, 1, 2))).toBe(false);
    ledger.recordWrite({ sheet: "s", values: [{ row: 0, column: 0, values: [["x"]] }] });
    ledger.forget("s", at(0, 0));
    expect(ledger.mayBeOwn("s", at(0, 0))).toBe(false);
  });

  it.each([
    ["0012", "0012", true],
    ["0012", 12, false],
    [12, "12", true],
    ["3/4", 0.75, false],
    ["TRUE", true, false],
    [true, "TRUE", true],
    ["", null, true],
    [0, "", false],
    ["=a1", "=A1", true],
    ["甲", "甲 ", false],
  ])("%p written and %p read back are the same cell: %p", (written, read, same) => {
    expect(sameCell(written, read)).toBe(same);
  });
});
