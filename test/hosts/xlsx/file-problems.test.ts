import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readWorkbookFile } from "../../../src/hosts/xlsx/read-workbook-file";
import { SheetDataScanner } from "../../../src/hosts/xlsx/sheet-data-scanner";
import { WorkbookFileError } from "../../../src/hosts/xlsx/workbook-file-error";

jest.mock("@e965/xlsx", () => {
  const actual = jest.requireActual("@e965/xlsx");
  return { ...actual, read: jest.fn(actual.read) };
});

const dir = mkdtempSync(path.join(tmpdir(), "file-problems-"));
const write = (name: string, bytes: Buffer | string) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const ole = (streams: Record<string, Buffer>) => {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, bytes] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, bytes);
  return XLSX.CFB.write(cfb, { type: "buffer" }) as Buffer;
};

async function sentence(file: string, encoding?: string): Promise<string> {
  const error = await readWorkbookFile(file, { encoding }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorkbookFileError)) throw new Error(`expected one sentence, got ${String(error)}`);
  expect(error.text["zh-CN"]).toContain(file);
  return error.text.en;
}

let small: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Deals").addRow(["Date", "Amount"]);
  small = Buffer.from(await wb.xlsx.writeBuffer());
});

describe("a bad file is one sentence naming it and what to do", () => {
  it.each([
    ["text named .xlsx", () => write("notes.xlsx", "just text"), "is not a valid .xlsx file"],
    ["text named .ods", () => write("notes.ods", "just text"), "is not a valid .ods file"],
    [
      "an image named .csv",
      () => write("photo.csv", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")),
      "is not a valid .csv file",
    ],
    [
      "an image with another name",
      () => write("photo.png", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")),
      "is not a spreadsheet",
    ],
    ["a truncated .xlsx", () => write("cut.xlsx", small.subarray(0, 600)), "is not a valid .xlsx file"],
    [
      "a zip that is no workbook",
      () => write("archive.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(200)])),
      "is not a valid .xlsx file",
    ],
    [
      "an OLE header alone",
      () => write("locked.xlsx", Buffer.from("d0cf11e0a1b11ae10000", "hex")),
      "is encrypted or an old .xls file",
    ],
    [
      "a password-protected .xlsx (an OLE container)",
      () => write("secret.xlsx", ole({ EncryptionInfo: Buffer.alloc(600, 1), EncryptedPackage: Buffer.alloc(4096, 2) })),
      "is encrypted or an old .xls file",
    ],
    [
      "an OLE file that holds no workbook (a .doc)",
      () => write("letter.xls", ole({ WordDocument: Buffer.alloc(600, 1) })),
      "is not a valid .xls file",
    ],
    ["an unclosed quote in a CSV", () => write("broken.csv", 'a,b\n"1,2\n'), "is not a valid .csv file"],
  ])("%s", async (_name, make, text) => {
    expect(await sentence(make())).toContain(text);
  });

  it("a text file not in the encoding given with --encoding", async () => {
    const file = write("gb.csv", Buffer.from("bfcdbba72cbdf0b6ee0d0a", "hex")); // 客户,金额 in GB18030
    expect(await sentence(file, "utf-8")).toBe(
      `${file} is not utf-8 text: check --encoding (e.g. utf-8, gb18030, utf-16le), or leave it out to detect the encoding.`,
    );
  });

  it("an .xls whose reader says it is password-protected", async () => {
    (XLSX.read as jest.Mock).mockImplementationOnce(() => {
      throw new Error("File is password-protected");
    });
    expect(await sentence(write("locked.xls", ole({ Workbook: Buffer.alloc(600, 1) })))).toContain("is encrypted");
  });
});

describe("a failure inside a reader is not blamed on the file", () => {
  it("SheetJS (.ods, and any .xls the BIFF8 reader passes on): reaches the internal-error path with the library's message", async () => {
    (XLSX.read as jest.Mock).mockImplementationOnce(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'l')");
    });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["Date", "Amount"]]), "Deals");
    const file = write("fine.ods", XLSX.write(book, { type: "buffer", bookType: "ods" }) as Buffer);
    const error = await readWorkbookFile(file).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toBe(
      `SheetJS failed reading ${file} (a bug to report, not a problem with the file): Cannot read properties of undefined (reading 'l')`,
    );
  });

  it("the streaming .xlsx reader: the same path, with its own message", async () => {
    const push = jest.spyOn(SheetDataScanner.prototype, "push").mockImplementationOnce(() => {
      throw new TypeError("x is undefined");
    });
    const file = write("fine.xlsx", small);
    const error = await readWorkbookFile(file).catch((e: unknown) => e);
    push.mockRestore();
    expect(error).not.toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toBe(
      `The .xlsx reader failed reading ${file} (a bug to report, not a problem with the file): x is undefined`,
    );
  });
});

describe("cell values as the port wants them", () => {
  it("formulas give their cached result, errors their text, rich text its text, booleans stay; 1904 dates become 1900 serials", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Values");
    ws.addRow(["Date", "Sum", "Error", "Note", "Flag"]);
    ws.addRow([
      new Date(Date.UTC(2026, 10, 3)),
      { formula: "1+1", result: 2 },
      { error: "#N/A" },
      { richText: [{ text: "rich " }, { text: "text", font: { bold: true } }] },
      true,
    ]);
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    const file = write("values.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const { sheets } = await readWorkbookFile(file);
    expect(sheets[0].values[1]).toEqual([46329, 2, "#N/A", "rich text", true]); // 2026-11-03
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
