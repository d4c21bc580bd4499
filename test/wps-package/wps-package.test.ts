/**
 * @jest-environment node
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { chromium, type Browser } from "playwright-core";
import { FOLDER, PACKAGE_DIR as pkg, WPS_OUT as out, filesOf, version } from "./package-files";

/**
 * The WPS add-in package `npm run build` writes to dist/wps (webpack.wps.cjs): checked as files, and
 * loaded from disk (file:, as an offline installation is) in Debian's headless Chromium with a stand-in
 * for WPS's `Application` (WPS cannot run here). Needs `npm run build` first (npm test does it).
 */
const CUSTOM_UI = "http://schemas.microsoft.com/office/2006/01/customui";
const CHROMIUM = "/usr/bin/chromium";

/** Absolute URLs that appear in the bundled libraries as text and are never fetched. */
const URLS_NEVER_FETCHED = [
  "http://www.w3.org/1998/Math/MathML", // React DOM: namespace names
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/1999/xhtml", // React 18 DOM's HTML namespace name
  "https://react.dev/errors/", // React 19's error messages point people there
  "https://reactjs.org/docs/error-decoder.html", // and React 18's
  "https://github.com/zloirock/core-js", // core-js's polyfills name their source and licence as text
];

const read = (name: string) => readFileSync(path.join(pkg, name), "utf8");

/** The callback names ribbon.xml uses: every onX or getX attribute. */
function ribbonCallbacks(xml: string): string[] {
  const names = new Set<string>();
  for (const m of xml.matchAll(/\s(on[A-Z]\w*|get[A-Z]\w*)="([^"]+)"/g)) names.add(m[2]);
  return [...names].sort();
}

beforeAll(() => {
  if (!existsSync(pkg)) throw new Error(`${pkg} is missing: run \`npm run build\` first`);
});

describe("the WPS package's files", () => {
  it("ribbon.xml is well-formed CustomUI with no XML declaration", () => {
    const xml = read("ribbon.xml");
    expect(xml.trimStart().startsWith("<?xml")).toBe(false);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as {
      customUI: { xmlns: string };
    };
    expect(doc.customUI.xmlns).toBe(CUSTOM_UI);
    expect(ribbonCallbacks(xml)).toEqual(["GetImage", "GetLabel", "GetScreentip", "OnAction", "OnAddinLoad"]);
  });

  it("every file a page refers to is in the package, by a relative path that stays inside it", () => {
    for (const page of ["index.html", "taskpane.html"]) {
      const html = read(page);
      const refs = [...html.matchAll(/\s(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref).not.toMatch(/^(?:[a-z]+:|\/)/i);
        const target = path.resolve(pkg, ref);
        expect(target.startsWith(pkg + path.sep)).toBe(true);
        expect(existsSync(target)).toBe(true);
      }
    }
  });

  it("no URL in it points outside the package, and nothing relies on crypto.randomUUID or toLocaleDateString", () => {
    for (const name of filesOf(pkg).filter((f) => /\.(js|html|xml|css)$/.test(f))) {
      const text = read(name);
      const urls = [...text.matchAll(/(?:https?:)?\/\/[\w.-]+\.[a-z]{2,}[^\s"'`)<>]*/gi)].map((m) => m[0]);
      const outside = urls.filter((u) => !URLS_NEVER_FETCHED.some((known) => u.startsWith(known)));
      const allowed = name === "ribbon.xml" ? [CUSTOM_UI] : [];
      expect({ name, outside: outside.filter((u) => !allowed.includes(u)) }).toEqual({ name, outside: [] });
      expect({ name, randomUUID: text.includes("randomUUID") }).toEqual({ name, randomUUID: false });
      expect({ name, toLocaleDateString: text.includes("toLocaleDateString") }).toEqual({ name, toLocaleDateString: false });
    }
  });

  it("registers the folder offline, the served folder online, and the .7z for IT, as a WPS 表格 (et) add-in", () => {
    const parse = (name: string) =>
      new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(readFileSync(path.join(out, name), "utf8")) as {
        jsplugins: Record<string, Record<string, string>>;
      };
    expect(parse("publish.xml").jsplugins.jsplugin).toMatchObject({ name: "sales-playbook", type: "et", url: FOLDER, version });
    const online = parse("publish-online.xml").jsplugins.jspluginonline;
    expect(online).toMatchObject({ name: "sales-playbook", type: "et" });
    expect(online.url).toMatch(new RegExp(`^https?://.+/wps/${FOLDER}/$`));
    const served = parse("jsplugins.xml").jsplugins.jsplugin;
    expect(served).toMatchObject({ name: "sales-playbook", type: "et", version });
    expect(served.url).toMatch(new RegExp(`^https?://.+/wps/${FOLDER}\\.7z$`));
  });
});

/** A stand-in for WPS's add-in root and ET application: an empty workbook, a task pane, storage. */
const WPS_STUB = `
(function () {
  var storage = {};
  var panes = [];
  var sheets = [];
  window.__panes = panes;
  window.Application = {
    ActiveWorkbook: {
      Worksheets: { Count: 0, Item: function () { throw new Error("no sheet"); }, Add: function () { throw new Error("read-only stand-in"); } },
      ActiveSheet: null,
    },
    ActiveWindow: {},
    Calculation: -4105,
    ScreenUpdating: true,
    LanguageSettings: { LanguageID: function () { return 2052; } },
    ApiEvent: { AddApiEventListener: function () {}, RemoveApiEventListener: function () {} },
    PluginStorage: {
      getItem: function (k) { return storage[k]; },
      setItem: function (k, v) { storage[k] = String(v); },
    },
    CreateTaskPane: function (url, title) {
      var pane = { ID: panes.length + 1, Visible: false, url: url, title: title };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: function (id) { return panes[id - 1]; },
  };
  window.__sheets = sheets;
})();
`;

const chromiumHere = existsSync(CHROMIUM);
const describeInChromium = chromiumHere ? describe : describe.skip;

describeInChromium(
  chromiumHere
    ? "the WPS package loaded from disk in headless Chromium"
    : `the WPS package in headless Chromium (skipped: ${CHROMIUM} is not installed)`,
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
        ],
      });
    }, 30_000);
    afterAll(async () => {
      await browser?.close();
    });

    /** Opens a page of the package with every request that is not a file of the package refused and recorded. */
    async function open(page: string) {
      const context = await browser.newContext({ serviceWorkers: "block" });
      const outside: string[] = [];
      const problems: string[] = [];
      const loaded: string[] = [];
      const inside = pathToFileURL(pkg).href + "/";
      await context.route("**/*", async (route) => {
        const url = route.request().url();
        if (url.startsWith(inside)) {
          loaded.push(url.slice(inside.length));
          await route.continue();
        } else {
          outside.push(url);
          await route.abort("blockedbyclient");
        }
      });
      await context.addInitScript(WPS_STUB);
      const tab = await context.newPage();
      tab.on("console", (m) => /content security policy/i.test(m.text()) && problems.push(m.text()));
      tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      await tab.goto(pathToFileURL(path.join(pkg, page)).href, { waitUntil: "load" });
      return { tab, outside, problems, loaded };
    }

    it("index.html defines every ribbon callback as a global; they answer synchronously; the pane opens from the package", async () => {
      const { tab, outside, problems } = await open("index.html");
      const names = ribbonCallbacks(read("ribbon.xml"));
      await tab.waitForFunction((n) => n.every((name) => typeof (window as never)[name] === "function"), names, {
        timeout: 15_000,
      });
      const answers = await tab.evaluate(() => {
        const w = window as unknown as Record<string, (control?: { Id: string }) => unknown> & { __panes: unknown[] };
        return {
          load: w.OnAddinLoad(),
          label: w.GetLabel({ Id: "btnOpenPane" }),
          insert: w.GetLabel({ Id: "btnInsertTemplates" }),
          tip: w.GetScreentip({ Id: "btnInsertTemplates" }),
          image: w.GetImage({ Id: "btnOpenPane" }),
          action: w.OnAction({ Id: "btnOpenPane" }),
          panes: w.__panes,
        };
      });
      expect(answers).toMatchObject({ load: true, label: "五步法", insert: "插入模板", action: true });
      expect(answers.tip).toContain("不会覆盖");
      expect(existsSync(path.join(pkg, answers.image as string))).toBe(true);
      const panes = answers.panes as { url: string; Visible: boolean; title: string }[];
      expect(panes).toHaveLength(1);
      expect(panes[0]).toMatchObject({
        url: pathToFileURL(path.join(pkg, "taskpane.html")).href,
        Visible: true,
        title: "销售团队业绩提升",
      });
      // The same button again hides the pane it opened, rather than opening another.
      await tab.evaluate(() => (window as unknown as { OnAction(c: { Id: string }): void }).OnAction({ Id: "btnOpenPane" }));
      expect(
        await tab.evaluate(() => (window as unknown as { __panes: { Visible: boolean }[] }).__panes.map((p) => p.Visible)),
      ).toEqual([false]);
      expect(outside).toEqual([]);
      expect(problems).toEqual([]);
      await tab.context().close();
    }, 45_000);

    it("taskpane.html runs on WPS: every card renders from the package's own files, nothing else is asked for", async () => {
      const { tab, outside, problems, loaded } = await open("taskpane.html");
      await tab.getByRole("heading", { name: "销售团队业绩提升" }).waitFor({ timeout: 15_000 });
      await tab.getByRole("button", { name: "计算建议" }).waitFor({ timeout: 15_000 });
      await tab.waitForLoadState("networkidle");
      // The pane found WPS and loaded its host (a chunk of its own); Office.js was never asked for.
      expect(loaded.filter((f) => /^wps-host\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
      expect(outside).toEqual([]);
      expect(problems).toEqual([]);
      await tab.context().close();
    }, 45_000);
  },
);
