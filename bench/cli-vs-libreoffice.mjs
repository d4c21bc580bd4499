// `npm run bench`: the command line on a 100,000-line .xlsx, side by side with LibreOffice headless
// merely converting the same file to CSV (goal: the CLI is no slower). Needs `npm run build:cli`
// (npm install does it) and LibreOffice; without LibreOffice the CLI figures are printed alone.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");
const dir = mkdtempSync(path.join(tmpdir(), "cli-bench-"));
const file = path.join(dir, "deals-100k.xlsx");
const TYPES = ["行业TOP100", "中小企业", "个人客户"];

const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet("成交明细");
ws.addRow(["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "订单号", "状态"]);
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (let i = 0; i < 100_000; i++) {
  const order = Math.floor(i / 2);
  const customer = Math.floor(rnd() * 5000);
  ws.addRow([
    new Date(Date.UTC(2025, 11, 1 + (order % 365))),
    `成员${order % 40}`,
    `客户${customer}`,
    TYPES[customer % 3],
    Math.round(1000 + rnd() * 90000),
    `O${order}`,
    rnd() < 0.7 ? "赢单" : "丢单",
  ]);
}
await wb.xlsx.writeFile(file);

function time(label, command, args) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    execFileSync(command, args, { stdio: "ignore", timeout: 600_000 });
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label}: ${(runs[1] / 1000).toFixed(2)} s (median of 3; ${runs.map((r) => (r / 1000).toFixed(2)).join(", ")})`);
  return runs[1];
}

const bin = path.resolve("bin/sales-playbook.cjs");
const customers = time("sales-playbook customers, 100,000 lines", process.execPath, [bin, "customers", file, "--json"]);
const diagnose = time("sales-playbook diagnose,  100,000 lines", process.execPath, [bin, "diagnose", file, "--json"]);
let soffice;
try {
  execFileSync("soffice", ["--version"], { stdio: "ignore" });
  soffice = "soffice";
} catch {
  console.log("LibreOffice is not installed: no side-by-side figure.");
}
if (soffice) {
  const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  const lo = time("LibreOffice headless, xlsx -> csv only", soffice, [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--convert-to",
    "csv",
    "--outdir",
    dir,
    file,
  ]);
  console.log(
    `ratio to LibreOffice: customers ${(customers / lo).toFixed(2)}, diagnose ${(diagnose / lo).toFixed(2)} (below 1 = faster)`,
  );
}
