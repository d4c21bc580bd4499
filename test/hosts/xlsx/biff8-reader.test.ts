import * as XLSX from "@e965/xlsx";
import { readBiff8Workbook } from "../../../src/hosts/xlsx/biff8-reader";
import { ReadLimitError } from "../../../src/hosts/xlsx/read-limits";
import { readSheetJsWorkbook } from "../../../src/hosts/xlsx/sheetjs-workbook";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

const WORDS = [
  "上海",
  "北京客户",
  "José García",
  "Müller",
  "交易成功",
  "Closed Won",
  "",
  "=not a formula",
  "😀 emoji",
  "a".repeat(300),
];

function workbook(seed: number, rows: number, date1904 = false): Buffer {
  const next = random(seed);
  const book = XLSX.utils.book_new();
  const values: unknown[][] = [["订单编号", "客户", "金额", "日期", "数量", "成交", "备注"]];
  for (let r = 0; r < rows; r++) {
    const pick = next();
    values.push([
      `T${r}`,
      WORDS[Math.floor(next() * WORDS.length)] + (r % 3 === 0 ? ` ${r}` : ""),
      pick < 0.2 ? -Math.round(next() * 1e6) / 100 : pick < 0.4 ? Math.floor(next() * 1e9) : next() * 1e4,
      new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 2000) * 86_400_000),
      Math.floor(next() * 10),
      next() < 0.5,
      r % 11 === 0 ? { t: "e", v: 0x07 } : null,
    ]);
  }
  const sheet = XLSX.utils.aoa_to_sheet(values, { cellDates: true, dateNF: "yyyy-mm-dd" });
  for (let r = 1; r <= rows; r++) {
    const cell = sheet[XLSX.utils.encode_cell({ r, c: 6 })] as XLSX.CellObject | undefined;
    if (cell && (values[r][6] as { t?: string } | null)?.t === "e") Object.assign(cell, { t: "e", v: 0x07 });
  }
  XLSX.utils.book_append_sheet(book, sheet, "订单");
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), "Empty");
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet(
      [
        ["x", 1],
        [null, "y"],
      ],
      { origin: "C3" } as XLSX.AOA2SheetOpts,
    ),
    "Offset",
  );
  if (date1904) book.Workbook = { WBProps: { date1904: true } };
  return XLSX.write(book, { type: "buffer", bookType: "biff8" }) as Buffer;
}

const comparable = (read: ReturnType<typeof readSheetJsWorkbook>) => ({
  sheets: read.sheets,
  dateFormats: [...read.dateFormats].map(([name, formats]) => [name, [...formats]]),
});

describe("the BIFF8 reader gives what SheetJS gives", () => {
  it.each([
    ["a few rows", 1, 20, false],
    ["thousands of shared strings (the SST runs over CONTINUE records)", 2, 4000, false],
    ["the 1904 date system", 3, 50, true],
  ])("%s", (_name, seed, rows, date1904) => {
    const bytes = workbook(seed, rows, date1904);
    const ours = readBiff8Workbook(bytes, { dateFormats: true });
    expect(ours).toBeDefined();
    expect(comparable(ours!)).toEqual(comparable(readSheetJsWorkbook(bytes, { dateFormats: true })));
  });

  it("keeps to the cell limit", () => {
    expect(() => readBiff8Workbook(workbook(4, 100), { maxCells: 50 })).toThrow(ReadLimitError);
  });

  it("passes on what it does not read (another format, a damaged stream) to SheetJS", () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["a", 1]]), "S");
    expect(readBiff8Workbook(XLSX.write(book, { type: "buffer", bookType: "biff5" }) as Buffer)).toBeUndefined();
    expect(readBiff8Workbook(XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer)).toBeUndefined();
    const cut = workbook(5, 10);
    expect(readBiff8Workbook(cut.subarray(0, cut.length - 700))).toBeUndefined();
  });
});
