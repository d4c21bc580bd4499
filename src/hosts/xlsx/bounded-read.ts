import { open, type FileHandle } from "node:fs/promises";
import { sniffContent } from "./file-kind";
import { ReadLimitError } from "./read-limits";

/** How many first bytes `sniffContent` judges a file by: a stream whose head is not a format is not read on. */
export const SNIFF_BYTES = 65_536;

/** The most a single read asks for (a pipe gives 64 KB at a time, a file as much as asked). */
const CHUNK = 1024 * 1024;

/**
 * A file's bytes, never more than `maxBytes` held: a regular file larger than that (by its size) is
 * refused before reading, and anything else (a device, a FIFO, /dev/stdin, whose size says nothing)
 * is read as it arrives, the bytes counted, and refused one byte past the limit. A stream whose first
 * 64 KB are neither a zip, an OLE container nor text (/dev/zero, /dev/urandom) is judged on them alone:
 * what follows cannot change what it is. Throws ReadLimitError past the limit; the system's errors
 * (ENOENT, EISDIR, EACCES) as they are.
 */
export async function readBounded(file: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    // Linux cannot reopen a socket through /dev/stdin (ENXIO): what a program started with a socket for stdin gives.
    if ((error as NodeJS.ErrnoException).code === "ENXIO" && STDIN.has(file)) return readStream(process.stdin, maxBytes);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (info.isFile() && info.size > maxBytes) throw new ReadLimitError("size", maxBytes);
    return await readUpTo(handle, maxBytes, info.isFile() ? info.size : undefined);
  } finally {
    await handle.close();
  }
}

const STDIN = new Set(["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

/** `readUpTo` for a stream that cannot be opened again (stdin on a socket): the same count and the same head. */
async function readStream(stream: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let judged = false;
  for await (const chunk of stream) {
    chunks.push(chunk);
    total += chunk.length;
    if (total > maxBytes) throw new ReadLimitError("size", maxBytes);
    if (!judged && total >= SNIFF_BYTES) {
      judged = true;
      const head = Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
      if (sniffContent(head) === "binary") return Buffer.from(head);
    }
  }
  return Buffer.concat(chunks, total);
}

/** Reads until the end, or throws once more than `maxBytes` came; `size` (a regular file's) sizes the first buffer. */
async function readUpTo(handle: FileHandle, maxBytes: number, size: number | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let judged = size !== undefined;
  // One byte past the file's size (or the limit) finds the end, or a file that grew, in the same read.
  let buffer = Buffer.allocUnsafe(Math.min(size === undefined ? CHUNK : size + 1, maxBytes + 1));
  let filled = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
    total += bytesRead;
    if (total > maxBytes) throw new ReadLimitError("size", maxBytes);
    if (!judged && total >= SNIFF_BYTES) {
      judged = true;
      const head = chunks.length === 0 ? buffer.subarray(0, filled) : Buffer.concat([...chunks, buffer.subarray(0, filled)]);
      if (sniffContent(head.subarray(0, SNIFF_BYTES)) === "binary") return Buffer.from(head.subarray(0, SNIFF_BYTES));
    }
    if (filled === buffer.length) {
      chunks.push(buffer);
      buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      filled = 0;
    }
  }
  if (chunks.length === 0) return buffer.subarray(0, filled);
  return Buffer.concat([...chunks, buffer.subarray(0, filled)], total);
}
