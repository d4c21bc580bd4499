import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { localize, type Locale } from "../../src/core/i18n/locale";
import { PANE_MESSAGES } from "../../src/taskpane/i18n/pane-messages";
import { serveFolder } from "../support/static-server";

/**
 * What the workbench's browser suites share: the built page served from dist/, typing into Univer's grid as
 * a user does, and waiting for a condition (never a fixed sleep).
 */

/** Debian's Chromium: the suites drive it with playwright-core and never download a browser. */
export const CHROMIUM = "/usr/bin/chromium";

/** The production build of the workbench (`npx webpack --mode production --env workbench`). */
export const WORKBENCH_DIST = path.resolve(__dirname, "../../dist/workbench");

/** Where the suites' screenshots go. */
export const SHOTS = path.resolve(__dirname, "__screenshots__");

/** The served workbench and the browser of one suite, set in its `beforeAll`. */
export interface WorkbenchInChromium {
  /**
   * A fresh page on the workbench in `locale`; every request outside the page's origin is refused, and the
   * page's script errors go into `errors` from the start.
   */
  open(locale: string, errors: string[], options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Serves the built workbench and starts Debian's Chromium before the suite's tests (beforeAll), and closes
 * both after them (afterAll). Call it at the top of a suite.
 */
export function workbenchInChromium(): WorkbenchInChromium {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let origin = "";
  beforeAll(async () => {
    if (!existsSync(path.join(WORKBENCH_DIST, "index.html")))
      throw new Error("dist/workbench is missing: run `npm run build` first.");
    ({ server, origin } = await serveFolder(WORKBENCH_DIST));
    browser = await chromium.launch({ executablePath: CHROMIUM });
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  return {
    async open(locale, errors, options = {}) {
      const context = await browser!.newContext({ viewport: { width: 1440, height: 900 }, locale, ...options });
      await context.route("**/*", (route) =>
        new URL(route.request().url()).origin === origin ? route.continue() : route.abort("blockedbyclient"),
      );
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${origin}/?lang=${locale}`);
      return page;
    },
  };
}

/** Types into a cell as a user does: click it on the grid's canvas, type, Enter (Univer's own editor). */
export async function typeInto(page: Page, sheet: string, cell: string, text: string): Promise<void> {
  // A click that lands while the grid is still busy (a sheet just shown, a loaded machine) can be lost:
  // up to three tries, each once the grid has drawn again, then fail.
  for (let attempt = 1; ; attempt++) {
    try {
      await typeOnce(page, sheet, cell, text);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press("Escape");
      await framesDrawn(page, 2 * attempt);
    }
  }
}

/** Resolves once the page has drawn `count` more frames (the grid draws on its canvas in animation frames). */
export function framesDrawn(page: Page, count: number): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
        next(n);
      }),
    count,
  );
}

async function typeOnce(page: Page, sheet: string, cell: string, text: string): Promise<void> {
  type Rect = { x: number; y: number; width: number; height: number };
  type Sheet = {
    activate(): void;
    getRange(a: string | number, column?: number): { getRow(): number; getColumn(): number; getCellRect(): Rect };
    scrollToCell(row: number, column: number, duration?: number): void;
    getScrollState(): { sheetViewStartRow: number; sheetViewStartColumn: number };
  };
  type Api = { getActiveWorkbook(): { getSheetByName(n: string): Sheet } };
  await page.evaluate(
    ([s, a]) => {
      const ws = (window as unknown as { univerAPI: Api }).univerAPI.getActiveWorkbook().getSheetByName(s);
      ws.activate();
      const range = ws.getRange(a);
      ws.scrollToCell(Math.max(0, range.getRow() - 3), Math.max(0, range.getColumn() - 3), 0);
    },
    [sheet, cell],
  );
  // The scroll is drawn in the next frames: measure the cell once they are.
  await framesDrawn(page, 2);
  const at = await page.evaluate(
    ([s, a]) => {
      const ws = (window as unknown as { univerAPI: Api }).univerAPI.getActiveWorkbook().getSheetByName(s);
      // Cell rectangles are in sheet coordinates: less the first visible cell's, plus the headers' (A1's corner).
      const { sheetViewStartRow, sheetViewStartColumn } = ws.getScrollState();
      const r = ws.getRange(a).getCellRect();
      const first = ws.getRange(sheetViewStartRow, sheetViewStartColumn).getCellRect();
      const origin = ws.getRange(0, 0).getCellRect();
      const canvas = [...document.querySelectorAll("canvas")]
        .map((c) => c.getBoundingClientRect())
        .sort((x, y) => y.width * y.height - x.width * x.height)[0];
      return {
        x: canvas.x + r.x - first.x + origin.x + r.width / 3,
        y: canvas.y + r.y - first.y + origin.y + r.height / 2,
      };
    },
    [sheet, cell],
  );
  await page.mouse.click(at.x, at.y);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  // The grid commits the edit on Enter; go on once the cell holds the text (a busy machine can be slow).
  const holds = () =>
    page.evaluate(
      ([s, a]) =>
        (
          window as unknown as {
            univerAPI: {
              getActiveWorkbook(): {
                getSheetByName(n: string): { getRange(a: string): { getCellDatas(): ({ v?: unknown } | null)[][] } };
              };
            };
          }
        ).univerAPI
          .getActiveWorkbook()
          .getSheetByName(s)
          .getRange(a)
          .getCellDatas()[0][0]?.v,
      [sheet, cell],
    );
  const { value } = await waitFor(holds, (v) => String(v) === text, 2_000);
  if (String(value) !== text) throw new Error(`${sheet}!${cell} holds ${String(value)} after typing ${text}`);
}

/** Reads until `ok` holds or `ms` have passed (then the caller's expectation on the last value fails). */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms: number): Promise<{ value: T }> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return { value };
}

/** Opens a section of the pane (a step, the check, the settings) by its heading's button, unless it is open; waits for its cards. */
export async function openSection(pane: Locator, title: string): Promise<void> {
  const toggle = pane.getByRole("button", { name: title, exact: true });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await pane
    .locator(`[id="${await toggle.getAttribute("aria-controls")}"] .fui-Card`)
    .first()
    .waitFor();
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe-core on the pane: its serious and critical violations (there should be none). */
export async function paneViolations(page: Page, locale: Locale): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(
    (name) =>
      (window as unknown as { axe: { run(context: Element, options: object): Promise<unknown> } }).axe.run(
        document.querySelector(`aside[aria-label="${name}"]`)!,
        { resultTypes: ["violations"] },
      ),
    localize(PANE_MESSAGES.appTitle, locale),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
