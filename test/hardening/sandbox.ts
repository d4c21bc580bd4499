import * as XLSX from "@e965/xlsx";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";

/** What a folder holds, without following links: each entry's kind and a hash of its bytes or link. */
export function snapshot(folder: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const key = path.relative(folder, full);
      const info = lstatSync(full);
      if (info.isSymbolicLink()) entries.set(key, `link ${readlinkSync(full)}`);
      else if (info.isDirectory()) {
        entries.set(key, "folder");
        walk(full);
      } else entries.set(key, `file ${createHash("sha1").update(readFileSync(full)).digest("hex")}`);
    }
  };
  walk(folder);
  return entries;
}

/** A zip that opens and holds a workbook part: a whole .xlsx, not half of one. */
export async function isWholeXlsx(file: string): Promise<boolean> {
  const zip = await JSZip.loadAsync(readFileSync(file)).catch(() => undefined);
  return Boolean(zip?.file("xl/workbook.xml"));
}

/** An OLE container as Excel writes for a password-protected .xlsx. */
export function encryptedWorkbook(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", Buffer.alloc(600, 1));
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(4096, 2));
  return XLSX.CFB.write(cfb, { type: "buffer" }) as Buffer;
}

/** An Excel 97-2003 workbook (BIFF8), as old ERPs export. */
export function realXls(): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ["日期", "金额"],
      ["2026-11-02", 1200],
    ]),
    "成交",
  );
  return XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer;
}

/** A zip with a worksheet part replaced, the entries kept in their order. */
export async function withPart(xlsx: Buffer, part: string, text: string | undefined): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir || (entry.name === part && text === undefined)) continue;
    out.file(entry.name, entry.name === part ? (text as string) : await entry.async("nodebuffer"));
  }
  return out.generateAsync({ type: "nodebuffer" });
}

export const BIN = path.resolve(__dirname, "../../bin/sales-playbook.cjs");

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real command line in `cwd`, optionally with a preload; `killWhen` is polled and the
 * process gets SIGKILL as soon as it holds.
 */
export function runBinary(
  args: readonly string[],
  options: { cwd: string; preload?: string; env?: Record<string, string>; killWhen?: () => boolean },
): Promise<ProcessResult> {
  const node = [...(options.preload ? ["-r", options.preload] : []), BIN, ...args];
  const child = spawn(process.execPath, node, { cwd: options.cwd, env: { ...process.env, ...options.env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  const watch = options.killWhen
    ? setInterval(() => {
        if (options.killWhen?.()) child.kill("SIGKILL");
      }, 10)
    : undefined;
  return new Promise((resolve) =>
    child.on("close", (code, signal) => {
      clearInterval(watch);
      resolve({ code, signal, stdout, stderr });
    }),
  );
}

/** Our temporary files in a folder (hidden, `.name.xlsx.<pid>.<hex>.tmp`). */
export function tempFiles(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith(".tmp")) : [];
}
