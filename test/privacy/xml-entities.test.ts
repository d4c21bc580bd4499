/**
 * @jest-environment node
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEAL_SHEET } from "../app/analysis.cases";
import { runCli } from "../cli/cli-harness";

/**
 * An .xlsx is XML in a zip, and XML can declare entities: ones that expand a billion times ("billion
 * laughs") and external ones that pull in a local file. The command line must never resolve either,
 * in any part (sheet, shared strings, workbook.xml, [Content_Types].xml): such a reference is read as
 * the literal text it is, or the file is refused; the file's content never appears and memory stays
 * small. Needs `npm run build:cli` for the memory check (npm test does it).
 */
const dir = mkdtempSync(path.join(tmpdir(), "xml-entities-"));
const bin = path.resolve(__dirname, "../../bin/sales-playbook.cjs");
const SECRET = "SECRET-3f9c1e-not-for-output";
const secretFile = path.join(dir, "secret.txt");
writeFileSync(secretFile, SECRET);

/** 10^9 "lol"s (3 GB) when expanded. */
const LAUGHS_DECLARED =
  `<!ENTITY lol "lol">` +
  Array.from({ length: 9 }, (_x, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("");
const EXTERNAL_DECLARED = `<!ENTITY xxe SYSTEM "file://${secretFile}"><!ENTITY host SYSTEM "file:///etc/hostname">`;
/** A parameter entity that would fetch more declarations from the file (out-of-band XXE). */
const PARAMETER_DECLARED = `<!ENTITY % remote SYSTEM "file://${secretFile}">%remote;`;

function withDoctype(xml: string, root: string, declarations: string): string {
  return xml.replace(/^(<\?xml[^>]*\?>)?\s*/, (decl) => `${decl}<!DOCTYPE ${root} [${declarations}]>`);
}

type Tamper = (zip: JSZip) => Promise<void>;
async function edit(zip: JSZip, part: string, change: (xml: string) => string): Promise<void> {
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`${part} is not in the test workbook`);
  const changed = change(xml);
  if (changed === xml) throw new Error(`${part} was not changed`);
  zip.file(part, changed);
}

/** ExcelJS writes the deal sheet's text as shared strings; D2 (a customer type) is where the entities go. */
const VARIANTS: Readonly<Record<string, Tamper>> = {
  "billion laughs in sharedStrings.xml": (zip) =>
    edit(zip, "xl/sharedStrings.xml", (xml) =>
      withDoctype(xml, "sst", LAUGHS_DECLARED).replace("<t>行业TOP100</t>", "<t>&lol9;</t>"),
    ),
  "external entities in a sheet": (zip) =>
    edit(zip, "xl/worksheets/sheet1.xml", (xml) =>
      withDoctype(xml, "worksheet", EXTERNAL_DECLARED).replace(
        /<c r="D2"[^>]*>.*?<\/c>/,
        '<c r="D2" t="inlineStr"><is><t>&xxe;&host;</t></is></c>',
      ),
    ),
  "external and parameter entities in workbook.xml": (zip) =>
    edit(zip, "xl/workbook.xml", (xml) =>
      withDoctype(xml, "workbook", EXTERNAL_DECLARED + PARAMETER_DECLARED).replace('name="CRM导出"', 'name="CRM&xxe;"'),
    ),
  "billion laughs and an external entity in [Content_Types].xml": (zip) =>
    edit(zip, "[Content_Types].xml", (xml) =>
      withDoctype(xml, "Types", LAUGHS_DECLARED + EXTERNAL_DECLARED).replace(
        "<Default ",
        '<Default Extension="txt" ContentType="&lol9;&xxe;"/><Default ',
      ),
    ),
};

const files: Record<string, string> = {};
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("CRM导出");
  DEAL_SHEET.forEach((line) => sheet.addRow(line));
  const clean = Buffer.from(await workbook.xlsx.writeBuffer());
  let n = 0;
  for (const [name, tamper] of Object.entries(VARIANTS)) {
    const zip = await JSZip.loadAsync(clean);
    await tamper(zip);
    files[name] = path.join(dir, `tampered-${++n}.xlsx`);
    writeFileSync(files[name], await zip.generateAsync({ type: "nodebuffer" }));
  }
});

/** Nothing the entities would have brought in: the file's text, the host's name, the expansion. */
function expectNothingResolved(text: string): void {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain("lollol");
  const hostname = existsSync("/etc/hostname") ? readFileSync("/etc/hostname", "utf8").trim() : "";
  if (hostname.length >= 6) expect(text).not.toContain(hostname);
}

async function textOfWorkbook(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = await Promise.all(Object.values(zip.files).map((f) => (f.dir ? "" : f.async("string"))));
  return parts.join("\n");
}

describe.each(Object.keys(VARIANTS))("%s", (variant) => {
  it("customers, diagnose and validate read the references as literal text, never what they point to", async () => {
    const customers = await runCli(["customers", files[variant], "--json", "--lang", "en"]);
    const diagnose = await runCli(["diagnose", files[variant], "--json", "--lang", "en"]);
    const validate = await runCli(["validate", files[variant], "--json", "--lang", "en"]);
    for (const run of [customers, diagnose, validate]) {
      expect(run.code).toBe(0); // the deals are read; validate finds no playbook sheet in a deal export
      expectNothingResolved(run.stdout + run.stderr);
    }
    const types = (JSON.parse(customers.stdout) as { segments: { type: string }[] }).segments.map((s) => s.type);
    if (variant.includes("sharedStrings")) expect(types).toContain("&lol9;");
    if (variant.includes("a sheet")) expect(types).toContain("&xxe;&host;");
  });

  it("--out never carries what the references point to, whether the file is refused or copied", async () => {
    const out = path.join(dir, `out-${Object.keys(VARIANTS).indexOf(variant)}.xlsx`);
    let said = "";
    try {
      const run = await runCli(["diagnose", files[variant], "--out", out, "--lang", "en"]);
      said = run.stdout + run.stderr;
      expect(run.code).toBe(0);
    } catch (error) {
      said = String(error); // ExcelJS refuses a DTD it does not resolve ("undefined entity")
    }
    expectNothingResolved(said);
    if (existsSync(out)) expectNothingResolved(await textOfWorkbook(out));
  });
});

describe("a workbook whose entities the full load refuses, with --out", () => {
  // The XML parser stops at the undeclared entity: the file's problem, one sentence naming the reason.
  it("exits 2 with a sentence about the file", async () => {
    const run = await runCli([
      "customers",
      files["external entities in a sheet"],
      "--out",
      path.join(dir, "refused.xlsx"),
      "--lang",
      "en",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("uses XML entities inside");
  });
});

const builtCli = existsSync(path.resolve(__dirname, "../../build/cli/cli/main.js"));
describe("memory while reading a billion laughs", () => {
  it.each([[[] as string[]], [["--out", path.join(dir, "laughs-out.xlsx")]]])(
    "customers %j in a process limited to a 128 MB heap stays under 300 MB",
    (extra) => {
      if (!builtCli) throw new Error("build/cli is missing: run `npm run build:cli` first");
      const probe = path.join(dir, "max-rss.cjs");
      // The peak of this process's own memory: /proc's VmHWM starts afresh at exec, whereas getrusage's maxRSS keeps
      // the high-water mark of the jest worker the process was forked from (Linux keeps ru_maxrss across execve).
      writeFileSync(
        probe,
        `process.on("exit", () => {
          let kb = process.resourceUsage().maxRSS;
          try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]); } catch {}
          process.stderr.write("\\nmaxRSS=" + kb + "\\n");
        });`,
      );
      const file = files["billion laughs in sharedStrings.xml"];
      const run = spawnSync(
        process.execPath,
        ["--max-old-space-size=128", "--require", probe, bin, "customers", file, ...extra, "--lang", "en"],
        { encoding: "utf8", timeout: 30_000 },
      );
      expect(run.signal).toBeNull();
      expect(run.stderr).not.toMatch(/heap out of memory/i);
      expectNothingResolved(run.stdout + run.stderr);
      const maxRssKb = Number(/maxRSS=(\d+)/.exec(run.stderr)?.[1]);
      expect(maxRssKb).toBeGreaterThan(0);
      expect(maxRssKb).toBeLessThan(300 * 1024);
    },
    40_000,
  );
});
