import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { peakMemoryProbe, runMeasured } from "./real-process";
import { generatedZip, repeated, SHEET_START, sheetXml, workbookParts } from "./generated-xlsx";

/**
 * Bounded memory in the streamed .xlsx reader: one cell's text of hundreds of MB (a few hundred KB
 * compressed) and sheets whose used range runs to row 1,048,576. The real command, its peak memory read
 * from /proc (VmHWM) as it exits, asserted as a bound; each case is refused in one sentence or read.
 */
jest.setTimeout(180_000); // a hang guard only: each case ends in seconds

const box = mkdtempSync(path.join(tmpdir(), "reader-limits-"));
afterAll(() => rmSync(box, { recursive: true, force: true }));

const probe = peakMemoryProbe(box);
/** The real command with the probe; killed after 150 s. */
const run = (args: readonly string[]) => runMeasured(args, { cwd: box, probe, killAfterMs: 150_000 });

const MB = 1024 * 1024;
const LIMIT_MB = 1500;

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER = `<row r="1">${inline("A1", "日期")}${inline("B1", "销售")}${inline("C1", "客户")}${inline("D1", "金额")}</row>`;
/** A deal line; `customer` is its C cell's XML. */
const deal = (r: number, customer: string) =>
  `<row r="${r}">${inline(`A${r}`, `2026-11-0${r}`)}${inline(`B${r}`, "张三")}${customer}<c r="D${r}"><v>${1000 + r}</v></c></row>`;

async function write(name: string, parts: Parameters<typeof generatedZip>[0]): Promise<string> {
  const file = path.join(box, name);
  writeFileSync(file, await generatedZip(parts));
  return file;
}

/** A deal sheet whose C2 is a shared string of `chars` characters (C3 a short one). */
const sharedStringFile = (name: string, chars: number) =>
  write(
    name,
    workbookParts(
      [
        {
          name: "成交",
          xml: () => sheetXml([HEADER, deal(2, '<c r="C2" t="s"><v>0</v></c>'), deal(3, '<c r="C3" t="s"><v>1</v></c>')]),
        },
      ],
      function* () {
        yield '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>';
        yield* repeated("a", chars);
        yield "</t></si><si><t>客户乙</t></si></sst>";
      },
    ),
  );

/** A deal sheet whose C2 is an inline string of `chars` characters, closed or (`closed` false) running to the end of the file. */
const inlineStringFile = (name: string, chars: number, closed = true) =>
  write(
    name,
    workbookParts([
      {
        name: "成交",
        xml: function* () {
          yield `${SHEET_START}${HEADER}<row r="2">${inline("A2", "2026-11-02")}${inline("B2", "张三")}<c r="C2" t="inlineStr"><is><t>`;
          yield* repeated("客户", chars);
          if (closed)
            yield `</t></is></c><c r="D2"><v>1002</v></c></row>${deal(3, inline("C3", "客户乙"))}</sheetData></worksheet>`;
        },
      },
    ]),
  );

const TOO_LONG_EN = (file: string) =>
  `${file} has a cell (成交!C2) over 32,767 characters (the most an Excel cell holds) and was not read: shorten that cell's text and try again.`;

describe("a cell's text is capped at Excel's 32,767 characters, refused by name with memory bounded", () => {
  it("one shared string of 200 MB (a 200 KB file): exit 2 naming the cell that shows it, under 1.5 GB", async () => {
    const file = await sharedStringFile("shared-200mb.xlsx", 200 * MB);
    const result = await run(["customers", file, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([TOO_LONG_EN(file)]);
    expect(result.peakMb).toBeLessThan(LIMIT_MB);
  });

  it("the same shared string on the --out path (customers --out): refused before the whole load, nothing written, under 1.5 GB", async () => {
    const file = await sharedStringFile("shared-200mb-out.xlsx", 200 * MB);
    const out = path.join(box, "shared-200mb-report.xlsx");
    const result = await run(["customers", file, "--out", out, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([TOO_LONG_EN(file)]);
    expect(existsSync(out)).toBe(false);
    expect(result.peakMb).toBeLessThan(LIMIT_MB);
  });

  it("one inline string of 300 MB in zh-CN: the same refusal in Chinese, under 1.5 GB", async () => {
    const file = await inlineStringFile("inline-200mb.xlsx", 100 * MB);
    const result = await run(["customers", file, "--lang", "zh-CN"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([
      `${file} 的单元格 成交!C2 超过 32,767 个字符（Excel 单元格的上限），未读取：请把该单元格的文字缩短后重试。`,
    ]);
    expect(result.peakMb).toBeLessThan(LIMIT_MB);
  });

  it("the inline string on the --out path (customers --out): refused before the whole load, nothing written, under 1.5 GB", async () => {
    const file = await inlineStringFile("inline-out.xlsx", 100 * MB);
    const out = path.join(box, "inline-report.xlsx");
    const result = await run(["customers", file, "--out", out, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([TOO_LONG_EN(file)]);
    expect(existsSync(out)).toBe(false);
    expect(result.peakMb).toBeLessThan(LIMIT_MB);
  });

  it("an inline string of 300 MB that never closes (the file ends inside it): refused at the cell, not gathered, under 1.5 GB", async () => {
    const file = await inlineStringFile("inline-unclosed.xlsx", 100 * MB, false);
    const result = await run(["customers", file, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([TOO_LONG_EN(file)]);
    expect(result.peakMb).toBeLessThan(LIMIT_MB);
  });

  it("a tag that never closes (200 MB of attribute): a damaged file in one sentence, under 1.5 GB", async () => {
    const file = await write(
      "tag-unclosed.xlsx",
      workbookParts([
        {
          name: "成交",
          xml: function* () {
            yield `${SHEET_START}${HEADER}<row r="2" x="`;
            yield* repeated("z", 200 * MB);
          },
        },
      ]),
    );
    const result = await run(["customers", file, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([`${file} is not a valid .xlsx file: open it in Excel/WPS, save it as .xlsx and try again.`]);
    expect(result.peakMb).toBeLessThan(LIMIT_MB);
  });

  it("a customer name of exactly 32,767 characters is read; one more is refused", async () => {
    const at = await sharedStringFile("shared-32767.xlsx", 32_767);
    const read = await run(["customers", at, "--json", "--lang", "en"]);
    expect(read.code).toBe(0);
    expect((JSON.parse(read.stdout) as { total: { customers: number; revenue: number } }).total).toMatchObject({
      customers: 2,
      revenue: 1002 + 1003,
    });
    const over = await sharedStringFile("shared-32768.xlsx", 32_768);
    const refused = await run(["customers", over, "--lang", "en"]);
    expect(refused.code).toBe(2);
    expect(refused.said).toEqual([TOO_LONG_EN(over)]);
  });
});

/** `count` sheets, each a value at A1 and one at A1048576 (the used range is the whole column), then `extra`. */
const tallSheets = (count: number, extra: { name: string; xml: () => Iterable<string> }[] = []) =>
  workbookParts([
    ...extra,
    ...Array.from({ length: count }, (_, i) => ({
      name: `S${i + 1}`,
      xml: () => sheetXml(['<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row>']),
    })),
  ]);

const OVER_CELLS = (file: string) =>
  `${file} holds more than the 20,000,000-cell read limit (a guard on memory): to read it anyway, add --max-cells 80000000 and try again.`;

describe("every row of a used range and every sheet count against --max-cells, across the workbook", () => {
  it.each([100, 500])("%i sheets from A1 to A1048576: exit 2 naming --max-cells, under 1.5 GB", async (count) => {
    const file = await write(
      `tall-${count}.xlsx`,
      tallSheets(count, [{ name: "成交", xml: () => sheetXml([HEADER, deal(2, inline("C2", "客户甲"))]) }]),
    );
    const result = await run(["customers", file, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([OVER_CELLS(file)]);
    expect(result.peakMb).toBeLessThan(LIMIT_MB);
  });

  it("a deal sheet with a stray value at A1048576, beside one more such sheet: read, with the right figures", async () => {
    const sheet = () =>
      sheetXml([
        HEADER,
        deal(2, inline("C2", "客户甲")),
        deal(3, inline("C3", "客户乙")),
        '<row r="1048576"><c r="F1048576"><v>9</v></c></row>',
      ]);
    const file = await write("tall-one.xlsx", tallSheets(1, [{ name: "成交", xml: sheet }]));
    const result = await run(["customers", file, "--json", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { total: { customers: number; revenue: number } }).total).toMatchObject({
      customers: 2,
      revenue: 1002 + 1003,
    });
  });
});

describe("a cell without a value is read at its own cost", () => {
  it("a sheet of 100,000 formulas with no cached value beside the deals: read (it ran past 120 s before), the deals' figures right", async () => {
    function* formulas(): Iterable<string> {
      for (let r = 1; r <= 100_000; r++) yield `<row r="${r}"><c r="A${r}"><f>B${r}+1</f></c><c r="B${r}"><f>1</f></c></row>`;
    }
    const file = await write(
      "formulas-no-values.xlsx",
      workbookParts([
        { name: "成交", xml: () => sheetXml([HEADER, deal(2, inline("C2", "客户甲")), deal(3, inline("C3", "客户乙"))]) },
        { name: "计算", xml: () => sheetXml(formulas()) },
      ]),
    );
    const result = await run(["customers", file, "--json", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { total: { customers: number; revenue: number } }).total).toMatchObject({
      customers: 2,
      revenue: 1002 + 1003,
    });
  });
});
