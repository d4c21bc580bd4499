import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import { COMMANDS, type CommandName } from "../../src/cli/commands";
import { prepareExportFixtures } from "../support/export-fixtures";
import { runCli } from "./cli-harness";
import { SCHEMA_FILE } from "./cli-schema";

/**
 * Every command's --json on real files (the example team `init --example --data` writes, in both
 * languages, read-only and with --out; export files as CRMs and ERPs write them) is the document its
 * type says: docs/cli-schema.json, generated from src/cli/json-contract.ts, closes every object, so a
 * field printed without its type fails here.
 */
jest.setTimeout(300_000);

const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addSchema(schema, "cli");
const documentOf = (command: CommandName): ValidateFunction =>
  ajv.getSchema(`cli#/definitions/CliJson/properties/${command}`) ?? fail(`no schema for ${command}`);

function fail(message: string): never {
  throw new Error(message);
}

const dir = mkdtempSync(path.join(tmpdir(), "cli-json-"));
const at = (name: string) => path.join(dir, name);
const checked = new Set<CommandName>();

/** Runs `command --json` and checks its document against the command's schema. */
async function expectDocument(command: CommandName, args: string[], codes: readonly number[] = [0]): Promise<unknown> {
  const result = await runCli([command, ...args, "--json"]);
  expect(result.stderr).toBe("");
  expect(codes).toContain(result.code);
  const json: unknown = JSON.parse(result.stdout);
  const valid = documentOf(command);
  if (!valid(json)) throw new Error(`${command} ${args.join(" ")}: ${ajv.errorsText(valid.errors, { separator: "\n" })}`);
  checked.add(command);
  return json;
}

/** An order export in the layout of Kaggle's sample sales data (order states, one on hold, one unknown). */
const CSV = [
  "ORDERNUMBER,ORDERDATE,CUSTOMERNAME,SALES,STATUS,PRODUCTLINE",
  "10100,2026-08-03,Land of Toys Inc.,5151,Shipped,Classic Cars",
  "10101,2026-08-19,Reims Collectables,3390,On Hold,Motorcycles",
  "10102,2026-09-14,Lyon Souveniers,2188,Resolved,Classic Cars",
  "10103,2026-09-20,Land of Toys Inc.,4120,In Process,Planes",
  "10104,2026-10-02,Baane Mini Imports,1800,Cancelled,Planes",
  "10105,2026-10-05,Reims Collectables,2790,On Hold,Motorcycles",
  "10106,2026-10-09,Lyon Souveniers,3615,Disputed,Classic Cars",
  "10107,2026-11-12,Baane Mini Imports,990,Awaiting Review Board,Planes",
  "10108,2026-11-18,Land of Toys Inc.,2700,Shipped,Classic Cars",
].join("\n");

const LOCALES = ["en", "zh-CN"] as const;

describe("every command's --json is the document docs/cli-schema.json describes", () => {
  beforeAll(async () => {
    for (const lang of LOCALES) await expectDocument("init", [at(`team-${lang}.xlsx`), "--example", "--data", "--lang", lang]);
    await expectDocument("init", [at("templates.xlsx")]);
    writeFileSync(at("sales_data_sample.csv"), `${CSV}\n`, "utf8");
  });

  describe.each(LOCALES)("on the example team (%s)", (lang) => {
    const team = () => at(`team-${lang}.xlsx`);
    const reading: readonly CommandName[] = ["validate", "customers", "diagnose", "weekly", "actions", "monthly", "progress"];

    it.each(reading)("%s", async (command) => {
      await expectDocument(command, [team(), "--lang", lang], [0, 1]);
    });

    // What --out adds to a document (the sheet written, the cells marked) is the same in either language.
    if (lang === "en")
      it.each(reading)("%s --out", async (command) => {
        await expectDocument(command, [team(), "--lang", lang, "--out", at(`${command}-${lang}.xlsx`)], [0, 1]);
      });

    it("weekly --week, monthly --month, actions and diagnose --period", async () => {
      await expectDocument("weekly", [team(), "--lang", lang, "--week", "2026-11-16"]);
      await expectDocument("monthly", [team(), "--lang", lang, "--month", "2026-10"]);
      await expectDocument("actions", [team(), "--lang", lang, "--period", "2026-10"]);
      await expectDocument("diagnose", [team(), "--lang", lang, "--period", "2026-09..2026-10"]);
    });

    it("rollup", async () => {
      await expectDocument("rollup", [at("team-en.xlsx"), at("team-zh-CN.xlsx"), at("templates.xlsx"), "--lang", lang]);
    });
  });

  it("the templates without rows, and a file without playbook sheets", async () => {
    await expectDocument("validate", [at("templates.xlsx")]);
    const none = (await expectDocument("validate", [at("sales_data_sample.csv")])) as { notes: string[] };
    expect(none.notes).toHaveLength(1);
  });

  it("an order export: customers and diagnose, --status and --period", async () => {
    const file = at("sales_data_sample.csv");
    await expectDocument("customers", [file]);
    await expectDocument("customers", [file, "--status", "On Hold=open", "--period", "2026-09..2026-11"]);
    await expectDocument("diagnose", [file, "--lang", "zh-CN"]);
  });

  const fixtures = prepareExportFixtures();
  const EXPORTS = ["hubspot-deals.csv", "erp-sales-orders.csv", "openpyxl-report.xlsx", "superstore-zh.xlsx", "lo-clean.xls"];
  const files = fixtures.files.filter((f) => EXPORTS.includes(f.file) && !f.skipped);
  if (files.length === 0) it.skip(`the export fixtures — skipped: ${fixtures.unavailable ?? "none made here"}`, () => undefined);
  it.each(files.map((f) => [f.file, f.path]))("the export %s: customers and diagnose", async (_name, file) => {
    await expectDocument("customers", [file, "--lang", "en"]);
    await expectDocument("diagnose", [file, "--lang", "en"]);
  });

  it("checked every command of the registry", () => {
    expect([...checked].sort()).toEqual(Object.keys(COMMANDS).sort());
  });
});

describe("the schema closes the documents", () => {
  const validate = () => documentOf("validate");
  const document = {
    findings: [{ sheet: "Targets", cell: "B2", rule: "target.specific.metric", severity: "warning", message: "m" }],
    counts: { error: 0, warning: 1, info: 0 },
    sheets: [{ sheet: "Targets", template: "targets" }],
    notes: [],
  };

  it("takes a document as the type gives it", () => {
    expect(validate()(document)).toBe(true);
  });

  it("refuses a field the type does not have, at the top and inside", () => {
    expect(validate()({ ...document, extra: 1 })).toBe(false);
    expect(validate()({ ...document, findings: [{ ...document.findings[0], column: "B" }] })).toBe(false);
    expect(validate()({ ...document, counts: { ...document.counts, fatal: 0 } })).toBe(false);
  });

  it("refuses a document missing a field or holding the wrong kind of value", () => {
    const withoutNotes: Partial<typeof document> = { ...document };
    delete withoutNotes.notes;
    expect(validate()(withoutNotes)).toBe(false);
    expect(validate()({ ...document, counts: { ...document.counts, error: "0" } })).toBe(false);
  });
});
