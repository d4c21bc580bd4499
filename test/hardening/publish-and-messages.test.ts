/**
 * @jest-environment node
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runCli } from "../cli/cli-harness";
import { runBinary, type ProcessResult } from "./real-process";
import { put } from "./sandbox";

/**
 * What --out publishes, and how the command names files, with the real command (`npm run build:cli`):
 * the input is never replaced even when the output's folder is swapped for a link to the input's
 * folder while the command runs; a writer that loses a race to a new name says so; a file name with a
 * line break or a control character is escaped, so every message is one line. The races are made
 * deterministic by pause-save.cjs: the command stops at one step until the test has changed the folders.
 */
jest.setTimeout(60_000); // several real processes, on a shared 2-core machine

const root = mkdtempSync(path.join(tmpdir(), "publish-"));
let team: Buffer; // a workbook with the example team's deal and activity data
beforeAll(async () => {
  const file = path.join(root, "team.xlsx");
  expect((await runCli(["init", file, "--example", "--data"])).code).toBe(0);
  team = readFileSync(file);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha = (file: string) => createHash("sha1").update(readFileSync(file)).digest("hex");

/** A new sandbox: in/team.xlsx, an empty out/, and the folder the paused command and the test signal in. */
function sandbox(): { box: string; signals: string } {
  const box = mkdtempSync(path.join(root, "box-"));
  put(box, "in/team.xlsx", team);
  mkdirSync(path.join(box, "out"));
  const signals = path.join(box, "signals");
  mkdirSync(signals);
  return { box, signals };
}

/** Runs the real command stopped at `at` (pause-save.cjs); `meanwhile` runs while it waits, then it goes on. */
async function runPaused(
  args: readonly string[],
  box: string,
  signals: string,
  at: "read" | "temp",
  meanwhile: () => Promise<void> | void,
): Promise<ProcessResult> {
  const preload = path.join(__dirname, "pause-save.cjs");
  const running = runBinary(args, { cwd: box, preload, env: { PAUSE_AT: at, PAUSE_DIR: signals } });
  while (!existsSync(path.join(signals, "paused"))) await sleep(10);
  await meanwhile();
  writeFileSync(path.join(signals, "go"), "");
  return running;
}

/** `out` becomes a link to `in` (the folder that was `out` is kept aside as `out.old`). */
function swapOutForLinkToIn(box: string): void {
  renameSync(path.join(box, "out"), path.join(box, "out.old"));
  symlinkSync("in", path.join(box, "out"));
}

const FOLDER_CHANGED = {
  en: "The folder of out/team.xlsx was changed while this command ran (for example into a link to another folder), so the result was not written there and the input is unchanged: check that folder, then try again.",
  "zh-CN":
    "out/team.xlsx 所在的文件夹在本命令运行期间被换成了别处（例如换成了指向其他文件夹的链接），因此未写入结果，输入文件保持不变：请检查该文件夹后重试。",
} as const;

describe("the output's folder swapped for a link to the input's folder while the command runs", () => {
  const cases = [
    { force: true, at: "temp", lang: "en", why: "the save's checks passed: the report replaces the input, is found and undone" },
    { force: true, at: "read", lang: "zh-CN", why: "before the save: found by the check before saving" },
    { force: false, at: "temp", lang: "en", why: "a new file: the input's name is taken, found after the save failed" },
    { force: false, at: "read", lang: "zh-CN", why: "a new file, before the save" },
  ] as const;

  it.each(cases)("--force never replaces the input (force $force, swapped at $at: $why)", async ({ force, at, lang }) => {
    const { box, signals } = sandbox();
    const input = path.join(box, "in/team.xlsx");
    if (force) put(box, "out/team.xlsx", "an older report");
    const before = sha(input);
    const args = ["diagnose", "in/team.xlsx", "--out", "out/team.xlsx", ...(force ? ["--force"] : []), "--lang", lang];
    const run = await runPaused(args, box, signals, at, () => swapOutForLinkToIn(box));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${FOLDER_CHANGED[lang]}\n`);
    expect(sha(input)).toBe(before);
    // Nothing of ours is left beside the input, and the folder that was out/ holds what it held.
    expect(readdirSync(path.join(box, "in"))).toEqual(["team.xlsx"]);
    expect(readdirSync(path.join(box, "out.old"))).toEqual(force ? ["team.xlsx"] : []);
    if (force) expect(readFileSync(path.join(box, "out.old/team.xlsx"), "utf8")).toBe("an older report");
  });

  it("--force without a swap still replaces the old report (the guard changes nothing else)", async () => {
    const { box, signals } = sandbox();
    put(box, "out/team.xlsx", "an older report");
    const run = await runPaused(
      ["diagnose", "in/team.xlsx", "--out", "out/team.xlsx", "--force", "--lang", "en"],
      box,
      signals,
      "temp",
      () => {},
    );
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(box, "out/team.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(readFileSync(path.join(box, "in/team.xlsx")).equals(team)).toBe(true);
  });
});

describe("two writers racing to a new path with --force", () => {
  const LOST = {
    en: "out/new.xlsx was written by another process while this command ran, so that file was kept and this result not written: check it, then run again or choose another name.\n",
    "zh-CN":
      "out/new.xlsx 在本命令运行期间被另一个进程写入，已保留那个文件、未写入本次结果：请确认后重新运行，或换一个文件名。\n",
  } as const;

  it.each(["en", "zh-CN"] as const)("the loser says another process wrote it (%s)", async (lang) => {
    const { box, signals } = sandbox();
    const args = ["diagnose", "in/team.xlsx", "--out", "out/new.xlsx", "--force"];
    let winner = "";
    // The first writer checked out/new.xlsx (not there) and stops before saving; the second writes it whole.
    const loser = await runPaused([...args, "--lang", lang], box, signals, "temp", async () => {
      expect((await runBinary([...args, "--lang", lang], { cwd: box })).code).toBe(0);
      winner = sha(path.join(box, "out/new.xlsx"));
    });
    expect(loser.code).toBe(2);
    expect(loser.stderr).toBe(LOST[lang]);
    expect(sha(path.join(box, "out/new.xlsx"))).toBe(winner);
    expect(readdirSync(path.join(box, "out"))).toEqual(["new.xlsx"]);
  });
});

describe("messages name files on one line", () => {
  // A line break, ESC starting a colour, a C1 control (CSI), a bidi override (the tab, DEL and the line
  // separator are in test/cli/message-path.test.ts).
  const names = [
    { name: "a\nb.csv", shown: '"a\\nb.csv"' },
    { name: "\x1b[31mred.csv", shown: '"\\x1b[31mred.csv"' },
    { name: "c1\u009b2J.csv", shown: '"c1\\x9b2J.csv"' },
    { name: "evil\u202excod.csv", shown: '"evil\\u202excod.csv"' },
  ];
  // eslint-disable-next-line no-control-regex
  const RAW = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const oneLine = (text: string) => text.endsWith("\n") && !RAW.test(text.slice(0, -1));

  it.each(names)("a name with a control character is quoted and escaped in every message ($shown)", async ({ name, shown }) => {
    const box = mkdtempSync(path.join(root, "names-"));
    const run = (args: string[]) => runBinary([...args, "--lang", "en"], { cwd: box });
    // An input that is missing, an input that holds no deal sheet, an --out into a missing folder, an
    // --out that exists, and the line saying what was written.
    const missing = await run(["customers", name]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.startsWith(`${shown} `)).toBe(true);
    put(box, name, "a,b\n1,2\n");
    const noDeals = await run(["customers", name]);
    expect(noDeals.code).toBe(2);
    expect(noDeals.stderr.startsWith(`${shown}: `)).toBe(true);
    const noFolder = await run(["init", path.join(name.replace(".csv", ""), "x.xlsx")]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain(`the folder ${shown.replace(".csv", "")} does not exist`);
    const out = name.replace(".csv", ".xlsx");
    const wrote = await run(["init", out]);
    expect(wrote.code).toBe(0);
    expect(wrote.stdout).toBe(`Wrote ${shown.replace(".csv", ".xlsx")}\n`);
    const exists = await run(["init", out]);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toBe(
      `${shown.replace(".csv", ".xlsx")} already exists: add --force to replace it, or choose another name.\n`,
    );
    for (const result of [missing, noDeals, noFolder, exists]) expect(oneLine(result.stderr)).toBe(true);
  });

  it.each([
    {
      lang: "en",
      said: "--out needs a value and -report.xlsx looks like an option: if that is the name, write --out=-report.xlsx.\n",
    },
    {
      lang: "zh-CN",
      said: "--out 需要一个值，而 -report.xlsx 看起来像一个选项：如果这就是文件名，请写成 --out=-report.xlsx。\n",
    },
  ])("--out -report.xlsx is one sentence ($lang)", async ({ lang, said }) => {
    const box = mkdtempSync(path.join(root, "dash-"));
    const run = await runBinary(["init", "--out", "-report.xlsx", "--lang", lang], { cwd: box });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(said);
    expect(readdirSync(box)).toEqual([]);
  });

  it("an unknown option is one sentence", async () => {
    const run = await runBinary(["customers", "x.csv", "--colour\x1b[2J", "--lang", "en"], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Bad arguments: unknown option "--colour\\x1b[2J". Run sales-playbook --help for usage.\n');
  });
});
