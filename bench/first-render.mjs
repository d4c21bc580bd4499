// Row 6: first render of the workbench page from the production build in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core, never a downloaded browser), CPU throttled 4×, median of 5
// loads: the time to the first contentful paint. Skipped (a "not built" row) while dist/ has no
// workbench page. Run by scripts/bench.mjs: node bench/first-render.mjs --dist DIR
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import { URL } from "node:url";
import path from "node:path";

const args = process.argv.slice(2);
const dist = path.resolve(args.includes("--dist") ? args[args.indexOf("--dist") + 1] : "dist");
const CHROMIUM = "/usr/bin/chromium";
const LOADS = 5;
const page = existsSync(path.join(dist, "workbench", "index.html"))
  ? "workbench/index.html"
  : existsSync(dist)
    ? readdirSync(dist).find((f) => /^workbench.*\.html$/i.test(f))
    : undefined;
const row = (ours) => ({
  row: 6,
  figure: `Workbench first render (first contentful paint) from the production build, headless Chromium, CPU throttled 4×, median of ${LOADS} loads`,
  ours,
  peer: "—",
  ratio: null,
  goal: "—",
  pass: null,
});

async function measure() {
  const { chromium } = await import("playwright-core");
  const types = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".png": "image/png",
    ".svg": "image/svg+xml",
  };
  const server = createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  const times = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await tab.goto(`http://127.0.0.1:${server.address().port}/${page}`, { waitUntil: "load" });
      times.push(
        await tab.evaluate(
          () =>
            new Promise((resolve) =>
              new globalThis.PerformanceObserver((list, observer) => {
                const paint = list.getEntries().find((e) => e.name === "first-contentful-paint");
                if (paint) {
                  observer.disconnect();
                  resolve(paint.startTime);
                }
              }).observe({ type: "paint", buffered: true }),
            ),
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(times.length / 2)].toFixed(0)} ms`;
}

const ours = !page
  ? "not built (no workbench page in dist/)"
  : !existsSync(CHROMIUM)
    ? `skipped: ${CHROMIUM} is not installed`
    : await measure();
process.stdout.write(`${JSON.stringify({ figures: [row(ours)] })}\n`);
