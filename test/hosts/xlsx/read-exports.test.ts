import { readWorkbookFile } from "../../../src/hosts/xlsx/read-workbook-file";
import { prepareExportFixtures, writeExcelJsFixtures } from "../../support/export-fixtures";

/**
 * The reader on files real programs wrote: every sheet by its real name and in order, and the
 * cells as the program stored them: dates as Excel serial numbers, numbers, text (CSV: all text).
 */
jest.setTimeout(120_000);
const fixtures = prepareExportFixtures();

describe("the reader on every writer's files", () => {
  if (fixtures.unavailable) {
    it.skip(`every export file — skipped: ${fixtures.unavailable}`, () => undefined);
    return;
  }
  beforeAll(() => writeExcelJsFixtures(fixtures));

  for (const f of fixtures.files) {
    if (f.skipped) {
      it.skip(`${f.file} (written by ${f.by}) — skipped: ${f.skipped}`, () => undefined);
      continue;
    }
    it(`${f.file} (written by ${f.by}): sheet names, order and values`, async () => {
      const { sheets } = await readWorkbookFile(f.path);
      expect(sheets.map((s) => s.name)).toEqual(f.sheets);
      const cell = (name: string, row: number, col: number) => {
        const sheet = sheets.find((s) => s.name === name)!;
        return sheet.values[row - sheet.row]?.[col - sheet.column] ?? null;
      };
      const got = (f.probes ?? []).map((p) => ({ ...p, value: cell(p.sheet, p.row, p.col) }));
      const want = (f.probes ?? []).map((p) => ({ ...p, value: p.value }));
      // Times of day to the second: a serial's fraction is a float either way.
      const round = (v: unknown) => (typeof v === "number" ? Math.round(v * 86_400) / 86_400 : v);
      expect(got.map((p) => ({ ...p, value: round(p.value) }))).toEqual(want.map((p) => ({ ...p, value: round(p.value) })));
    });
  }
});
