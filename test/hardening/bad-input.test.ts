import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import * as fsp from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../cli/cli-harness";
import { runKilledMidWrite, runWithInternalError, type RunResult } from "./real-process";
import { dealsCsv, encryptedWorkbook, isWholeXlsx, openOnFullDisk, put, realXls, snapshot, withPart } from "./sandbox";

/**
 * Never lose a file: every bad input is one sentence and an exit code, the input's bytes stay as they
 * were, and nothing half written (no target, no temporary file) is left behind. One row per case.
 */
jest.mock("node:fs/promises", () => {
  const actual = jest.requireActual("node:fs/promises");
  return { ...actual, open: jest.fn(actual.open) };
});

// The in-process internal errors write their logs into the test's folder, not the system's.
const mockLogs = { folder: "" };
jest.mock("node:os", () => {
  const actual = jest.requireActual("node:os");
  return { ...actual, tmpdir: () => mockLogs.folder || actual.tmpdir() };
});

jest.setTimeout(30_000); // the two real processes, on a shared 2-core machine

const root = mkdtempSync(path.join(tmpdir(), "hardening-"));
const logs = mkdtempSync(path.join(tmpdir(), "hardening-logs-"));
mockLogs.folder = logs;
let template: Buffer; // the five playbook sheets with the playbook's examples: validate finds notes only

beforeAll(async () => {
  const file = path.join(root, "template.xlsx");
  expect((await runCli(["init", file, "--example"])).code).toBe(0);
  template = readFileSync(file);
});
afterAll(() => [root, logs].forEach((folder) => rmSync(folder, { recursive: true, force: true })));
let diskFull = false;
(fsp.open as jest.Mock).mockImplementation(openOnFullDisk(jest.requireActual("node:fs/promises").open, () => diskFull));

type How = "in-process" | "disk-full" | "kill" | "internal-error";

interface Case {
  readonly name: string;
  /** Makes the files in a fresh folder and gives the command line. */
  readonly build: (box: string) => Promise<string[]> | string[];
  readonly exit: 0 | 1 | 2 | 3 | "killed";
  /** A part of the sentence (stderr, or stdout when it succeeds). */
  readonly says: string;
  /** The one file the command may add or replace; every other byte in the folder stays. */
  readonly writes?: string;
  readonly how?: How;
}

const en = ["--lang", "en"];
const zh = ["--lang", "zh-CN"];

const CASES: readonly Case[] = [
  {
    name: "an empty file",
    build: (b) => ["validate", put(b, "empty.xlsx", ""), ...en],
    exit: 2,
    says: "empty.xlsx is not a valid .xlsx file",
  },
  {
    name: "text renamed .xlsx",
    build: (b) => ["validate", put(b, "notes.xlsx", "客户,金额\n甲,1\n"), ...en],
    exit: 2,
    says: "notes.xlsx is not a valid .xlsx file",
  },
  {
    name: "a truncated zip",
    build: (b) => ["validate", put(b, "cut.xlsx", template.subarray(0, 900)), "--out", path.join(b, "o.xlsx"), ...en],
    exit: 2,
    says: "cut.xlsx is not a valid .xlsx file",
  },
  {
    name: "a zip without a workbook part",
    build: async (b) => [
      "validate",
      put(b, "parts.xlsx", await withPart(template, "xl/workbook.xml", undefined)),
      "--out",
      path.join(b, "o.xlsx"),
      ...en,
    ],
    exit: 2,
    says: "parts.xlsx is not a valid .xlsx file",
  },
  {
    // The reader reads around the broken sheet; loading it whole for --out finds the broken XML: the file's problem, one sentence.
    name: "malformed sheet XML",
    build: async (b) => [
      "validate",
      put(
        b,
        "xml.xlsx",
        await withPart(template, "xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1"><v>1</c></row>'),
      ),
      "--out",
      path.join(b, "o.xlsx"),
      ...en,
    ],
    exit: 2,
    says: "has broken XML inside",
  },
  {
    name: "encrypted (OLE with EncryptionInfo)",
    build: (b) => ["diagnose", put(b, "加密.xlsx", encryptedWorkbook()), ...zh],
    exit: 2,
    says: "加密.xlsx 已加密",
  },
  {
    name: "a real .xls, its copy as .xlsx",
    build: (b) => ["validate", put(b, "旧表.xls", realXls()), "--out", path.join(b, "新表.xlsx"), ...en],
    exit: 0,
    says: "旧表.xls: No playbook sheets found",
    writes: "新表.xlsx",
  },
  {
    name: "a folder",
    build: (b) => (mkdirSync(path.join(b, "团队.xlsx")), ["validate", path.join(b, "团队.xlsx"), ...en]),
    exit: 2,
    says: "团队.xlsx is a folder",
  },
  { name: "a missing path", build: (b) => ["validate", path.join(b, "nope.xlsx"), ...zh], exit: 2, says: "找不到文件" },
  {
    name: "spaces and Chinese characters in paths",
    build: (b) => [
      "validate",
      put(b, "团队 数据/北区 目标.xlsx", template),
      "--out",
      path.join(b, "团队 数据/北区 标记.xlsx"),
      ...zh,
    ],
    exit: 0,
    says: "已写入",
    writes: "团队 数据/北区 标记.xlsx",
  },
  {
    name: "an existing --out",
    build: (b) => ["validate", put(b, "in.xlsx", template), "--out", put(b, "old.xlsx", template), ...en],
    exit: 2,
    says: "old.xlsx already exists: add --force to replace it, or choose another name.",
  },
  {
    name: "an existing --out, zh-CN",
    build: (b) => ["validate", put(b, "in.xlsx", template), "--out", put(b, "旧.xlsx", template), ...zh],
    exit: 2,
    says: "旧.xlsx 已存在：如要替换它请加 --force",
  },
  {
    name: "an existing --out with --force",
    build: (b) => ["validate", put(b, "in.xlsx", template), "--out", put(b, "old.xlsx", "old"), "--force", ...en],
    exit: 0,
    says: "Wrote",
    writes: "old.xlsx",
  },
  {
    name: "--out a symbolic link to the input, with --force",
    build: (b) => [
      "validate",
      put(b, "in.xlsx", template),
      "--out",
      (symlinkSync("in.xlsx", path.join(b, "link.xlsx")), path.join(b, "link.xlsx")),
      "--force",
      ...en,
    ],
    exit: 2,
    says: "--out cannot be the input file",
  },
  {
    name: "--out a hard link to the input, with --force",
    build: (b) => [
      "diagnose",
      put(b, "in.xlsx", template),
      "--out",
      (linkSync(path.join(b, "in.xlsx"), path.join(b, "hard.xlsx")), path.join(b, "hard.xlsx")),
      "--force",
      ...en,
    ],
    exit: 2,
    says: "--out cannot be the input file",
  },
  {
    name: "--out the input through a linked folder, with --force",
    build: (b) => [
      "validate",
      put(b, "data/in.xlsx", template),
      "--out",
      (symlinkSync("data", path.join(b, "alias")), path.join(b, "alias/in.xlsx")),
      "--force",
      ...en,
    ],
    exit: 2,
    says: "--out cannot be the input file",
  },
  {
    name: "a missing output folder",
    build: (b) => ["validate", put(b, "in.xlsx", template), "--out", path.join(b, "nowhere/out.xlsx"), ...en],
    exit: 2,
    says: "the folder",
  },
  {
    name: '--out ""',
    build: (b) => ["validate", put(b, "in.xlsx", template), "--out", "", ...en],
    exit: 2,
    says: "--out needs a file name",
  },
  {
    name: "a full disk while replacing with --force",
    build: (b) => ["validate", put(b, "in.xlsx", template), "--out", put(b, "old.xlsx", template), "--force", ...en],
    how: "disk-full",
    exit: 2,
    says: "The disk is full, so",
  },
  {
    name: "a full disk, zh-CN",
    build: (b) => ["init", path.join(b, "新.xlsx"), ...zh],
    how: "disk-full",
    exit: 2,
    says: "磁盘空间不足，未能写入",
  },
  {
    // The real command, slowed only in writing its temporary file, is killed half way; a later save there removes the leftover.
    name: "a kill during the write (real process)",
    build: (b) => ["validate", put(b, "deals.csv", dealsCsv(10_000)), "--out", put(b, "old.xlsx", template), "--force", ...en],
    how: "kill",
    exit: "killed",
    says: "",
    writes: "after.xlsx",
  },
  {
    name: "init onto an existing file",
    build: (b) => ["init", put(b, "team.xlsx", template), ...zh],
    exit: 2,
    says: "team.xlsx 已存在",
  },
  {
    name: "init onto an existing file with --force",
    build: (b) => ["init", put(b, "team.xlsx", "old"), "--force", ...en],
    exit: 0,
    says: "Wrote",
    writes: "team.xlsx",
  },
  {
    name: "a use case's sentence names its file",
    build: (b) => ["diagnose", put(b, "说明.xlsx", template), ...en],
    exit: 2,
    says: "说明.xlsx: No deal sheet found",
  },
  {
    name: "an internal error (real process)",
    build: (b) => ["validate", put(b, "in.xlsx", template), ...zh],
    how: "internal-error",
    exit: 3,
    says: "sales-playbook 发生内部错误",
  },
];

async function run(row: Case, box: string, args: string[]): Promise<RunResult> {
  switch (row.how ?? "in-process") {
    case "disk-full":
      diskFull = true;
      try {
        return await runCli(args);
      } finally {
        diskFull = false;
      }
    case "internal-error":
      return runWithInternalError(args, box, logs);
    case "kill":
      return runKilledMidWrite(args, box);
    default:
      return runCli(args);
  }
}

describe("bad input: one sentence, the input unchanged, nothing half written", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, row) => {
    const box = mkdtempSync(path.join(root, "case-"));
    const args = await row.build(box);
    const before = snapshot(box);
    const result = await run(row, box, args);

    expect(result.code).toBe(row.exit);
    const said = result.code === 0 ? result.stdout : result.stderr;
    expect(said).toContain(row.says);
    if (result.code === 2 || result.code === 3) {
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const after = snapshot(box);
    for (const [entry, was] of before) if (entry !== row.writes) expect([entry, after.get(entry)]).toEqual([entry, was]);
    const wrote = row.writes !== undefined && (result.code === 0 || row.how === "kill");
    expect([...after.keys()].filter((entry) => !before.has(entry))).toEqual(
      wrote && !before.has(row.writes!) ? [row.writes] : [],
    );
    if (wrote) expect(await isWholeXlsx(path.join(box, row.writes!))).toBe(true);
  });
});
