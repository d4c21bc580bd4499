import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";

/**
 * Offline manifest check (`npm run validate` needs Microsoft's service). Reads manifest.xml and
 * the built dist/manifest.xml with a real XML parser. Needs `npm run build` first (npm test does it).
 */
const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const DEV_ORIGIN = "https://localhost:3000/";
const PROD_ORIGIN = process.env.PUBLIC_URL || "https://sales-playbook.example.com/";

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) =>
    ["Set", "Host", "Control", "bt:Image", "bt:Url", "bt:String", "Override", "bt:Override", "AppDomain"].includes(name),
});

function load(file: string): Node {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return parser.parse(readFileSync(file, "utf8")) as Node;
}

/** Every value in the document that looks like a URL, namespaces left out. */
function urls(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string" && /^https?:\/\//.test(node)) out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => urls(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) if (!key.startsWith("@xmlns")) urls(value, out);
  }
  return out;
}

function values(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => values(n, key, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      values(v, key, out);
    }
  }
  return out;
}

const source = load(path.join(root, "manifest.xml"));
const app = source.OfficeApp as Node;

describe("manifest.xml (offline check)", () => {
  it("is a task-pane add-in for workbooks only, with read/write access", () => {
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect((app.Hosts as Node).Host).toEqual([{ "@Name": "Workbook" }]);
    expect(app.Permissions).toBe("ReadWriteDocument");
  });

  it("has its own GUID, not the one from Microsoft's template", () => {
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(app.Id).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143");
  });

  it("asks for ExcelApi 1.7 and nothing above it (newer features are detected at run time)", () => {
    const sets = ((app.Requirements as Node).Sets as Node).Set as Node[];
    expect(sets).toEqual([{ "@Name": "ExcelApi", "@MinVersion": "1.7" }]);
  });

  it("names itself in Chinese as well as English", () => {
    expect((app.DisplayName as Node).Override).toEqual([{ "@Locale": "zh-CN", "@Value": "销售团队业绩提升" }]);
  });

  it("resolves every resid to a resource", () => {
    const resources = (app.VersionOverrides as Node).Resources as Node;
    const ids = new Set(
      [
        ...(((resources["bt:Images"] as Node)["bt:Image"] as Node[]) ?? []),
        ...(((resources["bt:Urls"] as Node)["bt:Url"] as Node[]) ?? []),
        ...(((resources["bt:ShortStrings"] as Node)["bt:String"] as Node[]) ?? []),
        ...(((resources["bt:LongStrings"] as Node)["bt:String"] as Node[]) ?? []),
      ].map((r) => r["@id"]),
    );
    const used = values(app.VersionOverrides, "@resid");
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect(ids).toContain(id);
  });

  it("has a ribbon button that opens the pane and one that runs a function the commands page registers", () => {
    const controls = values(app.VersionOverrides, "Control").flat() as Node[];
    const actions = controls.map((c) => c.Action as Node);
    expect(actions.map((a) => a["@xsi:type"])).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    const functionName = actions[1].FunctionName as string;
    const commands = readFileSync(path.join(root, "src/commands/commands.ts"), "utf8");
    expect(commands).toContain(`Office.actions.associate("${functionName}"`);
  });

  it("points every URL at a file the development build serves", () => {
    const all = urls(app).filter((u) => u !== DEV_ORIGIN.replace(/\/$/, ""));
    expect(all.length).toBeGreaterThan(5);
    for (const url of all) {
      expect(url.startsWith(DEV_ORIGIN)).toBe(true);
      expect(existsSync(path.join(dist, url.slice(DEV_ORIGIN.length)))).toBe(true);
    }
  });

  it("is rewritten for production in dist/ with no localhost left", () => {
    const built = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(built).not.toContain("localhost");
    const builtApp = parser.parse(built).OfficeApp as Node;
    const all = urls(builtApp);
    expect(all.length).toBe(urls(app).length);
    for (const url of all) expect(url.startsWith(PROD_ORIGIN.replace(/\/$/, ""))).toBe(true);
    expect(builtApp.Id).toBe(app.Id);
  });
});
