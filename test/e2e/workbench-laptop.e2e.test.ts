/**
 * @jest-environment node
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { localize, type Locale } from "../../src/core/i18n/locale";
import { PANE_MESSAGES } from "../../src/taskpane/i18n/pane-messages";
import { CHART_MESSAGES } from "../../src/taskpane/i18n/chart-messages";
import { TEMPLATES } from "../../src/core/templates/templates";
import { widthInPixels } from "../../src/hosts/univer/univer-host";
import { CHROMIUM, SHOTS, openSection, paneViolations, waitFor, workbenchInChromium } from "./workbench-page";

/**
 * The workbench on a 1366×768 laptop, as a manager opens it: the pane's current step open and usable without
 * scrolling past the steps not in use, the first Insert templates, the diagnosis with its TOP 3 and charts, and the
 * step used last open again after a reload. In Debian's headless Chromium on the production build; the laptop
 * screen is photographed into __screenshots__ (<locale>-9-laptop-1366.png).
 */
const describeInChromium = existsSync(CHROMIUM) ? describe : describe.skip;
const STEP_TIMEOUT = 90_000;
const VIEWPORT = { width: 1366, height: 768 };

const workbench = workbenchInChromium();

/** The sections' headings' buttons and whether each is open, in the pane's order. */
async function sections(page: Page, locale: Locale): Promise<[string, boolean][]> {
  return page.evaluate(
    (name) => {
      const pane = document.querySelector(`aside[aria-label="${name}"]`)!;
      return [...pane.querySelectorAll("h2 button")].map(
        (b) => [b.textContent!.replace(/^›/, ""), b.getAttribute("aria-expanded") === "true"] as [string, boolean],
      );
    },
    localize(PANE_MESSAGES.appTitle, locale),
  );
}

describeInChromium.each<Locale>(["zh-CN", "en"])("the workbench on a 1366×768 laptop in %s", (locale) => {
  let page: Page;
  const errors: string[] = [];
  const pane = () => page.getByRole("complementary", { name: localize(PANE_MESSAGES.appTitle, locale) });
  const steps = [
    PANE_MESSAGES.stepTargets,
    PANE_MESSAGES.stepDiagnosis,
    PANE_MESSAGES.stepActionPlan,
    PANE_MESSAGES.stepWeekly,
    PANE_MESSAGES.stepMonthly,
    PANE_MESSAGES.sectionCheck,
    PANE_MESSAGES.sectionSettings,
  ].map((title) => localize(title, locale));
  /** The element is on the laptop's screen, whole, with the pane not scrolled. */
  const onScreen = async (locator: ReturnType<Page["locator"]>) => {
    const box = (await locator.boundingBox())!;
    const scrolled = await pane().evaluate((el) => el.scrollTop);
    return { top: box.y >= 0, bottom: box.y + box.height <= VIEWPORT.height, scrolled };
  };

  beforeAll(async () => {
    page = await workbench.open(locale, errors, { viewport: VIEWPORT });
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await page?.context().close();
  });

  it(
    "opens at the current step (step 1 on a first visit), its first button on screen, and inserts the templates",
    async () => {
      const insert = pane().getByRole("button", { name: localize(PANE_MESSAGES.insertTemplatesButton, locale) });
      await insert.waitFor();
      expect(await sections(page, locale)).toEqual(steps.map((title, i) => [title, i === 0]));
      expect(await onScreen(insert)).toEqual({ top: true, bottom: true, scrolled: 0 });
      // Used before or after the grid is ready, it does its work once the grid is there.
      await insert.click();
      const done = pane().getByText(localize(PANE_MESSAGES.insertedSheets, locale, { count: TEMPLATES.length }));
      await done.waitFor({ timeout: 30_000 });
      expect(await onScreen(done)).toEqual({ top: true, bottom: true, scrolled: 0 });
      // The sheets are there with the templates' widths (set apart from the cells on a new sheet).
      const widths = await page.evaluate(
        ([sheet, count]) => {
          const api = (
            window as unknown as {
              univerAPI: { getActiveWorkbook(): { getSheetByName(n: string): { getColumnWidth(c: number): number } } };
            }
          ).univerAPI;
          const ws = api.getActiveWorkbook().getSheetByName(sheet as string);
          return Array.from({ length: count as number }, (_v, c) => ws.getColumnWidth(c));
        },
        [TEMPLATES[0].sheetName[locale], TEMPLATES[0].columns.length],
      );
      const set = TEMPLATES[0].columns.flatMap((c, i) => (c.width === undefined ? [] : [[i, widthInPixels(c.width)]]));
      expect(set.length).toBeGreaterThan(0);
      expect(set.map(([i]) => [i, widths[i]])).toEqual(set);
      expect(await paneViolations(page, locale)).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    "opens step 2 in place of step 1, diagnoses, and shows the TOP 3 and the charts on the laptop's screen",
    async () => {
      await openSection(pane(), steps[1]);
      expect((await sections(page, locale)).map(([, open]) => open)).toEqual([false, true, false, false, false, false, false]);
      const diagnose = pane().getByRole("button", { name: localize(PANE_MESSAGES.diagnoseButton, locale) });
      expect(await onScreen(diagnose)).toEqual({ top: true, bottom: true, scrolled: 0 });
      await diagnose.click();
      await pane().getByText(localize(PANE_MESSAGES.topProblems, locale)).waitFor({ timeout: 30_000 });
      const charts = pane().getByRole("region", { name: localize(CHART_MESSAGES.chartsLabel, locale) });
      await charts.waitFor({ timeout: 10_000 });
      const images = charts.getByRole("img");
      expect(await images.count()).toBe(2);
      expect(await images.first().getAttribute("aria-label")).toMatch(
        locale === "zh-CN" ? /^销售额从.+变为.+：/ : /^Revenue went from .+ to .+: /,
      );
      // As a manager reads on: the pane scrolled to the TOP 3, the charts under it.
      await pane()
        .getByText(localize(PANE_MESSAGES.topProblems, locale))
        .evaluate((el) => el.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: path.join(SHOTS, `${locale}-9-laptop-1366.png`) });
      expect(await paneViolations(page, locale)).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    "opens at the step used last after a reload",
    async () => {
      await page.reload();
      const diagnose = pane().getByRole("button", { name: localize(PANE_MESSAGES.diagnoseButton, locale) });
      await diagnose.waitFor();
      const open = await waitFor(
        () => sections(page, locale),
        (s) => s.length === steps.length,
        5_000,
      );
      expect(open.value.map(([, isOpen]) => isOpen)).toEqual([false, true, false, false, false, false, false]);
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
