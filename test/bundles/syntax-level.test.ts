/**
 * @jest-environment node
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, type ecmaVersion } from "acorn";
import { STARTUP_MESSAGES } from "../../src/taskpane/i18n/startup-messages";

/**
 * Every script `npm run build` writes parses at its build's ECMAScript level (webpack.base.cjs:
 * ECMASCRIPT_LEVEL, from the browserslist environments in package.json), with acorn: a bundle holding
 * newer syntax than its browsers parse would leave the pane blank there (a class static block or
 * `#x in obj` on WPS's Chromium 87). The start-up check is parsed as ES5, for the Office versions on
 * Internet Explorer 11 it must still reach. Needs `npm run build` first (npm test does it).
 */
const { ECMASCRIPT_LEVEL } = require("../../webpack.base.cjs") as { ECMASCRIPT_LEVEL: Record<string, number> };
const { version } = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string };
const dist = path.resolve(__dirname, "../../dist");

/** The builds: their folder of scripts (not its subfolders) and their environment. */
const BUILDS = [
  { name: "the Office add-in", dir: dist, environment: "office" },
  { name: "the WPS package", dir: path.join(dist, "wps", `sales-playbook_${version}`), environment: "wps" },
  { name: "the workbench", dir: path.join(dist, "workbench"), environment: "workbench" },
] as const;

const STARTUP_CHECK = "startup-check.js";

/**
 * Why a script does not parse at `level` as a script (what webpack emits), with the line around
 * the place; undefined when it parses.
 */
function syntaxNewerThan(source: string, level: number): string | undefined {
  try {
    parse(source, { ecmaVersion: level as ecmaVersion, sourceType: "script" });
    return undefined;
  } catch (error) {
    const { message, pos } = error as SyntaxError & { pos?: number };
    const at = pos ?? 0;
    return `${message} (ES${level === 5 ? 5 : level}): …${source.slice(Math.max(0, at - 60), at + 60)}…`;
  }
}

/**
 * Built-ins newer than Chromium 87 (the version that added each) that webpack.base.cjs does not
 * polyfill, so a pane must not call them; by how a minified call to each reads.
 */
const NOT_POLYFILLED: Readonly<Record<string, RegExp>> = {
  "structuredClone (98)": /\bstructuredClone\(/,
  "Object.hasOwn (93)": /\.hasOwn\(/,
  "Array toSorted / toReversed / toSpliced / with (110)": /\.(toSorted|toReversed|toSpliced)\(/,
  "Object.groupBy / Map.groupBy (117)": /\.groupBy\(/,
  "Promise.withResolvers (119)": /\.withResolvers\(/,
  "String isWellFormed / toWellFormed (111)": /\.(isWellFormed|toWellFormed)\(/,
  "Set's union, intersection, ... (122)": /\.(symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom)\(/,
  "crypto.randomUUID (92)": /\.randomUUID\(/,
  "AbortSignal.timeout / any (103)": /AbortSignal\.(timeout|any)\(/,
  "Element.checkVisibility (105)": /\.checkVisibility\(/,
  "navigator.userAgentData (90)": /\.userAgentData\b/,
};

/** The newer methods core-js adds where a module calls them (Array and String `at`: 92, `findLast`: 97). */
const POLYFILLED = ["at", "findLast", "findLastIndex"];

const scripts = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".js"));

describe("the build check of syntax levels", () => {
  it.each([
    ["a class static block", "class A { static { A.ready = true; } }", 2021],
    ["`#x in obj` (a private brand check)", "class A { #x; static is(o) { return #x in o; } }", 2021],
    ["a class field", "class A { x = 1; }", 2021],
    ["logical assignment", "a ??= b;", 2020],
    ["optional chaining", "a?.b;", 2019],
    ["an arrow function", "var f = () => 1;", 5],
    ["a trailing comma in a call", "f(1, 2,);", 5],
  ])("fails on %s newer than the level", (_what, source, level) => {
    expect(syntaxNewerThan(source, level)).toMatch(/\(ES\d+\)/);
    expect(syntaxNewerThan(source, 2022)).toBeUndefined();
  });

  it("passes what the level has", () => {
    expect(syntaxNewerThan("a ??= b; class A { #m() {} }", 2021)).toMatch(/ES2021/); // private methods: ES2022
    expect(syntaxNewerThan("a ??= b; var c = 1_000; a?.b ?? c;", 2021)).toBeUndefined();
  });
});

describe.each(BUILDS)("$name's scripts", ({ dir, environment }) => {
  const level = ECMASCRIPT_LEVEL[environment];

  it(`all parse at its level (ES${level}; browserslist "${environment}")`, () => {
    if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run build\` first`);
    const files = scripts(dir).filter((f) => f !== STARTUP_CHECK);
    expect(files.length).toBeGreaterThan(0);
    const failures = files.flatMap((f) => {
      const why = syntaxNewerThan(readFileSync(path.join(dir, f), "utf8"), level);
      return why ? [`${f}: ${why}`] : [];
    });
    expect(failures).toEqual([]);
  });

  if (environment !== "workbench") {
    it("calls no built-in newer than Chromium 87 but those core-js adds to it", () => {
      const text = scripts(dir)
        .map((f) => readFileSync(path.join(dir, f), "utf8"))
        .join("\n");
      const unpolyfilled = Object.entries(NOT_POLYFILLED).flatMap(([name, pattern]) => (pattern.test(text) ? [name] : []));
      expect(unpolyfilled).toEqual([]);
      for (const method of POLYFILLED) {
        const called = new RegExp(`\\.${method}\\(|\\["${method}"\\]`).test(text);
        // core-js's definition, as minified: $({ target: "Array", proto: true }, { findLast: function ... }).
        const added = new RegExp(`[{,]${method}:function`).test(text);
        expect({ method, called, added }).toEqual({ method, called, added: called });
      }
    });

    it("its start-up check is ES5 and says the catalogue's sentence for its program", () => {
      const source = readFileSync(path.join(dir, STARTUP_CHECK), "utf8");
      expect(syntaxNewerThan(source, 5)).toBeUndefined();
      const program = environment === "wps" ? "wps" : "office";
      for (const text of Object.values(STARTUP_MESSAGES[program])) expect(source).toContain(JSON.stringify(text).slice(1, -1));
      const page = readFileSync(path.join(dir, "taskpane.html"), "utf8");
      // The check comes before every other script of the page.
      expect(page.match(/<script[^>]*src=([^ >]+)/)?.[1]).toMatch(/^"?startup-check\.js"?$/);
    });
  }
});
