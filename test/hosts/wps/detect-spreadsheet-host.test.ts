import { detectSpreadsheetHost, WORKBENCH_MARKER } from "../../../src/hosts/common/detect-host";

describe("detectSpreadsheetHost picks the program from the page's globals", () => {
  const wpsRoot = { ApiEvent: {}, CreateTaskPane: () => ({}) };
  it.each([
    ["WPS: window.Application with the add-in root", { Application: wpsRoot }, "wps"],
    ["WPS: only CreateTaskPane", { Application: { CreateTaskPane: () => ({}) } }, "wps"],
    ["WPS, older builds: wps.EtApplication()", { wps: { EtApplication: () => ({}) } }, "wps"],
    ["WPS even where Office.js was loaded too", { Application: wpsRoot, Office: {} }, "wps"],
    ["Excel: Office.js", { Office: { onReady: () => undefined } }, "excel"],
    ["the workbench: univerAPI", { univerAPI: {}, Office: {} }, "univer"],
    ["the workbench: its marker", { [WORKBENCH_MARKER]: true }, "univer"],
    ["nothing: a plain page", {}, undefined],
    ["an unrelated Application global is not WPS", { Application: { name: "x" } }, undefined],
  ] as const)("%s", (_name, scope, expected) => {
    expect(detectSpreadsheetHost(scope)).toBe(expected);
  });

  it("reads globalThis by default", () => {
    expect(detectSpreadsheetHost()).toBeUndefined();
  });
});
