// Which library reads the users' files: each candidate on the export fixture set (sheet names and
// order, probe cells: dates as serials, numbers, text), then time and peak memory on 100,000 lines.
//   node bench/read.bench.mjs [--modules DIR] [--lines N]
// --modules: a node_modules folder holding other candidates (e.g. after
// `npm install --prefix /tmp/cands @zurmokeeper/exceljs @protobi/exceljs`: --modules /tmp/cands/node_modules).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { hasCommand, makeExportFixtures } from "./read/export-fixtures.mjs";

const args = process.argv.slice(2);
const modules = args.includes("--modules") ? path.resolve(args[args.indexOf("--modules") + 1]) : undefined;
const lines = args.includes("--lines") ? Number(args[args.indexOf("--lines") + 1]) : 100_000;
const runner = path.resolve("bench/read/read-candidate.mjs");
const require = createRequire(path.resolve("package.json"));

const candidates = ["exceljs-stream", "exceljs-full", "sheetjs-0.20.3"];
if (existsSync("build/cli/hosts/xlsx/read-workbook-file.js")) candidates.push("sales-playbook");
else console.log("No build/cli (npm run build:cli): the command line's own reader is left out.");
if (modules && existsSync(path.join(modules, "@zurmokeeper/exceljs")))
  candidates.push("zurmokeeper-exceljs-stream", "zurmokeeper-exceljs-full");
if (modules && existsSync(path.join(modules, "@protobi/exceljs")))
  candidates.push("protobi-exceljs-stream", "protobi-exceljs-full");

function run(candidate, file, dump = false) {
  const out = execFileSync(
    process.execPath,
    [runner, candidate, file, ...(dump ? ["--dump"] : []), ...(modules ? ["--modules", modules] : [])],
    { encoding: "utf8", maxBuffer: 1 << 30, timeout: 600_000 },
  );
  return JSON.parse(out.trim().split("\n").pop());
}

// 1. Correctness on files real programs wrote.
const fixtures = await makeExportFixtures();
if (!fixtures) console.log("No /usr/bin/python3: the export fixture set cannot be made; timing only.");
else {
  const files = fixtures.manifest.files.filter((f) => !f.skipped && /\.(xlsx|xls|ods)$/.test(f.file));
  console.log(`Correctness on ${files.length} workbooks (${files.map((f) => f.file).join(", ")})`);
  for (const candidate of candidates) {
    const problems = [];
    let ok = 0;
    for (const entry of files) {
      const result = run(candidate, path.join(fixtures.dir, entry.file), true);
      if (result.error) {
        problems.push(`${entry.file}: cannot read (${result.error.slice(0, 70)})`);
        continue;
      }
      const names = result.sheets.map((s) => s.name);
      const wrong = [];
      if (JSON.stringify(names) !== JSON.stringify(entry.sheets)) wrong.push(`sheets ${JSON.stringify(names)}`);
      for (const p of entry.probes) {
        const sheet = result.sheets.find((s) => s.name === p.sheet) ?? result.sheets[entry.sheets.indexOf(p.sheet)];
        const got = sheet?.values[p.row]?.[p.col] ?? null;
        const same = typeof p.value === "number" ? typeof got === "number" && Math.abs(got - p.value) < 1e-6 : got === p.value;
        if (!same) wrong.push(`${p.sheet}!R${p.row + 1}C${p.col + 1} ${JSON.stringify(got)} (want ${JSON.stringify(p.value)})`);
      }
      if (wrong.length === 0) ok++;
      else problems.push(`${entry.file}: ${wrong.slice(0, 2).join("; ")}${wrong.length > 2 ? ` (+${wrong.length - 2})` : ""}`);
    }
    console.log(`  ${candidate}: ${ok}/${files.length} right`);
    problems.forEach((p) => console.log(`    - ${p}`));
  }
}

// 2. Time and peak memory on a large file, written by ExcelJS and by openpyxl.
const dir = mkdtempSync(path.join(tmpdir(), "read-bench-big-"));
const big = [];
{
  const ExcelJS = require("exceljs");
  const file = path.join(dir, `deals-${lines}-exceljs.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("成交明细");
  ws.addRow(["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "订单号", "状态"]).commit();
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < lines; i++) {
    const customer = Math.floor(rnd() * 5000);
    const row = ws.addRow([
      new Date(Date.UTC(2025, 11, 1 + ((i >> 1) % 365))),
      `成员${(i >> 1) % 40}`,
      `客户${customer}`,
      ["行业TOP100", "中小企业", "个人客户"][customer % 3],
      Math.round(100000 + rnd() * 9000000) / 100,
      `O${i >> 1}`,
      rnd() < 0.7 ? "赢单" : "丢单",
    ]);
    row.getCell(1).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
  big.push(["ExcelJS", file]);
}
if (hasCommand("/usr/bin/python3", ["-c", "import openpyxl"])) {
  const file = path.join(dir, `deals-${lines}-openpyxl.xlsx`);
  execFileSync("/usr/bin/python3", [
    "-c",
    `import datetime, random, sys
from openpyxl import Workbook
rng = random.Random(7); wb = Workbook(write_only=True); ws = wb.create_sheet("成交明细")
ws.append(["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "订单号", "状态"])
for i in range(${lines}):
    c = rng.randrange(5000)
    ws.append([datetime.date(2025, 12, 1) + datetime.timedelta(days=(i // 2) % 365), f"成员{(i // 2) % 40}", f"客户{c}",
               ["行业TOP100", "中小企业", "个人客户"][c % 3], rng.randint(100000, 9000000) / 100, f"O{i // 2}",
               "赢单" if rng.random() < 0.7 else "丢单"])
wb.save(sys.argv[1])`,
    file,
  ]);
  big.push(["openpyxl", file]);
}
for (const [writer, file] of big) {
  console.log(
    `\n${lines.toLocaleString("en")} lines x 7 columns, written by ${writer} (median of 3 runs, each in its own process)`,
  );
  for (const candidate of candidates) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(run(candidate, file));
    if (runs[0].error) {
      console.log(`  ${candidate.padEnd(28)} cannot read: ${runs[0].error.slice(0, 80)}`);
      continue;
    }
    runs.sort((a, b) => a.ms - b.ms);
    const peak = Math.max(...runs.map((r) => r.maxRssMB));
    const base = Math.min(...runs.map((r) => r.baseRssMB));
    console.log(
      `  ${candidate.padEnd(28)} ${(runs[1].ms / 1000).toFixed(2)} s   peak RSS ${peak.toFixed(0)} MB (${(peak - base).toFixed(0)} MB over the ${base.toFixed(0)} MB at start)   ${runs[1].cells} cells`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
if (fixtures) rmSync(fixtures.dir, { recursive: true, force: true });
