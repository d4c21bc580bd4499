import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { saveXlsxFile } from "../../src/hosts/xlsx/xlsx-file";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { runCli } from "../cli/cli-harness";
import { PYTHON } from "../support/export-fixtures";
import { findSoffice } from "../support/soffice";
import { put } from "./sandbox";

/*
 * Characters XML 1.0 cannot hold (U+FFFE, U+FFFF, a lone surrogate, the C0 controls) in a cell: Excel stores them
 * as `_xHHHH_`, the reader gives them back as themselves, and every --out must write them so that the package
 * parses: escaped where the format reads escapes (cell text), replaced by U+FFFD where it does not (sheet names,
 * chart titles and caches). The results are opened by openpyxl and LibreOffice, the readers the issue names.
 */

const box = mkdtempSync(path.join(tmpdir(), "xml-characters-"));
afterAll(() => rmSync(box, { recursive: true, force: true }));
const en = ["--lang", "en"];
const soffice = findSoffice();

/** The customers' names as the user has them, and as an .xlsx stores them (ECMA-376 ST_Xstring). */
const NAMES = [
  { text: "Acme\ufffeOne", stored: "Acme_xFFFE_One" },
  { text: "Beta\uffffTwo", stored: "Beta_xFFFF_Two" },
  { text: "Gamma\ud800Three", stored: "Gamma_xD800_Three" },
  { text: "Delta\u0001Four", stored: "Delta_x0001_Four" },
  { text: "_x0041_ Five", stored: "_x005F_x0041_ Five" },
  { text: "Plain Six", stored: "Plain Six" },
] as const;
/** A rep and a customer type with such characters: they become the charts' category labels. */
const REP = { text: "Bo\uffffb", stored: "Bo_xFFFF_b" };

/** Deals in October and November 2026; the first, third and fifth customer buy in October only. */
async function dealsWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Deals");
  ws.addRow(["Date", "Owner", "Customer", "Customer Type", "Amount", "Order ID", "Status"]);
  NAMES.forEach((name, i) =>
    ws.addRow([
      new Date(Date.UTC(2026, 9 + (i % 2), 10 + i)),
      i < 3 ? "Ann" : REP.stored,
      name.stored,
      "SMB",
      1000 * (i + 1),
      `SO${i}`,
      "Won",
    ]),
  );
  ws.getColumn(1).numFmt = "yyyy-mm-dd";
  return put(box, `deals-${Math.random().toString(16).slice(2)}.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Each XML part of the package that a conforming parser refuses, with its message. */
async function unparsedParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const broken: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const parser = new SaxesParser();
    try {
      parser.write(await zip.file(name)!.async("string")).close();
    } catch (error) {
      broken.push(`${name}: ${(error as Error).message}`);
    }
  }
  return broken;
}

/** The text cells of each sheet as openpyxl reads them (it fails on a part that does not parse). */
function openpyxlTexts(file: string): Record<string, string[]> {
  const script = [
    "import json, sys, openpyxl",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    "print(json.dumps({ws.title: [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)] for ws in wb}))",
  ].join("\n");
  return JSON.parse(execFileSync(PYTHON, ["-c", script, file], { encoding: "utf8" })) as Record<string, string[]>;
}

/** Every sheet of the file as LibreOffice exports it to UTF-8 CSV, by sheet name. */
function libreOfficeSheets(file: string): Record<string, string> {
  const out = mkdtempSync(path.join(box, "lo-"));
  const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  try {
    // Filter options: comma, double quote, UTF-8, from line 1, ..., -1 = every sheet to its own file.
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    execFileSync(
      soffice!,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", out, file],
      {
        stdio: "pipe",
        timeout: 180_000,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const base = path.basename(file, ".xlsx");
  return Object.fromEntries(
    readdirSync(out).map((name) => [name.slice(base.length + 1, -".csv".length), readFileSync(path.join(out, name), "utf8")]),
  );
}

/**
 * openpyxl 3.0 undoes no `_xHHHH_` escape but `_x005F_` in shared strings: what it reads is the stored form. An
 * inline string (the sheets diagnose --out adds) it reads as stored, `_x005F_` included.
 */
const openpyxlShared = (stored: string) => stored.replace(/x005F_/g, "");

/** LibreOffice reads every escape back; a lone surrogate cannot go to UTF-8 and comes out as "?" with the next character. */
const libreOfficeText = (text: string) => text.replace(/[\ud800-\udfff][\s\S]/g, "?");

describe("characters XML cannot hold, in cells written by --out", () => {
  it("diagnose --out (the user's parts kept, the report's sheets and charts added): openpyxl and LibreOffice open it and read the names", async () => {
    const input = await dealsWorkbook();
    const json = JSON.parse((await runCli(["customers", input, "--json", ...en])).stdout);
    // The reader gives the names back as the user has them; the figures are right.
    expect([json.total, json.churned]).toEqual([
      { customers: 6, orders: 6, revenue: 21000 },
      [NAMES[0].text, NAMES[2].text, NAMES[4].text],
    ]);

    const report = path.join(box, "report.xlsx");
    const run = await runCli(["diagnose", input, "--out", report, ...en]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain(`Wrote ${report}`);
    expect(await unparsedParts(report)).toEqual([]);

    const texts = openpyxlTexts(report);
    expect(texts.Deals).toEqual(expect.arrayContaining(NAMES.map((n) => openpyxlShared(n.stored))));
    expect(texts.Diagnosis).toEqual(expect.arrayContaining([NAMES[0].stored, NAMES[2].stored, NAMES[4].stored]));
    // The charts' category labels hold the rep's name with U+FFFD for the character a chart cannot hold.
    const zip = await JSZip.loadAsync(readFileSync(report));
    const charts = await Promise.all(zip.file(/^xl\/charts\/chart\d+\.xml$/).map((f) => f.async("string")));
    expect(charts.join("")).toContain("<c:v>Bo\ufffdb</c:v>");

    if (!soffice) return;
    const sheets = libreOfficeSheets(report);
    for (const name of [NAMES[0], NAMES[2], NAMES[4]]) expect(sheets.Diagnosis).toContain(libreOfficeText(name.text));
    for (const name of NAMES) expect(sheets.Deals).toContain(libreOfficeText(name.text));
  });

  it("validate --out (the workbook loaded whole and written by ExcelJS): every cell parses and reads back as the user's text", async () => {
    const input = await dealsWorkbook();
    const marked = path.join(box, "marked.xlsx");
    const run = await runCli(["validate", input, "--out", marked, ...en]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(await unparsedParts(marked)).toEqual([]);
    expect(openpyxlTexts(marked).Deals).toEqual(expect.arrayContaining([...NAMES, REP].map((n) => openpyxlShared(n.stored))));
    // Read again by the command itself: the same names and figures as from the input.
    const again = JSON.parse((await runCli(["customers", marked, "--json", ...en])).stdout);
    expect([again.total, again.churned]).toEqual([
      { customers: 6, orders: 6, revenue: 21000 },
      [NAMES[0].text, NAMES[2].text, NAMES[4].text],
    ]);
    if (!soffice) return;
    const deals = libreOfficeSheets(marked).Deals;
    for (const name of [...NAMES, REP]) expect(deals).toContain(libreOfficeText(name.text));
  });

  it("a .csv named with U+FFFF and a C0 control: the sheet named after it holds U+FFFD (a sheet name reads no escape), the cells their text", async () => {
    // (A C0 control in a .csv's text makes it not a .csv: the file name carries one instead.)
    const input = put(
      box,
      "deals\uffff\u0001.csv",
      ["Customer,Amount", "Acme\ufffeOne,100", "Beta\uffffTwo,200", "_x0041_ Five,300"].join("\n"),
    );
    const out = path.join(box, "from-csv.xlsx");
    const run = await runCli(["validate", input, "--out", out, ...en]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(await unparsedParts(out)).toEqual([]);
    const texts = openpyxlTexts(out);
    expect(Object.keys(texts)).toEqual(["deals\ufffd\ufffd"]);
    expect(texts["deals\ufffd\ufffd"]).toEqual([
      "Customer",
      "Amount",
      "Acme_xFFFE_One",
      "100",
      "Beta_xFFFF_Two",
      "200",
      "_x0041_ Five",
      "300",
    ]);
    if (!soffice) return;
    expect(libreOfficeSheets(out)["deals\ufffd\ufffd"]).toBe(
      "Customer,Amount\nAcme\ufffeOne,100\nBeta\uffffTwo,200\n_x0041_ Five,300\n",
    );
  });

  it("the workbench's Save (xlsxPackage): cell text, rich text, a note and a sheet name with such characters give a package that parses and reads back", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Notes\uffff");
    ws.getCell("A1").value = "Acme\ufffeOne";
    ws.getCell("A2").value = { richText: [{ text: "Gamma\ud800" }, { text: "_x0041_", font: { bold: true } }] };
    ws.getCell("A3").value = { formula: '"Beta"&"x"', result: "Beta\uffffTwo" };
    ws.getCell("A4").note = "Delta\u0001Four";
    const host = new XlsxHost(wb);
    const file = put(box, "workbench.xlsx", Buffer.from(await host.packageBytes()));
    expect(await unparsedParts(file)).toEqual([]);
    // The workbook in memory keeps the user's text: the written forms are given back after writing.
    expect([ws.name, ws.getCell("A1").value, ws.getCell("A4").note]).toEqual(["Notes\uffff", "Acme\ufffeOne", "Delta\u0001Four"]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = back.worksheets[0];
    expect(sheet.name).toBe("Notes\ufffd");
    expect(sheet.getCell("A1").value).toBe("Acme\ufffeOne");
    expect(sheet.getCell("A2").text).toBe("Gamma\ud800_x0041_");
    // A formula's cached text is an ST_Xstring too (ExcelJS reads it back undecoded; the file recalculates on load).
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain("<v>Beta_xFFFF_Two</v>");
    // A note's runs are ST_Xstring: the C0 control ExcelJS would drop is kept as its escape.
    expect(await zip.file("xl/comments1.xml")!.async("string")).toContain("Delta_x0001_Four");
    expect(openpyxlTexts(file)["Notes\ufffd"]).toEqual(["Acme_xFFFE_One", "Gamma_xD800__x0041_", '="Beta"&"x"']);
  });

  it("a part that still would not parse (a validation prompt with U+FFFF, which no escape covers): one sentence, nothing written", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.getCell("A1").dataValidation = { type: "list", formulae: ['"a,b"'], showInputMessage: true, prompt: "Pick\uffff" };
    const file = path.join(box, "prompt.xlsx");
    const error = await saveXlsxFile(new XlsxHost(wb), file).catch((e: Error) => e);
    expect(String((error as Error).message)).toBe(
      `${file} was not written: its part xl/worksheets/sheet1.xml holds a character an .xlsx cannot store, so the file would not open; nothing was replaced.`,
    );
    expect(existsSync(file)).toBe(false);
  });
});
