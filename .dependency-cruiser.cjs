/**
 * The layers, checked on every `npm test`: core <- app <- hosts, faces.
 * Faces (taskpane, commands, cli, the WPS ribbon in src/wps, the workbench) call app; only their entry files may build a host.
 * Inside core, the sub-folders import one way (CORE_ORDER): a folder sees the ones before it, never one after it.
 */

/**
 * Core's sub-folders, first to last: the cell, the words people write, the playbook's sheets as data, a sheet read
 * as a table, the user's export read (reading), measured (metrics), then diagnosed or held against the targets
 * (progress), the action plan and monthly review, the checks, the weekly review, the settings. Folders on one line
 * do not see each other. i18n/locale and i18n/format are under everything; the other i18n catalogues are placed by
 * what they import (no-circular keeps them honest).
 */
const CORE_ORDER = [
  ["cell"],
  ["parse"],
  ["templates"],
  ["sheet"],
  ["analysis/reading"],
  ["analysis/metrics"],
  ["analysis/diagnosis", "analysis/progress"],
  ["actions"],
  ["validate"],
  ["weekly-review"],
  ["settings"],
];

const coreOrderRules = CORE_ORDER.flatMap((level, i) =>
  level.map((folder) => {
    const later = [...level.filter((f) => f !== folder), ...CORE_ORDER.slice(i + 1).flat()];
    return {
      name: `core-order-${folder.replace("/", "-")}`,
      comment: `core/${folder} imports only the core folders before it: ${later.join(", ")} come after.`,
      severity: "error",
      from: { path: `^src/core/${folder}/` },
      to: { path: `^src/core/(${later.join("|")})/` },
    };
  }),
);

module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "src/core is pure domain: no other layer, no Office, DOM, React or Node.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { pathNot: "^src/core/" },
    },
    ...coreOrderRules,
    {
      name: "core-base-texts",
      comment: "The cell and the parsers see only the locale and the number formats of i18n, never a catalogue.",
      severity: "error",
      from: { path: "^src/core/(cell|parse)/|^src/core/i18n/(locale|format)\\.ts$" },
      to: { path: "^src/core/i18n/", pathNot: "^src/core/i18n/(locale|format)\\.ts$" },
    },
    {
      name: "app-depends-on-core-only",
      severity: "error",
      from: { path: "^src/app/" },
      to: { pathNot: "^src/(app|core)/" },
    },
    {
      name: "hosts-implement-app-ports",
      comment:
        "A host sees app (its port), core and the host support every host may use (hosts/common), never a face or another host.",
      severity: "error",
      from: { path: "^src/hosts/([^/]+)/" },
      to: { path: "^src/(taskpane|commands|cli|wps|workbench)/|^src/hosts/(?!$1/|common/)" },
    },
    {
      name: "faces-call-app-not-hosts",
      comment:
        "Only a face's entry file (index.tsx, commands.ts, main.ts, the WPS ribbon.ts, the workbench's index.tsx) may construct or call a host; the others may name a host's data types.",
      severity: "error",
      from: {
        path: "^src/(taskpane|commands|cli|wps|workbench)/",
        pathNot: "^src/(taskpane/index\\.tsx|commands/commands\\.ts|cli/main\\.ts|wps/ribbon\\.ts|workbench/index\\.tsx)$",
      },
      to: { path: "^src/hosts/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "one-zip-module",
      comment:
        "Zip packages are read in one place (hosts/xlsx/zip-package.ts) and edited in one (hosts/xlsx/zip-edit.ts, no Node API, for the workbench's Save too): nothing else inflates or opens one.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/hosts/xlsx/zip-(package|edit)\\.ts$" },
      to: { path: "^(node:)?zlib$|(^|/)node_modules/jszip/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-orphans",
      comment: "A source file nothing imports and that imports nothing is dead (type declarations and config files aside).",
      severity: "error",
      from: {
        orphan: true,
        pathNot: [
          "(^|/)[.][^/]+[.](?:js|cjs|mjs|ts|json)$",
          "[.]d[.]ts$",
          "(^|/)tsconfig[.]json$",
          "(^|/)[^/]+[.]config[.](?:js|cjs|mjs|ts)$",
          // Loaded by the pane's pages before the bundle, not imported (ES5, a script of its own).
          "^src/taskpane/startup-check[.]js$",
        ],
      },
      to: {},
    },
    {
      name: "no-non-package-json",
      comment: "Every package src imports is declared in package.json (not merely installed as another's dependency).",
      severity: "error",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Package subpaths ("@univerjs/sheets/facade", ".../locales/zh-CN") through their package.json "exports", as webpack resolves them.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    exclude: { path: "\\.html$" },
  },
};
