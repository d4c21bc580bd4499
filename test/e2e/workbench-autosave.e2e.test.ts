/**
 * @jest-environment node
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { localize, LOCALES, type Locale } from "../../src/core/i18n/locale";
import { dealsTemplate } from "../../src/core/templates/data-sheets.template";
import { PANE_MESSAGES } from "../../src/taskpane/i18n/pane-messages";
import { WORKBENCH_MESSAGES } from "../../src/workbench/workbench-messages";
import { CHROMIUM, SHOTS, typeInto, waitFor, workbenchInChromium } from "./workbench-page";

/**
 * The workbench never loses work: Open asks before replacing a changed workbook, a reload offers the
 * autosave back, and switching language keeps the workbook. In Debian's headless Chromium on the production
 * build (`npx webpack --mode production --env workbench`); the two questions are photographed into
 * __screenshots__.
 */
const shots = SHOTS;
const describeInChromium = existsSync(CHROMIUM) ? describe : describe.skip;
const STEP_TIMEOUT = 60_000;

const workbench = workbenchInChromium();

type CellApi = {
  getActiveWorkbook(): {
    getSheets(): unknown[];
    getSheetByName(name: string): { getRange(a1: string): { getValue(): unknown } } | null;
  } | null;
};

/** A cell's value as the grid holds it ("" while no workbook or no such sheet is shown). */
function cell(page: Page, sheet: string, a1: string): Promise<string> {
  return page.evaluate(
    ([s, a]) => {
      const api = (window as unknown as { univerAPI?: CellApi }).univerAPI;
      const value = api?.getActiveWorkbook()?.getSheetByName(s)?.getRange(a).getValue();
      return value === null || value === undefined ? "" : String(value);
    },
    [sheet, a1],
  );
}

/** The autosave as IndexedDB holds it, as text ("" when there is none). */
function autosaved(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open("sales-playbook-workbench", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("autosave");
        open.onerror = () => resolve("");
        open.onsuccess = () => {
          const get = open.result.transaction("autosave").objectStore("autosave").get("workbook");
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result === undefined ? "" : JSON.stringify(get.result));
          };
          get.onerror = () => resolve("");
        };
      }),
  );
}

/** Resolves once the example team (or any workbook) is shown with the pane beside it (the pane comes first, the grid after). */
async function shown(page: Page, locale: Locale): Promise<void> {
  await page
    .getByRole("complementary", { name: localize(PANE_MESSAGES.appTitle, locale) })
    .getByRole("button", { name: localize(PANE_MESSAGES.insertTemplatesButton, locale) })
    .waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    () => ((window as unknown as { univerAPI?: CellApi }).univerAPI?.getActiveWorkbook()?.getSheets().length ?? 0) > 0,
    null,
    { timeout: 20_000 },
  );
}

describeInChromium.each<Locale>(["zh-CN", "en"])("the workbench keeps the work, in %s", (locale) => {
  let page: Page;
  const errors: string[] = [];
  const other = LOCALES.find((l) => l !== locale)!;
  const sheet = dealsTemplate.sheetName[locale];
  const typed = locale === "zh-CN" ? "自动保存测试" : "autosave check";
  const shot = (step: string) => page.screenshot({ path: path.join(shots, `${locale}-${step}.png`) });
  const button = (text: { "zh-CN": string; en: string }, params?: Record<string, string>) =>
    page.getByRole("button", { name: localize(text, locale, params), exact: true });

  beforeAll(async () => {
    page = await workbench.open(locale, errors);
    await shown(page, locale);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await page?.context().close();
  });

  it(
    "c. Open goes straight to the file while nothing changed, and asks once a cell is typed; Cancel keeps the value",
    async () => {
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), button(WORKBENCH_MESSAGES.workbenchOpen).click()]);
      expect(chooser.isMultiple()).toBe(false);
      expect(await page.getByRole("dialog").count()).toBe(0);
      await typeInto(page, sheet, "L3", typed);
      await button(WORKBENCH_MESSAGES.workbenchOpen).click();
      const question = page.getByRole("dialog", { name: localize(WORKBENCH_MESSAGES.workbenchReplaceTitle, locale) });
      await question.waitFor();
      expect(await question.innerText()).toContain(
        localize(WORKBENCH_MESSAGES.workbenchReplaceQuestion, locale, {
          name: localize(WORKBENCH_MESSAGES.workbenchExampleName, locale),
        }),
      );
      // Photographed once the dialog has faded in (its own finite animations, not the pane's spinner).
      await question.evaluate((surface) =>
        Promise.all(
          (surface.parentElement ?? surface)
            .getAnimations({ subtree: true })
            .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
            .map((a) => a.finished),
        ),
      );
      await shot("autosave-open-question");
      await button(WORKBENCH_MESSAGES.workbenchCancel).click();
      await question.waitFor({ state: "detached" });
      expect(await cell(page, sheet, "L3")).toBe(typed);
    },
    STEP_TIMEOUT,
  );

  it(
    "b. the typed value is autosaved; a reload offers it back and Restore brings it",
    async () => {
      const stored = await waitFor(
        async () => (await autosaved(page)).includes(typed),
        (holds) => holds,
        10_000,
      );
      expect(stored.value).toBe(true);
      await page.reload();
      await shown(page, locale);
      const restore = button(WORKBENCH_MESSAGES.workbenchRestore);
      await restore.waitFor();
      await expect(button(WORKBENCH_MESSAGES.workbenchStartFresh).isVisible()).resolves.toBe(true);
      // The page shows the example team behind the offer until the user chooses.
      expect(await cell(page, sheet, "L3")).toBe("");
      await shot("autosave-restore-offer");
      await restore.click();
      const back = await waitFor(
        () => cell(page, sheet, "L3"),
        (v) => v === typed,
        10_000,
      );
      expect(back.value).toBe(typed);
      expect(await restore.count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    "a. switching language keeps the workbook, shows the pane in the other language and keeps it in the address",
    async () => {
      await page.getByRole("button", { name: localize(WORKBENCH_MESSAGES.workbenchLanguageName, other) }).click();
      await shown(page, other);
      const kept = await waitFor(
        () => cell(page, sheet, "L3"),
        (v) => v === typed,
        10_000,
      );
      expect(kept.value).toBe(typed);
      expect(new URL(page.url()).searchParams.get("lang")).toBe(other);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(other);
      // The workbook was not reloaded from the example: the other language's example sheet is not there.
      expect(await cell(page, dealsTemplate.sheetName[other], "A1")).toBe("");
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    "d. closing the tab does not ask once the change is in the autosave, and asks while it is not; Stay keeps the value",
    async () => {
      // A new context: a browser profile of its own, with no autosave yet.
      const stored = await workbench.open(locale, errors);
      await shown(stored, locale);
      await typeInto(stored, sheet, "L4", typed);
      await waitFor(
        async () => (await autosaved(stored)).includes(typed),
        (holds) => holds,
        10_000,
      );
      const asked: string[] = [];
      stored.on("dialog", (dialog) => {
        asked.push(dialog.type());
        void dialog.dismiss();
      });
      await Promise.all([stored.waitForEvent("close"), stored.close({ runBeforeUnload: true })]);
      expect(asked).toEqual([]);
      await stored.context().close();

      const stalled = await workbench.open(locale, errors);
      await shown(stalled, locale);
      // IndexedDB never answers from here on: the change can never be stored.
      await stalled.evaluate(() => {
        indexedDB.open = () => ({}) as IDBOpenDBRequest;
      });
      await typeInto(stalled, sheet, "L4", typed);
      const [dialog] = await Promise.all([stalled.waitForEvent("dialog"), stalled.close({ runBeforeUnload: true })]);
      expect(dialog.type()).toBe("beforeunload");
      await dialog.dismiss();
      expect(stalled.isClosed()).toBe(false);
      expect(await cell(stalled, sheet, "L4")).toBe(typed);
      await stalled.context().close();
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
