// Row 5: bundle sizes from the production build (dist/, `npm run build`): the task pane's initial JS
// (the scripts taskpane.html loads) gzipped, each lazy chunk, and the WPS package and the workbench
// entry when the build has them. Run by scripts/bench.mjs: node bench/bundles.mjs --dist DIR
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const dist = path.resolve(args.includes("--dist") ? args[args.indexOf("--dist") + 1] : "dist");
/** Microsoft's Office add-in React template (yo office, React, TypeScript), production build here: initial JS gzip. */
const TEMPLATE_KB = 166;
const BUDGET_KB = 160;
const GOAL_KB = 120;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (file) => gzipSync(readFileSync(file)).length;
const figures = [];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** The local scripts a page loads (src attributes), as files under dist. */
function scriptsOf(page) {
  const html = readFileSync(page, "utf8");
  // Quoted or not: the production build minifies its HTML.
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//.test(src))
    .map((src) => path.resolve(path.dirname(page), src.split("?")[0]));
}

if (!existsSync(path.join(dist, "taskpane.html"))) {
  figures.push({
    row: 5,
    figure: "Task pane initial JS (gzip); peer: Microsoft's Office add-in React template",
    ours: "not built (`npm run build`)",
    peer: `${TEMPLATE_KB} KB`,
    ratio: null,
    goal: `≤ ${GOAL_KB} KB (budget ${BUDGET_KB} KB)`,
    pass: null,
  });
} else {
  const all = files(dist);
  const pages = all.filter((f) => f.endsWith(".html"));
  const initial = new Set(pages.flatMap(scriptsOf));
  const pane = scriptsOf(path.join(dist, "taskpane.html"));
  const paneBytes = pane.reduce((n, f) => n + gzip(f), 0);
  figures.push({
    row: 5,
    figure: `Task pane initial JS (gzip, ${pane.map((f) => path.basename(f)).join(" + ")}); peer: Microsoft's Office add-in React template built here`,
    ours: kb(paneBytes),
    peer: `${TEMPLATE_KB} KB`,
    ratio: paneBytes / 1024 / TEMPLATE_KB,
    goal: `≤ ${GOAL_KB} KB (budget ${BUDGET_KB} KB)`,
    pass: paneBytes / 1024 <= GOAL_KB,
  });
  // The Office add-in's own chunks (the WPS package and the workbench are builds of their own, in their folders).
  const own = all.filter((f) => path.dirname(f) === dist);
  const lazy = own.filter((f) => f.endsWith(".js") && !initial.has(f));
  for (const f of lazy.sort()) {
    figures.push({
      row: 5,
      figure: `Lazy chunk ${path.relative(dist, f)} (gzip)`,
      ours: kb(gzip(f)),
      peer: "—",
      ratio: null,
      goal: "—",
      pass: null,
    });
  }
  // The .7z WPS downloads and the .zip for unpacking by hand, both of the same folder (webpack.wps.cjs).
  const wps7z = all.find((f) => /^wps[\\/][^\\/]+\.7z$/.test(path.relative(dist, f)));
  const wpsFolder = wps7z?.replace(/\.7z$/, "");
  const wpsZip = wps7z && all.find((f) => f === `${wpsFolder}.zip`);
  figures.push({
    row: 5,
    figure: "WPS package: the .7z and the .zip handed out (their folder unpacked)",
    ours: wpsZip
      ? `${kb(statSync(wps7z).size)} and ${kb(statSync(wpsZip).size)} (${kb(files(wpsFolder).reduce((n, f) => n + statSync(f).size, 0))} in ${files(wpsFolder).length} files)`
      : "not built",
    peer: "—",
    ratio: null,
    goal: "—",
    pass: null,
  });
  const workbench = pages.find((p) => /workbench/i.test(path.relative(dist, p)));
  figures.push({
    row: 5,
    figure: "Workbench entry JS (gzip)",
    ours: workbench ? kb(scriptsOf(workbench).reduce((n, f) => n + gzip(f), 0)) : "not built",
    peer: "—",
    ratio: null,
    goal: "—",
    pass: null,
  });
}
process.stdout.write(`${JSON.stringify({ figures })}\n`);
