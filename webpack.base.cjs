/**
 * What the three builds (the Office add-in, the WPS package, the workbench) share.
 *
 * Each build is compiled for a browserslist environment of package.json ("office", "wps",
 * "workbench"; README "Supported versions"): swc (swc-loader) transpiles our TypeScript and, for the
 * pane's builds, every dependency down to it (tabster's class static blocks, private methods, class
 * fields, ...), and adds core-js's polyfill of each newer built-in method a module uses (`findLast`,
 * `at`, ...) and only those. Types are checked once, by `npm run typecheck` (tsc), not once per build
 * (swc, like tsc's isolatedModules, compiles one file at a time).
 * test/bundles/syntax-level.test.ts parses every emitted script at its build's ECMAScript level.
 */
const fs = require("node:fs");
const path = require("node:path");
const { browserslist: BROWSERSLIST } = require("./package.json");

/**
 * The ECMAScript edition a build's scripts may use: the newest every browser of its environment parses.
 * Chromium 87 (the WPS floor) parses ES2021 (logical assignment: Chromium 85) but not all of ES2022
 * (class static blocks: 94, `#x in obj`: 91), so ES2022's class syntax is lowered as well. The
 * workbench, served from this machine to a current browser, is left as its dependencies are written.
 */
const ECMASCRIPT_LEVEL = { office: 2021, wps: 2021, workbench: 2024 };

/**
 * core-js's modules swc's "usage" mode would add that the panes do not need. Most are matched by a
 * call that only shares a newer method's name: every `.map`, `.filter`, `.some` would bring the
 * iterator helpers (ES2025), every `.union` Set's new methods (ES2025), every `.at` or `.findLast`
 * the typed arrays' (the panes hold no typed arrays); our TypeScript is checked
 * against ES2023's library, so it cannot call them, and the dependencies bundled run in browsers older
 * than those methods. The rest fix corner cases the panes never reach (arrays longer than 2^32,
 * URLSearchParams' two-argument `has`/`delete`, DOMException's
 * stack, RegExp `flags` with newer flags), or stand in for what a dependency only uses when present
 * (React's scheduler uses setImmediate if it exists, else MessageChannel). Error's `cause` option
 * (Chromium 93) is left to the browser: an older one ignores it, and the panes never read a cause
 * (only the command line does, in Node).
 */
const POLYFILLS_NOT_NEEDED = fs
  .readdirSync(path.join(path.dirname(require.resolve("core-js/package.json")), "modules"))
  .map((file) => file.replace(/\.js$/, ""))
  .filter((name) =>
    /^(es\.iterator\.|es\.set\.|es\.array-buffer\.|es\.array\.(push|unshift)$|es\.typed-array\.|es\.error\.cause$|es\.regexp\.flags$|web\.(immediate|set-immediate|clear-immediate|dom-exception\.stack)$|web\.url-search-params\.)/.test(
      name,
    ),
  );

/** swc's options for one environment; `typescript` for our .ts/.tsx, else a dependency's JavaScript. */
function swcOptions(environment, typescript) {
  const lowerClasses = ECMASCRIPT_LEVEL[environment] < 2022;
  return {
    jsc: {
      parser: typescript ? { syntax: "typescript", tsx: true } : { syntax: "ecmascript", jsx: false },
      transform: { react: { runtime: "automatic" }, useDefineForClassFields: true },
    },
    // A dependency's file may be CommonJS: swc adds its polyfills as require() there, as import in a module.
    isModule: typescript ? true : "unknown",
    env: {
      targets: BROWSERSLIST[environment],
      mode: "usage",
      coreJs: require("core-js/package.json").version,
      // Class fields and private methods (ES2022) where the level is below it, though Chromium 87 runs
      // most of them: a script then holds only ES2021 syntax, which the syntax check proves.
      include: lowerClasses ? ["transform-class-properties", "transform-private-methods"] : [],
      exclude: POLYFILLS_NOT_NEEDED,
    },
  };
}

/**
 * The rules for one environment: our TypeScript always; the dependencies too where the environment
 * is older than they are written for (not core-js, whose polyfills are what swc adds).
 */
function scriptRules(environment) {
  const typescript = {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: { loader: "swc-loader", options: swcOptions(environment, true) },
  };
  if (environment === "workbench") return [typescript];
  return [
    typescript,
    {
      test: /\.[cm]?js$/,
      include: /node_modules/,
      exclude: /node_modules[\\/](core-js|@swc[\\/]helpers)[\\/]/,
      use: { loader: "swc-loader", options: swcOptions(environment, false) },
    },
  ];
}

/**
 * The pane's start-up check (src/taskpane/startup-check.js) as CopyWebpackPlugin copies it into a
 * build, with the sentence for the build's program ("office" or "wps") from the i18n catalogue
 * src/taskpane/i18n/startup-messages.ts, which swc compiles here to read.
 */
function startupCheckPattern(program) {
  const catalogue = path.join(__dirname, "src/taskpane/i18n/startup-messages.ts");
  return {
    from: "src/taskpane/startup-check.js",
    to: "startup-check.js",
    transform(content) {
      const { code } = require("@swc/core").transformFileSync(catalogue, {
        jsc: { parser: { syntax: "typescript" }, target: "es2022" },
        module: { type: "commonjs" },
      });
      const loaded = { exports: {} };
      new Function("module", "exports", code)(loaded, loaded.exports);
      const marker = /\/\* STARTUP_MESSAGE \*\/ \{[^}]*\}/;
      const script = content.toString();
      if (!marker.test(script)) throw new Error("startup-check.js: the STARTUP_MESSAGE marker is missing");
      return script.replace(marker, () => JSON.stringify(loaded.exports.STARTUP_MESSAGES[program]));
    },
  };
}

/**
 * A build's common part: its name, browser environment, source maps in development, scripts, and
 * its size budget (bytes).
 */
function baseConfig({ name, environment, dev, sizeBudget }) {
  return {
    name,
    // webpack's own runtime code written for the same browsers.
    target: `browserslist:${environment}`,
    devtool: dev ? "source-map" : false,
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: scriptRules(environment) },
    performance: { maxAssetSize: sizeBudget, maxEntrypointSize: sizeBudget, hints: dev ? false : "error" },
  };
}

module.exports = { baseConfig, startupCheckPattern, ECMASCRIPT_LEVEL, BROWSERSLIST };
