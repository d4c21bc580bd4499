import * as XLSX from "@e965/xlsx";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
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

/** Puts bytes at a path inside the sandbox (folders made as needed) and returns the full path. */
export function put(box: string, name: string, bytes: Buffer | string): string {
  const file = path.join(box, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return file;
}

/** A CSV big enough that its .xlsx takes many writes: the kill lands in the middle of them. */
export function dealsCsv(rows: number): string {
  const lines = ["日期,销售,客户,客户类型,金额,订单号"];
  for (let i = 0; i < rows; i++)
    lines.push(`2026-${String((i % 12) + 1).padStart(2, "0")}-1${i % 10},张${i % 17},客户${i},大客户,${1000 + i},SO${i}`);
  return lines.join("\n");
}

type Open = (file: string, ...rest: unknown[]) => Promise<FileHandle>;

/** `open` on a full disk while `isFull()`: our temporary file takes 1 KB, then the device says ENOSPC. */
export function openOnFullDisk(open: Open, isFull: () => boolean): Open {
  return async (file, ...rest) => {
    const handle = await open(file, ...rest);
    if (isFull() && String(file).endsWith(".tmp")) {
      handle.writeFile = async (bytes: Uint8Array) => {
        await handle.write(bytes.subarray(0, 1024));
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28 });
      };
    }
    return handle;
  };
}
