import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import * as fsp from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../cli/cli-harness";
import { encryptedWorkbook, isWholeXlsx, realXls, runBinary, snapshot, tempFiles, withPart } from "./sandbox";

/**
 * Never lose a file: every bad input is one sentence and an exit code, the input's bytes stay as they
 * were, and nothing half written (no target, no temporary file) is left behind. One row per case.
 */

jest.mock("node:fs/promises", () => {
  const actual = jest.requireActual("node:fs/promises");
  return { ...actual, open: jest.fn(actual.open) };
});

jest.setTimeout(30_000); // the two real processes, on a shared 2-core machine

const root = mkdtempSync(path.join(tmpdir(), "hardening-"));
const logs = mkdtempSync(path.join(tmpdir(), "hardening-logs-"));
let template: Buffer; // the four playbook sheets with the playbook's examples: validate finds notes only

beforeAll(async () => {
  const file = path.join(root, "template.xlsx");
  expect((await runCli(["init", file, "--example"])).code).toBe(0);
  template = readFileSync(file);
});
afterAll(() => [root, logs].forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Puts bytes at a path inside the sandbox (folders made as needed) and returns the full path. */
function put(box: string, name: string, bytes: Buffer | string): string {
  const file = path.join(box, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return file;
}

/** A CSV big enough that its .xlsx takes many writes: the kill lands in the middle of them. */
function dealsCsv(rows: number): string {
  const lines = ["日期,销售,客户,客户类型,金额,订单号"];
  for (let i = 0; i < rows; i++)
    lines.push(`2026-${String((i % 12) + 1).padStart(2, "0")}-1${i % 10},张${i % 17},客户${i},大客户,${1000 + i},SO${i}`);
  return lines.join("\n");
}

/** Full disk: our temporary file takes 1 KB, then the device says ENOSPC. */
let diskFull = false;
const realOpen = jest.requireActual("node:fs/promises").open as typeof fsp.open;
(fsp.open as jest.Mock).mockImplementation(async (file: string, ...rest: unknown[]) => {
  const handle = await (realOpen as (...a: unknown[]) => Promise<fsp.FileHandle>)(file, ...rest);
  if (diskFull && String(file).endsWith(".tmp")) {
    handle.writeFile = async (bytes: Uint8Array) => {
      await handle.write(bytes.subarray(0, 1024));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28 });
    };
  }
  return handle;
});

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
    // The reader reads around the broken sheet; ExcelJS (for --out) fails on it: reported as ours (exit 3, a log), never a crash or a write.
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
    exit: 3,
    says: "sales-playbook hit an internal error",
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

async function run(row: Case, box: string, args: string[]): Promise<{ code: number | "killed"; stdout: string; stderr: string }> {
  switch (row.how ?? "in-process") {
    case "disk-full":
      diskFull = true;
      try {
        return await runCli(args);
      } finally {
        diskFull = false;
      }
    case "internal-error": {
      const result = await runBinary(args, {
        cwd: box,
        preload: path.join(__dirname, "broken-stdout.cjs"),
        env: { TMPDIR: logs },
      });
      const log = /(\S+sales-playbook-error-\S+\.log)/.exec(result.stderr)?.[1] ?? "";
      expect(path.dirname(log)).toBe(logs);
      expect(readFileSync(log, "utf8")).toMatch(/TypeError: Cannot read properties of undefined \(reading 'write'\)\n\s+at /);
      return { ...result, code: result.code ?? "killed" };
    }
    case "kill": {
      const old = readFileSync(path.join(box, "old.xlsx"));
      const halfWritten = () =>
        tempFiles(box).some((n) => (statSync(path.join(box, n), { throwIfNoEntry: false })?.size ?? 0) > 64 * 1024);
      const result = await runBinary(args, { cwd: box, preload: path.join(__dirname, "slow-disk.cjs"), killWhen: halfWritten });
      expect(result.signal).toBe("SIGKILL");
      expect(tempFiles(box)).toEqual([expect.stringMatching(/^\.old\.xlsx\.\d+\.[0-9a-f]{12}\.tmp$/)]); // killed mid-write
      expect(readFileSync(path.join(box, "old.xlsx")).equals(old)).toBe(true);
      expect((await runCli(["init", path.join(box, "after.xlsx")])).code).toBe(0); // the next save here cleans up
      return { code: "killed", stdout: "", stderr: "" };
    }
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

describe("validate on a workbook without a playbook sheet", () => {
  it("says so once, exits 0, and in JSON gives an empty list with the sheets it checked", async () => {
    const file = put(mkdtempSync(path.join(root, "plain-")), "客户 名单.xls", realXls());
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
    expect(
      JSON.parse((await runCli(["validate", put(path.dirname(file), "t.xlsx", template), "--json"])).stdout).sheets,
    ).toHaveLength(4);
  });
});
