// `npm run bench -- --extras`: the command line end to end on files that used to make it fall over. Needs
// `npm run build:cli`. Each run is a separate process, timed with its peak RSS (/usr/bin/time when
// present, else the process's own resource usage).
//   node bench/cli-validate.bench.mjs [--rows 200000]
// 1. validate on a weekly tracker of N rows (default 200,000), --json and text mode;
// 2. a zip bomb (2 GB of empty rows, a few MB zipped): time and memory to refuse it;
// 3. a sheet with a table at A1 and a stray value at XFD1048576, and one formatted down to row 1,048,576.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { runMeasured } from "./lib/process.mjs";
import { writeWeeklyTracker } from "./scale/weekly-tracker-file.mjs";

const args = process.argv.slice(2);
const rows = args.includes("--rows") ? Number(args[args.indexOf("--rows") + 1]) : 200_000;
const cli = path.resolve("bin/sales-playbook.cjs");
if (!existsSync("build/cli/cli/main.js")) {
  console.log("No build/cli: run npm run build:cli first.");
  process.exit(0);
}
const dir = mkdtempSync(path.join(tmpdir(), "cli-validate-bench-"));

/** Runs the command line once: wall time, peak RSS, exit code and the output's size. */
function run(label, cliArgs) {
  const r = runMeasured(process.execPath, [cli, ...cliArgs]);
  console.log(
    `${label}: ${(r.ms / 1000).toFixed(2)} s, peak RSS ${r.peakMB.toFixed(0)} MB, exit ${r.status}, ` +
      `${(r.stdoutBytes / 1e6).toFixed(1)} MB out${r.said ? ` — ${r.said.slice(0, 160)}` : ""}`,
  );
}

// 1. The weekly tracker.
const tracker = path.join(dir, `weekly-${rows}.xlsx`);
await writeWeeklyTracker(tracker, rows);
run(`validate --json, ${rows.toLocaleString("en-US")} weekly rows`, ["validate", tracker, "--json", "--lang", "en"]);
run(`validate (text), ${rows.toLocaleString("en-US")} weekly rows`, ["validate", tracker, "--lang", "en"]);
const quarter = path.join(dir, `weekly-${rows / 4}.xlsx`);
await writeWeeklyTracker(quarter, rows / 4);
run(`validate --json, ${(rows / 4).toLocaleString("en-US")} weekly rows (linearity check)`, ["validate", quarter, "--json"]);

// Hand-made zips (see test/scale/zip-fixtures.ts): sizes in the directory are ours to set.
function zip(file, entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...parts, cd, end]));
}
const entry = (name, text) => {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const around = (sheet) => [
  entry(
    "[Content_Types].xml",
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  ),
  entry(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ),
  entry(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ),
  entry(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  ),
  sheet,
];
const HEAD = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><dimension ref="A1:XFD1048576"/><sheetData>`;
const TAIL = "</sheetData></worksheet>";
/** Pieces deflated a megabyte at a time with full flushes: copies can be laid end to end. */
function streamed(pieces, repeat = 1) {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const [head, ...rest] = pieces;
  const body = rest.slice(0, -1);
  const tail = rest[rest.length - 1];
  const middle = body.map((p) => deflateRawSync(Buffer.from(p), flush));
  const size = Buffer.byteLength(head) + body.reduce((n, p) => n + Buffer.byteLength(p), 0) * repeat + Buffer.byteLength(tail);
  const data = Buffer.concat([
    deflateRawSync(Buffer.from(head), flush),
    ...Array(repeat).fill(middle).flat(),
    deflateRawSync(Buffer.from(tail)),
  ]);
  return { name: "xl/worksheets/sheet1.xml", data, size: Math.min(size, 0xfffffffe), crc: 0 };
}

// 2. The bomb: 2,000 copies of 1 MB of empty rows.
const bomb = path.join(dir, "bomb.xlsx");
zip(bomb, around(streamed([HEAD, '<row r="1" s="1"><c r="A1" s="1"/></row>'.repeat(26_000), TAIL], 2_000)));
run("zip bomb, 2 GB declared", ["validate", bomb]);
const unsized = path.join(dir, "bomb-unsized.xlsx");
const lying = streamed([HEAD, '<row r="1" s="1"><c r="A1" s="1"/></row>'.repeat(26_000), TAIL], 2_000);
zip(unsized, around({ ...lying, size: 0 }));
run("zip bomb, 2 GB declaring no size (refused at its first bytes)", ["validate", unsized]);

// 3. The last cell of the grid.
const cell = (ref, v) =>
  typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const table = Array.from(
  { length: 300 },
  (_v, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, `客户${i}`)}${cell(`B${i + 1}`, i)}</row>`,
).join("");
const far = path.join(dir, "xfd.xlsx");
zip(far, around(streamed([HEAD, table, `<row r="1048576">${cell("XFD1048576", "far")}</row>`, TAIL])));
run("table at A1 + a value at XFD1048576, validate --json", ["validate", far, "--json"]);
const formatted = path.join(dir, "formatted.xlsx");
const pieces = [HEAD, table];
for (let r = 301; r <= 1_048_576; r += 10_000) {
  let s = "";
  for (let k = r; k < Math.min(r + 10_000, 1_048_577); k++)
    s += `<row r="${k}" s="1" customFormat="1"><c r="A${k}" s="1"/><c r="B${k}" s="1"/></row>`;
  pieces.push(s);
}
pieces.push(TAIL);
zip(formatted, around(streamed(pieces)));
run("300 rows + formatting down to row 1,048,576, validate --json", ["validate", formatted, "--json"]);
