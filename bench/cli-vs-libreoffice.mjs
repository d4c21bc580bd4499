// Row 3: the command line. `--help` against Node.js starting with nothing to run (goal under 150 ms). On a
// generated .xlsx and .csv of deal lines (default 100,000), `customers --json` and `diagnose --json`, each run
// alternately with LibreOffice headless merely converting the same file to CSV: wall time and peak RSS, median
// of the runs after a warm-up (goals: time ratio ≤ 0.5, diagnose ≤ 0.35); on the .xlsx, `diagnose --json` also
// against pandas + openpyxl making the customer table from it (bench/peers/pandas-customers.py; goal ≤ 0.15). With scaleLines (`npm run bench --
// --size full`): 1,000,000 lines, customers, diagnose and `diagnose --out` (goals: customers ≤ 10 s and ≤ 1 GB,
// diagnose ≤ 5 s and ≤ 600 MB, --out within 2× of diagnose). Run by scripts/bench.mjs, which compiles
// bench/lib/data.ts and builds the command line first.
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { alternateRuns } from "./lib/process.mjs";
import { writeWeeklyTracker } from "./scale/weekly-tracker-file.mjs";

const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");
const { DEAL_HEADERS, dealLines } = require("./out/bench/lib/data.js");

const args = process.argv.slice(2);
const sizes = JSON.parse(args[args.indexOf("--sizes") + 1]);
const dir = mkdtempSync(path.join(tmpdir(), "bench-cli-"));
const cli = path.resolve("bin/sales-playbook.cjs");
const progress = (line) => process.stderr.write(`${line}\n`);
const count = (n) => n.toLocaleString("en-US");
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (v) => `${v.toFixed(0)} MB`;
const EPOCH = 25569;

/** The deal lines as an .xlsx (ExcelJS's streaming writer: dates as dates, shared strings) and as a UTF-8 CSV. */
async function writeFiles(lines) {
  const xlsx = path.join(dir, `deals-${lines}.xlsx`);
  const csv = path.join(dir, `deals-${lines}.csv`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const ws = wb.addWorksheet("成交明细");
  ws.addRow(DEAL_HEADERS).commit();
  const out = createWriteStream(csv);
  out.write(`${DEAL_HEADERS.join(",")}\n`);
  for (const line of dealLines(lines)) {
    const date = new Date((line[0] - EPOCH) * 86_400_000);
    const row = ws.addRow([date, ...line.slice(1)]);
    row.getCell(1).numFmt = "yyyy-mm-dd";
    row.commit();
    if (!out.write(`${date.toISOString().slice(0, 10)},${line.slice(1).join(",")}\n`)) await once(out, "drain");
  }
  ws.commit();
  await wb.commit();
  out.end();
  await once(out, "finish");
  return { xlsx, csv };
}

function runs(command, args) {
  try {
    execFileSync(command, args, { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const ours = (command, file, extra = []) => [process.execPath, [cli, command, file, "--json", "--lang", "en", ...extra]];
const figures = [];
const soffice = sizes.libreoffice && runs("soffice", ["--version"]);
const PYTHON = "/usr/bin/python3";
const pandas = sizes.libreoffice && runs(PYTHON, ["-c", "import pandas, openpyxl"]);
const onRun = (k, r, warm) =>
  progress(`  ${warm ? "warm-up " : ""}${k}: ${secs(r.ms)}, ${mb(r.peakMB)}${r.status ? `, exit ${r.status}` : ""}`);

// `--help`: the start of the command line, lazy-loading what a command does not need (goal from issue #24).
{
  const help = alternateRuns(
    { help: [process.execPath, [cli, "--help"]], node: [process.execPath, ["-e", "0"]] },
    { runs: 9, warmup: 1 },
  );
  figures.push({
    row: 3,
    figure: "`sales-playbook --help` (wall time, median of 9); peer: Node.js starting with nothing to run",
    ours: `${help.help.ms.toFixed(0)} ms`,
    peer: `${help.node.ms.toFixed(0)} ms`,
    ratio: help.help.ms / help.node.ms,
    goal: "< 150 ms",
    pass: !help.help.error && help.help.ms < 150,
  });
}

/** Ours against LibreOffice converting the same file, at most (diagnose's from issue #24). */
const LO_GOAL = { customers: 0.5, diagnose: 0.35 };
/** `diagnose --json` against pandas + openpyxl making the customer table from the same .xlsx, at most (issue #24). */
const PANDAS_GOAL = 0.15;

/** A figure of ours against a peer's runs on the same file: the time ratio against `goal`, or why the peer did not run. */
function againstPeer(command, kind, o, peer, { name, missing, goal }) {
  const ratio = peer && !peer.error ? o.ms / peer.ms : null;
  const failed = o.error ?? peer?.error;
  return {
    row: 3,
    figure: `\`${command} --json\`, reading a ${count(sizes.lines)}-line ${kind} (wall time, peak RSS); peer: ${name}${failed ? `; FAILED: ${failed}` : ""}`,
    ours: `${secs(o.ms)}, ${mb(o.peakMB)}`,
    peer: peer ? `${secs(peer.ms)}, ${mb(peer.peakMB)}` : sizes.libreoffice ? missing : "not run (--no-libreoffice)",
    ratio,
    goal: `time ratio ≤ ${goal}`,
    pass: ratio === null ? null : !failed && ratio <= goal,
  };
}

if (sizes.lines > 0) {
  const files = await writeFiles(sizes.lines);
  const profile = mkdtempSync(path.join(tmpdir(), "bench-lo-profile-"));
  const loOut = mkdtempSync(path.join(tmpdir(), "bench-lo-out-"));
  for (const [kind, file] of [
    [".xlsx", files.xlsx],
    [".csv", files.csv],
  ]) {
    progress(`${count(sizes.lines)} lines, ${kind}`);
    const candidates = { customers: ours("customers", file), diagnose: ours("diagnose", file) };
    if (soffice) {
      const infilter = kind === ".csv" ? ["--infilter=CSV:44,34,76"] : [];
      candidates.libreoffice = [
        "soffice",
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--norestore",
          ...infilter,
          "--convert-to",
          "csv",
          "--outdir",
          loOut,
          file,
        ],
      ];
    }
    if (pandas && kind === ".xlsx") candidates.pandas = [PYTHON, [path.resolve("bench/peers/pandas-customers.py"), file]];
    const r = alternateRuns(candidates, { runs: sizes.cliRuns, warmup: sizes.cliWarmup, onRun });
    for (const command of ["customers", "diagnose"])
      figures.push(
        againstPeer(command, kind, r[command], r.libreoffice, {
          name: "LibreOffice headless converting it to CSV",
          missing: "LibreOffice not installed",
          goal: LO_GOAL[command],
        }),
      );
    if (kind === ".xlsx")
      figures.push(
        againstPeer("diagnose", kind, r.diagnose, r.pandas, {
          name: "pandas + openpyxl making the customer table from it",
          missing: "pandas or openpyxl not installed",
          goal: PANDAS_GOAL,
        }),
      );
  }
  rmSync(profile, { recursive: true, force: true });
  rmSync(loOut, { recursive: true, force: true });
}

/** At 1,000,000 lines (diagnose's from issue #24). */
const SCALE_GOAL = { customers: { ms: 10_000, mb: 1024 }, diagnose: { ms: 5_000, mb: 600 } };
const scale = sizes.scaleLines > 0 ? await writeFiles(sizes.scaleLines).then((f) => f.xlsx) : undefined;
const scaleLabel = count(sizes.scaleLines || 1_000_000);
let r;
if (scale) {
  progress(`${scaleLabel} lines, .xlsx`);
  const out = path.join(dir, "report.xlsx");
  r = alternateRuns(
    {
      customers: ours("customers", scale),
      diagnose: ours("diagnose", scale),
      out: ours("diagnose", scale, ["--out", out, "--force"]),
    },
    { runs: sizes.scaleRuns, warmup: 0, onRun },
  );
}
const notRun = "not run (`npm run bench -- --size full`)";
for (const command of ["customers", "diagnose"]) {
  const o = r?.[command];
  figures.push({
    row: 3,
    figure: `\`${command} --json\`, reading a ${scaleLabel}-line .xlsx (wall time, peak RSS)${o?.error ? `; FAILED: ${o.error}` : ""}`,
    ours: o ? `${secs(o.ms)}, ${mb(o.peakMB)}` : notRun,
    peer: "—",
    ratio: null,
    goal: `≤ ${SCALE_GOAL[command].ms / 1000} s, ≤ ${SCALE_GOAL[command].mb === 1024 ? "1 GB" : `${SCALE_GOAL[command].mb} MB`}`,
    pass: o ? !o.error && o.ms <= SCALE_GOAL[command].ms && o.peakMB <= SCALE_GOAL[command].mb : null,
  });
}
{
  const o = r?.out;
  const base = r?.diagnose;
  const ratio = o && base ? o.ms / base.ms : null;
  figures.push({
    row: 3,
    figure: `\`diagnose --out\`, a ${scaleLabel}-line .xlsx (wall time, peak RSS); peer: \`diagnose --json\` on it${o?.error ? `; FAILED: ${o.error}` : ""}`,
    ours: o ? `${secs(o.ms)}, ${mb(o.peakMB)}` : notRun,
    peer: base ? `${secs(base.ms)}, ${mb(base.peakMB)}` : "—",
    ratio,
    goal: "≤ 2× time, < 2 GB",
    pass: o && base ? !o.error && ratio <= 2 && o.peakMB < 2048 : null,
  });
}
// validate on a large weekly tracker (it used to take 48 s at 25,000 rows and fail at 200,000): linear in the rows.
{
  const big = sizes.scaleLines > 0 ? 200_000 : 0;
  let v;
  if (big) {
    progress(`validate, ${count(big)} and ${count(big / 4)} weekly rows`);
    const large = path.join(dir, `weekly-${big}.xlsx`);
    const quarter = path.join(dir, `weekly-${big / 4}.xlsx`);
    await writeWeeklyTracker(large, big);
    await writeWeeklyTracker(quarter, big / 4);
    v = alternateRuns(
      { large: ours("validate", large), quarter: ours("validate", quarter) },
      { runs: sizes.scaleRuns, warmup: 0, onRun },
    );
  }
  const o = v?.large;
  const base = v?.quarter;
  const ratio = o && base ? o.ms / base.ms : null;
  figures.push({
    row: 3,
    figure: `\`validate --json\`, a weekly tracker of 200,000 rows (wall time, peak RSS); peer: the same on 50,000 rows${o?.error ? `; FAILED: ${o.error}` : ""}`,
    ours: o ? `${secs(o.ms)}, ${mb(o.peakMB)}` : notRun,
    peer: base ? `${secs(base.ms)}, ${mb(base.peakMB)}` : "—",
    ratio,
    goal: "linear: ratio ≤ 5 (4× the rows)",
    pass: o && base ? !o.error && !base.error && ratio <= 5 : null,
  });
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ figures })}\n`);
