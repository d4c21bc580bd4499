/**
 * The WPS add-in package (WPS 加载项), built beside the Office one by `npm run build`:
 *
 *   dist/wps/sales-playbook_<version>/   the add-in folder WPS loads: index.html (ribbon callbacks),
 *                                        ribbon.xml, taskpane.html, the scripts, images/
 *   dist/wps/sales-playbook_<version>.7z   that folder packed as WPS's tooling (wpsjs) packs it, for IT
 *   dist/wps/sales-playbook_<version>.zip  the same folder zipped, for unpacking by hand
 *   dist/wps/publish.xml                 offline: the entry for the user's jsaddons folder
 *   dist/wps/publish-online.xml          online: the entry pointing at the served folder
 *   dist/wps/jsplugins.xml               IT: the list oem.ini's JSPluginsServer names
 *
 * Everything the add-in uses is in the folder: no Office.js, no CDN, no font or script from
 * anywhere else, because intranet PCs have no internet. Facts relied on (public WPS add-in
 * documentation and add-ins; README "WPS"): WPS fetches `<url>/ribbon.xml` and `<url>/index.html`;
 * ribbon.xml must not start with an XML declaration; its callbacks are global functions of
 * index.html; `jsaddons` is %APPDATA%\kingsoft\wps\jsaddons on Windows and
 * ~/.local/share/Kingsoft/wps/jsaddons on Linux; an offline entry is
 * `<jsplugin name type="et" url="<folder>" version>` with the folder unpacked beside publish.xml.
 */
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { baseConfig, startupCheckPattern } = require("./webpack.base.cjs");
const { sevenZipFolder, zipFolder } = require("./scripts/wps-archives.cjs");
const { version } = require("./package.json");

const ADDON_NAME = "sales-playbook";
const FOLDER = `${ADDON_NAME}_${version}`;

/**
 * The pages' policy: everything from the add-in's own folder (served, or unpacked and loaded as
 * file:), no connection anywhere but its own origin, no plugins.
 */
const WPS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

const xmlAttribute = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The three registry files: offline (folder in jsaddons), online (served folder), IT (served .7z). */
function registryFiles(publicUrl) {
  const base = `${publicUrl.replace(/\/?$/, "/")}wps/`;
  const entry = (tag, url) =>
    `  <${tag} name="${ADDON_NAME}" type="et" url="${xmlAttribute(url)}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`;
  const list = (line) => `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${line}\n</jsplugins>\n`;
  return {
    "publish.xml": list(entry("jsplugin", FOLDER)),
    "publish-online.xml": list(
      `  <jspluginonline name="${ADDON_NAME}" type="et" url="${xmlAttribute(`${base}${FOLDER}/`)}" enable="enable_dev" install="null" customDomain=""/>`,
    ),
    "jsplugins.xml": list(
      `  <jsplugin name="${ADDON_NAME}" type="et" url="${xmlAttribute(`${base}${FOLDER}.7z`)}" version="${version}"/>`,
    ),
  };
}

/**
 * Packs the add-in folder as `<folder>.7z` and `<folder>.zip` (scripts/wps-archives.cjs) and writes the
 * registry files beside them (dist/wps), once the folder is written. The folder is webpack's output, so
 * every path in it stays inside it.
 */
class WpsPackagePlugin {
  constructor(publicUrl) {
    this.publicUrl = publicUrl;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise("WpsPackagePlugin", async (compilation) => {
      const outDir = path.dirname(compiler.outputPath);
      // The files as written (webpack has let go of the sources by now).
      const files = await Promise.all(
        compilation
          .getAssets()
          .map(async ({ name }) => [
            name.split(path.sep).join("/"),
            await fs.promises.readFile(path.join(compiler.outputPath, name)),
          ]),
      );
      await fs.promises.writeFile(path.join(outDir, `${FOLDER}.7z`), await sevenZipFolder(FOLDER, files));
      await fs.promises.writeFile(path.join(outDir, `${FOLDER}.zip`), await zipFolder(FOLDER, files));
      for (const [name, text] of Object.entries(registryFiles(this.publicUrl))) {
        await fs.promises.writeFile(path.join(outDir, name), text);
      }
    });
  }
}

/** The webpack configuration of the WPS package; `publicUrl` is where IT serves dist/. */
function wpsPackageConfig({ dev, publicUrl }) {
  return {
    // The Office pane's budget (webpack.config.js): the same pane, for the same Chromium 87 floor.
    ...baseConfig({ name: "wps", environment: "wps", dev, sizeBudget: 360_000 }),
    entry: {
      index: "./src/wps/ribbon.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist/wps", FOLDER),
      filename: "[name].[contenthash:8].js",
      // Relative in the package (served or unpacked anywhere); under the dev server, where it is served.
      publicPath: dev ? `/wps/${FOLDER}/` : "auto",
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/wps/index.html",
        chunks: ["index"],
        csp: WPS_CONTENT_SECURITY_POLICY,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/taskpane.html",
        chunks: ["taskpane"],
        csp: WPS_CONTENT_SECURITY_POLICY,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/icon-{16,32,64}.png", to: "images/[name][ext]" },
          startupCheckPattern("wps"),
        ],
      }),
      // The archives and registry files are for deployment; the dev server serves the folder alone.
      ...(dev ? [] : [new WpsPackagePlugin(publicUrl)]),
    ],
  };
}

module.exports = { wpsPackageConfig, ADDON_NAME, FOLDER, WPS_CONTENT_SECURITY_POLICY };
