// The export fixture set for the read benchmark: the Python script (Debian's python3 with openpyxl),
// LibreOffice's conversions where soffice exists, and the ExcelJS-written file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(path.resolve("package.json"));
const SCRIPT = path.resolve("test/fixtures/exports/make-exports.py");

export function hasCommand(command, args = ["--version"]) {
  try {
    execFileSync(command, args, { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Writes the fixtures into a new temporary folder; returns it and the manifest, or undefined without Python. */
export async function makeExportFixtures() {
  if (!hasCommand("/usr/bin/python3")) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "read-bench-"));
  execFileSync("/usr/bin/python3", [SCRIPT, dir], { stdio: "inherit" });
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  const soffice = hasCommand("soffice");
  for (const entry of manifest.files) {
    const make = entry.make;
    if (entry.skipped || !make) continue;
    if (make.by === "exceljs") await writeExcelJs(path.join(dir, make.grid), path.join(dir, entry.file));
    if (make.by === "libreoffice") {
      if (!soffice) {
        entry.skipped = "needs LibreOffice (soffice)";
        continue;
      }
      const out = mkdtempSync(path.join(tmpdir(), "read-bench-lo-"));
      const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--norestore",
          ...(make.infilter ? [`--infilter=${make.infilter}`] : []),
          "--convert-to",
          make.to,
          "--outdir",
          out,
          path.join(dir, make.from),
        ],
        { stdio: "ignore", timeout: 180_000 },
      );
      renameSync(path.join(out, readdirSync(out)[0]), path.join(dir, entry.file));
      rmSync(out, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return { dir, manifest };
}

async function writeExcelJs(gridFile, file) {
  const ExcelJS = require("exceljs");
  const grid = JSON.parse(readFileSync(gridFile, "utf8"));
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = typeof v === "object" ? new Date(`${v.date}T00:00:00Z`) : v;
        if (typeof v === "object") cell.numFmt = "yyyy-mm-dd";
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}
