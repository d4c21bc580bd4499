/**
 * @jest-environment node
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { localize, type Locale } from "../../src/core/i18n/locale";
import { REPORT_TEXT } from "../../src/core/analysis/diagnosis/report-text";
import { TEMPLATES } from "../../src/core/templates/templates";
import { PANE_MESSAGES } from "../../src/taskpane/i18n/pane-messages";
import { WORKBENCH_MESSAGES } from "../../src/workbench/workbench-messages";
import { PYTHON } from "../support/export-fixtures";
import { convertWithLibreOffice, findSoffice } from "../support/soffice";
import { CHROMIUM, openSection, SHOTS, waitFor, workbenchInChromium } from "./workbench-page";

/**
 * Done as a manager would on a Friday: check the workbook, diagnose, look at the report's first screen, save, and
 * open the saved file in another program. LibreOffice (headless) opens it, prints it to PDF, and saves it again as
 * .xlsx, on which openpyxl finds the add-in's marks and the report's charts; Poppler's pdftoppm turns the report's
 * and the target sheet's printed pages into the pictures under __screenshots__ (`<locale>-10-…`). Needs
 * `npm run build`, Debian's Chromium, LibreOffice, python3-openpyxl and poppler-utils (`.ci/run` installs them).
 */
const soffice = findSoffice();
const pdftoppm = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((p) => existsSync(p));
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
const runs = existsSync(CHROMIUM) && soffice !== undefined && pdftoppm !== undefined && hasOpenpyxl;
const describeWithViewers = runs ? describe : describe.skip;
const STEP_TIMEOUT = 120_000;

const workbench = workbenchInChromium();

/** What openpyxl sees of a file LibreOffice saved: each sheet's charts and the add-in's marks on it. */
const READ = String.raw`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    marks = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            marks += [f for f in (rule.formula or []) if "|" in f]
    out[ws.title] = {"charts": len(ws._charts), "marks": marks}
print(json.dumps(out, ensure_ascii=False))
`;

type ReportApi = {
  getActiveWorkbook(): {
    getActiveSheet(): {
      getSheetName(): string;
      getRange(r: number, c: number, rows: number, cols: number): { getCellDatas(): ({ v?: unknown } | null)[][] };
    };
  };
};

/** Column A of the active sheet's first rows, as shown. */
function firstRows(page: Page, rows: number): Promise<{ sheet: string; texts: string[] }> {
  return page.evaluate((n) => {
    const sheet = (window as unknown as { univerAPI: ReportApi }).univerAPI.getActiveWorkbook().getActiveSheet();
    return {
      sheet: sheet.getSheetName(),
      texts: sheet
        .getRange(0, 0, n, 1)
        .getCellDatas()
        .map((line) => String(line[0]?.v ?? "")),
    };
  }, rows);
}

/** The 1-based page of a PDF whose text holds `text` (LibreOffice prints each sheet on one page here). */
function pageWith(pdf: string, pages: number, text: string): number | undefined {
  const pdftotext = path.join(path.dirname(pdftoppm!), "pdftotext");
  for (let page = 1; page <= pages; page++) {
    const out = execFileSync(pdftotext, ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });
    if (out.includes(text)) return page;
  }
  return undefined;
}

describeWithViewers.each<Locale>(["zh-CN", "en"])("a workbench workbook saved and opened in LibreOffice, in %s", (locale) => {
  let page: Page;
  const errors: string[] = [];
  const work = mkdtempSync(path.join(tmpdir(), "workbench-saved-"));
  const pane = () => page.getByRole("complementary", { name: localize(PANE_MESSAGES.appTitle, locale) });
  const targetSheet = TEMPLATES[0].sheetName[locale];
  let reportSheet = "";
  let firstProblem = "";

  beforeAll(async () => {
    page = await workbench.open(locale, errors);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await page?.context().close();
    rmSync(work, { recursive: true, force: true });
  });

  it(
    "the report's first screen shows the headline and the TOP 3, before any evidence",
    async () => {
      await pane()
        .getByRole("button", { name: localize(PANE_MESSAGES.insertTemplatesButton, locale) })
        .click();
      await pane()
        .getByText(localize(PANE_MESSAGES.insertedSheets, locale, { count: TEMPLATES.length }))
        .waitFor({ timeout: 30_000 });
      // The example rows' findings, marked on their cells.
      await openSection(pane(), localize(PANE_MESSAGES.sectionCheck, locale));
      await pane()
        .getByRole("button", { name: localize(PANE_MESSAGES.markButton, locale) })
        .click();
      await pane()
        .getByText(/已在 \d+ 个单元格上标记|Marked \d+ cells?/)
        .waitFor({ timeout: 30_000 });
      await openSection(pane(), localize(PANE_MESSAGES.stepDiagnosis, locale));
      await pane()
        .getByRole("button", { name: localize(PANE_MESSAGES.diagnoseButton, locale) })
        .click();
      await pane().getByText(localize(PANE_MESSAGES.topProblems, locale)).waitFor({ timeout: 60_000 });
      firstProblem = (await pane().locator("ol > li").first().innerText()).trim();
      const shown = await waitFor(
        () => firstRows(page, 12),
        (r) => r.texts.includes(localize(REPORT_TEXT.problems, locale)),
        10_000,
      );
      reportSheet = shown.value.sheet;
      const heading = shown.value.texts.indexOf(localize(REPORT_TEXT.problems, locale));
      // The title, the headline (and its notes), then the TOP 3 heading, its table header and item 1: all in the
      // first screen of a 900-pixel window (about 30 rows), and the evidence's metrics table below it.
      expect(heading).toBeGreaterThan(0);
      expect(heading).toBeLessThan(8);
      expect(shown.value.texts.slice(0, heading).join(" ")).not.toContain(localize(REPORT_TEXT.metric, locale));
      await page.screenshot({ path: path.join(SHOTS, `${locale}-10-report-first-screen.png`) });
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    "saved, LibreOffice opens it with the marks and the report's charts, and prints it",
    async () => {
      expect(reportSheet).not.toBe("");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: localize(WORKBENCH_MESSAGES.workbenchSave, locale) }).click(),
      ]);
      const saved = path.join(work, "friday.xlsx");
      await download.saveAs(saved);

      const read = (file: string) =>
        JSON.parse(execFileSync(PYTHON, ["-c", READ, file], { encoding: "utf8" })) as Record<
          string,
          { charts: number; marks: string[] }
        >;
      expect(read(saved)[targetSheet].marks.length).toBeGreaterThan(0);
      // LibreOffice's own reading, saved again: what it kept is what it understood.
      const seen = read(convertWithLibreOffice(soffice!, saved, "xlsx", path.join(work, "again")));
      expect(seen[reportSheet].charts).toBeGreaterThanOrEqual(3);
      expect(seen[targetSheet].marks.length).toBeGreaterThan(0);
      expect(seen[targetSheet].marks.every((f) => /\|[A-Z]+\d+\|(error|warning|info|below)/.test(f))).toBe(true);

      // Printed: each sheet on one page; the report's and the target sheet's pages photographed.
      const pdf = convertWithLibreOffice(
        soffice!,
        saved,
        'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
        path.join(work, "pdf"),
      );
      expect(statSync(pdf).size).toBeGreaterThan(10_000);
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync(path.join(path.dirname(pdftoppm!), "pdfinfo"), [pdf], { encoding: "utf8" }))?.[1],
      );
      const reportPage = pageWith(pdf, pages, localize(REPORT_TEXT.problems, locale));
      const krHeader = TEMPLATES[0].columns.find((c) => c.key === "keyResults")!.header[locale];
      const targetPage = pageWith(pdf, pages, krHeader);
      expect(reportPage).toBeDefined();
      expect(targetPage).toBeDefined();
      for (const [name, at, dpi] of [
        ["report", reportPage!, 40],
        ["marks", targetPage!, 110],
      ] as const) {
        const prefix = path.join(work, name);
        execFileSync(pdftoppm!, ["-r", String(dpi), "-png", "-singlefile", "-f", String(at), "-l", String(at), pdf, prefix]);
        copyFileSync(`${prefix}.png`, path.join(SHOTS, `${locale}-10-saved-${name}-in-libreoffice.png`));
      }
      expect(firstProblem).not.toBe("");
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
