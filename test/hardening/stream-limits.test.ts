import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { BIN, measuredOutput, peakMemoryProbe } from "./real-process";
import { put, withPart } from "./sandbox";

/**
 * Bounded memory on devices and pipes, and rich text --out cannot write back: the real command, its
 * peak memory read from /proc (VmHWM) as it exits. `--max-size 16` keeps the cases quick; the limit
 * is the same code at the default 1024 MB (a FIFO fed endlessly stops at 1.1 GB peak, measured by hand).
 */
jest.setTimeout(120_000); // a hang guard only: each case ends in about a second

const box = mkdtempSync(path.join(tmpdir(), "stream-limits-"));
afterAll(() => rmSync(box, { recursive: true, force: true }));

const builtCli = existsSync(path.resolve(__dirname, "../../build/cli/cli/main.js"));
const probe = peakMemoryProbe(box);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  /** What the command said on stderr, without the probe's line. */
  readonly said: string[];
  readonly peakMb: number;
}

/**
 * The real command with the probe; `feed` writes to its stdin (a socket, as Node gives a child) or elsewhere
 * until it ends; `pipedFrom`, a shell command whose output reaches it through a real pipe. Killed after 90 s.
 */
function run(args: readonly string[], feed?: (child: ChildProcess) => () => void, pipedFrom?: string): Promise<Run> {
  if (!builtCli) throw new Error("build/cli is missing: run `npm run build:cli` first");
  const command = [process.execPath, "--require", probe, BIN, ...args];
  const quoted = command.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(" ");
  const child = pipedFrom
    ? spawn("sh", ["-c", `${pipedFrom} | ${quoted}`], { cwd: box })
    : spawn(command[0]!, command.slice(1), { cwd: box });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d));
  child.stderr?.on("data", (d: Buffer) => (stderr += d));
  const stop = feed?.(child);
  const guard = setTimeout(() => child.kill("SIGKILL"), 90_000);
  return new Promise((resolve) =>
    child.on("close", (code) => {
      clearTimeout(guard);
      stop?.();
      const { said, peakMb } = measuredOutput(stderr);
      resolve({ code, stdout, said, peakMb });
    }),
  );
}

/** Deals as CSV lines, the same block over and over, for as long as the reader reads. */
const BLOCK = Buffer.from("2026-11-02,张三,客户甲,大客户,1200,SO1\n".repeat(2048));

/** Writes BLOCK into the child's stdin until it closes. */
const endlessStdin = (child: ChildProcess) => {
  const stdin = child.stdin!;
  stdin.on("error", () => undefined); // EPIPE once the command stops reading
  let open = true;
  const write = () => {
    while (open && stdin.write(BLOCK));
    if (open) stdin.once("drain", write);
  };
  write();
  return () => {
    open = false;
  };
};

/** A writer process that fills a FIFO endlessly (it dies of EPIPE, or is killed, when the reader is gone). */
const endlessFifo = (fifo: string) => () => {
  const script = `const s = require("fs").createWriteStream(process.argv[1]); const b = Buffer.from(${JSON.stringify(
    BLOCK.toString(),
  )}); s.on("error", () => process.exit(0)); (function w() { while (s.write(b)); s.once("drain", w); })();`;
  const writer = spawn(process.execPath, ["-e", script, fifo], { stdio: "ignore" });
  return () => writer.kill("SIGKILL");
};

const OVER_16 = /is larger than the 16 MB read limit .* add --max-size 64 to raise it and try again\.$/;

describe("bounded memory on devices and pipes (--max-size counts bytes as they arrive)", () => {
  it.each(["/dev/zero", "/dev/urandom"])("customers %s: not a spreadsheet, judged on its first 64 KB, exit 2", async (device) => {
    const result = await run(["customers", device, "--max-size", "16", "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([`${device} is not a spreadsheet: give an .xlsx, .xls, .ods or .csv file.`]);
    expect(result.peakMb).toBeLessThan(300);
  });

  it("customers /dev/zero in zh-CN, at the default limit: the same sentence, memory not grown", async () => {
    const result = await run(["customers", "/dev/zero", "--lang", "zh-CN"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual(["/dev/zero 不是表格文件：请提供 .xlsx、.xls、.ods 或 .csv 文件。"]);
    expect(result.peakMb).toBeLessThan(300);
  });

  it("customers on a FIFO fed endlessly: refused one byte past --max-size, exit 2", async () => {
    const fifo = path.join(box, "deals.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const result = await run(["customers", fifo, "--max-size", "16", "--lang", "en"], endlessFifo(fifo));
    expect(result.code).toBe(2);
    expect(result.said).toHaveLength(1);
    expect(result.said[0]).toMatch(OVER_16);
    expect(result.peakMb).toBeLessThan(300);
  });

  it.each([
    ["en", OVER_16],
    ["zh-CN", /超过 16 MB 的读取上限.*请加 --max-size 64 提高上限后重试。$/],
  ])("customers /dev/stdin fed endlessly (--lang %s): refused past --max-size, exit 2", async (lang, says) => {
    const result = await run(["customers", "/dev/stdin", "--max-size", "16", "--lang", lang], endlessStdin);
    expect(result.code).toBe(2);
    expect(result.said).toHaveLength(1);
    expect(result.said[0]).toMatch(says);
    expect(result.peakMb).toBeLessThan(300);
  });

  it("customers /dev/stdin at the end of a shell pipe fed endlessly (yes): refused past --max-size, exit 2", async () => {
    const result = await run(
      ["customers", "/dev/stdin", "--max-size", "16", "--lang", "en"],
      undefined,
      "yes 2026-11-02,张三,客户甲,大客户,1200,SO1",
    );
    expect(result.code).toBe(2);
    expect(result.said).toEqual([expect.stringMatching(OVER_16)]);
    expect(result.peakMb).toBeLessThan(300);
  });

  it("customers --out on /dev/stdin fed endlessly: the same limit on the --out path", async () => {
    const out = path.join(box, "stdin-report.xlsx");
    const result = await run(["customers", "/dev/stdin", "--out", out, "--max-size", "16", "--lang", "en"], endlessStdin);
    expect(result.code).toBe(2);
    expect(result.said[0]).toMatch(OVER_16);
    expect(existsSync(out)).toBe(false);
    expect(result.peakMb).toBeLessThan(300);
  });

  it("a file larger than --max-size by its size is refused as too large (not 'cannot be read'), nothing read", async () => {
    const file = put(box, "large.csv", "");
    truncateSync(file, 20 * 1024 * 1024); // sparse: 20 MB on paper
    const result = await run(["customers", file, "--max-size", "16", "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([expect.stringMatching(OVER_16)]);
    expect(result.peakMb).toBeLessThan(300);
  });

  it("a CSV arriving through /dev/stdin under the limit is read as a file would be", async () => {
    const csv =
      "日期,销售,客户,客户类型,金额,订单号\n2026-11-02,张三,客户甲,大客户,1200,SO1\n2026-11-03,李四,客户乙,大客户,800,SO2\n";
    const result = await run(["customers", "/dev/stdin", "--json", "--lang", "en"], (child) => {
      child.stdin!.end(csv);
      return () => undefined;
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { total: { customers: number; revenue: number } };
    expect(json.total).toMatchObject({ customers: 2, revenue: 2000 });
  });
});

describe("rich text --out cannot write back whole (nested runs, a run without text)", () => {
  let base: Buffer;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("成交");
    sheet.addRow(["日期", "销售", "客户", "客户类型", "金额", "订单号"]);
    for (let i = 0; i < 20; i++)
      sheet.addRow([`2026-0${(i % 9) + 1}-1${i % 10}`, `张${i % 5}`, `客户${i}`, "大客户", 1000 + i, `SO${i}`]);
    base = Buffer.from(await workbook.xlsx.writeBuffer());
  });

  /** The base workbook with 客户0's shared string, or C2's value as an inline string, replaced by `rich`. */
  async function withRichText(name: string, where: "shared" | "inline", rich: string): Promise<string> {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(base);
    const part = where === "shared" ? "xl/sharedStrings.xml" : "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(part)!.async("string")) as string;
    const changed =
      where === "shared"
        ? xml.replace("<si><t>客户0</t></si>", `<si>${rich}</si>`)
        : xml.replace(/<c r="C2"[^>]*>.*?<\/c>/, `<c r="C2" t="inlineStr"><is>${rich}</is></c>`);
    expect(changed).not.toBe(xml);
    return put(box, name, await withPart(base, part, changed));
  }

  /** customers --json's customer count: 客户1 written as two runs merges with 客户1's 19 others... */
  const customers = (stdout: string) => (JSON.parse(stdout) as { total: { customers: number } }).total.customers;

  it.each([
    ["nested runs in a shared string", "shared", "<r><t>客户</t><r><rPr><b/></rPr><t>1</t></r></r>"],
    ["a run without text in a shared string", "shared", "<r/><r><t>客户1</t></r>"],
    ["a run holding bare text in an inline string", "inline", "<r>客户1</r>"],
    ["nested runs in an inline string", "inline", "<r><t>客户</t><r><t>1</t></r></r>"],
  ] as const)("%s: customers --out exits 2 with one sentence, nothing written", async (label, where, rich) => {
    const file = await withRichText(`${label.replace(/ /g, "-")}.xlsx`, where, rich);
    const out = path.join(box, `${path.basename(file, ".xlsx")}-report.xlsx`);
    const result = await run(["customers", file, "--out", out, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.said).toEqual([
      `${file} has a cell whose formatted text is damaged (a text run inside another, or one without text), so it cannot be written back whole: open it in Excel/WPS, save it as .xlsx and try again.`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it("nested runs, read without --out: the text of every run joined (客户 + 1 is 客户1)", async () => {
    const file = await withRichText("nested-read.xlsx", "shared", "<r><t>客户</t><r><t>1</t></r></r>");
    const result = await run(["customers", file, "--json", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(customers(result.stdout)).toBe(19); // 客户0's line now belongs to 客户1
  });

  it("legal rich text (runs with their formatting) still goes through --out, read as one text", async () => {
    const file = await withRichText("legal-rich.xlsx", "shared", "<r><rPr><b/></rPr><t>客户</t></r><r><t>1</t></r>");
    const out = path.join(box, "legal-rich-report.xlsx");
    const result = await run(["customers", file, "--out", out, "--json", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(customers(result.stdout)).toBe(19);
    expect(existsSync(out)).toBe(true);
  });
});
