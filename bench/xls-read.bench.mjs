// Reading an Excel 97-2003 (.xls) order export: our BIFF8 reader (build/cli, through readWorkbookFile) against
// SheetJS's BIFF parser (what .xls went through before) and pandas+xlrd, on the same file, written by SheetJS and,
// when installed, by LibreOffice. Each time is the median of 5 runs after a warm-up, measured inside its process
// (file read and parse, no process start).
//   npm run build:cli && node bench/xls-read.bench.mjs [--lines 10000]
// pandas+xlrd: Debian's python3-pandas and python3-xlrd (pandas 1.5 asks for xlrd 2, Debian ships 1.2, which
// reads .xls alike: the version check is lifted for the measurement).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { hasCommand } from "./read/export-fixtures.mjs";

const args = process.argv.slice(2);
const lines = args.includes("--lines") ? Number(args[args.indexOf("--lines") + 1]) : 10_000;
const require = createRequire(path.resolve("package.json"));
const XLSX = require("@e965/xlsx");
const { readWorkbookFile } = require(path.resolve("build/cli/hosts/xlsx/read-workbook-file.js"));
const { readSheetJsWorkbook } = require(path.resolve("build/cli/hosts/xlsx/sheetjs-workbook.js"));

const dir = mkdtempSync(path.join(tmpdir(), "xls-bench-"));
const rows = [
  ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间", "宝贝标题", "数量", "城市", "备注"],
];
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (let i = 0; i < lines; i++) {
  const day = new Date(Date.UTC(2026, 0, 1 + (i % 300)));
  rows.push([
    `T${100000 + i}`,
    `买家${Math.floor(rnd() * 700)}`,
    Math.round(rnd() * 100000) / 100,
    ["交易成功", "交易关闭", "卖家已发货，等待买家确认", "等待买家付款"][i % 4],
    day,
    day,
    `宝贝 ${i % 50} 号`,
    1 + (i % 5),
    ["上海", "北京", "广州"][i % 3],
    i % 7 ? "" : "加急",
  ]);
}
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: "yyyy-mm-dd hh:mm" }), "订单");
const files = [["SheetJS", path.join(dir, "orders-sheetjs.xls")]];
writeFileSync(files[0][1], XLSX.write(book, { type: "buffer", bookType: "biff8" }));
const soffice = ["soffice", "libreoffice"].find((c) => hasCommand(c, ["--version"]));
if (soffice) {
  const xlsx = path.join(dir, "orders.xlsx");
  writeFileSync(xlsx, XLSX.write(book, { type: "buffer", bookType: "xlsx" }));
  execFileSync(
    soffice,
    [
      "--headless",
      `-env:UserInstallation=file://${dir}/profile`,
      "--convert-to",
      "xls:MS Excel 97",
      "--outdir",
      path.join(dir, "lo"),
      xlsx,
    ],
    { stdio: "ignore" },
  );
  files.push(["LibreOffice", path.join(dir, "lo", "orders.xls")]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(work) {
  await work();
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}
const pandas = hasCommand("/usr/bin/python3", ["-c", "import pandas, xlrd"]);
console.log(`${lines.toLocaleString("en")} order lines x 10 columns (.xls, median of 5 runs in process)`);
for (const [writer, file] of files) {
  const ours = await time(() => readWorkbookFile(file));
  const sheetjs = await time(() => readSheetJsWorkbook(readFileSync(file)));
  const py = pandas
    ? Number(
        execFileSync(
          "/usr/bin/python3",
          [
            "-c",
            `import statistics, sys, time
import pandas.compat._optional as o; o.VERSIONS["xlrd"] = "1.2.0"
import pandas
pandas.read_excel(sys.argv[1], engine="xlrd", sheet_name=None)
ts = []
for _ in range(5):
    t = time.perf_counter(); pandas.read_excel(sys.argv[1], engine="xlrd", sheet_name=None); ts.append((time.perf_counter() - t) * 1000)
print(statistics.median(ts))`,
            file,
          ],
          { encoding: "utf8" },
        ).trim(),
      )
    : undefined;
  console.log(
    `  written by ${writer}: ours ${ours.toFixed(0)} ms, SheetJS ${sheetjs.toFixed(0)} ms, pandas+xlrd ${py === undefined ? "not installed" : `${py.toFixed(0)} ms`}${py ? ` (ours / pandas ${(ours / py).toFixed(2)})` : ""}`,
  );
}
