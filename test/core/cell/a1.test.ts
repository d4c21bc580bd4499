import {
  cellAddress,
  columnIndex,
  columnLetter,
  parseCellAddress,
  parseRangeAreas,
  rangeAddress,
} from "../../../src/core/cell/a1";
import { resolveFreeSheetName, resolveFreeTableName, sanitizeSheetName } from "../../../src/core/cell/sheet-name";
import { fromExcelSerial, isoToSerial, serialToIso, toExcelSerial } from "../../../src/core/cell/excel-date";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("formats cells and ranges, 0-based in, 1-based out", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(rangeAddress({ row: 1, column: 2, rowCount: 20, columnCount: 1 })).toBe("C2:C21");
    expect(rangeAddress({ row: 4, column: 4, rowCount: 1, columnCount: 1 })).toBe("E5");
  });

  it("parses single-cell addresses and rejects the rest", () => {
    expect(parseCellAddress("$B$7")).toEqual({ row: 6, column: 1 });
    expect(parseCellAddress("A0")).toBeUndefined();
    expect(parseCellAddress("A1:B2")).toBeUndefined();
    expect(columnIndex("A1")).toBe(-1);
  });
});

describe("addresses with several areas", () => {
  const ref = (row: number, column: number, rowCount = 1, columnCount = 1) => ({ row, column, rowCount, columnCount });

  it.each([
    ["$B$2,$B$4", [ref(1, 1), ref(3, 1)]],
    ["Sheet1!B2:C3,E5", [ref(1, 1, 2, 2), ref(4, 4)]],
    ["Sheet1!$B$2:$C$3,Sheet1!$E$5", [ref(1, 1, 2, 2), ref(4, 4)]],
    ["'A, B'!A1,'A, B'!C3:C4", [ref(0, 0), ref(2, 2, 2, 1)]],
    ["3:4,B:B", [ref(2, 0, 2, 16_384), ref(0, 1, 1_048_576, 1)]],
    ["D7", [ref(6, 3)]],
  ])("%s names every area", (address, areas) => {
    expect(parseRangeAreas(address)).toEqual(areas);
  });

  it("refuses the whole address when one area is not one", () => {
    expect(parseRangeAreas("B2,#REF!")).toBeUndefined();
    expect(parseRangeAreas("B2,")).toBeUndefined();
  });
});

describe("free sheet and table names", () => {
  it("keeps a free name and suffixes a taken one, case-insensitively", () => {
    expect(resolveFreeSheetName("目标分解表", ["Sheet1"])).toBe("目标分解表");
    expect(resolveFreeSheetName("Targets", ["targets", "Targets (2)"])).toBe("Targets (3)");
  });

  it("stays within 31 characters and drops characters sheet names cannot hold", () => {
    const long = "A very long sheet name that goes on";
    const name = resolveFreeSheetName(long, [long.slice(0, 31)]);
    expect(name).toBe("A very long sheet name that (2)");
    expect(name.length).toBe(31);
    expect(sanitizeSheetName("Q4: [plan]/review?")).toBe("Q4   plan  review");
  });

  it("numbers table names", () => {
    expect(resolveFreeTableName("WeeklyPlanTracking", ["weeklyplantracking", "WeeklyPlanTracking2"])).toBe("WeeklyPlanTracking3");
  });
});

describe("Excel serial dates", () => {
  it("matches Excel's numbering after its phantom 1900-02-29", () => {
    expect(toExcelSerial(1900, 3, 1)).toBe(61);
    expect(toExcelSerial(2026, 11, 23)).toBe(46349);
    expect(fromExcelSerial(46349)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(serialToIso(46349.75)).toBe("2026-11-23");
    expect(fromExcelSerial(60)).toBeUndefined();
  });

  it("reads a day written as YYYY-MM-DD back, and nothing that is not a real day", () => {
    expect(isoToSerial(" 2026-11-23 ")).toBe(46349);
    expect(isoToSerial("2026-1-5")).toBe(toExcelSerial(2026, 1, 5));
    expect(["2026-02-30", "2026-13-01", "2026/11/23", "23.11.2026", ""].map(isoToSerial)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
