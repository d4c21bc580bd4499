import { runCli } from "../cli/cli-harness";
import { prepareExportFixtures, writeExcelJsFixtures, type ExportFixture } from "../support/export-fixtures";
import { table, total } from "../support/export-tables";

/**
 * The acceptance test of reading real exports: for every file of the fixture set (openpyxl, CRM and
 * ERP CSVs in their encodings, LibreOffice's .xls/.ods/.xlsx, ExcelJS), `customers` and `diagnose`
 * with no hints give the period and the customer table the seeded records give (revenue to the cent).
 * "Today" is the harness's 2026-11-26, the day the fixtures were made for.
 */
jest.setTimeout(120_000);
const fixtures = prepareExportFixtures();

function title(f: ExportFixture): string {
  return `${f.file} (written by ${f.by})`;
}

describe("exports written by real programs: customers and diagnose give the seeded figures", () => {
  if (fixtures.unavailable) {
    it.skip(`every export file — skipped: ${fixtures.unavailable}`, () => undefined);
    return;
  }
  beforeAll(() => writeExcelJsFixtures(fixtures));

  it("the fixtures were made for the harness's today", () => {
    expect(fixtures.today).toBe("2026-11-26");
  });

  // The order systems, shops and CRMs (suite "market") are read in market-exports.test.ts.
  for (const f of fixtures.files.filter((file) => file.suite !== "market")) {
    if (f.skipped) {
      it.skip(`${title(f)} — skipped: ${f.skipped}`, () => undefined);
      continue;
    }
    const expected = f.expected!;
    it(`${title(f)}: customers --json`, async () => {
      const result = await runCli(["customers", f.path, "--json", "--lang", "en"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.sheet).toBe(f.dealSheet);
      expect(table(json.segments)).toEqual(table(expected.segments));
      expect(total(json.total)).toEqual(total(expected.total));
    });

    it(`${title(f)}: diagnose --json`, async () => {
      const result = await runCli(["diagnose", f.path, "--json", "--lang", "en"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect({ sheet: json.sheet, period: json.period }).toEqual({ sheet: f.dealSheet, period: expected.period });
      if (f.activitySheet) expect(json.activitySheet).toBe(f.activitySheet);
      // Diagnose's customer section covers the 3 months ending at the period.
      const span = expected.span!;
      expect(json.periods.customers).toEqual({ from: span.from, to: span.to });
      expect(table(json.customers.segments)).toEqual(table(span.segments));
      expect(total(json.customers.total)).toEqual(total(span.total));
    });
  }
});
