/**
 * A zip's central directory read by hand: each entry's name, method, sizes and where its data is,
 * so the sizes can be judged before anything is inflated (a zip bomb declares hundreds of MB or GB
 * there). ZIP64 sizes and offsets are read from their extra field.
 */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  readonly method: number;
  readonly compressedSize: number;
  /** What the directory declares; an entry may lie, so inflating counts too. */
  readonly size: number;
  readonly localHeaderOffset: number;
}

/** The bytes are not a zip we can walk (damaged, truncated, or a method we do not inflate). */
export class ZipDirectoryError extends Error {}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65_535); at--) if (view.getUint32(at, true) === EOCD) return at;
  throw new ZipDirectoryError("no end of central directory record");
}

/** The entries of the zip in `bytes`, in directory order. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const end = findEndRecord(view);
    let count = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    if ((count === 0xffff || offset === MAX32) && end >= 20 && view.getUint32(end - 20, true) === EOCD64_LOCATOR) {
      const at = u64(view, end - 12);
      if (view.getUint32(at, true) !== EOCD64) throw new ZipDirectoryError("bad ZIP64 end record");
      count = u64(view, at + 32);
      offset = u64(view, at + 48);
    }
    const entries: ZipEntry[] = [];
    const decoder = new TextDecoder("utf-8");
    for (let i = 0; i < count; i++) {
      if (view.getUint32(offset, true) !== CENTRAL) throw new ZipDirectoryError("bad central directory entry");
      const method = view.getUint16(offset + 10, true);
      let compressedSize = view.getUint32(offset + 20, true);
      let size = view.getUint32(offset + 24, true);
      const nameLength = view.getUint16(offset + 28, true);
      const extraLength = view.getUint16(offset + 30, true);
      const commentLength = view.getUint16(offset + 32, true);
      let localHeaderOffset = view.getUint32(offset + 42, true);
      const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
      // ZIP64: the fields set to 0xFFFFFFFF follow in the extra field 0x0001, in this order.
      let extra = offset + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = view.getUint16(extra, true);
        const length = view.getUint16(extra + 2, true);
        if (id === 0x0001) {
          let at = extra + 4;
          if (size === MAX32) ((size = u64(view, at)), (at += 8));
          if (compressedSize === MAX32) ((compressedSize = u64(view, at)), (at += 8));
          if (localHeaderOffset === MAX32) localHeaderOffset = u64(view, at);
        }
        extra += 4 + length;
      }
      entries.push({ name, method, compressedSize, size, localHeaderOffset });
      offset = extraEnd + commentLength;
    }
    return entries;
  } catch (error) {
    if (error instanceof RangeError) throw new ZipDirectoryError("truncated zip");
    throw error;
  }
}

/** The entry's compressed bytes (a view into `bytes`, nothing copied). */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) throw new ZipDirectoryError("bad local header");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw new ZipDirectoryError("truncated entry");
  return bytes.subarray(start, start + entry.compressedSize);
}
