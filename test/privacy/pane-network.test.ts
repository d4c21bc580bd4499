/**
 * @jest-environment node
 */
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveFolder } from "../support/static-server";

/**
 * The built task pane and commands pages in a real browser: they ask nothing of the network but the
 * add-in's own origin and Office.js, and their Content-Security-Policy lets the pane run unhindered.
 * Needs `npm run build` first (npm test does it) and Debian's Chromium (.ci/run installs it); no
 * browser is downloaded.
 */
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const dist = path.resolve(__dirname, "../../dist");

/**
 * Office.js stand-in: Office.onReady calls back for Excel in Chinese; Excel.run refuses (there is no
 * workbook here), which the pane must survive; a ribbon command can be associated.
 */
const OFFICE_STUB = `
window.Office = {
  HostType: { Excel: "Excel" },
  context: { displayLanguage: "zh-CN", requirements: { isSetSupported: function () { return true; } } },
  actions: { associate: function (name) { window.__associated = (window.__associated || []).concat(name); } },
  onReady: function (callback) {
    var info = { host: "Excel", platform: "PC" };
    return Promise.resolve().then(function () { if (callback) callback(info); return info; });
  },
};
window.Excel = { run: function () { return Promise.reject(new Error("no workbook in this test")); } };
`;

interface PageRun {
  /** Requests that would have left the add-in's origin (all refused), Office.js apart. */
  readonly outside: string[];
  /** How often Office.js was asked for (answered by the stub). */
  officeJs: number;
  /** CSP violations the page reported, and console lines about the policy. */
  readonly violations: string[];
}

/** Opens one built page with every request outside the local server refused and recorded. */
async function openPage(browser: Browser, url: string): Promise<{ page: Page; run: PageRun }> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const run: PageRun = { outside: [], officeJs: 0, violations: [] };
  const origin = new URL(url).origin;
  await context.route("**/*", async (route) => {
    const requested = route.request().url();
    if (requested === OFFICE_JS) {
      run.officeJs++;
      await route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
    } else if (new URL(requested).origin === origin) {
      await route.continue();
    } else {
      run.outside.push(requested);
      await route.abort("blockedbyclient");
    }
  });
  // WebSockets do not pass through route(): any attempt is recorded and left unanswered.
  await context.routeWebSocket(/.*/, (ws) => {
    run.outside.push(ws.url());
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) run.violations.push(message.text());
  });
  page.on("pageerror", (error) => run.violations.push(`page error: ${error.message}`));
  await page.goto(url, { waitUntil: "load" });
  return { page, run };
}

async function reportedViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

function policyOf(html: string): string | undefined {
  return /<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]+content="([^"]+)"/i.exec(html)?.[1];
}

const chromiumHere = existsSync(CHROMIUM);
const describeInChromium = chromiumHere ? describe : describe.skip;

describe("built pages carry the Content-Security-Policy", () => {
  it.each(["taskpane.html", "commands.html"])("%s: the policy is the page's first rule, before any script", (page) => {
    const file = path.join(dist, page);
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    const html = readFileSync(file, "utf8");
    const policy = policyOf(html);
    expect(policy?.split(/;\s*/)).toEqual([
      "default-src 'self'",
      "script-src 'self' https://appsforoffice.microsoft.com",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
    ]);
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  });
});

describeInChromium(
  chromiumHere ? "built pages in headless Chromium" : `built pages in headless Chromium (skipped: ${CHROMIUM} is not installed)`,
  () => {
    let browser: Browser;
    let served: { server: Server; origin: string };

    beforeAll(async () => {
      if (!existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` first");
      served = await serveFolder(dist);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
    }, 30_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => served?.server.close(resolve));
    });

    it("the task pane renders all its cards without a request leaving the add-in's origin or a CSP violation", async () => {
      const { page, run } = await openPage(browser, `${served.origin}/taskpane.html`);
      await page.getByRole("heading", { name: "销售团队业绩提升" }).waitFor({ timeout: 15_000 });
      // The last lazily loaded card (its own chunk) is on screen: every chunk came from the origin.
      await page.getByRole("button", { name: "计算建议" }).waitFor({ timeout: 15_000 });
      await page.waitForLoadState("networkidle");
      expect(run.officeJs).toBe(1);
      expect(run.outside).toEqual([]);
      expect([...run.violations, ...(await reportedViolations(page))]).toEqual([]);
      await page.context().close();
    }, 45_000);

    it("the commands page associates its command without a request leaving the add-in's origin or a CSP violation", async () => {
      const { page, run } = await openPage(browser, `${served.origin}/commands.html`);
      await page.waitForFunction(() => (window as unknown as { __associated?: string[] }).__associated?.length, null, {
        timeout: 15_000,
      });
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as unknown as { __associated: string[] }).__associated)).toEqual([
        "insertTemplates",
      ]);
      expect(run.officeJs).toBe(1);
      expect(run.outside).toEqual([]);
      expect([...run.violations, ...(await reportedViolations(page))]).toEqual([]);
      await page.context().close();
    }, 30_000);
  },
);
