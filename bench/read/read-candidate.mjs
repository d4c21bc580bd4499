// One reading candidate on one file, in its own process so its peak memory is its own:
//   node bench/read/read-candidate.mjs CANDIDATE FILE [--dump] [--modules DIR]
// Prints one JSON line: the sheets as grids (--dump), or the time, the peak RSS and the cell count.
// Every candidate hands over what the command line needs: per sheet, its name and its values
// (numbers, text, booleans; dates as Excel serial numbers), top-left cell first.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";

const [candidate, file, ...rest] = process.argv.slice(2);
const dump = rest.includes("--dump");
const modulesDir = rest.includes("--modules") ? rest[rest.indexOf("--modules") + 1] : undefined;
const require = createRequire(path.resolve("package.json"));
/** The project's own modules first, then the extra candidates' folder. */
const load = (name) => {
  try {
    return require(name);
  } catch (error) {
    if (!modulesDir) throw error;
    return createRequire(path.join(modulesDir, "x.js"))(name);
  }
};

const EPOCH = 25569;
const fromExcelJs = (v) => {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object") return v;
  if (v instanceof Date) return v.getTime() / 86_400_000 + EPOCH;
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
  if ("error" in v) return String(v.error);
  if ("formula" in v || "sharedFormula" in v) return v.result === undefined ? null : fromExcelJs(v.result);
  if ("text" in v) return fromExcelJs(v.text);
  return null;
};

async function excelJsStream(ExcelJS) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(readFileSync(file)), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  const sheets = [];
  for await (const ws of reader) {
    const values = [];
    for await (const row of ws) values[row.number - 1] = row.values.slice(1).map(fromExcelJs);
    sheets.push({ name: ws.name, values });
  }
  return sheets;
}

async function excelJsFull(ExcelJS) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file));
  return wb.worksheets.map((ws) => {
    const values = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => (values[r - 1] = row.values.slice(1).map(fromExcelJs)));
    return { name: ws.name, values };
  });
}

const SHEETJS_ERRORS = { 0: "#NULL!", 7: "#DIV/0!", 15: "#VALUE!", 23: "#REF!", 29: "#NAME?", 36: "#NUM!", 42: "#N/A" };
function sheetJs(XLSX) {
  const quiet = console.error;
  console.error = () => undefined; // parser remarks on ODS number formats
  const wb = XLSX.read(readFileSync(file), {
    type: "buffer",
    dense: true,
    cellDates: false,
    cellNF: false,
    cellText: false,
    cellHTML: false,
    cellStyles: false,
  });
  console.error = quiet;
  return wb.SheetNames.map((name) => {
    const data = wb.Sheets[name]["!data"] ?? [];
    const values = data.map((row) =>
      (row ?? []).map((cell) =>
        !cell || cell.t === "z" ? null : cell.t === "e" ? (SHEETJS_ERRORS[cell.v] ?? "#N/A") : (cell.v ?? null),
      ),
    );
    return { name, values };
  });
}

/** The command line's own entry point (its build: `npm run build:cli`): what users get. */
async function salesPlaybook(reader) {
  return (await reader.readWorkbookFile(file)).sheets.map((s) => {
    const values = [];
    s.values.forEach((line, r) => (values[s.row + r] = [...new Array(s.column).fill(null), ...line]));
    return { name: s.name, values };
  });
}

/** Candidate -> [module, reader]; the module is loaded before the clock starts. */
const CANDIDATES = {
  "exceljs-stream": ["exceljs", excelJsStream],
  "exceljs-full": ["exceljs", excelJsFull],
  "sheetjs-0.20.3": ["@e965/xlsx", sheetJs],
  "sales-playbook": [path.resolve("build/cli/hosts/xlsx/read-workbook-file.js"), salesPlaybook],
  "zurmokeeper-exceljs-stream": ["@zurmokeeper/exceljs", excelJsStream],
  "zurmokeeper-exceljs-full": ["@zurmokeeper/exceljs", excelJsFull],
  "protobi-exceljs-stream": ["@protobi/exceljs", excelJsStream],
  "protobi-exceljs-full": ["@protobi/exceljs", excelJsFull],
};

try {
  const [moduleName, read] = CANDIDATES[candidate];
  const lib = load(moduleName);
  const baseRss = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const sheets = await read(lib);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (dump) {
    console.log(JSON.stringify({ sheets }));
  } else {
    const cells = sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + (r ? r.filter((v) => v !== null).length : 0), 0), 0);
    const maxRssMB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ ms, maxRssMB, baseRssMB: baseRss / 1048576, cells }));
  }
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.message ?? error).split("\n")[0] }));
}
