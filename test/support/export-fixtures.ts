import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { convertFilesWithLibreOffice, findSoffice } from "./soffice";

/**
 * The export fixture set: files as real programs write them (openpyxl, CSV from CRMs and ERPs,
 * LibreOffice, ExcelJS), made at test time from a seeded deal set by
 * test/fixtures/exports/make-exports.py, with the figures expected from the seeded records.
 * Made once per version of the scripts into the system's temporary folder, and reused.
 */
export interface ExpectedSegment {
  readonly type: string;
  readonly customers: number;
  readonly orders: number;
  readonly revenue: number;
  readonly closeRate: number | null;
}

export interface Probe {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value: string | number;
}

/** How the CLI must report one status text of a file (`lines` left out where a line of it has no date). */
export interface ExpectedStatus {
  readonly text: string;
  readonly class: "won" | "lost" | "open" | "booked" | "unknown";
  readonly assumed: boolean;
  readonly lines?: number;
}

export interface ExportFixture {
  readonly file: string;
  /** Who wrote it: openpyxl, python csv, libreoffice, exceljs. */
  readonly by: string;
  /** "market": an order system, shop or CRM export about one reading rule (market-exports.test.ts). */
  readonly suite?: string;
  /** The file is to be refused: exit code and the `--map` the message tells the user to type. */
  readonly error?: { readonly code: number; readonly map: string };
  /** A status text (no word classifies it) the reading notes must name with its line count. */
  readonly notesStatus?: string;
  readonly path: string;
  /** Why it could not be made on this machine. */
  readonly skipped?: string;
  readonly sheets?: readonly string[];
  readonly dealSheet?: string;
  readonly activitySheet?: string;
  readonly tables?: readonly string[];
  readonly expected?: {
    readonly period: string | null;
    readonly segments: readonly ExpectedSegment[];
    readonly total: { readonly customers: number; readonly orders: number; readonly revenue: number };
    /** diagnose's `periods.longitudinal.days`: today's day when today falls in the period, else null (whole months). */
    readonly longitudinalDays?: number | null;
    /** The status texts whose class the agreed rules define. */
    readonly statuses?: readonly ExpectedStatus[];
    /** How many order ids name orders of more than one customer (a reading note says so). */
    readonly sharedIds?: number;
    /** `customers`' churned names: names in a legacy encoding as written, customers counted by id by their name. */
    readonly churned?: readonly string[];
    /** The 3 months ending at the period: diagnose's customer section. */
    readonly span?: {
      readonly from: string;
      readonly to: string;
      readonly segments: readonly ExpectedSegment[];
      readonly total: { readonly customers: number; readonly orders: number; readonly revenue: number };
    };
  };
  readonly probes?: readonly Probe[];
  /** Data lines in the file. */
  readonly lines?: number;
  readonly make?: {
    readonly by: string;
    readonly from?: string;
    readonly to?: string;
    readonly infilter?: string;
    readonly grid?: string;
  };
}

export interface ExportFixtures {
  readonly dir: string;
  readonly today: string;
  readonly files: readonly ExportFixture[];
  /** Set when nothing could be made (no Python here). */
  readonly unavailable?: string;
}

/** Debian's python3, which has python3-openpyxl (a pyenv python3 on PATH may not); another one can be named. */
export const PYTHON = process.env.EXPORT_FIXTURES_PYTHON ?? "/usr/bin/python3";
const SCRIPTS = path.resolve(__dirname, "../fixtures/exports");

function scriptsHash(tools: string): string {
  const hash = createHash("sha1").update(tools);
  for (const name of readdirSync(SCRIPTS).sort()) hash.update(name).update(readFileSync(path.join(SCRIPTS, name)));
  return hash.digest("hex").slice(0, 12);
}

/** Makes (or finds, already made) the fixture set: Python and LibreOffice run synchronously, so tests can be named from it. */
export function prepareExportFixtures(): ExportFixtures {
  if (!existsSync(PYTHON))
    return { dir: "", today: "", files: [], unavailable: `needs ${PYTHON} (Debian's python3 with python3-openpyxl)` };
  const soffice = findSoffice();
  const dir = path.join(tmpdir(), `sales-playbook-exports-${scriptsHash(`${PYTHON} ${Boolean(soffice)}`)}`);
  if (!existsSync(path.join(dir, "ready.json")) && takeLock(`${dir}.lock`)) {
    try {
      if (!existsSync(path.join(dir, "ready.json"))) makeFixtures(soffice, dir);
    } finally {
      rmSync(`${dir}.lock`, { recursive: true, force: true });
    }
  }
  const manifest = JSON.parse(readFileSync(path.join(dir, "ready.json"), "utf8")) as { today: string; files: ExportFixture[] };
  return { dir, today: manifest.today, files: manifest.files.map((f) => ({ ...f, path: path.join(dir, f.file) })) };
}

/** Python writes the files and the manifest into a new folder, LibreOffice converts some, and the folder takes its name. */
function makeFixtures(soffice: string | undefined, dir: string): void {
  const work = mkdtempSync(`${dir}-making-`);
  execFileSync(PYTHON, [path.join(SCRIPTS, "make-exports.py"), work], { stdio: "pipe", timeout: 120_000 });
  const manifest = JSON.parse(readFileSync(path.join(work, "manifest.json"), "utf8")) as {
    today: string;
    files: ExportFixture[];
  };
  convertWithLibreOffice(soffice, work, manifest.files);
  writeFileSync(path.join(work, "ready.json"), JSON.stringify(manifest));
  renameSync(work, dir);
}

/**
 * One test file makes the fixtures while the others (jest runs files in parallel) wait for them:
 * true when this process is to make them, false once another has. A lock older than ten minutes
 * is left over from a run that was stopped, and taken over.
 */
function takeLock(lock: string): boolean {
  const ready = path.join(lock.replace(/\.lock$/, ""), "ready.json");
  for (;;) {
    try {
      mkdirSync(lock);
      return true;
    } catch {
      if (existsSync(ready)) return false;
      const taken = statSync(lock, { throwIfNoEntry: false });
      if (taken && Date.now() - taken.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

/** LibreOffice's conversions, one soffice run per target format; without soffice they are skipped. */
function convertWithLibreOffice(soffice: string | undefined, dir: string, files: ExportFixture[]): void {
  const groups = new Map<string, ExportFixture[]>();
  for (const f of files) {
    if (f.make?.by !== "libreoffice" || f.skipped) continue;
    if (!soffice) {
      (f as { skipped?: string }).skipped = "needs LibreOffice (soffice)";
      continue;
    }
    const key = `${f.make.to}|${f.make.infilter ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [key, group] of groups) {
    const [to, infilter] = key.split("|");
    const out = mkdtempSync(path.join(tmpdir(), "lo-exports-"));
    const written = convertFilesWithLibreOffice(
      soffice!,
      group.map((f) => path.join(dir, f.make!.from!)),
      to,
      out,
      infilter || undefined,
    );
    group.forEach((f, i) => renameSync(written[i], path.join(dir, f.file)));
    rmSync(out, { recursive: true, force: true });
  }
}

/** The files ExcelJS writes (asynchronous, so apart): from the Python script's grid, dates as dates. */
export async function writeExcelJsFixtures(fixtures: ExportFixtures): Promise<void> {
  for (const f of fixtures.files) {
    if (f.make?.by !== "exceljs" || f.skipped || existsSync(f.path)) continue;
    const grid = JSON.parse(readFileSync(path.join(fixtures.dir, f.make.grid!), "utf8")) as {
      sheets: { name: string; rows: (string | number | null | { date: string })[][] }[];
    };
    const workbook = new ExcelJS.Workbook();
    for (const sheet of grid.sheets) {
      const ws = workbook.addWorksheet(sheet.name);
      sheet.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          const cell = ws.getCell(r + 1, c + 1);
          if (typeof v === "object") {
            cell.value = new Date(`${v.date}T00:00:00Z`);
            cell.numFmt = "yyyy-mm-dd";
          } else cell.value = v;
        }),
      );
    }
    const temporary = `${f.path}.${process.pid}.tmp`;
    await workbook.xlsx.writeFile(temporary);
    renameSync(temporary, f.path);
  }
}
