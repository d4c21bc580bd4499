import JSZip from "jszip";

/** The zip could not be opened: damaged or not a zip at all. */
export class ZipFormatError extends Error {}

/** A package opened to read and change some of its parts, then written again. */
export interface EditableZip {
  /** The parts' names as stored (folders left out). */
  names(): string[];
  has(name: string): boolean;
  /** The part as text, or undefined when absent. */
  text(name: string): Promise<string | undefined>;
  /** Replaces or adds a part. */
  setText(name: string, text: string): void;
  /** The part's bytes as stored (pictures, embedded files), or undefined when absent. */
  bytes(name: string): Promise<Uint8Array | undefined>;
  setBytes(name: string, bytes: Uint8Array): void;
  /** The package's bytes: the parts deflated (level 6), or stored as they are. */
  save(compression: "deflate" | "store"): Promise<Uint8Array>;
}

/** Opens a package to change it; a ZipFormatError when the bytes are not a zip JSZip can read. */
export async function openZip(bytes: Uint8Array): Promise<EditableZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ZipFormatError(error instanceof Error ? error.message : String(error));
  }
  return {
    names: () => Object.keys(zip.files).filter((name) => !zip.files[name].dir),
    has: (name) => zip.file(name) !== null,
    text: async (name) => zip.file(name)?.async("string"),
    setText: (name, text) => void zip.file(name, text),
    bytes: async (name) => zip.file(name)?.async("uint8array"),
    setBytes: (name, bytes) => void zip.file(name, bytes),
    save: (compression) =>
      compression === "deflate"
        ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } })
        : zip.generateAsync({ type: "uint8array" }),
  };
}
