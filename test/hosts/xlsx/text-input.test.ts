import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { detectDelimiter, readDelimitedText } from "../../../src/hosts/xlsx/delimited-text";
import { readWorkbookFile } from "../../../src/hosts/xlsx/read-workbook-file";
import { decodeText, resolveEncodingLabel, utf16WithoutMark } from "../../../src/hosts/xlsx/text-decoding";

const dir = mkdtempSync(path.join(tmpdir(), "text-input-"));
const utf8 = (text: string) => Buffer.from(text, "utf8");
/** GB18030 bytes, made by Python's codec (an independent encoder). */
const GB: Record<string, Buffer> = {
  "日期,金额\r\n2026-01-02,100\r\n": Buffer.from("c8d5c6da2cbdf0b6ee0d0a323032362d30312d30322c3130300d0a", "hex"),
  "客户,金额\r\n张三,1\r\n": Buffer.from("bfcdbba72cbdf0b6ee0d0ad5c5c8fd2c310d0a", "hex"),
  "𠮷祥餐饮": Buffer.from("9534b235cfe9b2cdd2fb", "hex"),
};

describe("text encodings: byte-order mark, else UTF-16 by its NULs, else strict UTF-8, else GB18030", () => {
  it.each([
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("客户,金额")]), "utf-8"],
    ["UTF-8 without BOM", utf8("客户,金额"), "utf-8"],
    [
      "UTF-16LE with BOM (Excel's Unicode text)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("客户\t金额", "utf16le")]),
      "utf-16le",
    ],
    ["UTF-16LE without BOM", Buffer.from("Date\tAmount\r\n2026-01-02\t5", "utf16le"), "utf-16le"],
    ["UTF-16BE with BOM", Buffer.from("feff5ba262370009", "hex"), "utf-16be"],
  ])("%s", (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toMatchObject({ encoding });
    expect(decodeText(bytes)!.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("UTF-16 without a mark by the byte order in which separators read as themselves, characters like 销 (U+9500) included", () => {
    const le = (text: string) => Buffer.from(text, "utf16le");
    const be = (text: string) => Buffer.from(text, "utf16le").swap16();
    expect(utf16WithoutMark(le("销售,一月\r\n销一,100\r\n"))).toBe("le");
    expect(utf16WithoutMark(be("销售,一月\r\n销一,100\r\n"))).toBe("be");
    expect(utf16WithoutMark(le("Rep,Amount\n销,1\n"))).toBe("le");
    expect(decodeText(be("销,一\n"))).toEqual({ text: "销,一\n", encoding: "utf-16be" });
    // Zero bytes that are not UTF-16: a stray NUL in UTF-8 text, U+0000, a lone surrogate.
    expect(utf16WithoutMark(Buffer.concat([utf8("客户,金额\n甲,1\n".repeat(20)), Buffer.from([0])]))).toBeUndefined();
    expect(utf16WithoutMark(le("a,b\n\u0000,1\n"))).toBeUndefined();
    expect(utf16WithoutMark(le("a,b\n\udc00,1\n"))).toBeUndefined();
  });

  it.each(Object.entries(GB))("short GB18030 text a statistical detector misnames: %j", (text, bytes) => {
    expect(decodeText(bytes)).toEqual({ text, encoding: "gb18030" });
  });

  it("--encoding names any WHATWG label; bytes not in it are refused, not guessed", () => {
    expect(resolveEncodingLabel("GBK")).toBe("gb18030"); // the WHATWG GBK decoder is GB18030's
    expect(decodeText(GB["𠮷祥餐饮"], "gb2312")).toEqual({ text: "𠮷祥餐饮", encoding: "gb18030" });
    expect(resolveEncodingLabel(" utf8 ")).toBe("utf-8");
    expect(resolveEncodingLabel("gb-nonsense")).toBeUndefined();
    expect(decodeText(GB["𠮷祥餐饮"], "gb18030")).toEqual({ text: "𠮷祥餐饮", encoding: "gb18030" });
    expect(decodeText(GB["𠮷祥餐饮"], "utf-8")).toBeUndefined();
    // Big5 is not detected (GB18030 wins): the user names it.
    expect(decodeText(Buffer.from("abc8a4e1", "hex"), "big5")?.text).toBe("客戶");
  });
});

describe("delimiters, found by the records that agree with the header", () => {
  it.each([
    ["comma", "a,b,c\n1,2,3\n", ","],
    ["semicolon, commas inside values", "Name;Amount;Note\nSmith, Jones;1,5;x\nLee;2;y, z\n", ";"],
    ["tab", "日期\t金额\n2026/1/2\t1,234.00\n", "\t"],
    ["comma with quoted semicolons", '"a;b",c\n"d;e",f\n', ","],
    ["one column", "Amount\n5\n6\n", ","],
    ["pipe", "a|b\n1|2\n", "|"],
    ["semicolon, CR record ends (old Mac exports)", "a;b;c\r1;2,5;3\r4;5;6\r", ";"],
  ])("%s", (_name, text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe("a CSV is one sheet of text cells", () => {
  it("keeps IDs, amounts and dates as written; empty fields are blank; quotes and line breaks in fields", () => {
    const sheet = readDelimitedText(
      '客户编码,客户,价税合计,备注\r\n00123,"北京""新视界""","(1,234.00)","两行\r\n备注"\r\n00124,,-5,\r\n',
      "orders",
    );
    expect(sheet).toEqual({
      name: "orders",
      row: 0,
      column: 0,
      values: [
        ["客户编码", "客户", "价税合计", "备注"],
        ["00123", '北京"新视界"', "(1,234.00)", "两行\r\n备注"],
        ["00124", null, "-5", null],
      ],
    });
  });

  it("named after the file, whatever its extension, by content", async () => {
    const file = path.join(dir, "ERP销售单 (11月).xls");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("日期\t金额\r\n2026/11/3\t1,234.00\r\n", "utf16le")]),
    );
    const read = await readWorkbookFile(file);
    expect(read.source).toBe("text");
    expect(read.sheets).toEqual([
      {
        name: "ERP销售单 (11月)",
        row: 0,
        column: 0,
        values: [
          ["日期", "金额"],
          ["2026/11/3", "1,234.00"],
        ],
      },
    ]);
  });

  it("an ERP's HTML table saved as .xls is read as text cells", async () => {
    const file = path.join(dir, "销售出库单.xls");
    writeFileSync(
      file,
      `<html><head><meta charset="utf-8"></head><body><table><tr><td>单据日期</td><td>客户</td><td>金额</td></tr><tr><td>2026-11-03</td><td>00123</td><td>1,234.00</td></tr></table></body></html>`,
    );
    const read = await readWorkbookFile(file);
    expect(read.sheets.map((s) => [s.name, s.values])).toEqual([
      [
        "销售出库单",
        [
          ["单据日期", "客户", "金额"],
          ["2026-11-03", "00123", "1,234.00"],
        ],
      ],
    ]);
  });

  it("a GB18030 file read through the entry point", async () => {
    const file = path.join(dir, "crm.csv");
    writeFileSync(file, Buffer.concat([GB["客户,金额\r\n张三,1\r\n"]]));
    expect((await readWorkbookFile(file)).sheets[0].values).toEqual([
      ["客户", "金额"],
      ["张三", "1"],
    ]);
  });
});
