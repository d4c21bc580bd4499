/**
 * The layers, checked on every `npm test`: core <- app <- hosts, faces.
 * Faces (taskpane, commands, cli, the WPS ribbon in src/wps) call app; only their entry files may build a host.
 */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "src/core is pure domain: no other layer, no Office, DOM, React or Node.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { pathNot: "^src/core/" },
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
      comment: "Only a face's entry file (index.tsx, commands.ts, main.ts, the WPS ribbon.ts) may construct a host.",
      severity: "error",
      from: {
        path: "^src/(taskpane|commands|cli|wps)/",
        pathNot: "^src/(taskpane/index\\.tsx|commands/commands\\.ts|cli/main\\.ts|wps/ribbon\\.ts)$",
      },
      to: { path: "^src/hosts/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.html$" },
  },
};
