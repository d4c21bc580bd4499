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
  /** Hands the part's bytes to `onChunk` piece by piece as they are inflated (a large sheet is never whole); false when absent. */
  stream(name: string, onChunk: (chunk: Uint8Array) => void): Promise<boolean>;
  /** Takes a part out of the package. */
  remove(name: string): void;
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
    stream: (name, onChunk) => streamPart(zip.file(name), onChunk),
    remove: (name) => void zip.remove(name),
    save: (compression) =>
      compression === "deflate"
        ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } })
        : zip.generateAsync({ type: "uint8array" }),
  };
}

/** JSZip's own stream of a part (documented, though its typings leave it out), which works in the browser too. */
interface PartStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): PartStream;
  on(event: "end", listener: () => void): PartStream;
  on(event: "error", listener: (error: Error) => void): PartStream;
  resume(): PartStream;
}

function streamPart(file: JSZip.JSZipObject | null, onChunk: (chunk: Uint8Array) => void): Promise<boolean> {
  if (file === null) return Promise.resolve(false);
  const stream = (file as unknown as { internalStream(type: "uint8array"): PartStream }).internalStream("uint8array");
  return new Promise((resolve, reject) => {
    stream
      .on("data", (chunk) => {
        try {
          onChunk(chunk);
        } catch (error) {
          reject(error);
        }
      })
      .on("error", reject)
      .on("end", () => resolve(true))
      .resume();
  });
}
