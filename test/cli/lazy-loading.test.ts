import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runBinary } from "../hardening/real-process";

/**
 * What the real command loads (bin/sales-playbook.cjs, built): `--help` and a usage mistake answer
 * without the file libraries (ExcelJS, SheetJS) or the commands, which take most of a start; a command
 * that only reads never loads the writer, and an .xlsx is read with SheetJS's mini build (40 ms to load,
 * the full one 200). Modules, not a clock, are asserted.
 */
const box = mkdtempSync(path.join(tmpdir(), "lazy-loading-"));
afterAll(() => rmSync(box, { recursive: true, force: true }));

const probe = path.join(box, "loaded.cjs");
writeFileSync(
  probe,
  `process.on("exit", () => {
    const names = new Set();
    for (const key of Object.keys(require.cache)) {
      const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(key);
      // SheetJS by build: "xlsx.js" (full, with the code pages) or "dist/xlsx.mini.min.js".
      if (m) names.add(m[1] === "@e965/xlsx" ? "@e965/xlsx/" + key.split("@e965/xlsx/")[1] : m[1]);
      else if (key.includes("/build/cli/cli/commands/")) names.add("commands");
    }
    process.stderr.write("\\nloaded=" + [...names].join(",") + "\\n");
  });`,
);

async function loaded(args: readonly string[]): Promise<{ code: number | null; modules: string[] }> {
  const run = await runBinary(args, { cwd: box, preload: probe });
  return { code: run.code, modules: (/loaded=(.*)/.exec(run.stderr)?.[1] ?? "").split(",").filter(Boolean) };
}

describe("the command line loads what a command needs", () => {
  it.each([[["--help"], 0] as const, [["nosuchcommand", "x.xlsx"], 2] as const])(
    "%j answers without ExcelJS, SheetJS or the commands",
    async (args, code) => {
      const run = await loaded(args);
      expect(run.code).toBe(code);
      expect(run.modules).not.toContain("exceljs");
      expect(run.modules.filter((m) => m.startsWith("@e965/xlsx"))).toEqual([]);
      expect(run.modules.includes("commands")).toBe(code !== 0);
    },
  );

  it("reading an .xlsx loads SheetJS's mini build only (no code pages), and no writer", async () => {
    const file = path.join(box, "deals.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("成交").addRows([
      ["日期", "销售", "客户", "金额"],
      [new Date(Date.UTC(2026, 10, 3)), "张三", "甲", 100],
    ]);
    await workbook.xlsx.writeFile(file);
    const read = await loaded(["customers", file, "--json"]);
    expect(read.code).toBe(0);
    expect(read.modules.filter((m) => m.startsWith("@e965/xlsx"))).toEqual(["@e965/xlsx/dist/xlsx.mini.min.js"]);
    expect(read.modules).not.toContain("exceljs");
  });

  it("a command that only reads leaves the writer (ExcelJS) out; with --out it loads it", async () => {
    const file = path.join(box, "deals.csv");
    writeFileSync(file, "日期,销售,客户,金额\n2026-11-03,张三,甲,100\n");
    const read = await loaded(["customers", file, "--json"]);
    expect(read.code).toBe(0);
    expect(read.modules).toContain("commands");
    expect(read.modules).not.toContain("exceljs");
    const written = await loaded(["customers", file, "--out", path.join(box, "out.xlsx")]);
    expect(written.code).toBe(0);
    expect(written.modules).toContain("exceljs");
  });
});
