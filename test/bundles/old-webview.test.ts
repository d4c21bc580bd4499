/**
 * @jest-environment node
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import webpack from "webpack";
import { PANE_MESSAGES } from "../../src/taskpane/i18n/pane-messages";
import { STARTUP_MESSAGES } from "../../src/taskpane/i18n/startup-messages";

/**
 * The built panes as older webviews run them. WPS cannot run here: the WPS pane talks to the fake ET
 * (fake-wps-page.ts) and inserts the templates
 * - in Debian's Chromium with a Chromium 87 user agent and every built-in newer than Chromium 87 that
 *   a page can remove removed before the page starts (its syntax cannot be taken away: the build
 *   check, syntax-level.test.ts, covers that), and
 * - in Chromium 87 itself when SALES_PLAYBOOK_CHROMIUM_87 names its binary (chrome-aws-lambda 5.4.0's,
 *   README "Supported versions"), else that case is skipped.
 * And the pane's start-up check: the sentence naming the Office or WPS needed, in the user's language,
 * when the bundle fails, when the browser is older than the bundle, or when Office.js never comes.
 * Needs `npm run build` first (npm test does it).
 */
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_87 = process.env.SALES_PLAYBOOK_CHROMIUM_87 ?? "";
const { version } = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string };
const dist = path.resolve(__dirname, "../../dist");
const wpsFolder = path.join(dist, "wps", `sales-playbook_${version}`);
const WPS_USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36";

/**
 * Removes what Chromium 87 does not have (by the version that added it): the pane must run without
 * each, or with core-js's polyfill (Array and String `at`: 92, `findLast`: 97), which puts it back.
 */
const REMOVE_NEWER_BUILT_INS = `
(function () {
  function remove(owner, names) {
    if (!owner) return;
    names.forEach(function (name) { try { delete owner[name]; } catch (e) {} });
  }
  remove(Array.prototype, ["at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with", "group", "groupToMap"]);
  remove(String.prototype, ["at", "isWellFormed", "toWellFormed"]);
  remove(Object, ["hasOwn", "groupBy"]);
  remove(Map, ["groupBy"]);
  remove(Promise, ["withResolvers", "try"]);
  remove(Array, ["fromAsync"]);
  remove(Set.prototype, ["union", "intersection", "difference", "symmetricDifference", "isSubsetOf", "isSupersetOf", "isDisjointFrom"]);
  remove(AbortSignal, ["timeout", "any"]);
  remove(crypto, ["randomUUID"]);
  remove(Intl.NumberFormat.prototype, ["formatRange", "formatRangeToParts"]);
  remove(navigator.__proto__, ["userAgentData"]);
  remove(window, ["structuredClone", "Iterator"]);
  window.__removedBuiltIns = true;
})();
`;

/** Builds fake-wps-page.ts for the WPS package's browsers (webpack.base.cjs), as one script. */
async function buildFakeEtScript(): Promise<string> {
  const { baseConfig } = require("../../webpack.base.cjs") as {
    baseConfig(o: { name: string; environment: string; dev: boolean; sizeBudget: number }): webpack.Configuration;
  };
  const out = mkdtempSync(path.join(os.tmpdir(), "fake-et-page-"));
  try {
    const config: webpack.Configuration = {
      ...baseConfig({ name: "fake-et", environment: "wps", dev: true, sizeBudget: 0 }),
      mode: "development",
      devtool: false,
      entry: path.join(__dirname, "fake-wps-page.ts"),
      output: { path: out, filename: "fake-et.js" },
    };
    await new Promise<void>((resolve, reject) =>
      webpack(config, (error, stats) =>
        error || stats?.hasErrors() ? reject(error ?? new Error(stats?.toString("errors-only"))) : resolve(),
      ),
    );
    return readFileSync(path.join(out, "fake-et.js"), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const fileUrl = (file: string) => pathToFileURL(file).href;
const bundleOf = (dir: string, name: string) => readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.js$`).test(f))!;

interface Opened {
  readonly context: BrowserContext;
  readonly errors: string[];
}

/** A context whose requests stay in dist/ (the rest refused), with the given scripts added before the page's. */
async function openContext(
  browser: Browser,
  options: { locale: string; userAgent?: string; scripts: string[]; replace?: Record<string, string> },
): Promise<Opened> {
  const context = await browser.newContext({ locale: options.locale, userAgent: options.userAgent, serviceWorkers: "block" });
  const errors: string[] = [];
  const inside = fileUrl(dist) + "/";
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const name = url.slice(url.lastIndexOf("/") + 1);
    if (options.replace && name in options.replace) {
      await route.fulfill({ status: 200, contentType: "text/javascript", body: options.replace[name] });
    } else if (url.startsWith(inside)) await route.continue();
    else await route.abort("blockedbyclient");
  });
  for (const script of options.scripts) await context.addInitScript(script);
  context.on("weberror", (e) => errors.push(e.error().message));
  return { context, errors };
}

/** Inserts the templates from the WPS pane on the fake ET; returns the sheets the fake then holds. */
async function insertTemplatesOnWps(browser: Browser, fakeEt: string, removeBuiltIns: boolean) {
  const { context, errors } = await openContext(browser, {
    locale: "zh-CN",
    userAgent: removeBuiltIns ? WPS_USER_AGENT : undefined,
    scripts: removeBuiltIns ? [REMOVE_NEWER_BUILT_INS, fakeEt] : [fakeEt],
  });
  const tab = await context.newPage();
  await tab.goto(fileUrl(path.join(wpsFolder, "taskpane.html")));
  // Through the DOM: Playwright's role and visibility queries call Element.checkVisibility (Chromium 105).
  const label = PANE_MESSAGES.insertTemplatesButton["zh-CN"];
  const button = await tab.waitForFunction(
    (text) => Array.from(document.querySelectorAll("button")).find((b) => b.textContent === text),
    label,
    { timeout: 30_000 },
  );
  await button.evaluate((b) => (b as HTMLButtonElement).click());
  await tab.waitForFunction(() => /已插入 \d+ 张表/.test(document.body.textContent ?? ""), undefined, { timeout: 60_000 });
  const state = await tab.evaluate(() => ({
    sheets: (window as unknown as { __fakeEt: { sheets: { name: string }[] } }).__fakeEt.sheets.map((s) => s.name),
    polyfilled: typeof ([] as unknown as { at?: unknown }).at === "function" && typeof [].findLast === "function",
    structuredClone: typeof (window as unknown as { structuredClone?: unknown }).structuredClone,
    startupFailure: document.getElementById("startup-failure") !== null,
  }));
  await context.close();
  return { ...state, errors };
}

const TEMPLATE_SHEETS = ["目标分解表", "客户分析表", "周计划跟踪表", "月度复盘表"];

const chromiumHere = existsSync(CHROMIUM);
const describeInChromium = chromiumHere ? describe : describe.skip;

describeInChromium(
  chromiumHere ? "the panes as older webviews run them" : `the panes as older webviews run them (skipped: no ${CHROMIUM})`,
  () => {
    let browser: Browser;
    let fakeEt: string;
    beforeAll(async () => {
      if (!existsSync(wpsFolder)) throw new Error(`${wpsFolder} is missing: run \`npm run build\` first`);
      [browser, fakeEt] = await Promise.all([
        chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] }),
        buildFakeEtScript(),
      ]);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
    });

    it("the WPS pane inserts the templates with a Chromium 87 user agent and without the built-ins Chromium 87 lacks", async () => {
      const run = await insertTemplatesOnWps(browser, fakeEt, true);
      expect(run.sheets).toEqual(expect.arrayContaining(TEMPLATE_SHEETS));
      // `at` and `findLast` came back from core-js; structuredClone was not needed.
      expect(run).toMatchObject({ polyfilled: true, structuredClone: "undefined", startupFailure: false, errors: [] });
    }, 120_000);

    it.each([
      ["in Chinese when its bundle fails, and nothing else", "zh-CN", () => [fakeEt]],
      // WPS's LanguageSettings.LanguageID(msoLanguageIDUI) says 2052, Chinese (PRC), in a browser set to English.
      [
        "in WPS's interface language (Chinese) over the browser's (English)",
        "en-US",
        () => ["window.Application = { LanguageSettings: { LanguageID: function () { return 2052; } } };"],
      ],
    ])(
      "the WPS pane shows the WPS sentence %s",
      async (_what, locale, scripts) => {
        const { context } = await openContext(browser, {
          locale,
          scripts: scripts(),
          replace: { [bundleOf(wpsFolder, "taskpane")]: "throw new Error('as an unsupported webview would');" },
        });
        const tab = await context.newPage();
        await tab.goto(fileUrl(path.join(wpsFolder, "taskpane.html")));
        const alert = tab.getByRole("alert");
        await alert.waitFor({ timeout: 30_000 });
        expect(await alert.textContent()).toBe(STARTUP_MESSAGES.wps["zh-CN"]);
        expect(await alert.getAttribute("lang")).toBe("zh-CN");
        await context.close();
      },
      60_000,
    );

    it("the WPS pane shows the WPS sentence in English at once when the browser lacks ES2021's built-ins", async () => {
      const { context } = await openContext(browser, {
        locale: "en-US",
        scripts: ["delete Promise.any; delete window.WeakRef;", fakeEt],
        // A bundle that neither draws the pane nor fails: only the missing built-ins can show the sentence.
        replace: { [bundleOf(wpsFolder, "taskpane")]: "window.__bundleRan = true;" },
      });
      const tab = await context.newPage();
      await tab.goto(fileUrl(path.join(wpsFolder, "taskpane.html")), { waitUntil: "domcontentloaded" });
      // Shown when the page's content was read, not after the check's wait for a pane that never comes.
      expect(await tab.evaluate(() => document.getElementById("startup-failure")?.textContent)).toBe(STARTUP_MESSAGES.wps.en);
      await context.close();
    }, 60_000);

    it("the Office pane shows the Office sentence in English when Office.js cannot be loaded", async () => {
      const { context } = await openContext(browser, { locale: "en-GB", scripts: [] });
      const tab = await context.newPage();
      await tab.goto(fileUrl(path.join(dist, "taskpane.html")));
      const alert = tab.getByRole("alert");
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toBe(STARTUP_MESSAGES.office.en);
      await context.close();
    }, 60_000);

    (CHROMIUM_87 ? it : it.skip)(
      CHROMIUM_87
        ? "the WPS pane inserts the templates in Chromium 87 itself"
        : "the WPS pane in Chromium 87 itself (skipped: SALES_PLAYBOOK_CHROMIUM_87 names no binary)",
      async () => {
        const launch = () =>
          chromium.launch({
            executablePath: CHROMIUM_87,
            headless: true,
            // chrome-aws-lambda's libraries (NSS, ...) lie beside its binary.
            env: { ...process.env, LD_LIBRARY_PATH: path.join(path.dirname(CHROMIUM_87), "lib") },
            args: ["--no-sandbox", "--disable-gpu", "--no-zygote", "--single-process"],
            // Its single process has once hung at start on a loaded machine (a whole npm test): tried again, not waited on.
            timeout: 60_000,
          });
        const old = await launch().catch(() => launch());
        try {
          expect(old.version()).toMatch(/^87\./);
          const run = await insertTemplatesOnWps(old, fakeEt, false);
          expect(run.sheets).toEqual(expect.arrayContaining(TEMPLATE_SHEETS));
          expect(run).toMatchObject({ polyfilled: true, structuredClone: "undefined", startupFailure: false, errors: [] });
        } finally {
          await old.close();
        }
      },
      // A hang guard only: two launches and the waits above, each bounded.
      240_000,
    );
  },
);
