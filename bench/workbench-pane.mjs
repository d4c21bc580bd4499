// Row 7: the workbench as a manager meets it, from the production build (dist/workbench) in headless Chromium
// (Debian's /usr/bin/chromium through playwright-core, never a downloaded browser):
// - "pane usable": from the page's navigation start until the pane's first step shows its Insert templates
//   button enabled, with the CPU throttled 4× (Chromium's Emulation.setCPUThrottlingRate), median of 3 loads;
// - "first Insert templates": on a fresh page (not throttled) whose grid has shown the example team and gone
//   idle, from the click on Insert templates until the pane says the sheets are inserted, median of 3 pages.
// Skipped (a "not built" row) while dist/ has no workbench page. Run by scripts/bench.mjs:
//   node bench/workbench-pane.mjs --dist DIR [--loads N] [--locale zh-CN|en]
/* global document, performance, requestIdleCallback, MutationObserver */
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { URL } from "node:url";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const dist = path.resolve(option("dist", "dist"));
const LOADS = Number(option("loads", "3"));
const LOCALE = option("locale", "zh-CN");
const CHROMIUM = "/usr/bin/chromium";
const folder = path.join(dist, "workbench");
const built = existsSync(path.join(folder, "index.html"));
/** The pane's texts, as src/taskpane/i18n/pane-messages.ts has them (this file runs without compiling it). */
const TEXT = {
  pane: { "zh-CN": "销售团队业绩提升", en: "Sales Team Playbook" },
  insert: { "zh-CN": "插入模板", en: "Insert templates" },
  inserted: { "zh-CN": /^已插入 \d+ 张表/, en: /^Inserted \d+ sheets?\./ },
};

const figure = (name, ours, goalMs) => ({
  row: 7,
  figure: name,
  ours: typeof ours === "number" ? `${(ours / 1000).toFixed(2)} s` : ours,
  peer: "—",
  ratio: null,
  goal: `≤ ${goalMs / 1000} s`,
  pass: typeof ours === "number" ? ours <= goalMs : null,
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Serves dist/workbench on 127.0.0.1 ("/" is index.html). */
async function serve() {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css" };
  const server = createServer((req, res) => {
    let name = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (name.endsWith("/")) name += "index.html";
    const file = path.join(folder, path.normalize(name));
    if (!file.startsWith(folder + path.sep) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** In the page: resolves with performance.now() once the pane's Insert templates button is on screen and enabled. */
function paneUsable(page) {
  return page.waitForFunction(
    ([pane, insert]) => {
      const aside = document.querySelector(`aside[aria-label="${pane}"]`);
      const button = aside && [...aside.querySelectorAll("button")].find((b) => b.textContent?.trim() === insert);
      if (!button || button.disabled || button.getAttribute("aria-disabled") === "true") return false;
      const box = button.getBoundingClientRect();
      return box.width > 0 && box.height > 0 ? performance.now() : false;
    },
    [TEXT.pane[LOCALE], TEXT.insert[LOCALE]],
    { polling: "raf", timeout: 120_000 },
  );
}

async function measure() {
  const { chromium } = await import("playwright-core");
  const { server, origin } = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  const usable = [];
  const inserts = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: LOCALE });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.goto(`${origin}/?lang=${LOCALE}`, { waitUntil: "commit" });
      usable.push(await (await paneUsable(page)).jsonValue());
      await context.close();
    }
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: LOCALE });
      const page = await context.newPage();
      await page.goto(`${origin}/?lang=${LOCALE}`);
      await paneUsable(page);
      // The grid has shown the example team, and the page has gone idle (what loads after the first paint has).
      await page.waitForFunction(() => (globalThis.univerAPI?.getActiveWorkbook()?.getSheets().length ?? 0) >= 2, null, {
        timeout: 120_000,
      });
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 10_000 })));
      inserts.push(
        await page.evaluate(
          ([pane, insert, done]) =>
            new Promise((resolve) => {
              const aside = document.querySelector(`aside[aria-label="${pane}"]`);
              const button = [...aside.querySelectorAll("button")].find((b) => b.textContent?.trim() === insert);
              const finished = () => [...aside.querySelectorAll("div")].some((d) => new RegExp(done).test(d.textContent ?? ""));
              const started = performance.now();
              const observer = new MutationObserver(() => {
                if (!finished()) return;
                observer.disconnect();
                resolve(performance.now() - started);
              });
              observer.observe(aside, { childList: true, subtree: true, characterData: true });
              button.click();
            }),
          [TEXT.pane[LOCALE], TEXT.insert[LOCALE], TEXT.inserted[LOCALE].source],
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.error(`pane usable (ms): ${usable.map((t) => t.toFixed(0)).join(", ")}`);
  console.error(`first Insert templates (ms): ${inserts.map((t) => t.toFixed(0)).join(", ")}`);
  return { usable: median(usable), insert: median(inserts) };
}

const USABLE = `Workbench pane usable: from opening the page until the first step's Insert templates button is shown and enabled, headless Chromium, CPU throttled 4×, 1366×768, median of ${LOADS} loads`;
const INSERT = `First Insert templates in the workbench: from the click until the pane says the sheets are inserted, the example team open and the page idle, not throttled, median of ${LOADS} pages`;
let figures;
if (!built) figures = [figure(USABLE, "not built (no workbench page in dist/)", 4000), figure(INSERT, "not built", 1000)];
else if (!existsSync(CHROMIUM))
  figures = [USABLE, INSERT].map((name, i) => figure(name, `skipped: ${CHROMIUM} is not installed`, [4000, 1000][i]));
else {
  const { usable, insert } = await measure();
  figures = [figure(USABLE, usable, 4000), figure(INSERT, insert, 1000)];
}
process.stdout.write(`${JSON.stringify({ figures })}\n`);
