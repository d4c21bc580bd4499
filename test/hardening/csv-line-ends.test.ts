import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../cli/cli-harness";
import { runBinary } from "./real-process";
import { put } from "./sandbox";

/**
 * CSV that reads right: record ends in any mix (CRLF, LF, CR, as concatenated exports give) and UTF-16 without a
 * byte-order mark. Every figure is checked twice over, against a hand count of the generated deals and against
 * Python's csv module reading the same bytes (an independent reader: it ends records at CR, LF or CRLF).
 */

jest.setTimeout(30_000); // a real process on a shared 2-core machine

const box = mkdtempSync(path.join(tmpdir(), "csv-line-ends-"));
afterAll(() => rmSync(box, { recursive: true, force: true }));

const DEALS = 200;
/** The hand count: deal i is worth 1000 + i, one customer per deal, all dated in the past. */
const HAND = { customers: DEALS, orders: DEALS, revenue: DEALS * 1000 + (DEALS * (DEALS - 1)) / 2 };

interface Columns {
  readonly header: readonly string[];
  readonly customer: string;
  readonly amount: string;
}
const ZH: Columns = { header: ["日期", "销售", "客户", "客户类型", "金额", "订单号", "备注"], customer: "客户", amount: "金额" };
const EN: Columns = {
  header: ["Date", "Rep", "Customer", "Type", "Amount", "Order", "Note"],
  customer: "Customer",
  amount: "Amount",
};

/**
 * 200 deals, the header then each deal followed by `end(i)`. Reps are named 销 (U+9500) and 一 (U+4E00), whose
 * low byte is 0 in UTF-16; `note(i)` may hold quoted line breaks, which stay inside their cell.
 */
function deals(columns: Columns, end: (line: number) => string, note: (i: number) => string = () => ""): string {
  const lines = [columns.header.join(",")];
  for (let i = 0; i < DEALS; i++) {
    const date = `2025-${String((i % 12) + 1).padStart(2, "0")}-1${i % 10}`;
    lines.push([date, i % 2 ? `销${i % 7}` : `一${i % 5}`, `客户${i}`, "大客户", 1000 + i, `SO${i}`, note(i)].join(","));
  }
  return lines.map((line, i) => line + end(i)).join("");
}

const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();

/** Python's csv module on the same bytes: deals (non-empty records after the header), their revenue, customers. */
function pythonCount(file: string, encoding: string, columns: Columns): typeof HAND {
  const script = [
    "import csv, json, sys",
    "with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f: rows = list(csv.reader(f))",
    "head, body = rows[0], [r for r in rows[1:] if r]",
    "c, a = head.index(sys.argv[3]), head.index(sys.argv[4])",
    "print(json.dumps({'customers': len({r[c] for r in body}), 'orders': len(body), 'revenue': sum(float(r[a]) for r in body)}))",
  ].join("\n");
  return JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", script, file, encoding, columns.customer, columns.amount], { encoding: "utf8" }),
  );
}

async function totals(file: string, ...flags: string[]): Promise<unknown> {
  const result = await runCli(["customers", file, "--json", "--lang", "en", ...flags]);
  expect([result.code, result.stderr]).toEqual([0, ""]);
  return JSON.parse(result.stdout).total;
}

/** The message, when it is one line (the file's name is part of it, however messages quote it). */
const oneSentence = (stderr: string) => (/^[^\n]+\n$/.test(stderr) ? stderr : `not one line: ${stderr}`);

const TURN = ["\r\n", "\n", "\r"];

describe("any mix of CR, LF and CRLF ends records outside quotes (200 deals stay 200)", () => {
  it.each<[string, string, Columns]>([
    ["a CRLF header and LF lines", deals(ZH, (i) => (i === 0 ? "\r\n" : "\n")), ZH],
    ["CRLF, LF and CR in turn (concatenated exports)", deals(ZH, (i) => TURN[i % 3]), ZH],
    ["CR only (old Mac exports)", deals(ZH, () => "\r"), ZH],
    ["LF lines then CR lines, no end at the end", deals(EN, (i) => (i === DEALS ? "" : i < 100 ? "\n" : "\r")), EN],
    [
      "quoted notes holding CRLF, LF and CR stay in their cell",
      deals(
        ZH,
        (i) => TURN[(i + 1) % 3],
        (i) => (i % 10 === 0 ? `"第一行${TURN[i % 3]}第二行,仍是备注"` : ""),
      ),
      ZH,
    ],
  ])("%s", async (name, text, columns) => {
    const file = put(box, `${name.replace(/\W+/g, "-")}.csv`, text);
    expect(pythonCount(file, "utf-8", columns)).toEqual(HAND);
    expect(await totals(file)).toEqual(HAND);
  });

  it("the real command reads a CRLF header and LF lines as 200 deals", async () => {
    const file = put(
      box,
      "real.csv",
      deals(ZH, (i) => (i === 0 ? "\r\n" : "\n")),
    );
    const result = await runBinary(["customers", file, "--json", "--lang", "en"], { cwd: box });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(JSON.parse(result.stdout).total).toEqual(pythonCount(file, "utf-8", ZH));
  });
});

describe("UTF-16 without a byte-order mark is found by its zero bytes, and --encoding utf-16le/utf-16be is honoured", () => {
  const crlf = () => "\r\n";
  it.each<[string, Buffer, string, Columns]>([
    ["UTF-16LE, Chinese with 销 and 一 (a low byte of 0)", Buffer.from(deals(ZH, crlf), "utf16le"), "utf-16-le", ZH],
    ["UTF-16BE, Chinese with 销 and 一", utf16be(deals(ZH, crlf)), "utf-16-be", ZH],
    ["UTF-16LE, mostly ASCII with 销 early", Buffer.from(deals(EN, crlf), "utf16le"), "utf-16-le", EN],
    ["UTF-16BE, mostly ASCII with 销 early", utf16be(deals(EN, crlf)), "utf-16-be", EN],
    [
      "UTF-16LE with mixed record ends",
      Buffer.from(
        deals(ZH, (i) => TURN[i % 3]),
        "utf16le",
      ),
      "utf-16-le",
      ZH,
    ],
  ])("%s", async (name, bytes, pythonEncoding, columns) => {
    const file = put(box, `${name.replace(/\W+/g, "-")}.csv`, bytes);
    expect(pythonCount(file, pythonEncoding, columns)).toEqual(HAND);
    expect(await totals(file)).toEqual(HAND);
    expect(await totals(file, "--encoding", pythonEncoding.replace("-le", "le").replace("-be", "be"))).toEqual(HAND);
  });

  it("--encoding wins over detection: LE bytes named utf-16be are not the deals", async () => {
    const file = put(box, "named-wrong.csv", Buffer.from(deals(ZH, crlf), "utf16le"));
    const result = await runCli(["customers", file, "--json", "--lang", "en", "--encoding", "utf-16be"]);
    expect([result.code, oneSentence(result.stderr)]).toEqual([2, expect.stringContaining("No deal sheet found")]);
  });

  it.each<[string, Buffer]>([
    // xorshift bytes: zeros on both sides, lone surrogates.
    [
      "random bytes",
      Buffer.from(
        Array.from({ length: 4096 }, (_, i) => {
          let x = i * 2654435761 + 1;
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          return x & 0xff;
        }),
      ),
    ],
    ["UTF-8 text with one stray NUL", Buffer.concat([Buffer.from(deals(ZH, crlf), "utf8"), Buffer.from([0])])],
    ["a PNG header", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")],
  ])("%s named .csv is still not a valid .csv (zero bytes alone do not make UTF-16)", async (name, bytes) => {
    const file = put(box, `${name.replace(/\W+/g, "-")}.csv`, bytes);
    const result = await runCli(["customers", file, "--lang", "en"]);
    expect([result.code, oneSentence(result.stderr)]).toEqual([2, expect.stringContaining("is not a valid .csv file")]);
  });
});
