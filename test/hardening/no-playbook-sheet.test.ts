import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../cli/cli-harness";
import { put, realXls } from "./sandbox";

const box = mkdtempSync(path.join(tmpdir(), "no-playbook-"));
afterAll(() => rmSync(box, { recursive: true, force: true }));

const zh = ["--lang", "zh-CN"];
const en = ["--lang", "en"];

describe("validate on a workbook without a playbook sheet", () => {
  it("says so once, exits 0, and in JSON gives an empty list with the sheets it checked", async () => {
    const file = put(box, "客户 名单.xls", realXls());
    const text = await runCli(["validate", file, ...zh]);
    expect([text.code, text.stdout.trim()]).toEqual([
      0,
      `${file}：没有找到手册的表（按表头识别）。请先插入模板，或检查表头是否与模板一致。`,
    ]);
    const json = JSON.parse((await runCli(["validate", file, "--json", ...en])).stdout);
    expect(json).toEqual({
      findings: [],
      counts: { error: 0, warning: 0, info: 0 },
      sheets: [],
      notes: [
        `${file}: No playbook sheets found (recognised by their header row). Insert the templates first, or check the headers match.`,
      ],
    });
    const templates = path.join(box, "模板.xlsx");
    expect((await runCli(["init", templates])).code).toBe(0);
    const found = JSON.parse((await runCli(["validate", templates, "--json"])).stdout);
    expect([found.sheets.length, found.notes]).toEqual([5, []]);
  });
});
