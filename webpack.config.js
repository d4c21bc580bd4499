const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { resolveDevServerOptions } = require("./scripts/dev-certs.cjs");
const { baseConfig, startupCheckPattern } = require("./webpack.base.cjs");
const { wpsPackageConfig } = require("./webpack.wps.cjs");

/** Where the production build is served from; set PUBLIC_URL when you deploy. */
const urlProd = process.env.PUBLIC_URL || "https://sales-playbook.example.com/";

/** Points every localhost URL (and the AppDomain, written without a trailing slash) at urlProd. */
function toProductionManifest(xml) {
  return xml.replace(/https:\/\/localhost:3000(\/?)/g, (_m, slash) => (slash ? urlProd : urlProd.replace(/\/$/, "")));
}

/**
 * The pages' Content-Security-Policy, written as the first <meta> of each page (templates:
 * `htmlWebpackPlugin.options.csp`). The add-in sends nothing anywhere: scripts and chunks come from
 * its own origin, Office.js from Microsoft's CDN; connections only to its own origin (the dev
 * server's reload socket). Fluent UI's Griffel writes <style> elements at run time, which only
 * 'unsafe-inline' allows (a nonce cannot be fresh in a static page); measured in
 * test/privacy/pane-network.test.ts. frame-ancestors is left out: a <meta> policy ignores it.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/**
 * The workbench's policy: the add-in's without Office.js (nothing from outside the page's origin).
 * Univer draws on canvases and writes its styles at run time (style-src 'unsafe-inline', as the pane);
 * a saved file is handed to the browser as a blob: link.
 */
const WORKBENCH_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/**
 * The browser workbench (`npm run workbench`): the task pane beside Univer's spreadsheet, built on
 * its own into dist/workbench so the Office pane's bundle does not change.
 */
function workbenchConfig(dev) {
  // Univer's spreadsheet is most of it; a budget that still catches a second copy of it.
  const base = baseConfig({ name: "workbench", environment: "workbench", dev, sizeBudget: 28_000_000 });
  return {
    ...base,
    entry: { workbench: "./src/workbench/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/workbench"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    module: { rules: [...base.module.rules, { test: /\.css$/, use: ["style-loader", "css-loader"] }] },
    // Not minified: the workbench is served from this machine (npm start, the e2e), never deployed, and
    // minifying Univer's 13 MB of modules took 45 s of a 57 s build (now 12 s; the page's script is
    // 25.7 MB instead of 15.7 MB, read from localhost).
    optimization: { minimize: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
        csp: WORKBENCH_CONTENT_SECURITY_POLICY,
      }),
    ],
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  if (env && env.workbench) return workbenchConfig(dev);
  const configs = [await addinConfig(dev), workbenchConfig(dev)];
  // The WPS add-in folder, zip and registry files in dist/wps (webpack.wps.cjs); in development only with --env wps.
  if (!dev || env?.wps) configs.splice(1, 0, wpsPackageConfig({ dev, publicUrl: urlProd }));
  return configs;
};

async function addinConfig(dev) {
  return {
    // A size budget for the task pane's first chunk (React, the Fluent components of the sections' headings, the
    // Excel host; minified) and every other script: fail the build past it. 360 kB since React is 18.3 and every
    // card is a chunk of its own (pane-chunks.tsx): the first chunk came to 342 kB (103.6 KB gzip with
    // startup-check.js), from 519 kB (155.7 KB gzip) with React 19 and Insert templates in it.
    ...baseConfig({ name: "addin", environment: "office", dev, sizeBudget: 360_000 }),
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      // dist/workbench and dist/wps are the workbench's and the WPS package's own builds.
      clean: { keep: /^(workbench|wps)[\\/]/ },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        csp: CONTENT_SECURITY_POLICY,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        csp: CONTENT_SECURITY_POLICY,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          startupCheckPattern("office"),
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : toProductionManifest(content.toString())),
          },
        ],
      }),
    ],
    devServer: {
      hot: true,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: await resolveDevServerOptions(),
    },
  };
}
